//! ZT-ID-010: a data store accepts a flow without authentication.

use zta_model::Auth;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows into a data store (database, bucket, table, cache, secret, queue) with
    /// `auth: none`.
    ///
    /// ## Why it matters
    /// Zero trust grants no access for being on the right network: every request to a
    /// resource is authenticated and authorised (NIST SP 800-207 tenets 2 and 6). An anonymous
    /// path to a data store turns any foothold in the network into a data breach.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: app-to-cache, source: app, target: cache, protocol: redis, tls: '1.2', auth: none}
    /// ```
    ///
    /// ## What to do instead
    /// Authenticate the caller: `auth: iam` for AWS data services, RDS and ElastiCache (IAM
    /// authentication), or `mtls`.
    code: "ZT-ID-010",
    name: "unauthenticated-data-store-access",
    title: "Data store accepts unauthenticated access",
    family: Identity,
    severity: High,
    tenets: [T2, T6],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        let Some(store) = cx
            .index
            .component(&flow.target)
            .filter(|target| target.kind.is_data_store())
        else {
            continue;
        };
        out.evaluate(&flow.id);
        if flow.auth != Auth::None {
            continue;
        }
        out.report(
            format!(
                "{} reaches data store {} without authentication (flow `{}`)",
                cx.label(&flow.source),
                cx.label(&store.id),
                flow.id
            ),
            &[&store.id, &flow.id, &flow.source],
            format!("Set `auth: iam` (or `mtls`) on flow `{}`.", flow.id),
        );
    }
}
