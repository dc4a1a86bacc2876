//! Deterministic generation of valid designs of any size, for property tests and benchmarks
//! across the workspace ("a 10,000-element design" means the same thing in every crate).
//!
//! A small xorshift generator keeps this free of test-only dependencies and makes a seed
//! reproduce the same design on every machine.

use crate::{
    Actor, ActorKind, Auth, Component, ComponentKind, ComponentProperties, DataClass, Design, Flow,
    Identity, IdentityKind, LaunchType, MfaMode, NodeBox, Placement, PortRange, Principal,
    PrincipalKind, Protocol, Scheme, Segment, SegmentKind, Tier, Tls, component_kind::CATALOG,
};

/// A reproducible pseudo-random source.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed (zero is remapped, since xorshift would stay at zero).
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..bound` (bound > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "orders",
    "payments",
    "catalogue",
    "search",
    "billing",
    "inventory",
    "reporting",
    "identity",
    "ledger",
    "shipping",
    "Zahlungen",
    "заказы",
    "注文",
    "café-menu",
];

/// Generates a valid design with about `elements` elements (segments, components, identities,
/// actors and flows together), in the proportions of real designs: roughly a tenth segments,
/// four tenths components, a tenth identities, a few actors, and the rest flows.
pub fn generate(seed: u64, elements: usize) -> Design {
    let mut rng = Rng::new(seed);
    let mut design = Design::new(format!("Synthetic design {seed}"));
    let elements = elements.max(12);
    let vpc_count = (elements / 120).max(1);
    let accounts = vpc_count.div_ceil(4);

    design
        .segments
        .push(segment("internet", SegmentKind::Internet, None));
    let mut subnets: Vec<(String, Tier)> = Vec::new();
    let mut regionals: Vec<String> = Vec::new();
    let mut account_ids: Vec<String> = Vec::new();
    let mut vpcs: Vec<String> = Vec::new();
    for account in 0..accounts {
        let account_id = format!("acct-{account}");
        let mut account_segment = segment(&account_id, SegmentKind::Account, None);
        account_segment.account_id = Some(format!("{:012}", 100_000_000_000u64 + account as u64));
        design.segments.push(account_segment);
        let region_id = format!("region-{account}");
        let mut region = segment(&region_id, SegmentKind::Region, Some(&account_id));
        region.region = Some("eu-west-1".into());
        design.segments.push(region);
        regionals.push(region_id.clone());
        account_ids.push(account_id);
        for vpc_in_account in 0..4 {
            let vpc_index = account * 4 + vpc_in_account;
            if vpc_index >= vpc_count {
                break;
            }
            let vpc_id = format!("vpc-{vpc_index}");
            let mut vpc = segment(&vpc_id, SegmentKind::Vpc, Some(&region_id));
            let second_octet = vpc_index % 256;
            let first_octet = 10 + vpc_index / 256;
            vpc.cidr = Some(format!("{first_octet}.{second_octet}.0.0/16"));
            design.segments.push(vpc);
            vpcs.push(vpc_id.clone());
            for (subnet_index, tier) in [Tier::Public, Tier::Private, Tier::Private, Tier::Isolated]
                .into_iter()
                .enumerate()
            {
                let subnet_id = format!("{vpc_id}-subnet-{subnet_index}");
                let mut subnet = segment(&subnet_id, SegmentKind::Subnet, Some(&vpc_id));
                subnet.cidr = Some(format!("{first_octet}.{second_octet}.{subnet_index}.0/24"));
                subnet.tier = Some(tier);
                subnet.az = Some(format!("eu-west-1{}", ["a", "b", "c"][subnet_index % 3]));
                design.segments.push(subnet);
                subnets.push((subnet_id, tier));
            }
            // A second zone for the public and isolated tiers (the private tier has two), since
            // load balancers, databases and clusters need subnets in two zones of their tier.
            // Components are drawn only in the four subnets above, so that adding these kept
            // every seed's components where they were.
            for (subnet_index, tier) in [(4, Tier::Public), (5, Tier::Isolated)] {
                let subnet_id = format!("{vpc_id}-subnet-{subnet_index}");
                let mut subnet = segment(&subnet_id, SegmentKind::Subnet, Some(&vpc_id));
                subnet.cidr = Some(format!("{first_octet}.{second_octet}.{subnet_index}.0/24"));
                subnet.tier = Some(tier);
                subnet.az = Some("eu-west-1b".into());
                design.segments.push(subnet);
            }
        }
    }

    let component_target = elements * 4 / 10;
    let identity_target = (elements / 10).max(2);
    let actor_target = (elements / 50).clamp(2, 40);

    for index in 0..identity_target {
        let kind = if index % 5 == 4 {
            IdentityKind::CognitoUserPool
        } else {
            IdentityKind::IamRole
        };
        // The name is drawn before the account, the order every generated design relies on.
        let mut identity = Identity::new(
            format!("identity-{index}"),
            kind,
            format!("{} {index}", rng.pick(NAMES)),
        );
        identity.account = Some(rng.pick(&account_ids).clone());
        match kind {
            IdentityKind::CognitoUserPool => {
                identity.mfa =
                    Some(*rng.pick(&[MfaMode::Required, MfaMode::Optional, MfaMode::Off]));
                identity.token_validity_minutes = Some(60);
            }
            _ => {
                identity.trusts.push(Principal::new(
                    PrincipalKind::Service,
                    *rng.pick(&[
                        "ecs-tasks.amazonaws.com",
                        "lambda.amazonaws.com",
                        "ec2.amazonaws.com",
                    ]),
                ));
                identity.session_duration_seconds = Some(3600);
                if index > 0 && (index - 1) % 5 != 4 && rng.chance(20) {
                    identity.trusts.push(Principal::new(
                        PrincipalKind::Identity,
                        format!("identity-{}", index - 1),
                    ));
                }
            }
        }
        design.identities.push(identity);
    }
    let roles: Vec<String> = design
        .identities
        .iter()
        .filter(|identity| identity.kind == IdentityKind::IamRole)
        .map(|identity| identity.id.clone())
        .collect();
    let pools: Vec<String> = design
        .identities
        .iter()
        .filter(|identity| identity.kind == IdentityKind::CognitoUserPool)
        .map(|identity| identity.id.clone())
        .collect();

    let placeable: Vec<&crate::KindInfo> = CATALOG
        .iter()
        .filter(|info| {
            !matches!(
                info.kind,
                ComponentKind::TransitGateway
                    | ComponentKind::VpcPeering
                    | ComponentKind::RamShare
                    | ComponentKind::WafWebAcl
                    | ComponentKind::ShieldProtection
            )
        })
        .collect();
    // The first components take the kinds in turn, from a point that moves with the seed, so
    // that a few designs together hold every kind however many the catalog lists; the rest are
    // drawn at random.
    let offset = (seed as usize).wrapping_mul(component_target);
    for index in 0..component_target {
        let info = if index < placeable.len() {
            placeable[(offset + index) % placeable.len()]
        } else {
            *rng.pick(&placeable)
        };
        let segment = match info.placement {
            Placement::Subnet => rng.pick(&subnets).0.clone(),
            Placement::Vpc => rng.pick(&vpcs).clone(),
            Placement::Regional => rng.pick(&regionals).clone(),
            Placement::Account => rng.pick(&account_ids).clone(),
        };
        let mut properties = ComponentProperties::default();
        for property in info.properties {
            if !rng.chance(40) {
                continue;
            }
            match *property {
                "encrypted_at_rest" => properties.encrypted_at_rest = Some(rng.chance(80)),
                "publicly_accessible" => properties.publicly_accessible = Some(rng.chance(20)),
                "iam_auth" => properties.iam_auth = Some(rng.chance(70)),
                "scheme" => {
                    properties.scheme = Some(*rng.pick(&[Scheme::InternetFacing, Scheme::Internal]))
                }
                "versioning" => properties.versioning = Some(rng.chance(70)),
                "key_rotation" => properties.key_rotation = Some(rng.chance(80)),
                "retention_days" => properties.retention_days = Some(365),
                "engine" => properties.engine = Some("postgres".into()),
                "multi_az" => properties.multi_az = Some(rng.chance(50)),
                "logging" => properties.logging = Some(rng.chance(80)),
                _ => {}
            }
        }
        let stores = if info.data_store {
            vec![*rng.pick(&DataClass::ALL)]
        } else {
            Vec::new()
        };
        design.components.push(Component {
            id: format!("component-{index}"),
            kind: info.kind,
            name: format!("{} {index}", rng.pick(NAMES)),
            segment,
            description: None,
            identity: (info.workload && !roles.is_empty()).then(|| rng.pick(&roles).clone()),
            stores,
            encryption_key: None,
            properties,
            tags: Default::default(),
            logical_id: None,
            suppress: Vec::new(),
            not_known: Vec::new(),
        });
    }

    for index in 0..actor_target {
        design.actors.push(Actor {
            id: format!("actor-{index}"),
            kind: *rng.pick(&[
                ActorKind::Customer,
                ActorKind::Administrator,
                ActorKind::ExternalSystem,
            ]),
            name: format!("{} user {index}", rng.pick(NAMES)),
            description: None,
            zone: Some("internet".into()),
            signs_in_with: None,
            jurisdiction: None,
            transfer_safeguard: None,
            service_provider: None,
            suppress: Vec::new(),
        });
    }

    let flow_target = elements.saturating_sub(design.element_count());
    let endpoints: Vec<String> = design
        .components
        .iter()
        .map(|component| component.id.clone())
        .collect();
    for index in 0..flow_target {
        let source = if rng.chance(10) {
            format!("actor-{}", rng.below(actor_target))
        } else {
            rng.pick(&endpoints).clone()
        };
        let mut target = rng.pick(&endpoints).clone();
        if target == source {
            target = endpoints[(endpoints.iter().position(|id| *id == source).unwrap_or(0) + 1)
                % endpoints.len()]
            .clone();
        }
        let protocol = *rng.pick(&[
            Protocol::Https,
            Protocol::Postgresql,
            Protocol::AwsApi,
            Protocol::Redis,
            Protocol::Http,
            Protocol::Ssh,
        ]);
        let auth = *rng.pick(&[Auth::Iam, Auth::None, Auth::Mtls, Auth::Jwt, Auth::Password]);
        let issuer = (auth == Auth::Jwt && !pools.is_empty()).then(|| rng.pick(&pools).clone());
        let auth = if auth == Auth::Jwt && issuer.is_none() {
            Auth::Iam
        } else {
            auth
        };
        design.flows.push(Flow {
            id: format!("flow-{index}"),
            source,
            target,
            name: None,
            description: None,
            protocol,
            ports: protocol
                .default_port()
                .map(PortRange::single)
                .into_iter()
                .collect(),
            tls: *rng.pick(&[Tls::Tls12, Tls::Tls13, Tls::None, Tls::Tls12]),
            auth,
            issuer,
            data: vec![*rng.pick(&DataClass::ALL)],
            actions: if protocol == Protocol::AwsApi {
                vec!["s3:GetObject".into()]
            } else {
                Vec::new()
            },
            via: Vec::new(),
            suppress: Vec::new(),
        });
    }

    add_connected_parts(&mut design, seed);
    for (index, component) in design.components.iter().enumerate() {
        design.layout.nodes.insert(
            component.id.clone(),
            NodeBox {
                x: (index % 40) as f64 * 180.0,
                y: (index / 40) as f64 * 120.0,
                width: None,
                height: None,
            },
        );
    }
    design
}

/// Adds what the random placement of components cannot draw, so that a set of generated designs
/// covers every kind and property: a Transit Gateway attaching the VPCs (with a RAM share to the
/// other accounts), a peering, a web ACL and Shield protection for the balancers, Service
/// Connect on ECS clusters (and a cluster where none was drawn), domain allow-lists on Network
/// Firewalls, the launch type of ECS services and the compute of EKS clusters, and the hosted
/// sign-in of user pools. It draws from a source of its own, so that the elements drawn before
/// it stay as they were for every seed.
fn add_connected_parts(design: &mut Design, seed: u64) {
    let mut rng = Rng::new(seed ^ 0x005E_ED0F_C0DE);
    let public_subnets: Vec<String> = design
        .segments
        .iter()
        .filter(|segment| segment.tier == Some(Tier::Public))
        .map(|segment| segment.id.clone())
        .collect();
    // The first component of each kind (and the first user pool) states everything these parts
    // add, so that they stay covered whatever the random placement drew before them.
    let mut seen = std::collections::BTreeSet::new();
    for component in &mut design.components {
        let first = seen.insert(component.kind);
        let in_public_subnet = public_subnets.contains(&component.segment);
        let p = &mut component.properties;
        match component.kind {
            ComponentKind::EcsCluster if first || rng.chance(70) => {
                p.service_connect_namespace = Some(format!("{}.internal", component.id));
                if first || rng.chance(40) {
                    p.service_connect_tls = Some(rng.chance(70));
                }
            }
            ComponentKind::NetworkFirewall if first || rng.chance(70) => {
                p.allowed_domains = vec![".example.com".into(), "api.example.org".into()];
            }
            ComponentKind::EcsService if first || rng.chance(50) => {
                p.launch_type = Some(*rng.pick(&[LaunchType::Fargate, LaunchType::Ec2]));
            }
            ComponentKind::EksCluster => {
                // Fargate runs no pods in public subnets (ZT-NET-020), so a cluster drawn
                // there runs them on nodes, and the design stays one that exports.
                if in_public_subnet {
                    p.launch_type = Some(LaunchType::Ec2);
                } else if first || rng.chance(60) {
                    p.launch_type = Some(*rng.pick(&[LaunchType::Fargate, LaunchType::Ec2]));
                }
                if first || rng.chance(40) {
                    p.instance_type = Some("t3.large".into());
                }
                if first || rng.chance(40) {
                    p.desired_count = Some(3);
                }
            }
            _ => {}
        }
    }
    let mut first_pool = true;
    for identity in &mut design.identities {
        // Each hosted sign-in setting on its own, so that a pool may state callback URLs but
        // leave its domain to the deployer, or the other way round.
        if identity.kind == IdentityKind::CognitoUserPool {
            if first_pool || rng.chance(50) {
                identity.domain_prefix = Some(format!("{}-sign-in", identity.id));
            }
            if first_pool || rng.chance(40) {
                identity.callback_urls = vec!["https://app.example.com/callback".into()];
            }
            if first_pool || rng.chance(30) {
                identity.oauth_scopes = vec!["openid".into(), "profile".into()];
            }
            first_pool = false;
        }
    }
    let vpcs: Vec<String> = design
        .segments
        .iter()
        .filter(|segment| segment.kind == SegmentKind::Vpc)
        .map(|segment| segment.id.clone())
        .collect();
    let accounts: Vec<String> = design
        .segments
        .iter()
        .filter(|segment| segment.kind == SegmentKind::Account)
        .map(|segment| segment.id.clone())
        .collect();
    let Some(first_vpc) = vpcs.first() else {
        return;
    };
    let region = design
        .segment(first_vpc)
        .and_then(|vpc| vpc.parent.clone())
        .unwrap_or_default();
    let account = design
        .segment(&region)
        .and_then(|region| region.parent.clone())
        .unwrap_or_default();
    let mut added = Vec::new();
    if vpcs.len() > 1 || rng.chance(50) {
        added.push(extra(
            "transit-hub",
            ComponentKind::TransitGateway,
            &region,
            ComponentProperties {
                attachments: vpcs.clone(),
                auto_accept_attachments: Some(rng.chance(50)),
                ..ComponentProperties::default()
            },
        ));
        if accounts.len() > 1 {
            added.push(extra(
                "transit-share",
                ComponentKind::RamShare,
                &account,
                ComponentProperties {
                    shares: vec!["transit-hub".into()],
                    share_with: accounts[1..].to_vec(),
                    ..ComponentProperties::default()
                },
            ));
        }
    }
    if vpcs.len() > 1 {
        added.push(extra(
            "peering",
            ComponentKind::VpcPeering,
            &region,
            ComponentProperties {
                attachments: vpcs[..2].to_vec(),
                ..ComponentProperties::default()
            },
        ));
    }
    // A design whose random placement drew no ECS cluster gets one with Service Connect, so
    // that every design covers Service Connect whatever the catalog holds.
    if !design
        .components
        .iter()
        .any(|component| component.kind == ComponentKind::EcsCluster)
    {
        added.push(extra(
            "service-cluster",
            ComponentKind::EcsCluster,
            first_vpc,
            ComponentProperties {
                service_connect_namespace: Some("service-cluster.internal".into()),
                service_connect_tls: Some(rng.chance(70)),
                ..ComponentProperties::default()
            },
        ));
    }
    let balancers: Vec<String> = design
        .components
        .iter()
        .filter(|component| component.kind == ComponentKind::Alb)
        .filter(|component| {
            design
                .segment(&component.segment)
                .and_then(|subnet| subnet.parent.as_deref())
                .and_then(|vpc| design.segment(vpc))
                .and_then(|vpc| vpc.parent.as_deref())
                == Some(region.as_str())
        })
        .map(|component| component.id.clone())
        .collect();
    if !balancers.is_empty() && rng.chance(70) {
        added.push(extra(
            "web-acl",
            ComponentKind::WafWebAcl,
            &region,
            ComponentProperties {
                protects: balancers.clone(),
                managed_rule_groups: vec!["AWSManagedRulesCommonRuleSet".into()],
                ..ComponentProperties::default()
            },
        ));
        added.push(extra(
            "shield",
            ComponentKind::ShieldProtection,
            &account,
            ComponentProperties {
                protects: balancers,
                ..ComponentProperties::default()
            },
        ));
    }
    design.components.extend(added);
}

/// A component `add_connected_parts` adds.
fn extra(
    id: &str,
    kind: ComponentKind,
    segment: &str,
    properties: ComponentProperties,
) -> Component {
    Component {
        id: id.into(),
        kind,
        name: id.replace('-', " "),
        segment: segment.into(),
        description: None,
        identity: None,
        stores: Vec::new(),
        encryption_key: None,
        properties,
        tags: Default::default(),
        logical_id: None,
        suppress: Vec::new(),
        not_known: Vec::new(),
    }
}

fn segment(id: &str, kind: SegmentKind, parent: Option<&str>) -> Segment {
    Segment {
        id: id.to_string(),
        kind,
        name: id.replace('-', " "),
        parent: parent.map(str::to_string),
        description: None,
        account_id: None,
        organization_role: None,
        region: None,
        cidr: None,
        az: None,
        tier: None,
        flow_logs: None,
        logical_id: None,
        suppress: Vec::new(),
    }
}
