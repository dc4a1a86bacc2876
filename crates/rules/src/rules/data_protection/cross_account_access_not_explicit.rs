//! ZT-DATA-009: a flow uses another account's resource that is not shared explicitly.

use zta_model::{ComponentKind, Effect};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from a component in one account to a data store, or through a Transit
    /// Gateway, in another account, when nothing grants that account access: no RAM share of
    /// the resource with it and no resource-policy statement naming it.
    ///
    /// ## Why it matters
    /// Cross-account access that is not written down is either broken at deploy time or
    /// granted too widely (to the whole organisation, or `*`). Explicit sharing keeps every
    /// trust between accounts reviewable.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: read-archive, source: prod-app, target: archive-bucket-in-log-account, protocol: aws_api, tls: '1.2', auth: iam}
    /// ```
    ///
    /// ## What to do instead
    /// Share the resource with a `ram_share` (`shares`, `share_with`) or add a resource-policy
    /// statement for the calling account.
    code: "ZT-DATA-009",
    name: "cross-account-access-not-explicit",
    title: "Cross-account access is not shared explicitly",
    family: DataProtection,
    severity: Medium,
    tenets: [T4],
    pillar: Governance,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        let Some(source) = cx.index.component(&flow.source) else {
            continue;
        };
        let Some(from) = cx.index.account_of(source) else {
            continue;
        };
        let target = cx
            .index
            .component(&flow.target)
            .filter(|target| target.kind.is_data_store());
        let gateways = flow
            .via
            .iter()
            .filter_map(|via| cx.index.component(via))
            .filter(|via| via.kind == ComponentKind::TransitGateway);
        for resource in target.into_iter().chain(gateways) {
            let Some(owner) = cx.index.account_of(resource) else {
                continue;
            };
            if owner == from {
                continue;
            }
            out.evaluate(&flow.id);
            if shared(cx, &resource.id, from) {
                continue;
            }
            out.report(
                format!(
                    "{} in account {} uses {} of account {} (flow `{}`), which is not shared with it",
                    cx.label(&source.id),
                    cx.label(from),
                    cx.label(&resource.id),
                    cx.label(owner),
                    flow.id
                ),
                &[&resource.id, &flow.id, &source.id],
                format!("Share `{}` with account `{from}` through a RAM share or a resource policy.", resource.id),
            );
        }
    }
}

/// Whether a resource is shared with an account through RAM or its resource policy.
fn shared(cx: &Context<'_>, resource: &str, account: &str) -> bool {
    let account_id = cx
        .index
        .segment(account)
        .and_then(|segment| segment.account_id.as_deref());
    let by_ram = cx.design.components.iter().any(|share| {
        share.kind == ComponentKind::RamShare
            && share.properties.shares.iter().any(|id| id == resource)
            && share.properties.share_with.iter().any(|id| id == account)
    });
    let by_policy = cx.index.component(resource).is_some_and(|component| {
        component
            .properties
            .resource_policy
            .iter()
            .any(|statement| {
                statement.effect == Effect::Allow
                    && statement.principals.iter().any(|principal| {
                        principal == account || account_id.is_some_and(|id| principal.contains(id))
                    })
            })
    });
    by_ram || by_policy
}
