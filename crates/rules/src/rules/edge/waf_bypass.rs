//! ZT-EDGE-007: a component reached through a WAF can also be reached around it.

use crate::analysis::Enforcement;
use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the internet-exposure analysis: flags workloads and endpoints that some path from
    /// the internet reaches through a WAF while another path reaches them without one.
    ///
    /// ## Why it matters
    /// Attackers take the unguarded path: a second public entry (a public load balancer beside
    /// the CloudFront origin, a public address) makes the WAF decorative.
    ///
    /// ## Example
    /// ```yaml
    /// flows:
    /// - {id: via-cdn, source: cdn, target: app, protocol: https, tls: '1.2', auth: jwt, issuer: pool}
    /// - {id: direct, source: customer, target: app, protocol: https, tls: '1.2', auth: jwt, issuer: pool}
    /// ```
    ///
    /// ## What to do instead
    /// Close the unguarded path, or put the same web ACL in front of it.
    code: "ZT-EDGE-007",
    name: "waf-bypass",
    title: "WAF can be bypassed",
    family: Edge,
    severity: Medium,
    tenets: [T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !(component.kind.is_workload() || component.kind.is_edge_endpoint()) {
            continue;
        }
        let exposure = &cx.analyses.exposure;
        if !exposure.some_path_crosses(&component.id, Zone::Internet, Enforcement::WAF) {
            continue;
        }
        out.evaluate(&component.id);
        if !cx.index.wafs_of(&component.id).is_empty() {
            continue;
        }
        if let Some(path) = exposure.path_without(&component.id, Zone::Internet, Enforcement::WAF) {
            out.report_path(
                format!(
                    "{} sits behind a WAF, but the internet also reaches it without one: {}",
                    cx.label(&component.id),
                    path.path.join(" → ")
                ),
                &[&component.id],
                path.path.clone(),
                "Close the unguarded path or protect it with the same web ACL.",
            );
        }
    }
}
