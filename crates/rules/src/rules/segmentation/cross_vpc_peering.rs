//! ZT-NET-010: VPCs talk over a peering connection.

use crate::analysis::Mechanism;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the segmentation analysis: flags flows between VPCs that travel over VPC peering.
    ///
    /// ## Why it matters
    /// Peering joins whole networks without a central place to inspect, log or segment the
    /// traffic, and a mesh of peerings grows quadratically. Transit Gateway route tables and
    /// PrivateLink expose only what a flow needs.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: sync, source: app, target: partner-db, protocol: postgresql, tls: '1.2', auth: iam, via: [peering]}
    /// ```
    ///
    /// ## What to do instead
    /// Route the flow through a Transit Gateway, or expose the service with PrivateLink.
    code: "ZT-NET-010",
    name: "cross-vpc-peering",
    title: "Cross-VPC flow over VPC peering",
    family: Segmentation,
    severity: Medium,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for crossing in &cx.analyses.segmentation.crossings {
        if crossing.vpcs.is_some() {
            out.evaluate(&crossing.flow);
        }
        let (Some((from, to)), Mechanism::Peering) = (&crossing.vpcs, crossing.mechanism) else {
            continue;
        };
        let Some(flow) = cx.index.flow(&crossing.flow) else {
            continue;
        };
        out.report(
            format!(
                "Flow `{}` from {} to {} crosses from VPC {} to {} over VPC peering",
                flow.id,
                cx.label(&flow.source),
                cx.label(&flow.target),
                cx.label(from),
                cx.label(to)
            ),
            &[&flow.id, &flow.source, &flow.target],
            "Carry the flow over Transit Gateway or PrivateLink.",
        );
    }
}
