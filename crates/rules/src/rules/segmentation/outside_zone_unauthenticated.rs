//! ZT-NET-015: an on-premises or partner network reaches a workload or data store unauthenticated.

use crate::analysis::Enforcement;
use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the exposure analysis from on-premises and partner zones: flags workloads and data
    /// stores that a path from such a zone reaches without any authenticating hop.
    ///
    /// ## Why it matters
    /// Private connectivity (VPN, Direct Connect) is not trust: the partner's or the office
    /// network is only as safe as its least-patched laptop. Zero trust authenticates every
    /// request whatever network it comes from (NIST SP 800-207 tenet 2).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: partner-feed, source: partner-system, target: ingest-svc, protocol: https, tls: '1.2', auth: none}
    /// ```
    ///
    /// ## What to do instead
    /// Authenticate the caller (mTLS or IAM through IAM Roles Anywhere, or a JWT).
    code: "ZT-NET-015",
    name: "outside-zone-unauthenticated",
    title: "Private network reaches a resource without authentication",
    family: Segmentation,
    severity: High,
    tenets: [T2, T6],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !(component.kind.is_workload() || component.kind.is_data_store()) {
            continue;
        }
        for zone in [Zone::OnPremises, Zone::Partner] {
            if cx
                .analyses
                .exposure
                .paths_to(&component.id)
                .any(|path| path.zone == zone)
            {
                out.evaluate(&component.id);
            }
            if let Some(path) =
                cx.analyses
                    .exposure
                    .path_without(&component.id, zone, Enforcement::AUTHENTICATION)
            {
                out.report_path(
                    format!(
                        "{} reaches {} with no authenticating hop: {}",
                        capitalised(zone.as_str()),
                        cx.label(&component.id),
                        path.path.join(" → ")
                    ),
                    &[&component.id],
                    path.path.clone(),
                    "Authenticate the callers from that network (mTLS, IAM Roles Anywhere or JWT).",
                );
            }
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
