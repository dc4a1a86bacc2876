//! Edge-protection rules: a WAF with SQL-injection and common (XSS) rule groups on every
//! internet-facing endpoint, Shield Advanced where the design subscribes to it, HTTPS only,
//! authentication at the edge, no way around the WAF, and no carried DNS record left to dangle.

pub(crate) mod carried_dns_record_may_dangle;
pub(crate) mod internet_endpoint_without_waf;
pub(crate) mod plain_http_from_internet;
pub(crate) mod shield_gap;
pub(crate) mod unauthenticated_internet_endpoint;
pub(crate) mod waf_bypass;
pub(crate) mod waf_without_common_rules;
pub(crate) mod waf_without_sqli_rules;

use zta_model::{Component, ComponentKind};

use crate::context::Context;
use crate::finding::Emitter;

/// Reports web ACLs that guard an endpoint but lack a managed rule group.
pub(crate) fn require_rule_group(cx: &Context<'_>, out: &mut Emitter, group: &str, attack: &str) {
    for acl in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::WafWebAcl)
    {
        if acl.properties.protects.is_empty() {
            continue;
        }
        out.evaluate(&acl.id);
        if has_group(acl, group) {
            continue;
        }
        let mut elements = vec![acl.id.as_str()];
        elements.extend(acl.properties.protects.iter().map(String::as_str));
        out.report(
            format!(
                "Web ACL {} has no {group} rule group against {attack}",
                cx.label(&acl.id)
            ),
            &elements,
            format!("Add `{group}` to `managed_rule_groups`."),
        );
    }
}

fn has_group(acl: &Component, group: &str) -> bool {
    acl.properties
        .managed_rule_groups
        .iter()
        .any(|known| known.eq_ignore_ascii_case(group) || known.ends_with(&format!("/{group}")))
}
