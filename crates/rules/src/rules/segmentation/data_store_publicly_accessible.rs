//! ZT-NET-002: a data store has a public endpoint.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags data stores with `publicly_accessible: true`.
    ///
    /// ## Why it matters
    /// A public endpoint resolves to an internet address: the database's only defence becomes
    /// its password and its security group, and it is scanned within minutes.
    ///
    /// ## Example
    /// ```yaml
    /// - id: orders-db
    ///   kind: rds
    ///   name: Orders
    ///   segment: data-a
    ///   properties: {publicly_accessible: true}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `publicly_accessible` (the default is private) and reach the store from workloads
    /// inside the VPC.
    code: "ZT-NET-002",
    name: "data-store-publicly-accessible",
    title: "Data store is publicly accessible",
    family: Segmentation,
    severity: Critical,
    tenets: [T2, T6],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind.is_data_store())
    {
        out.evaluate(&component.id);
        if component.properties.publicly_accessible == Some(true) {
            out.report(
                format!(
                    "Data store {} is publicly accessible",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Set `publicly_accessible: false` (or remove it).",
            );
        }
    }
}
