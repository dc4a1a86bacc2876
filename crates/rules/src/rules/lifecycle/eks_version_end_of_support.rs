//! ZT-LIFE-003: an EKS cluster runs a Kubernetes version past the end of extended support.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The oldest Kubernetes minor version still in EKS extended support (1.29 left it in
/// March 2026).
const OLDEST_SUPPORTED_MINOR: u32 = 30;

declare_rule! {
    /// ## What it checks
    /// Flags EKS clusters whose `engine_version` is a Kubernetes 1.x older than 1.30, past the
    /// end of EKS extended support.
    ///
    /// ## Why it matters
    /// Past extended support the control plane gets no security fixes and AWS upgrades it on
    /// its own schedule, breaking workloads at a time nobody chose.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: eks, kind: eks_cluster, name: Apps, segment: app-a, properties: {engine_version: '1.27'}}
    /// ```
    ///
    /// ## What to do instead
    /// Upgrade to a version in standard support.
    code: "ZT-LIFE-003",
    name: "eks-version-end-of-support",
    title: "EKS version past end of support",
    family: Lifecycle,
    severity: Medium,
    tenets: [T5],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::EksCluster)
    {
        out.evaluate(&component.id);
        let Some(version) = &component.properties.engine_version else {
            continue;
        };
        let minor = version
            .strip_prefix("1.")
            .and_then(|rest| rest.split('.').next())
            .and_then(|minor| minor.parse::<u32>().ok());
        if let Some(minor) = minor
            && minor < OLDEST_SUPPORTED_MINOR
        {
            out.report(
                format!(
                    "EKS cluster {} runs Kubernetes {version}, past the end of extended support",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Upgrade the cluster to a Kubernetes version in standard support.",
            );
        }
    }
}
