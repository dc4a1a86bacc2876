//! ZT-NET-016: a private workload calls an AWS API without a VPC endpoint.

use zta_model::{ComponentKind, Placement, Protocol, Tier};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags AWS API calls (`protocol: aws_api`) from a component in a `private` or `isolated`
    /// subnet to a regional or account-wide service, when no VPC endpoint is listed in `via`.
    ///
    /// ## Why it matters
    /// Without PrivateLink the call leaves through NAT to the service's public endpoint: it
    /// needs an internet route, and bucket or key policies cannot pin access to the design's
    /// endpoints with `aws:SourceVpce`.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: read-docs, source: orders-svc, target: documents-bucket, protocol: aws_api, tls: '1.2', auth: iam}
    /// ```
    ///
    /// ## What to do instead
    /// Add an interface or gateway endpoint for the service and list it in `via`.
    code: "ZT-NET-016",
    name: "aws-api-without-endpoint",
    title: "AWS API called without a VPC endpoint",
    family: Segmentation,
    severity: Medium,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in cx
        .design
        .flows
        .iter()
        .filter(|flow| flow.protocol == Protocol::AwsApi)
    {
        let (Some(source), Some(target)) = (
            cx.index.component(&flow.source),
            cx.index.component(&flow.target),
        ) else {
            continue;
        };
        if !matches!(
            cx.index.place_of(source).tier,
            Some(Tier::Private | Tier::Isolated)
        ) {
            continue;
        }
        let regional = matches!(
            target.kind.info().placement,
            Placement::Regional | Placement::Account
        ) && cx.index.place_of(target).subnet.is_none();
        if !regional {
            continue;
        }
        out.evaluate(&flow.id);
        let private_link = flow.via.iter().any(|via| {
            cx.index.component(via).is_some_and(|via| {
                matches!(
                    via.kind,
                    ComponentKind::VpcEndpoint | ComponentKind::EndpointService
                )
            })
        });
        if !private_link {
            out.report(
                format!(
                    "{} calls {} ({}) without a VPC endpoint (flow `{}`)",
                    cx.label(&source.id),
                    cx.label(&target.id),
                    target.kind.as_str(),
                    flow.id
                ),
                &[&flow.id, &source.id, &target.id],
                "Add a VPC endpoint for the service and list it in the flow's `via`.",
            );
        }
    }
}
