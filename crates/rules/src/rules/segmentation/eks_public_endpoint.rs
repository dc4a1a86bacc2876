//! ZT-NET-017: an EKS cluster's API endpoint is public.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags EKS clusters with `publicly_accessible: true` (a public Kubernetes API endpoint).
    ///
    /// ## Why it matters
    /// The Kubernetes API controls every workload of the cluster; on the internet it is one
    /// leaked kubeconfig or one API-server vulnerability from compromise.
    ///
    /// ## Example
    /// ```yaml
    /// - id: eks
    ///   kind: eks_cluster
    ///   name: Apps
    ///   segment: app-a
    ///   properties: {publicly_accessible: true}
    /// ```
    ///
    /// ## What to do instead
    /// Use a private endpoint and reach it from the VPC (Session Manager port forwarding or a
    /// CI runner inside the network).
    code: "ZT-NET-017",
    name: "eks-public-endpoint",
    title: "EKS API endpoint is public",
    family: Segmentation,
    severity: High,
    tenets: [T2, T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::EksCluster {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::EksCluster
            && component.properties.publicly_accessible == Some(true)
        {
            out.report(
                format!(
                    "EKS cluster {} has a public API endpoint",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Set `publicly_accessible: false` for a private cluster endpoint.",
            );
        }
    }
}
