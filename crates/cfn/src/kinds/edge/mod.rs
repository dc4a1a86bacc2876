//! The edge: load balancers with TLS-only listeners and a modern TLS policy, API Gateway with
//! an authorizer bound to the design's user pool, CloudFront, WAF web ACLs with AWS managed rule
//! groups (on every internet-facing load balancer and API), Shield Advanced protections, and ACM
//! certificates.
//!
//! WAF cannot protect an HTTP API (API Gateway v2), so an API that a web ACL guards — one the
//! design draws or the one every internet-facing API gets by default — is exported as a REST API
//! with a Cognito user-pool authorizer, which validates the same JWTs. It reaches a private ALB
//! through a VPC link to an internal NLB whose target is the ALB (REST VPC links only take
//! NLBs). An API drawn internal is a private REST API, which callers reach from the design's
//! VPCs only. Other APIs are HTTP APIs with a JWT authorizer (`http_api`). GraphQL APIs are
//! AppSync APIs (`appsync_api`), which a web ACL protects directly.

pub(crate) mod acm_certificate;
pub(crate) mod alb;
pub(crate) mod api_gateway;
pub(crate) mod api_parts;
pub(crate) mod appsync_api;
pub(crate) mod classic_load_balancer;
pub(crate) mod cloudfront;
pub(crate) mod http_api;
pub(crate) mod load_balancing;
pub(crate) mod nlb;
pub(crate) mod shield_protection;
pub(crate) mod waf_web_acl;

use zta_model::ComponentKind;

use crate::export::builder::Builder;

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::AcmCertificate => acm_certificate::export(b, c),
            ComponentKind::Alb => alb::export(b, c),
            ComponentKind::Nlb => nlb::export(b, c),
            ComponentKind::ClassicLoadBalancer => classic_load_balancer::export(b, c),
            ComponentKind::ApiGateway => api_gateway::export(b, c),
            ComponentKind::AppsyncApi => appsync_api::export(b, c),
            ComponentKind::Cloudfront => cloudfront::export(b, c),
            _ => {}
        }
    }
    for c in &b.design.components {
        match c.kind {
            ComponentKind::WafWebAcl => waf_web_acl::export(b, c),
            ComponentKind::ShieldProtection => shield_protection::export(b, c),
            _ => {}
        }
    }
    waf_web_acl::defaults(b);
}
