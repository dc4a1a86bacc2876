//! ZT-EDGE-005: an internet-facing endpoint serves plain HTTP.

use zta_model::{ComponentKind, Protocol, Scheme};

use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from the internet with `protocol: http` or `tls: none` into a component,
    /// and internet-facing load balancers and distributions with `http_redirect: false`.
    ///
    /// ## Why it matters
    /// Plain HTTP exposes sessions and tokens on every café network; serving it at all invites
    /// downgrade. HTTP should only ever redirect to HTTPS.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: browse, source: customer, target: alb, protocol: http, ports: [80], tls: none, auth: none}
    /// ```
    ///
    /// ## What to do instead
    /// Serve HTTPS on 443 and keep `http_redirect` on.
    code: "ZT-EDGE-005",
    name: "plain-http-from-internet",
    title: "Internet endpoint serves plain HTTP",
    family: Edge,
    severity: High,
    tenets: [T2],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        if cx.index.zone_of(&flow.source) != Some(Zone::Internet)
            || cx.index.component(&flow.target).is_none()
        {
            continue;
        }
        out.evaluate(&flow.id);
        if flow.protocol == Protocol::Http || !flow.is_encrypted() {
            out.report(
                format!(
                    "The internet reaches {} over {} without TLS (flow `{}`)",
                    cx.label(&flow.target),
                    flow.protocol.label(),
                    flow.id
                ),
                &[&flow.id, &flow.target],
                "Serve HTTPS with TLS 1.2 or higher.",
            );
        }
    }
    for component in &cx.design.components {
        let public = component.kind == ComponentKind::Cloudfront
            || component.properties.scheme == Some(Scheme::InternetFacing);
        let judged = matches!(
            component.kind,
            ComponentKind::Alb | ComponentKind::Cloudfront
        ) && public;
        if judged {
            out.evaluate(&component.id);
        }
        if judged && component.properties.http_redirect == Some(false) {
            out.report(
                format!(
                    "Internet-facing {} answers plain HTTP instead of redirecting",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Redirect HTTP to HTTPS (`http_redirect: true`).",
            );
        }
    }
}
