//! Where AWS Fargate runs an EKS cluster's pods: only in private subnets. "A Pod running on
//! Fargate isn't assigned a public IP address, so only private subnets (with no direct route to
//! an Internet Gateway) are accepted" for a Fargate profile's `Subnets`
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-eks-fargateprofile.html>).
//!
//! The rule engine and the exporter both read this, so that the export refuses, in the finding's
//! own words, the cluster the rule flags, rather than running its pods in another tier.

use crate::{Component, ComponentKind, LaunchType, Segment, Tier};

/// Whether an EKS cluster runs its pods on Fargate: the export's default, unless the design
/// asks for a managed node group (`launch_type: ec2`).
pub fn runs_pods_on_fargate(component: &Component) -> bool {
    component.kind == ComponentKind::EksCluster
        && component.properties.launch_type != Some(LaunchType::Ec2)
}

/// An EKS cluster whose pods would run on Fargate in a public subnet.
#[derive(Debug, Clone)]
pub struct PublicFargatePods<'d> {
    pub component: &'d Component,
    /// The public subnet the cluster is drawn in.
    pub subnet: &'d Segment,
}

impl PublicFargatePods<'_> {
    /// What is wrong, the same words in the finding and in the export's refusal.
    pub fn message(&self) -> String {
        format!(
            "EKS cluster `{}` runs its pods on Fargate, which AWS accepts only in private subnets, and it is drawn in public subnet `{}`",
            self.component.id, self.subnet.id
        )
    }

    /// The fix.
    pub fn fix(&self) -> String {
        format!(
            "Move `{}` to a private or isolated subnet, or set `launch_type: ec2` to run its pods on a managed node group.",
            self.component.id
        )
    }
}

/// The refusal for a component drawn in `subnet`, if it is an EKS cluster on Fargate and the
/// subnet is public.
pub fn public_fargate_pods<'d>(
    component: &'d Component,
    subnet: &'d Segment,
) -> Option<PublicFargatePods<'d>> {
    (runs_pods_on_fargate(component) && subnet.tier == Some(Tier::Public))
        .then_some(PublicFargatePods { component, subnet })
}
