//! ZT-IAM-008: an internet-exposed workload reaches cardholder data by assuming roles.

use zta_model::DataClass;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the blast-radius analysis: flags workloads reachable from the internet whose role
    /// can reach a data store holding cardholder data only by assuming another role.
    ///
    /// ## Why it matters
    /// Role chains hide reach: a front-end role that can assume a back-office role carries the
    /// cardholder environment to the edge. PCI DSS 7.2 limits access to cardholder data to the
    /// components whose job needs it.
    ///
    /// ## Example
    /// ```yaml
    /// - id: reporting-role
    ///   kind: iam_role
    ///   name: Reporting
    ///   trusts: [{kind: identity, id: web-role}]
    ///   policies: [{actions: ['rds-db:connect'], resources: [cards-db]}]
    /// ```
    ///
    /// ## What to do instead
    /// Remove the trust from the exposed workload's role; let a back-end service that is not
    /// reachable from the internet do the work behind an authenticated API.
    code: "ZT-IAM-008",
    name: "exposed-workload-assumes-into-cardholder",
    title: "Internet-exposed workload reaches cardholder data through role assumption",
    family: LeastPrivilege,
    severity: High,
    tenets: [T4, T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        let Some(role) = component.identity.as_deref() else {
            continue;
        };
        if !component.kind.is_workload() || !cx.analyses.exposure.is_exposed(&component.id) {
            continue;
        }
        let Some(reach) = cx.analyses.blast_radius.of(role) else {
            continue;
        };
        out.evaluate(&component.id);
        for store in reach.stores.iter().filter(|reach| reach.chain.len() > 1) {
            let cardholder = cx
                .index
                .component(&store.store)
                .is_some_and(|target| target.stores.contains(&DataClass::Cardholder));
            if !cardholder {
                continue;
            }
            let mut elements = vec![component.id.as_str(), store.store.as_str()];
            elements.extend(store.chain.iter().map(String::as_str));
            out.report_path(
                format!(
                    "{} is reachable from outside and its role {} reaches cardholder data in {} by assuming {}",
                    cx.label(&component.id),
                    cx.label(role),
                    cx.label(&store.store),
                    store.chain[1..].iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(" → ")
                ),
                &elements,
                store.chain.iter().cloned().chain([store.store.clone()]).collect(),
                format!("Remove the trust that lets `{role}` assume `{}`.", store.chain[1]),
            );
        }
    }
}
