//! ZT-NET-005: a workload runs in a public subnet.

use zta_model::Tier;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags workloads (EC2 instances, ECS services, EKS clusters, VPC-attached functions) in a
    /// subnet whose tier is `public`.
    ///
    /// ## Why it matters
    /// Workloads in public subnets are one public address away from the internet and take their
    /// egress straight through the internet gateway, around any inspection.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: web, kind: ecs_service, name: Web, segment: public-a}
    /// ```
    ///
    /// ## What to do instead
    /// Run workloads in `private` subnets behind a load balancer; only load balancers and NAT
    /// gateways belong in public subnets.
    code: "ZT-NET-005",
    name: "workload-in-public-subnet",
    title: "Workload in a public subnet",
    family: Segmentation,
    severity: High,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in cx.design.components.iter().filter(|c| c.kind.is_workload()) {
        out.evaluate(&component.id);
        let place = cx.index.place_of(component);
        if place.tier == Some(Tier::Public) {
            let subnet = place.subnet.unwrap_or_default();
            out.report(
                format!(
                    "Workload {} runs in public subnet {}",
                    cx.label(&component.id),
                    cx.label(subnet)
                ),
                &[&component.id, subnet],
                "Move the workload to a private subnet behind a load balancer.",
            );
        }
    }
}
