//! ZT-NET-013: a workload's traffic to the internet is not inspected.

use zta_model::ComponentKind;

use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from a component inside a VPC to an actor or zone on the internet that do not
    /// pass through a Network Firewall (listed in `via`), and NAT gateways in a VPC that holds
    /// no Network Firewall: every subnet routed to such a NAT gateway reaches the internet
    /// uninspected, whether or not the design draws the flows.
    ///
    /// ## Why it matters
    /// Egress is how stolen data leaves and how malware calls home. Deny-by-default egress with
    /// domain allow-lists at a firewall turns that into a logged, blocked attempt.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: call-psp, source: payments, target: processor, protocol: https, tls: '1.2', auth: mtls, via: [nat]}
    /// ```
    ///
    /// ## What to do instead
    /// Route egress through Network Firewall (`via: [tgw, egress-firewall, egress-nat]`) and
    /// give the firewall the domains the flows need (`allowed_domains: [api.example.com]`): the
    /// export allows those by TLS server name and HTTP host and drops the rest.
    code: "ZT-NET-013",
    name: "egress-not-inspected",
    title: "Internet egress not inspected",
    family: Segmentation,
    severity: Medium,
    tenets: [T7],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    judge_nat_gateways(cx, out);
    for flow in &cx.design.flows {
        if cx.index.zone_of(&flow.target) != Some(Zone::Internet) {
            continue;
        }
        let Some(source) = cx.index.component(&flow.source) else {
            continue;
        };
        if cx.index.place_of(source).vpc.is_none() {
            continue;
        }
        out.evaluate(&flow.id);
        let inspected = flow.via.iter().any(|via| {
            cx.index
                .component(via)
                .is_some_and(|via| via.kind == ComponentKind::NetworkFirewall)
        });
        if !inspected {
            out.report(
                format!(
                    "{} reaches {} on the internet without Network Firewall inspection (flow `{}`)",
                    cx.label(&source.id),
                    cx.label(&flow.target),
                    flow.id
                ),
                &[&flow.id, &source.id],
                "Route the flow through Network Firewall, list it in `via`, and give the firewall the domains the flow needs (`allowed_domains`).",
            );
        }
    }
}

/// A NAT gateway's egress can be inspected only by a Network Firewall in its own VPC (on the
/// route between the subnets and the NAT gateway); a NAT gateway outside any VPC is not judged.
fn judge_nat_gateways(cx: &Context<'_>, out: &mut Emitter) {
    let components = &cx.design.components;
    for nat in components
        .iter()
        .filter(|c| c.kind == ComponentKind::NatGateway)
    {
        let Some(vpc) = cx.index.place_of(nat).vpc else {
            continue;
        };
        out.evaluate(&nat.id);
        let inspected = components.iter().any(|firewall| {
            firewall.kind == ComponentKind::NetworkFirewall
                && cx.index.place_of(firewall).vpc == Some(vpc)
        });
        if !inspected {
            out.report(
                format!(
                    "NAT gateway {} gives the subnets of {} internet egress that no Network Firewall inspects",
                    cx.label(&nat.id),
                    cx.label(vpc)
                ),
                &[&nat.id, vpc],
                "Add a Network Firewall to the VPC and route the subnets' default route through it before the NAT gateway.",
            );
        }
    }
}
