//! ZT-EDGE-006: an internet-facing API, load balancer or function URL accepts anonymous calls for
//! non-public data.

use zta_model::{Auth, Component, ComponentKind, DataClass, Flow, FunctionUrlAuth};

use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from the internet into an API Gateway, AppSync API or ALB with `auth: none`
    /// that carry data other than public data, flows into an AppSync API with `auth: api_key`
    /// that carry personal or cardholder data (the key ships inside every client, so it names
    /// no caller), and such flows into a Lambda function whose URL admits
    /// anyone (`function_url: none`), whatever `auth` the flow states: AWS lets every caller
    /// through, so any check is in the function's code, which the design cannot show. A URL
    /// with `function_url: iam` admits only callers that sign with IAM. Sign-ins to a user pool
    /// or identity provider are not calls to an endpoint and are left out.
    ///
    /// ## Why it matters
    /// The edge is the policy enforcement point: a route without an authorizer serves whoever
    /// asks (PCI DSS 8.3.1; NIST SP 800-207 tenet 6).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: orders, source: customer, target: api, protocol: https, tls: '1.2', auth: none, data: [pii]}
    /// ```
    ///
    /// ## What to do instead
    /// Attach a JWT authorizer with the user pool as `issuer` (`auth: jwt`), or an ALB
    /// authenticate action. Give a function URL `function_url: iam`, or put an API with an
    /// authorizer in front of the function instead of the URL.
    code: "ZT-EDGE-006",
    name: "unauthenticated-internet-endpoint",
    title: "Internet endpoint serves non-public data without authentication",
    family: Edge,
    severity: High,
    tenets: [T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        if cx.index.zone_of(&flow.source) != Some(Zone::Internet) {
            continue;
        }
        let Some(target) = cx.index.component(&flow.target) else {
            continue;
        };
        let Some(authenticated) = authenticated_at(target, flow) else {
            continue;
        };
        if let Some(class) = flow
            .most_sensitive()
            .filter(|class| *class > DataClass::Public)
        {
            out.evaluate(&flow.id);
            if authenticated {
                continue;
            }
            let (how, remedy) = if target.kind == ComponentKind::LambdaFunction {
                (
                    "through a function URL that admits anyone",
                    "Set `function_url: iam` so that AWS admits only signed callers, or put an API with an authorizer in front of the function.",
                )
            } else if flow.auth == Auth::ApiKey {
                (
                    "to anyone holding its shared API key",
                    "Authenticate the callers with a Cognito user pool (`auth: jwt` with the pool as `issuer`) or IAM (`auth: iam`); keep API keys for public data.",
                )
            } else {
                (
                    "without authentication",
                    "Authenticate the callers: a JWT authorizer (`auth: jwt` with an `issuer`) or an ALB authenticate action.",
                )
            };
            out.report(
                format!(
                    "{} serves {} data to the internet {how} (flow `{}`)",
                    cx.label(&target.id),
                    class.as_str(),
                    flow.id
                ),
                &[&target.id, &flow.id],
                remedy,
            );
        }
    }
}

/// Whether the endpoint authenticates the callers of a flow from the internet; `None` for a
/// component that is no endpoint this rule judges. An API or load balancer authenticates as
/// the flow states, except that an AppSync API key does not count for personal or cardholder
/// data; a function URL as its `AuthType` says, since AWS enforces nothing else.
fn authenticated_at(target: &Component, flow: &Flow) -> Option<bool> {
    match target.kind {
        ComponentKind::ApiGateway | ComponentKind::Alb => Some(flow.auth.is_authenticated()),
        ComponentKind::AppsyncApi => Some(
            flow.auth.is_authenticated()
                && !(flow.auth == Auth::ApiKey
                    && flow
                        .most_sensitive()
                        .is_some_and(|class| class >= DataClass::Pii)),
        ),
        ComponentKind::LambdaFunction => target
            .properties
            .function_url
            .map(|auth| auth == FunctionUrlAuth::Iam),
        _ => None,
    }
}
