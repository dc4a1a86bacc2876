//! ZT-EDGE-002: a web ACL has no SQL-injection rules.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::edge::require_rule_group;

declare_rule! {
    /// ## What it checks
    /// Flags web ACLs that protect something but do not list `AWSManagedRulesSQLiRuleSet` in
    /// `managed_rule_groups`.
    ///
    /// ## Why it matters
    /// SQL injection remains one of the most exploited web flaws; the managed rule group blocks
    /// the known patterns in front of every protected endpoint.
    ///
    /// ## Example
    /// ```yaml
    /// properties: {managed_rule_groups: [AWSManagedRulesCommonRuleSet], protects: [api]}
    /// ```
    ///
    /// ## What to do instead
    /// Add `AWSManagedRulesSQLiRuleSet`.
    code: "ZT-EDGE-002",
    name: "waf-without-sqli-rules",
    title: "Web ACL without SQL-injection rules",
    family: Edge,
    severity: Medium,
    tenets: [T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    require_rule_group(cx, out, "AWSManagedRulesSQLiRuleSet", "SQL injection");
}
