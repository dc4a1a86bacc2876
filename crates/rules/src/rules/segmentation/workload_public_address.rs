//! ZT-NET-006: a workload has a public address.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags EC2 instances, Auto Scaling groups (whose launch template gives every instance a
    /// public IP address) and ECS services with `publicly_accessible: true` (EKS endpoints are
    /// ZT-NET-017's).
    ///
    /// ## Why it matters
    /// A public address bypasses the load balancer, its TLS policy, its WAF and its
    /// authentication: every open port of the workload is on the internet.
    ///
    /// ## Example
    /// ```yaml
    /// - id: app
    ///   kind: ec2_instance
    ///   name: App
    ///   segment: app-a
    ///   properties: {publicly_accessible: true}
    /// ```
    ///
    /// ## What to do instead
    /// Remove the public address; publish through a load balancer or API and reach instances
    /// through Session Manager.
    code: "ZT-NET-006",
    name: "workload-public-address",
    title: "Workload has a public address",
    family: Segmentation,
    severity: High,
    tenets: [T2, T6],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if matches!(
            component.kind,
            ComponentKind::Ec2Instance
                | ComponentKind::AutoScalingGroup
                | ComponentKind::EcsService
        ) {
            out.evaluate(&component.id);
        }
        if matches!(
            component.kind,
            ComponentKind::Ec2Instance
                | ComponentKind::AutoScalingGroup
                | ComponentKind::EcsService
        ) && component.properties.publicly_accessible == Some(true)
        {
            out.report(
                format!("Workload {} has a public address", cx.label(&component.id)),
                &[&component.id],
                "Set `publicly_accessible: false` and publish through a load balancer.",
            );
        }
    }
}
