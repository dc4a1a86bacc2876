//! ZT-DATA-005: a bucket of sensitive data accepts requests from outside the VPC endpoints.

use zta_model::{ComponentKind, DataClass};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags S3 buckets that store confidential, personal or cardholder data and state
    /// `vpc_endpoint_only: false`.
    ///
    /// ## Why it matters
    /// Credentials leak; a bucket policy that requires `aws:SourceVpce` makes a stolen key
    /// useless outside the design's network.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: docs, kind: s3_bucket, name: Docs, segment: prod-region, stores: [pii], properties: {vpc_endpoint_only: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `vpc_endpoint_only: false` and reach the bucket through a gateway endpoint.
    code: "ZT-DATA-005",
    name: "bucket-not-endpoint-only",
    title: "Sensitive bucket reachable outside VPC endpoints",
    family: DataProtection,
    severity: Medium,
    tenets: [T4],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::S3Bucket {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::S3Bucket
            && component.properties.vpc_endpoint_only == Some(false)
            && let Some(class) = component
                .most_sensitive_stored()
                .filter(|class| *class >= DataClass::Confidential)
        {
            out.report(
                format!(
                    "Bucket {} stores {} data and accepts requests from outside the VPC endpoints",
                    cx.label(&component.id),
                    class.as_str()
                ),
                &[&component.id],
                "Restrict the bucket to the design's VPC endpoints (`vpc_endpoint_only: true`).",
            );
        }
    }
}
