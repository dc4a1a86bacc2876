//! ZT-NET-003: the internet reaches a data store without an authenticating hop.

use crate::analysis::Enforcement;
use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the internet-exposure analysis: flags data stores that some path from the internet
    /// reaches without crossing any authenticating hop (a flow with `auth` other than `none`).
    /// The finding carries the path.
    ///
    /// ## Why it matters
    /// If no hop between the internet and the data asks who is calling, anyone can read or
    /// change it through the application. This is the path an attacker takes first.
    ///
    /// ## Example
    /// ```yaml
    /// flows:
    /// - {id: visit, source: visitor, target: alb, protocol: https, tls: '1.2', auth: none}
    /// - {id: query, source: alb, target: orders-db, protocol: postgresql, tls: '1.2', auth: none}
    /// ```
    ///
    /// ## What to do instead
    /// Authenticate on the way: a JWT authorizer on the API or an ALB authenticate action, and
    /// IAM authentication to the store.
    code: "ZT-NET-003",
    name: "data-store-exposed-without-authentication",
    title: "Internet reaches a data store without authentication",
    family: Segmentation,
    severity: Critical,
    tenets: [T6],
    pillar: Data,
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
        if let Some(path) = cx.analyses.exposure.path_without(
            &component.id,
            Zone::Internet,
            Enforcement::AUTHENTICATION,
        ) {
            out.report_path(
                format!(
                    "The internet reaches data store {} with no authenticating hop: {}",
                    cx.label(&component.id),
                    path.path.join(" → ")
                ),
                &[&component.id],
                path.path.clone(),
                "Require authentication on a hop of the path (JWT at the edge, IAM to the store).",
            );
        }
    }
}
