//! ZT-DATA-012: cardholder data goes to an outside party not listed as a service provider with
//! a written agreement.

use zta_model::{ActorKind, DataClass, SegmentKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows that carry cardholder data to an outside party (a `partner` or
    /// `external_system` actor, or a partner network zone) when the party is not listed as a
    /// service provider (`service_provider` on the actor), or is listed without a recorded
    /// `agreement`. A partner zone names no party, so cardholder data sent to one is always
    /// flagged. Every flow of cardholder data to an outside party is evaluated.
    ///
    /// ## Why it matters
    /// PCI DSS 12.8.1 requires a list of every third-party service provider with which
    /// account data is shared, with the services each provides, and 12.8.2 a written
    /// agreement in which the provider acknowledges its responsibility for the data. A
    /// processor that receives card numbers but appears on no list is outside every review.
    ///
    /// ## Example
    /// ```yaml
    /// actors:
    /// - {id: processor, kind: external_system, name: Payment processor}
    /// flows:
    /// - {id: authorise, source: payments, target: processor, protocol: https, ports: [443], data: [cardholder]}
    /// ```
    ///
    /// ## What to do instead
    /// List the party as a service provider with its services and agreement:
    /// `service_provider: {services: [payment authorisation], agreement: MSA-2024-017}`, or
    /// stop sending it cardholder data.
    code: "ZT-DATA-012",
    name: "cardholder-data-to-unlisted-provider",
    title: "Cardholder data sent to an outside party without a service-provider agreement",
    family: DataProtection,
    severity: Medium,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        if !flow.data.contains(&DataClass::Cardholder) {
            continue;
        }
        let problem = if let Some(actor) = cx.index.actor(&flow.target) {
            if !matches!(actor.kind, ActorKind::Partner | ActorKind::ExternalSystem) {
                continue;
            }
            match &actor.service_provider {
                None => "which is not listed as a service provider",
                Some(provider) if provider.agreement.is_none() => {
                    "which is listed as a service provider without a written agreement"
                }
                Some(_) => {
                    out.evaluate(&flow.id);
                    continue;
                }
            }
        } else if cx
            .index
            .segment(&flow.target)
            .is_some_and(|segment| segment.kind == SegmentKind::PartnerNetwork)
        {
            "a partner zone that names no service provider"
        } else {
            continue;
        };
        out.report(
            format!(
                "Flow `{}` sends cardholder data to {}, {problem}",
                flow.id,
                cx.label(&flow.target)
            ),
            &[&flow.id, &flow.target],
            format!(
                "Draw the recipient as a `partner` or `external_system` actor and record `service_provider: {{services: [...], agreement: ...}}` on it, or stop sending it cardholder data (flow `{}`).",
                flow.id
            ),
        );
    }
}
