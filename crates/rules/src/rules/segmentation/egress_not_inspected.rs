//! ZT-NET-013: a workload's traffic to the internet is not inspected.

use zta_model::{ComponentKind, SegmentKind};

use crate::carried;
use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from a component inside a VPC to an actor or zone on the internet that do not
    /// pass through a Network Firewall (listed in `via`), and NAT gateways (and carried
    /// egress-only internet gateways, IPv6's NAT) in a VPC that holds no Network Firewall:
    /// every subnet routed to such a gateway reaches the internet uninspected, whether or not
    /// the design draws the flows.
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
    judge_carried_egress_only_gateways(cx, out);
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

/// Whether a VPC holds a Network Firewall, the only place its subnets' egress can be inspected
/// before it leaves (on the route between the subnets and the gateway).
fn has_firewall(cx: &Context<'_>, vpc: &str) -> bool {
    cx.design.components.iter().any(|firewall| {
        firewall.kind == ComponentKind::NetworkFirewall
            && cx.index.place_of(firewall).vpc == Some(vpc)
    })
}

/// Judges each NAT gateway by its VPC; a NAT gateway outside any VPC is not judged.
fn judge_nat_gateways(cx: &Context<'_>, out: &mut Emitter) {
    for nat in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::NatGateway)
    {
        let Some(vpc) = cx.index.place_of(nat).vpc else {
            continue;
        };
        out.evaluate(&nat.id);
        if !has_firewall(cx, vpc) {
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

/// Judges each carried egress-only internet gateway whose `VpcId` names a VPC of the design
/// (by its logical id); one in a VPC outside the design is not judged.
fn judge_carried_egress_only_gateways(cx: &Context<'_>, out: &mut Emitter) {
    for gateway in carried::resources(cx.design)
        .filter(|resource| resource.resource_type == "AWS::EC2::EgressOnlyInternetGateway")
    {
        let Some(vpc) = gateway
            .properties
            .and_then(|properties| properties.get("VpcId"))
            .and_then(carried::reference)
            .and_then(|name| {
                cx.design.segments.iter().find(|segment| {
                    segment.kind == SegmentKind::Vpc && segment.logical_id.as_deref() == Some(name)
                })
            })
        else {
            continue;
        };
        let subject = carried::subject("Resources", gateway.logical_id);
        out.evaluate(&subject);
        if !has_firewall(cx, &vpc.id) {
            out.report_carried(
                format!(
                    "Carried resource `{}` (AWS::EC2::EgressOnlyInternetGateway) gives the subnets of {} IPv6 internet egress that no Network Firewall inspects",
                    gateway.logical_id,
                    cx.label(&vpc.id)
                ),
                &subject,
                "Add a Network Firewall to the VPC and route the subnets' IPv6 default route through it.",
            );
        }
    }
}
