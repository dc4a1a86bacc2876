//! ZT-EDGE-006: an internet-facing API or load balancer accepts anonymous calls for non-public data.

use zta_model::{ComponentKind, DataClass};

use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows from the internet into an API Gateway or ALB with `auth: none` that carry
    /// data other than public data. Sign-ins to a user pool or identity provider are not calls
    /// to an endpoint and are left out.
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
    /// authenticate action.
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
        let Some(target) = cx
            .index
            .component(&flow.target)
            .filter(|target| matches!(target.kind, ComponentKind::ApiGateway | ComponentKind::Alb))
        else {
            continue;
        };
        if let Some(class) = flow
            .most_sensitive()
            .filter(|class| *class > DataClass::Public)
        {
            out.evaluate(&flow.id);
            if flow.auth.is_authenticated() {
                continue;
            }
            out.report(
                format!(
                    "{} serves {} data to the internet without authentication (flow `{}`)",
                    cx.label(&target.id),
                    class.as_str(),
                    flow.id
                ),
                &[&target.id, &flow.id],
                "Authenticate the callers: a JWT authorizer (`auth: jwt` with an `issuer`) or an ALB authenticate action.",
            );
        }
    }
}
