//! ZT-NET-020: an EKS cluster runs its pods on Fargate and is drawn in a public subnet.

use zta_model::fargate;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags EKS clusters whose pods run on Fargate (the export's default, unless the design
    /// says `launch_type: ec2`) and that are drawn in a subnet whose tier is `public`. AWS
    /// accepts only private subnets for a Fargate profile: "A Pod running on Fargate isn't
    /// assigned a public IP address, so only private subnets (with no direct route to an
    /// Internet Gateway) are accepted"
    /// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-eks-fargateprofile.html>).
    ///
    /// ## Why it matters
    /// What is drawn is what deploys. The export runs the pods only in the subnets the cluster
    /// is drawn in, so it refuses such a design with this reason rather than run the pods in
    /// another tier's subnets or leave the cluster without compute.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: platform, kind: eks_cluster, name: Platform, segment: public-a}
    /// ```
    ///
    /// ## What to do instead
    /// Draw the cluster in a private (or isolated) subnet, or set `launch_type: ec2` to run its
    /// pods on a managed node group.
    code: "ZT-NET-020",
    name: "fargate-pods-in-public-subnet",
    title: "EKS pods on Fargate drawn in a public subnet",
    family: Segmentation,
    severity: High,
    tenets: [T1],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for cluster in cx.index.components_of(zta_model::ComponentKind::EksCluster) {
        if !fargate::runs_pods_on_fargate(cluster) {
            continue;
        }
        let Some(subnet) = cx.index.subnet_of(cluster) else {
            continue;
        };
        out.evaluate(&cluster.id);
        if let Some(refusal) = fargate::public_fargate_pods(cluster, subnet) {
            out.report(refusal.message(), &[&cluster.id, &subnet.id], refusal.fix());
        }
    }
}
