//! ZT-NET-004: a flow from outside goes straight to a data store.

use zta_model::DataClass;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from an actor or zone outside AWS straight to a data store that holds more
    /// than public data.
    ///
    /// ## Why it matters
    /// Without an application tier in between there is no place to authorise each request, to
    /// validate it, or to inspect it with a WAF: the store's own access control is the only gate.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: upload, source: partner, target: documents-bucket, protocol: https, tls: '1.2', auth: iam}
    /// ```
    ///
    /// ## What to do instead
    /// Put an authenticating API or application in front of the store, or hand out short-lived
    /// pre-signed URLs from one.
    code: "ZT-NET-004",
    name: "internet-flow-to-data-store",
    title: "Outside flow goes straight to a data store",
    family: Segmentation,
    severity: High,
    tenets: [T6],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        let Some(zone) = cx.index.zone_of(&flow.source) else {
            continue;
        };
        let Some(store) = cx
            .index
            .component(&flow.target)
            .filter(|c| c.kind.is_data_store())
        else {
            continue;
        };
        out.evaluate(&flow.id);
        if store.most_sensitive_stored().unwrap_or(DataClass::Internal) > DataClass::Public {
            out.report(
                format!(
                    "{} in {} reaches data store {} directly (flow `{}`)",
                    cx.label(&flow.source),
                    zone.as_str(),
                    cx.label(&store.id),
                    flow.id
                ),
                &[&store.id, &flow.id, &flow.source],
                "Route the flow through an authenticating API or application instead.",
            );
        }
    }
}
