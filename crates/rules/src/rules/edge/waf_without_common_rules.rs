//! ZT-EDGE-003: a web ACL has no common rule set (XSS and OWASP top risks).

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::edge::require_rule_group;

declare_rule! {
    /// ## What it checks
    /// Flags web ACLs that protect something but do not list `AWSManagedRulesCommonRuleSet`
    /// (cross-site scripting and other OWASP risks) in `managed_rule_groups`.
    ///
    /// ## Why it matters
    /// The common rule set blocks cross-site scripting, path traversal and oversized payloads:
    /// without it the WAF inspects little.
    ///
    /// ## Example
    /// ```yaml
    /// properties: {managed_rule_groups: [AWSManagedRulesSQLiRuleSet], protects: [api]}
    /// ```
    ///
    /// ## What to do instead
    /// Add `AWSManagedRulesCommonRuleSet`.
    code: "ZT-EDGE-003",
    name: "waf-without-common-rules",
    title: "Web ACL without the common (XSS) rule set",
    family: Edge,
    severity: Medium,
    tenets: [T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    require_rule_group(
        cx,
        out,
        "AWSManagedRulesCommonRuleSet",
        "cross-site scripting",
    );
}
