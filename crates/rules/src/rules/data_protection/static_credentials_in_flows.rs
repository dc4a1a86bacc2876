//! ZT-DATA-003: a flow authenticates with a password or API key.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows with `auth: password` or `auth: api_key`.
    ///
    /// ## Why it matters
    /// Static secrets end up in environment variables, images and logs, are shared between
    /// callers and rarely rotate; a leaked one works from anywhere until someone notices.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: app-to-db, source: app, target: db, protocol: postgresql, tls: '1.2', auth: password}
    /// ```
    ///
    /// ## What to do instead
    /// Use IAM authentication (`auth: iam`) or mTLS; where a secret is unavoidable, keep it in
    /// Secrets Manager with rotation and fetch it at run time.
    code: "ZT-DATA-003",
    name: "static-credentials-in-flows",
    title: "Flow authenticates with a static secret",
    family: DataProtection,
    severity: Medium,
    tenets: [T3],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        out.evaluate(&flow.id);
    }
    for flow in cx
        .design
        .flows
        .iter()
        .filter(|flow| flow.auth.is_static_secret())
    {
        out.report(
            format!(
                "Flow `{}` from {} to {} authenticates with a {}",
                flow.id,
                cx.label(&flow.source),
                cx.label(&flow.target),
                flow.auth.label().unwrap_or("secret")
            ),
            &[&flow.id, &flow.source, &flow.target],
            "Use IAM authentication or mTLS; otherwise keep the secret in Secrets Manager with rotation.",
        );
    }
}
