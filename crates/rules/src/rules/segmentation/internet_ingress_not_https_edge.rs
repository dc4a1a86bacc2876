//! ZT-NET-009: traffic from the internet enters somewhere other than HTTPS on an edge endpoint.

use zta_model::{ComponentKind, Placement, Protocol};

use crate::context::{Context, Zone};
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::segmentation::remote_admin_protocol::is_remote_admin;

declare_rule! {
    /// ## What it checks
    /// Flags flows from the internet to a component, unless they are HTTPS or gRPC on port 443
    /// to an edge endpoint (CloudFront, a load balancer, API Gateway) or to a Lambda function
    /// URL, which AWS serves as HTTPS on 443 itself, or SFTP or FTPS to a Transfer Family server
    /// (AWS's file-transfer endpoint; plain FTP to it is flagged). Sign-ins to a user pool
    /// or identity provider, signed AWS API calls to regional services, and SSH or RDP
    /// (ZT-NET-008) are left out.
    ///
    /// ## Why it matters
    /// The only security-group rule from `0.0.0.0/0` a zero-trust design needs is HTTPS to its
    /// edge. Anything else is a port the internet can probe on a component not built for it.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: direct, source: customer, target: orders-svc, protocol: https, ports: [8443], tls: '1.2', auth: jwt, issuer: pool}
    /// ```
    ///
    /// ## What to do instead
    /// Publish through an edge endpoint on 443 and keep the workload private behind it.
    code: "ZT-NET-009",
    name: "internet-ingress-not-https-edge",
    title: "Internet ingress other than HTTPS to the edge",
    family: Segmentation,
    severity: High,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        if cx.index.zone_of(&flow.source) != Some(Zone::Internet) || is_remote_admin(cx, flow) {
            continue;
        }
        let Some(target) = cx.index.component(&flow.target) else {
            continue;
        };
        out.evaluate(&flow.id);
        let aws_api = flow.protocol == Protocol::AwsApi
            && matches!(
                target.kind.info().placement,
                Placement::Regional | Placement::Account
            );
        if aws_api || target.kind == ComponentKind::VpnConnection {
            continue;
        }
        let on_443 = flow.ports.is_empty()
            || flow
                .ports
                .iter()
                .all(|range| range.from == 443 && range.to == 443);
        let https = matches!(flow.protocol, Protocol::Https | Protocol::Grpc) && on_443;
        // A function URL is an HTTPS endpoint AWS runs in front of the function, as it runs
        // API Gateway's; ZT-EDGE-006 judges whom it admits.
        let function_url = target.kind == ComponentKind::LambdaFunction
            && target.properties.function_url.is_some();
        // A Transfer Family server is AWS's file-transfer endpoint, as API Gateway is its HTTPS
        // one: SFTP and FTPS to it are its purpose; plain FTP or AS2 over HTTP is not accepted.
        let transfer = target.kind == ComponentKind::TransferServer && flow.is_encrypted();
        if (target.kind.is_edge_endpoint() || function_url) && https || transfer {
            continue;
        }
        out.report(
            format!(
                "The internet reaches {} with {} (flow `{}`){}",
                cx.label(&target.id),
                flow.label(),
                flow.id,
                if target.kind.is_edge_endpoint() { "" } else { ", which is not an edge endpoint" }
            ),
            &[&flow.id, &target.id],
            "Accept internet traffic only as HTTPS on 443 at CloudFront, a load balancer or API Gateway.",
        );
    }
}
