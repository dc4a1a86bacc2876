//! ZT-NET-019: AWS needs an element in two availability zones and its tier offers one.

use std::collections::HashMap;

use zta_model::{Segment, SegmentKind, zones};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags Application Load Balancers, RDS databases, DocumentDB and Neptune clusters, EKS
    /// clusters and Multi-AZ ElastiCache caches whose subnet's tier has subnets in only one
    /// availability zone of its VPC. AWS refuses to create these in one zone: an ALB needs
    /// subnets in at least two zones
    /// (<https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones>),
    /// a DB subnet group (RDS, DocumentDB, Neptune) must cover two
    /// (<https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Subnets>),
    /// an EKS cluster needs subnets in two
    /// (<https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html>), and a Multi-AZ
    /// cache keeps its failover replica in another
    /// (<https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html>). Zones
    /// count as different when the subnets name different `az` values, or when neither names
    /// one and the export spreads them to different zones of the region.
    ///
    /// ## Why it matters
    /// What is drawn is what deploys. The export places every resource only in subnets of the
    /// tier and VPC the design draws it in, so it refuses such a design with this reason
    /// rather than borrow a subnet of another tier (a database in a public subnet, a load
    /// balancer in a private one). ISO/IEC 27001 A.8.14 also asks for the redundancy the second
    /// zone gives.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: isolated-a, kind: subnet, name: Isolated A, parent: vpc, az: eu-west-1a, tier: isolated}
    /// - {id: customers-db, kind: rds, name: Customers, segment: isolated-a, stores: [pii]}
    /// ```
    ///
    /// ## What to do instead
    /// Add a subnet of the same tier to the VPC in a second availability zone, and name the
    /// zones of both with `az`.
    code: "ZT-NET-019",
    name: "tier-lacks-second-zone",
    title: "Element needs two availability zones its tier does not have",
    family: Segmentation,
    severity: High,
    tenets: [T1],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    let mut subnets_of_vpc: HashMap<&str, Vec<&Segment>> = HashMap::new();
    for segment in &cx.design.segments {
        if segment.kind == SegmentKind::Subnet
            && let Some(vpc) = segment.parent.as_deref()
        {
            subnets_of_vpc.entry(vpc).or_default().push(segment);
        }
    }
    for component in &cx.design.components {
        if zones::two_zone_reason(component).is_none() {
            continue;
        }
        let Some(subnet) = cx.index.subnet_of(component) else {
            continue;
        };
        out.evaluate(&component.id);
        let vpc_subnets = subnet
            .parent
            .as_deref()
            .and_then(|vpc| subnets_of_vpc.get(vpc))
            .map_or(&[][..], Vec::as_slice);
        if let Some(shortfall) = zones::zone_shortfall(component, subnet, vpc_subnets) {
            out.report(
                shortfall.message(),
                &[&component.id, &subnet.id],
                shortfall.fix(),
            );
        }
    }
}
