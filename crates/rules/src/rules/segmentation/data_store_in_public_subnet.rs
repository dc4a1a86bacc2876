//! ZT-NET-001: a data store sits in a public subnet.

use zta_model::{ComponentKind, SegmentKind, Tier};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags data stores (databases, caches, and VPC-attached buckets, tables or queues) placed
    /// in a subnet whose tier is `public`. Every subnet whose tier is known is judged (an
    /// imported subnet's tier comes from its route table's routes: a default route to an
    /// internet gateway makes it public), and so is every internet gateway, by the tiers of
    /// its VPC's subnets.
    ///
    /// ## Why it matters
    /// A public subnet routes to an internet gateway: one security-group mistake or a public
    /// address later, the data store is on the internet. PCI DSS 1.4.4 keeps stores of
    /// cardholder data off networks reachable from untrusted ones.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: orders-db, kind: rds, name: Orders, segment: public-a}
    /// ```
    ///
    /// ## What to do instead
    /// Place data stores in `isolated` subnets (or `private` ones when they must reach out).
    code: "ZT-NET-001",
    name: "data-store-in-public-subnet",
    title: "Data store in a public subnet",
    family: Segmentation,
    severity: Critical,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    // A subnet is judged by its tier: a public one must hold no data store; the findings
    // below name the store and the subnet.
    for subnet in &cx.design.segments {
        if subnet.kind == SegmentKind::Subnet && subnet.tier.is_some() {
            out.evaluate(&subnet.id);
        }
    }
    // An internet gateway makes the subnets that route to it public; it is judged with the
    // subnets of its VPC.
    for gateway in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::InternetGateway)
    {
        if cx.index.place_of(gateway).vpc.is_some() {
            out.evaluate(&gateway.id);
        }
    }
    for component in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind.is_data_store())
    {
        out.evaluate(&component.id);
        let place = cx.index.place_of(component);
        if place.tier == Some(Tier::Public) {
            let subnet = place.subnet.unwrap_or_default();
            out.report(
                format!(
                    "Data store {} sits in public subnet {}",
                    cx.label(&component.id),
                    cx.label(subnet)
                ),
                &[&component.id, subnet],
                "Move the data store to an isolated subnet.",
            );
        }
    }
}
