//! ZT-DATA-010: personal data leaves the EEA without a recorded transfer safeguard.

use zta_model::transfer::{jurisdiction_in_eea, region_in_eea};
use zta_model::{Component, DataClass};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags components that store personal data, or receive a flow carrying it, in an AWS
    /// region outside the EEA, unless the design's `transfer_safeguards` records a basis for
    /// that region; and flows that carry personal data to an actor whose `jurisdiction` lies
    /// outside the EEA, unless the actor records a `transfer_safeguard`. Components in no
    /// region and actors without a jurisdiction are not judged.
    ///
    /// ## Why it matters
    /// GDPR Chapter V (Articles 44 to 49) allows personal data to leave the EEA only on an
    /// adequacy decision, appropriate safeguards such as standard contractual clauses, binding
    /// corporate rules, or a narrow derogation. Moving a store from `eu-central-1` to
    /// `us-east-1` is a transfer, and the controller must be able to name its basis.
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: us, kind: region, name: N. Virginia, parent: account, region: us-east-1}
    /// components:
    /// - {id: customers, kind: dynamodb_table, name: Customers, segment: us, stores: [pii]}
    /// ```
    ///
    /// ## What to do instead
    /// Keep personal data in an EEA region, or record the basis of the transfer:
    /// `transfer_safeguards: {us-east-1: standard_contractual_clauses}` for a region, or
    /// `transfer_safeguard: standard_contractual_clauses` on the recipient.
    code: "ZT-DATA-010",
    name: "personal-data-outside-eea",
    title: "Personal data leaves the EEA without a transfer safeguard",
    family: DataProtection,
    severity: Medium,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !handles_personal_data(cx, component) {
            continue;
        }
        let Some(region) = cx
            .index
            .place_of(component)
            .region
            .and_then(|id| cx.index.segment(id))
            .and_then(|segment| segment.region.as_deref())
        else {
            continue;
        };
        out.evaluate(&component.id);
        if region_in_eea(region) || cx.design.transfer_safeguards.contains_key(region) {
            continue;
        }
        out.report(
            format!(
                "{} holds or processes personal data in {region}, outside the EEA, and the design records no transfer safeguard for {region}",
                cx.label(&component.id)
            ),
            &[&component.id],
            format!(
                "Move the data to an EEA region, or record the basis: `transfer_safeguards: {{{region}: standard_contractual_clauses}}`."
            ),
        );
    }
    for flow in &cx.design.flows {
        let Some(recipient) = cx.index.actor(&flow.target) else {
            continue;
        };
        let Some(jurisdiction) = recipient.jurisdiction.as_deref() else {
            continue;
        };
        if !flow.data.contains(&DataClass::Pii) {
            continue;
        }
        out.evaluate(&flow.id);
        if jurisdiction_in_eea(jurisdiction) || recipient.transfer_safeguard.is_some() {
            continue;
        }
        out.report(
            format!(
                "Flow `{}` sends personal data to {} in {jurisdiction}, outside the EEA, without a recorded transfer safeguard",
                flow.id,
                cx.label(&recipient.id)
            ),
            &[&flow.id, &recipient.id],
            format!(
                "Record the basis on `{}` (`transfer_safeguard: standard_contractual_clauses`), or stop sending personal data there.",
                recipient.id
            ),
        );
    }
}

/// Whether a component stores personal data or receives a flow that carries it.
fn handles_personal_data(cx: &Context<'_>, component: &Component) -> bool {
    component.stores.contains(&DataClass::Pii)
        || cx
            .index
            .flows_to(&component.id)
            .iter()
            .any(|flow| flow.data.contains(&DataClass::Pii))
}
