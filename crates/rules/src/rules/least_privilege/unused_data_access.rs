//! ZT-IAM-009: a workload's role reaches sensitive data it has no flow to.

use crate::analysis::Access;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Uses the blast-radius analysis: flags workload roles whose own permissions (statements or
    /// managed policies, not role chains) reach a data store holding confidential, personal or
    /// cardholder data that none of the role's components has a flow to.
    ///
    /// ## Why it matters
    /// Permissions the design never uses are pure blast radius: they cost nothing until the
    /// workload is compromised, and then they decide how much data leaves.
    ///
    /// ## Example
    /// ```yaml
    /// - id: web-role
    ///   kind: iam_role
    ///   name: Web
    ///   managed_policies: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
    /// ```
    ///
    /// ## What to do instead
    /// Remove the grant, or draw the flow the workload needs so that the exporter scopes the
    /// permission to it.
    code: "ZT-IAM-009",
    name: "unused-data-access",
    title: "Workload role reaches sensitive data it never uses",
    family: LeastPrivilege,
    severity: Medium,
    tenets: [T4],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for identity in &cx.design.identities {
        let users = cx.index.components_running_as(&identity.id);
        if users.is_empty() {
            continue;
        }
        let Some(reach) = cx.analyses.blast_radius.of(&identity.id) else {
            continue;
        };
        out.evaluate(&identity.id);
        let unused: Vec<(&str, &str)> = reach
            .stores
            .iter()
            .filter(|reach| reach.chain.len() == 1)
            .filter_map(|reach| match &reach.access {
                Access::Policy(grant) => Some((reach.store.as_str(), grant.as_str())),
                Access::Flow(_) => None,
            })
            .filter(|(store, _)| {
                cx.index.component(store).is_some_and(|store| {
                    store
                        .most_sensitive_stored()
                        .is_some_and(|class| class >= zta_model::DataClass::Confidential)
                })
            })
            .filter(|(store, _)| {
                !users.iter().any(|user| {
                    cx.index
                        .flows_from(&user.id)
                        .iter()
                        .any(|flow| flow.target == *store)
                })
            })
            .collect();
        if unused.is_empty() {
            continue;
        }
        let mut elements = vec![identity.id.as_str()];
        elements.extend(unused.iter().map(|(store, _)| *store));
        out.report(
            format!(
                "{} can reach {} through its permissions, but none of its components has a flow there",
                cx.label(&identity.id),
                unused
                    .iter()
                    .map(|(store, grant)| format!("{} (by {grant})", cx.label(store)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &elements,
            "Remove the grants the workload does not use, or draw the flows it needs.",
        );
    }
}
