//! ZT-NET-018: a flow is drawn from the internet to an endpoint the design declares internal.

use zta_model::Scheme;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags load balancers and APIs with `scheme: internal` that a flow from the internet
    /// reaches. Every ALB, NLB and API Gateway with a stated scheme is evaluated.
    ///
    /// ## Why it matters
    /// The design contradicts itself. The export follows the stated scheme and deploys the
    /// endpoint internal, so the drawn flow cannot arrive; and because the endpoint is not
    /// internet-facing, none of the internet-edge rules (WAF, Shield, authentication at the edge)
    /// judge it. If the flow is what is meant, the endpoint would go public unreviewed the day
    /// someone "fixes" the scheme.
    ///
    /// ## Example
    /// ```yaml
    /// - id: alb
    ///   kind: alb
    ///   name: Shop
    ///   segment: private-a
    ///   properties: {scheme: internal}
    /// # flows: {source: visitor (an internet actor), target: alb}
    /// ```
    ///
    /// ## What to do instead
    /// Either set `scheme: internet_facing` (and let the edge rules judge it), or route the
    /// flow through an internet-facing entry point (CloudFront, a public ALB or API) that
    /// forwards to the internal endpoint.
    code: "ZT-NET-018",
    name: "internet-flow-to-internal-endpoint",
    title: "Internet flow to an internal endpoint",
    family: Segmentation,
    severity: Medium,
    tenets: [T2, T5],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !component.kind.is_edge_endpoint() {
            continue;
        }
        let Some(scheme) = component.properties.scheme else {
            continue;
        };
        out.evaluate(&component.id);
        if scheme != Scheme::Internal {
            continue;
        }
        for flow in cx.index.flows_to(&component.id) {
            if cx.index.is_from_internet(flow) {
                out.report(
                    format!(
                        "Flow {} comes from the internet to {}, which is internal: the export keeps it internal, so the flow cannot arrive, and no edge rule judges it",
                        cx.label(&flow.id),
                        cx.label(&component.id)
                    ),
                    &[&component.id, &flow.id],
                    "Set `scheme: internet_facing`, or send the flow through an internet-facing entry point that forwards to this endpoint.",
                );
            }
        }
    }
}
