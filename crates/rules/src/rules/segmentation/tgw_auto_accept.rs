//! ZT-NET-012: a Transit Gateway accepts attachments automatically.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags Transit Gateways with `auto_accept_attachments: true`.
    ///
    /// ## Why it matters
    /// Auto-accept lets any account the gateway is shared with join its VPCs to the network
    /// hub, unreviewed: segmentation then rests on others' good behaviour.
    ///
    /// ## Example
    /// ```yaml
    /// - id: tgw
    ///   kind: transit_gateway
    ///   name: Hub
    ///   segment: network-region
    ///   properties: {auto_accept_attachments: true}
    /// ```
    ///
    /// ## What to do instead
    /// Set `auto_accept_attachments: false` and accept each attachment in review.
    code: "ZT-NET-012",
    name: "tgw-auto-accept",
    title: "Transit Gateway auto-accepts attachments",
    family: Segmentation,
    severity: Medium,
    tenets: [T4],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::TransitGateway {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::TransitGateway
            && component.properties.auto_accept_attachments == Some(true)
        {
            out.report(
                format!(
                    "Transit Gateway {} accepts attachments automatically",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Set `auto_accept_attachments: false`.",
            );
        }
    }
}
