//! East-west calls: one workload calling another inside the design, directly or through a load
//! balancer or API. Two identity rules judge whether such calls authenticate the caller; they
//! differ only in the data at stake, so the facts live here once.

use zta_model::{Auth, Component, ComponentKind, DataClass, Flow, IdentityKind};

use crate::context::Context;
use crate::finding::Emitter;

/// A call from a workload (or a balancer in front of one) to a workload.
pub(crate) struct EastWestCall<'a> {
    /// The flow into the called workload.
    pub flow: &'a Flow,
    /// The called workload.
    pub target: &'a Component,
    /// The balancer or API the call came through, when the flow starts at one.
    pub through: Option<&'a Component>,
    /// Who calls: the flow's source, or the balancer's unauthenticated callers.
    pub callers: Vec<&'a str>,
    /// Whether nobody on the way proved who the caller is.
    pub unauthenticated: bool,
    /// The most sensitive class of data the call carries or the called workload handles.
    pub at_stake: Option<DataClass>,
}

/// Every east-west call of the design, judged or not.
///
/// A call through a balancer counts as authenticated when every flow into the balancer is: the
/// balancer (ALB OIDC, API Gateway authorizers) then vouches for the caller. An internet-facing
/// balancer is left to the edge rules, which judge its internet callers.
fn east_west_calls<'a>(cx: &Context<'a>) -> Vec<EastWestCall<'a>> {
    let mut calls = Vec::new();
    for flow in &cx.design.flows {
        let Some(target) = cx
            .index
            .component(&flow.target)
            .filter(|target| target.kind.is_workload())
        else {
            continue;
        };
        let Some(source) = cx.index.component(&flow.source) else {
            continue;
        };
        let (through, callers, unauthenticated) = if source.kind.is_workload() {
            (None, vec![flow.source.as_str()], flow.auth == Auth::None)
        } else if is_balancer(source.kind) && !cx.index.is_internet_facing(source) {
            let into_balancer = cx.index.flows_to(&source.id);
            let anonymous: Vec<&str> = into_balancer
                .iter()
                .filter(|caller| caller.auth == Auth::None)
                .map(|caller| caller.source.as_str())
                .collect();
            let unauthenticated =
                flow.auth == Auth::None && (into_balancer.is_empty() || !anonymous.is_empty());
            (Some(source), anonymous, unauthenticated)
        } else {
            continue;
        };
        let handled = cx.analyses.data.classes_of(&target.id).max();
        calls.push(EastWestCall {
            flow,
            target,
            through,
            callers,
            unauthenticated,
            at_stake: flow.most_sensitive().max(handled),
        });
    }
    calls
}

fn is_balancer(kind: ComponentKind) -> bool {
    matches!(
        kind,
        ComponentKind::Alb | ComponentKind::Nlb | ComponentKind::ApiGateway
    )
}

/// Judges the east-west calls whose data at stake is regulated (personal or cardholder data)
/// or not, as the caller asks: each rule takes one side, so every call is judged exactly once.
pub(crate) fn judge_calls(cx: &Context<'_>, out: &mut Emitter, regulated: bool) {
    for call in east_west_calls(cx) {
        let class = call.at_stake.filter(|class| *class >= DataClass::Pii);
        if class.is_some() != regulated {
            continue;
        }
        out.evaluate(&call.flow.id);
        if !call.unauthenticated {
            continue;
        }
        let stake = class
            .map(|class| format!(", with {} data at stake", class.as_str()))
            .unwrap_or_default();
        out.report(
            format!(
                "{} takes calls from {} without authentication (flow `{}`){stake}",
                cx.label(&call.target.id),
                describe_callers(cx, &call),
                call.flow.id,
            ),
            &[&call.flow.id, &call.target.id, &call.flow.source],
            fitting_mechanism(cx, &call),
        );
    }
}

/// How a finding names the callers: `Web (`web`) through Internal ALB (`lb`)`.
fn describe_callers(cx: &Context<'_>, call: &EastWestCall<'_>) -> String {
    let callers = call
        .callers
        .iter()
        .map(|id| cx.label(id))
        .collect::<Vec<_>>()
        .join(", ");
    match call.through {
        Some(balancer) if callers.is_empty() => cx.label(&balancer.id),
        Some(balancer) => format!("{callers} through {}", cx.label(&balancer.id)),
        None => callers,
    }
}

/// What authenticates calls to this kind of workload on AWS, in the design's own terms.
fn fitting_mechanism(cx: &Context<'_>, call: &EastWestCall<'_>) -> String {
    let flow = &call.flow.id;
    let issuer = cx.design.identities.iter().find(|identity| {
        matches!(
            identity.kind,
            IdentityKind::CognitoUserPool | IdentityKind::IdentityProvider
        )
    });
    let jwt = issuer.map(|issuer| {
        format!(
            " or a JWT from `{}` that the service verifies (`auth: jwt`, `issuer: {}`)",
            issuer.id, issuer.id
        )
    });
    match call.target.kind {
        ComponentKind::LambdaFunction => format!(
            "Set `auth: iam` on flow `{flow}`: invoke the function with SigV4 (`lambda:InvokeFunction`, or a function URL with `AuthType: AWS_IAM`){}.",
            jwt.unwrap_or_default()
        ),
        _ => format!(
            "Authenticate the caller on flow `{flow}`: `auth: mtls` (a service mesh or ALB mutual TLS with client certificates), `auth: iam` (SigV4 through VPC Lattice with an IAM auth policy){}. {}",
            jwt.unwrap_or_default(),
            service_connect_note(cx, call.target)
        ),
    }
}

/// What ECS Service Connect does for a call to `target`. Its TLS (certificates from a private
/// CA, <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html>)
/// is one-way: the caller's proxy verifies the called service, the called service never sees a
/// client certificate. So it counts as encryption, never as the caller's authentication.
fn service_connect_note(cx: &Context<'_>, target: &Component) -> String {
    let cluster = (target.kind == ComponentKind::EcsService)
        .then(|| cx.index.ecs_cluster_of(target))
        .flatten()
        .filter(|cluster| cluster.uses_service_connect_tls());
    match cluster {
        Some(cluster) => format!(
            "The Service Connect TLS of {} encrypts this call and proves the called service to the caller, but does not identify the caller.",
            cx.label(&cluster.id)
        ),
        _ => {
            "ECS Service Connect TLS encrypts the call but does not identify the caller.".to_owned()
        }
    }
}
