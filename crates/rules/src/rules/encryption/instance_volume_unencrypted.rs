//! ZT-ENC-011: an instance's or an Auto Scaling group's volumes are not encrypted at rest.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags EC2 instances and Auto Scaling groups (whose launch template sets the volumes of
    /// every instance they launch) with `encrypted_at_rest: false`.
    ///
    /// ## Why it matters
    /// An instance's volumes hold what its application writes, caches and logs, and the
    /// credentials it is configured with. Snapshots of unencrypted volumes can be copied, shared
    /// and attached elsewhere, outside every access control of the workload.
    ///
    /// ## Example
    /// ```yaml
    /// - id: web
    ///   kind: auto_scaling_group
    ///   name: Web
    ///   segment: app-a
    ///   properties: {encrypted_at_rest: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `encrypted_at_rest: false`: the exporter encrypts the volumes with the component's
    /// `encryption_key` or the design's default key.
    code: "ZT-ENC-011",
    name: "instance-volume-unencrypted",
    title: "Instance volumes not encrypted at rest",
    family: Encryption,
    severity: High,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !component.kind.runs_ec2_instances() {
            continue;
        }
        out.evaluate(&component.id);
        if component.properties.encrypted_at_rest == Some(false) {
            out.report(
                format!(
                    "The volumes of {} are not encrypted at rest",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Encrypt the volumes with a KMS key (`encryption_key`) and drop `encrypted_at_rest: false`.",
            );
        }
    }
}
