//! ZT-DATA-001: a bucket does not block public access.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags S3 buckets with `block_public_access: false`.
    ///
    /// ## Why it matters
    /// Public access blocks are the safety net under every future policy and ACL edit; without
    /// them one mistaken statement publishes the bucket, the commonest cloud data leak.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: docs, kind: s3_bucket, name: Docs, segment: prod-region, properties: {block_public_access: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `block_public_access: false`; serve public content through CloudFront with
    /// origin access control.
    code: "ZT-DATA-001",
    name: "bucket-public-access-block-off",
    title: "Bucket does not block public access",
    family: DataProtection,
    severity: High,
    tenets: [T6],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::S3Bucket {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::S3Bucket
            && component.properties.block_public_access == Some(false)
        {
            out.report(
                format!(
                    "Bucket {} does not block public access",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Block all public access on the bucket.",
            );
        }
    }
}
