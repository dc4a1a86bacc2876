//! ZT-EDGE-001: an internet-facing endpoint has no WAF.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags internet-facing ALBs, API Gateways, AppSync GraphQL APIs and CloudFront
    /// distributions (by `scheme`, or because a flow from the internet reaches them) that no WAF
    /// web ACL names in `protects`, and every internet-facing Classic Load Balancer: AWS WAF
    /// cannot be associated with one.
    ///
    /// ## Why it matters
    /// The web tier is attacked with injection, scanners and bots from the day it is published;
    /// a WAF with managed rules stops the common attacks before they reach code (PCI DSS 6.4.2).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: api, kind: api_gateway, name: API, segment: prod-region, properties: {scheme: internet_facing}}
    /// ```
    ///
    /// ## What to do instead
    /// Add a `waf_web_acl` with managed rule groups and list the endpoint in its `protects`;
    /// replace a Classic Load Balancer with an ALB (or put CloudFront with a web ACL in front).
    code: "ZT-EDGE-001",
    name: "internet-endpoint-without-waf",
    title: "Internet-facing endpoint without a WAF",
    family: Edge,
    severity: High,
    tenets: [T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !matches!(
            component.kind,
            ComponentKind::Alb
                | ComponentKind::ApiGateway
                | ComponentKind::AppsyncApi
                | ComponentKind::Cloudfront
                | ComponentKind::ClassicLoadBalancer
        ) {
            continue;
        }
        if !cx.index.is_internet_facing(component) {
            continue;
        }
        out.evaluate(&component.id);
        if component.kind == ComponentKind::ClassicLoadBalancer {
            out.report(
                format!(
                    "Internet-facing {} is a Classic Load Balancer, which no WAF web ACL can protect",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Replace it with an ALB protected by a `waf_web_acl`, or serve it through CloudFront with one.",
            );
        } else if cx.index.wafs_of(&component.id).is_empty() {
            out.report(
                format!(
                    "Internet-facing {} has no WAF web ACL",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Add a `waf_web_acl` that names the endpoint in `protects`.",
            );
        }
    }
}
