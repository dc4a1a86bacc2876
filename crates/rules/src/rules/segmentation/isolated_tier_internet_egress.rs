//! ZT-NET-014: a component in an isolated subnet talks to the internet.

use zta_model::Tier;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from a component in an `isolated` subnet to an actor or zone outside AWS.
    ///
    /// ## Why it matters
    /// An isolated tier has no route to the internet by definition; a flow out of it means a
    /// route will be added, and the tier that holds the data stops being isolated.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: db-export, source: orders-db, target: partner, protocol: https, tls: '1.2', auth: mtls}
    /// ```
    ///
    /// ## What to do instead
    /// Have a service in a private subnet read the data and make the outside call through the
    /// inspected egress path.
    code: "ZT-NET-014",
    name: "isolated-tier-internet-egress",
    title: "Isolated tier talks to the outside",
    family: Segmentation,
    severity: High,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        let Some(zone) = cx.index.zone_of(&flow.target) else {
            continue;
        };
        let Some(source) = cx.index.component(&flow.source) else {
            continue;
        };
        out.evaluate(&flow.id);
        let place = cx.index.place_of(source);
        if place.tier == Some(Tier::Isolated) {
            let subnet = place.subnet.unwrap_or_default();
            out.report(
                format!(
                    "{} in isolated subnet {} reaches {} in {} (flow `{}`)",
                    cx.label(&source.id),
                    cx.label(subnet),
                    cx.label(&flow.target),
                    zone.as_str(),
                    flow.id
                ),
                &[&flow.id, &source.id, subnet],
                "Make the outside call from a private-tier service through the inspected egress path.",
            );
        }
    }
}
