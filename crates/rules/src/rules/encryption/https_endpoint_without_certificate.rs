//! ZT-ENC-009: an HTTPS endpoint names no certificate.

use zta_model::{ComponentKind, Protocol};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags load balancers that accept TLS flows (HTTPS or gRPC) and CloudFront distributions
    /// or APIs with a custom `domain_name`, when they name no ACM `certificate`.
    ///
    /// ## Why it matters
    /// A TLS listener needs a certificate for its name; without one in the design the export
    /// cannot create the listener, and teams fall back to plain HTTP or to hand-made
    /// certificates that expire unnoticed.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: alb, kind: alb, name: Web, segment: public-a, properties: {scheme: internet_facing}}
    /// ```
    ///
    /// ## What to do instead
    /// Add an `acm_certificate` and name it in the endpoint's `certificate`.
    code: "ZT-ENC-009",
    name: "https-endpoint-without-certificate",
    title: "HTTPS endpoint without a certificate",
    family: Encryption,
    severity: Medium,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        let needs = match component.kind {
            ComponentKind::Alb | ComponentKind::Nlb | ComponentKind::ClassicLoadBalancer => {
                cx.index.flows_to(&component.id).iter().any(|flow| {
                    flow.is_encrypted() && matches!(flow.protocol, Protocol::Https | Protocol::Grpc)
                })
            }
            ComponentKind::Cloudfront | ComponentKind::ApiGateway => {
                component.properties.domain_name.is_some()
            }
            _ => false,
        };
        if !needs {
            continue;
        }
        out.evaluate(&component.id);
        if component.properties.certificate.is_none() {
            out.report(
                format!(
                    "{} serves TLS but names no ACM certificate",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Add an `acm_certificate` and name it in `certificate`.",
            );
        }
    }
}
