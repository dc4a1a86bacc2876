//! ZT-ENC-004: a load balancer or distribution uses a TLS policy that allows old versions.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// Transfer Family security policies that still accept SHA-1 and CBC algorithms (AWS's default
/// `TransferSecurityPolicy-2018-11` among them); the later ones accept current algorithms only.
const WEAK_TRANSFER_MARKERS: [&str; 2] = ["2018-11", "2020-06"];

/// Markers of AWS TLS policies whose lowest version is 1.2 or 1.3.
const MODERN_MARKERS: [&str; 6] = [
    "TLS13", "TLS-1-2", "TLS-1-3", "FS-1-2", "TLSv1.2", "TLSv1.3",
];

declare_rule! {
    /// ## What it checks
    /// Flags ALBs, NLBs, Classic Load Balancers, CloudFront distributions and OpenSearch
    /// domains whose `tls_policy` is not a TLS 1.2+ policy (an `ELBSecurityPolicy-TLS13-*`,
    /// `*-TLS-1-2-*`, `*-FS-1-2-*`, CloudFront `TLSv1.2_*` or OpenSearch `Policy-Min-TLS-1-2-*`
    /// policy). An absent policy gets the exporter's TLS 1.3 default (TLS 1.2 on a Classic Load
    /// Balancer and an OpenSearch domain); an imported Classic Load Balancer whose HTTPS or SSL
    /// listener names no policy has AWS's default, `ELBSecurityPolicy-2016-08`.
    /// Transfer Family servers are flagged for `TransferSecurityPolicy-2018-11` (AWS's default,
    /// which an imported server that names no policy has) and the `-2020-06` policies, which
    /// still accept SHA-1 and CBC algorithms.
    ///
    /// ## Why it matters
    /// Older policies such as `ELBSecurityPolicy-2016-08` accept TLS 1.0 and weak ciphers on
    /// the endpoint every client connects to.
    ///
    /// ## Example
    /// ```yaml
    /// properties: {scheme: internet_facing, tls_policy: ELBSecurityPolicy-2016-08}
    /// ```
    ///
    /// ## What to do instead
    /// Use `ELBSecurityPolicy-TLS13-1-2-2021-06` (`ELBSecurityPolicy-TLS-1-2-2017-01` on a
    /// Classic Load Balancer, `TLSv1.2_2021` on CloudFront, `TransferSecurityPolicy-2024-01` on
    /// a Transfer Family server).
    code: "ZT-ENC-004",
    name: "weak-tls-policy",
    title: "Endpoint TLS policy allows old TLS versions",
    family: Encryption,
    severity: Medium,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !matches!(
            component.kind,
            ComponentKind::Alb
                | ComponentKind::Nlb
                | ComponentKind::ClassicLoadBalancer
                | ComponentKind::Cloudfront
                | ComponentKind::OpensearchDomain
                | ComponentKind::TransferServer
        ) {
            continue;
        }
        let Some(policy) = &component.properties.tls_policy else {
            continue;
        };
        out.evaluate(&component.id);
        if component.kind == ComponentKind::TransferServer {
            if WEAK_TRANSFER_MARKERS
                .iter()
                .any(|marker| policy.contains(marker))
            {
                out.report(
                    format!(
                        "{} uses security policy `{policy}`, which still accepts SHA-1 and CBC algorithms",
                        cx.label(&component.id)
                    ),
                    &[&component.id],
                    "Use `TransferSecurityPolicy-2024-01`.",
                );
            }
            continue;
        }
        if !MODERN_MARKERS.iter().any(|marker| policy.contains(marker)) {
            out.report(
                format!(
                    "{} uses TLS policy `{policy}`, which accepts versions below TLS 1.2",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Use `ELBSecurityPolicy-TLS13-1-2-2021-06` (Classic Load Balancer: `ELBSecurityPolicy-TLS-1-2-2017-01`; CloudFront: `TLSv1.2_2021`; OpenSearch: `Policy-Min-TLS-1-2-PFS-2023-10`).",
            );
        }
    }
}
