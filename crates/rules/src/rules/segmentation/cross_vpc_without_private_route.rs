//! ZT-NET-011: VPCs talk over the internet or over no stated route.

use crate::analysis::Mechanism;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the segmentation analysis: flags flows between components in different VPCs that
    /// pass through an internet or NAT gateway, or for which the design states no private way
    /// (no Transit Gateway attaching both VPCs, no PrivateLink, no peering).
    ///
    /// ## Why it matters
    /// Traffic between two private networks that leaves through the internet is exposed to it,
    /// and forces both sides to accept internet traffic.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: sync, source: app, target: other-vpc-svc, protocol: https, tls: '1.2', auth: iam}
    /// ```
    ///
    /// ## What to do instead
    /// Attach both VPCs to a Transit Gateway (list them in its `attachments`) or publish the
    /// target as a PrivateLink endpoint service.
    code: "ZT-NET-011",
    name: "cross-vpc-without-private-route",
    title: "Cross-VPC flow without a private route",
    family: Segmentation,
    severity: High,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for crossing in &cx.analyses.segmentation.crossings {
        let Some((from, to)) = &crossing.vpcs else {
            continue;
        };
        out.evaluate(&crossing.flow);
        if !matches!(
            crossing.mechanism,
            Mechanism::Internet | Mechanism::Unrouted
        ) {
            continue;
        }
        let Some(flow) = cx.index.flow(&crossing.flow) else {
            continue;
        };
        out.report(
            format!(
                "Flow `{}` from {} to {} crosses from VPC {} to {} over {}",
                flow.id,
                cx.label(&flow.source),
                cx.label(&flow.target),
                cx.label(from),
                cx.label(to),
                crossing.mechanism.as_str()
            ),
            &[&flow.id, &flow.source, &flow.target],
            "Attach both VPCs to a Transit Gateway or use PrivateLink.",
        );
    }
}
