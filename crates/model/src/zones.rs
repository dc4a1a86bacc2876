//! Availability zones: the zone each subnet stands in, the subnets of its tier that a resource
//! spanning zones uses, and which components AWS refuses to create in fewer than two zones.
//!
//! The rule engine and the exporter both read these, so that a design the rules pass places every
//! resource in the tier and segment it is drawn in, and a design they flag is refused by the
//! export for the same reason rather than placed elsewhere.

use crate::{Component, ComponentKind, Segment, Tier};

/// How many zones the export spreads the subnets that name no zone across: the n-th such
/// subnet of a VPC (by its place among the VPC's subnets) goes to zone `n % 3` of the region,
/// the number of zones every commercial region offers at least.
pub const UNNAMED_ZONE_COUNT: usize = 3;

/// The availability zone a subnet stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone<'d> {
    /// The zone the subnet names (`az`).
    Named(&'d str),
    /// For a subnet that names none, the zone of the region at this index, which the export
    /// chooses from the subnet's place among its VPC's subnets.
    Indexed(usize),
}

impl Zone<'_> {
    /// Whether two zones are known to differ: a named zone and an indexed one may be the same
    /// zone, so they are not.
    pub fn differs_from(self, other: Zone<'_>) -> bool {
        match (self, other) {
            (Zone::Named(a), Zone::Named(b)) => a != b,
            (Zone::Indexed(a), Zone::Indexed(b)) => a != b,
            _ => false,
        }
    }
}

/// The zone of the subnet at `index` among its VPC's subnets (in design order).
pub fn zone_of(subnet: &Segment, index: usize) -> Zone<'_> {
    match subnet.az.as_deref() {
        Some(zone) => Zone::Named(zone),
        None => Zone::Indexed(index % UNNAMED_ZONE_COUNT),
    }
}

/// The subnets a resource drawn in `subnet` spans: that subnet and, for each zone known to
/// differ from those already chosen, the first subnet of the same tier in the same VPC.
/// `vpc_subnets` are the subnets of the VPC in design order. Only subnets of the drawn tier are
/// ever chosen: a resource is never placed in another tier.
pub fn spread<'d>(subnet: &'d Segment, vpc_subnets: &[&'d Segment]) -> Vec<&'d Segment> {
    let zones: Vec<Zone<'d>> = vpc_subnets
        .iter()
        .enumerate()
        .map(|(index, s)| zone_of(s, index))
        .collect();
    let own = vpc_subnets
        .iter()
        .position(|s| s.id == subnet.id)
        .map_or_else(|| zone_of(subnet, 0), |index| zones[index]);
    let mut chosen = vec![subnet];
    let mut chosen_zones = vec![own];
    for (candidate, zone) in vpc_subnets.iter().zip(&zones) {
        let same_tier = candidate.tier == subnet.tier && candidate.id != subnet.id;
        if same_tier && chosen_zones.iter().all(|taken| zone.differs_from(*taken)) {
            chosen.push(*candidate);
            chosen_zones.push(*zone);
        }
    }
    chosen
}

/// Why AWS needs a component's subnets in two availability zones, when it does.
///
/// - Application Load Balancers: "you must enable at least two Availability Zones"
///   (<https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones>).
/// - RDS DB subnet groups: "each DB subnet group should have subnets in at least two
///   Availability Zones" (<https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Subnets>).
/// - DocumentDB and Neptune subnet groups: "subnets in at least two Availability Zones"
///   (<https://docs.aws.amazon.com/documentdb/latest/developerguide/document-db-subnet-groups.html>,
///   <https://docs.aws.amazon.com/neptune/latest/userguide/get-started-vpc.html>).
/// - EKS clusters: "subnets in at least two different Availability Zones"
///   (<https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html>).
/// - ElastiCache with Multi-AZ (the export's default): the replica that automatic failover
///   promotes runs in another zone of the subnet group
///   (<https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html>).
pub fn two_zone_reason(component: &Component) -> Option<&'static str> {
    match component.kind {
        ComponentKind::Alb => {
            Some("an Application Load Balancer needs subnets in at least two availability zones")
        }
        ComponentKind::Rds => {
            Some("an RDS DB subnet group must cover at least two availability zones")
        }
        ComponentKind::DocumentdbCluster => {
            Some("a DocumentDB subnet group must cover at least two availability zones")
        }
        ComponentKind::NeptuneCluster => {
            Some("a Neptune DB subnet group must cover at least two availability zones")
        }
        ComponentKind::EksCluster => {
            Some("an EKS cluster needs subnets in at least two availability zones")
        }
        ComponentKind::Elasticache if component.properties.multi_az != Some(false) => Some(
            "a Multi-AZ ElastiCache cache keeps its failover replica in a second availability zone",
        ),
        _ => None,
    }
}

/// A component whose drawn tier offers fewer zones than AWS needs.
#[derive(Debug, Clone)]
pub struct ZoneShortfall<'d> {
    pub component: &'d Component,
    /// The subnet the component is drawn in.
    pub subnet: &'d Segment,
    /// The VPC of that subnet.
    pub vpc: &'d str,
    /// Why two zones are needed.
    pub reason: &'static str,
}

impl ZoneShortfall<'_> {
    fn tier(&self) -> &'static str {
        self.subnet.tier.map_or("untiered", Tier::as_str)
    }

    /// What is wrong, the same words in the finding and in the export's refusal.
    pub fn message(&self) -> String {
        format!(
            "`{}` needs subnets in two availability zones in the {} tier of VPC `{}` ({}), and the design gives that tier one zone",
            self.component.id,
            self.tier(),
            self.vpc,
            self.reason
        )
    }

    /// The fix.
    pub fn fix(&self) -> String {
        format!(
            "Add another {} subnet to VPC `{}` in a second availability zone (name the zones of both subnets with `az`), or move `{}` to a tier that has subnets in two zones.",
            self.tier(),
            self.vpc,
            self.component.id
        )
    }
}

/// The shortfall of a component drawn in `subnet` (one of `vpc_subnets`), if AWS needs it in
/// two zones and the tier offers one.
pub fn zone_shortfall<'d>(
    component: &'d Component,
    subnet: &'d Segment,
    vpc_subnets: &[&'d Segment],
) -> Option<ZoneShortfall<'d>> {
    let reason = two_zone_reason(component)?;
    let vpc = subnet.parent.as_deref()?;
    (spread(subnet, vpc_subnets).len() < 2).then_some(ZoneShortfall {
        component,
        subnet,
        vpc,
        reason,
    })
}
