//! ZT-EDGE-004: the design subscribes to Shield Advanced but leaves a public endpoint out.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// When the design has a Shield Advanced protection in an account, flags internet-facing
    /// ALBs, NLBs and CloudFront distributions of that account that no protection names.
    /// API Gateway is left out: Shield Advanced protects it through CloudFront.
    ///
    /// ## Why it matters
    /// The subscription costs the same whatever it covers; an endpoint left out gets neither
    /// the DDoS response team nor cost protection, and is where an attack will land.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: shield, kind: shield_protection, name: Shield, segment: prod, properties: {protects: [zone]}}
    /// - {id: alb, kind: alb, name: Web, segment: public-a, properties: {scheme: internet_facing}}
    /// ```
    ///
    /// ## What to do instead
    /// Add the endpoint to a Shield protection's `protects`.
    code: "ZT-EDGE-004",
    name: "shield-gap",
    title: "Public endpoint left out of Shield Advanced",
    family: Edge,
    severity: Low,
    tenets: [T5],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !matches!(
            component.kind,
            ComponentKind::Alb | ComponentKind::Nlb | ComponentKind::Cloudfront
        ) || !cx.index.is_internet_facing(component)
        {
            continue;
        }
        // Only accounts that bought Shield Advanced are judged: elsewhere there is nothing
        // for the endpoint to be left out of.
        let Some(account) = cx.index.account_of(component) else {
            continue;
        };
        if !cx.account_has(account, ComponentKind::ShieldProtection) {
            continue;
        }
        out.evaluate(&component.id);
        if cx.index.shields_of(&component.id).is_empty() {
            out.report(
                format!(
                    "Internet-facing {} is not covered by the account's Shield Advanced protection",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Name the endpoint in a Shield protection's `protects`.",
            );
        }
    }
}
