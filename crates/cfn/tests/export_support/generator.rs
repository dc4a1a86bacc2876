//! A seeded generator of valid designs, for the validator tests (50 random designs through
//! cfn-lint) and the benchmark (one design of about 5,000 resources). A small linear
//! congruential generator keeps it deterministic without another dependency.

use zta_model::{
    Actor, ActorKind, Auth, Component, ComponentKind, ComponentProperties, DataClass, Design,
    EndpointType, Flow, Identity, IdentityKind, LaunchType, MfaMode, PortRange, Principal,
    PrincipalKind, Protocol, Scheme, Segment, SegmentKind, Tier, Tls,
};

/// A deterministic pseudo-random sequence.
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Self {
        Self(
            seed.wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407),
        )
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % bound.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn segment(id: &str, kind: SegmentKind, parent: Option<&str>) -> Segment {
    Segment {
        id: id.into(),
        kind,
        name: id.into(),
        parent: parent.map(Into::into),
        description: None,
        account_id: None,
        region: None,
        cidr: None,
        az: None,
        tier: None,
        flow_logs: None,
        logical_id: None,
        suppress: Vec::new(),
    }
}

fn component(id: &str, kind: ComponentKind, segment: &str) -> Component {
    Component {
        id: id.into(),
        kind,
        name: format!("{} {id}", kind.as_str()),
        segment: segment.into(),
        description: None,
        identity: None,
        stores: Vec::new(),
        encryption_key: None,
        properties: ComponentProperties::default(),
        tags: Default::default(),
        logical_id: None,
        suppress: Vec::new(),
    }
}

fn role(id: &str, account: &str, service: &str) -> Identity {
    Identity {
        id: id.into(),
        kind: IdentityKind::IamRole,
        name: id.into(),
        description: None,
        account: Some(account.into()),
        mfa: None,
        session_duration_seconds: None,
        trusts: vec![Principal::new(PrincipalKind::Service, service)],
        policies: Vec::new(),
        managed_policies: Vec::new(),
        permissions_boundary: None,
        groups: Vec::new(),
        console_access: None,
        access_keys: Vec::new(),
        federation: Vec::new(),
        protocol: None,
        issuer: None,
        token_validity_minutes: None,
        assigned_accounts: Vec::new(),
        logical_id: None,
        suppress: Vec::new(),
    }
}

fn flow(
    id: &str,
    source: &str,
    target: &str,
    protocol: Protocol,
    port: Option<u16>,
    auth: Auth,
) -> Flow {
    Flow {
        id: id.into(),
        source: source.into(),
        target: target.into(),
        name: None,
        description: None,
        protocol,
        ports: port.map(PortRange::single).into_iter().collect(),
        tls: Tls::Tls12,
        auth,
        issuer: None,
        data: vec![DataClass::Internal],
        actions: Vec::new(),
        via: Vec::new(),
        suppress: Vec::new(),
    }
}

/// A valid design with `vpcs` VPCs per account and `workloads` workloads per VPC, drawn from the
/// seed; `accounts` is 1 or more.
pub fn design(seed: u64, accounts: usize, vpcs: usize, workloads: usize) -> Design {
    let mut rng = Seeded::new(seed);
    let mut design = Design::new(format!("Random design {seed}"));
    design
        .segments
        .push(segment("internet", SegmentKind::Internet, None));
    design.actors.push(Actor {
        id: "customer".into(),
        kind: ActorKind::Customer,
        name: "Customer".into(),
        description: None,
        zone: Some("internet".into()),
        signs_in_with: None,
        suppress: Vec::new(),
    });
    let zones = ["a", "b", "c"];
    for a in 0..accounts {
        let account = format!("acct{a}");
        let mut account_segment = segment(&account, SegmentKind::Account, None);
        account_segment.account_id = Some(format!("{:012}", 100_000_000_000_u64 + a as u64));
        design.segments.push(account_segment);
        let region = format!("{account}-region");
        let mut region_segment = segment(&region, SegmentKind::Region, Some(&account));
        region_segment.region = Some("eu-west-1".into());
        design.segments.push(region_segment);
        let key = format!("{account}-key");
        let mut key_component = component(&key, ComponentKind::KmsKey, &region);
        key_component.properties.key_rotation = Some(true);
        design.components.push(key_component);
        if rng.chance(70) {
            let bucket = format!("{account}-archive");
            let mut archive = component(&bucket, ComponentKind::S3Bucket, &region);
            archive.encryption_key = Some(key.clone());
            design.components.push(archive);
            let trail = format!("{account}-trail");
            design
                .components
                .push(component(&trail, ComponentKind::Cloudtrail, &account));
            let mut to_archive = flow(
                &format!("{trail}-to-archive"),
                &trail,
                &bucket,
                Protocol::AwsApi,
                None,
                Auth::Iam,
            );
            to_archive.actions = vec!["s3:PutObject".into()];
            design.flows.push(to_archive);
            let mut alarm = component(
                &format!("{account}-root-alarm"),
                ComponentKind::CloudwatchAlarm,
                &region,
            );
            alarm.properties.metric =
                Some((*rng.pick(&["root-account-usage", "unauthorized-api-calls"])).into());
            design.components.push(alarm);
        }
        for (kind, chance) in [
            (ComponentKind::Guardduty, 80),
            (ComponentKind::SecurityHub, 60),
            (ComponentKind::ConfigRecorder, 60),
            (ComponentKind::AccessAnalyzer, 70),
            (ComponentKind::Macie, 30),
            (ComponentKind::Inspector, 40),
        ] {
            if rng.chance(chance) {
                design.components.push(component(
                    &format!("{account}-{}", kind.as_str().replace('_', "-")),
                    kind,
                    &account,
                ));
            }
        }
        for v in 0..vpcs {
            let vpc = format!("{account}-vpc{v}");
            let mut vpc_segment = segment(&vpc, SegmentKind::Vpc, Some(&region));
            vpc_segment.cidr = Some(format!("10.{}.0.0/16", a * 50 + v));
            design.segments.push(vpc_segment);
            let mut subnets: Vec<(String, Tier)> = Vec::new();
            for (t, tier) in [Tier::Public, Tier::Private, Tier::Isolated]
                .into_iter()
                .enumerate()
            {
                for (z, zone) in zones.iter().enumerate().take(2) {
                    let id = format!("{vpc}-{}-{zone}", tier.as_str());
                    let mut subnet = segment(&id, SegmentKind::Subnet, Some(&vpc));
                    subnet.cidr = Some(format!("10.{}.{}.0/24", a * 50 + v, t * 10 + z));
                    subnet.az = Some(format!("eu-west-1{zone}"));
                    subnet.tier = Some(tier);
                    design.segments.push(subnet);
                    subnets.push((id, tier));
                }
            }
            let subnet_of = |tier: Tier| -> String {
                subnets
                    .iter()
                    .find(|(_, t)| *t == tier)
                    .map(|(id, _)| id.clone())
                    .unwrap_or_default()
            };
            let public = subnet_of(Tier::Public);
            let private = subnet_of(Tier::Private);
            let isolated = subnet_of(Tier::Isolated);
            let igw = format!("{vpc}-igw");
            design
                .components
                .push(component(&igw, ComponentKind::InternetGateway, &vpc));
            design.components.push(component(
                &format!("{vpc}-nat"),
                ComponentKind::NatGateway,
                &public,
            ));
            let s3_endpoint = format!("{vpc}-s3");
            let mut endpoint = component(&s3_endpoint, ComponentKind::VpcEndpoint, &private);
            endpoint.properties.endpoint_type = Some(EndpointType::Gateway);
            endpoint.properties.service = Some("s3".into());
            design.components.push(endpoint);
            let logs_endpoint = format!("{vpc}-logs");
            let mut endpoint = component(&logs_endpoint, ComponentKind::VpcEndpoint, &isolated);
            endpoint.properties.endpoint_type = Some(EndpointType::Interface);
            endpoint.properties.service = Some("logs".into());
            design.components.push(endpoint);
            let cluster = format!("{vpc}-cluster");
            design
                .components
                .push(component(&cluster, ComponentKind::EcsCluster, &vpc));
            let alb = format!("{vpc}-alb");
            let mut balancer = component(&alb, ComponentKind::Alb, &public);
            balancer.properties.scheme = Some(Scheme::InternetFacing);
            design.components.push(balancer);
            design.flows.push(flow(
                &format!("{alb}-in"),
                "customer",
                &alb,
                Protocol::Https,
                Some(443),
                Auth::None,
            ));
            let app_logs = format!("{vpc}-logs-group");
            let mut logs = component(&app_logs, ComponentKind::LogGroup, &region);
            logs.encryption_key = Some(key.clone());
            design.components.push(logs);
            for w in 0..workloads {
                let id = format!("{vpc}-w{w}");
                let role_id = format!("{id}-role");
                match rng.below(4) {
                    0 | 1 => {
                        let mut service = component(&id, ComponentKind::EcsService, &private);
                        service.properties.launch_type = Some(LaunchType::Fargate);
                        service.properties.cpu = Some(*rng.pick(&[256, 512, 1024]));
                        service.properties.memory = Some(*rng.pick(&[512, 1024, 2048, 3000]));
                        service.identity = Some(role_id.clone());
                        design
                            .identities
                            .push(role(&role_id, &account, "ecs-tasks.amazonaws.com"));
                        design.components.push(service);
                        design.flows.push(flow(
                            &format!("{id}-from-alb"),
                            &alb,
                            &id,
                            Protocol::Https,
                            Some(8443),
                            Auth::Mtls,
                        ));
                    }
                    2 => {
                        let mut instance = component(&id, ComponentKind::Ec2Instance, &private);
                        instance.properties.instance_type =
                            Some((*rng.pick(&["t3.micro", "t3.small", "m7i.large"])).into());
                        instance.identity = Some(role_id.clone());
                        design
                            .identities
                            .push(role(&role_id, &account, "ec2.amazonaws.com"));
                        design.components.push(instance);
                    }
                    _ => {
                        let mut function = component(&id, ComponentKind::LambdaFunction, &private);
                        function.properties.runtime =
                            Some((*rng.pick(&["python3.13", "nodejs22.x", "java21"])).into());
                        function.identity = Some(role_id.clone());
                        design
                            .identities
                            .push(role(&role_id, &account, "lambda.amazonaws.com"));
                        design.components.push(function);
                    }
                }
                let mut to_logs = flow(
                    &format!("{id}-logs"),
                    &id,
                    &app_logs,
                    Protocol::AwsApi,
                    None,
                    Auth::Iam,
                );
                to_logs.actions = vec!["logs:CreateLogStream".into(), "logs:PutLogEvents".into()];
                to_logs.via = vec![logs_endpoint.clone()];
                design.flows.push(to_logs);
                match rng.below(4) {
                    0 => {
                        let db = format!("{id}-db");
                        let mut database = component(&db, ComponentKind::Rds, &isolated);
                        database.properties.engine =
                            Some((*rng.pick(&["postgres", "mysql"])).into());
                        database.encryption_key = Some(key.clone());
                        design.components.push(database);
                        let mut to_db = flow(
                            &format!("{id}-to-db"),
                            &id,
                            &db,
                            Protocol::Postgresql,
                            Some(5432),
                            Auth::Iam,
                        );
                        to_db.actions = vec!["rds-db:connect".into()];
                        design.flows.push(to_db);
                    }
                    1 => {
                        let bucket = format!("{id}-data");
                        let mut data = component(&bucket, ComponentKind::S3Bucket, &region);
                        data.encryption_key = Some(key.clone());
                        data.stores = vec![DataClass::Confidential];
                        design.components.push(data);
                        let mut to_bucket = flow(
                            &format!("{id}-to-data"),
                            &id,
                            &bucket,
                            Protocol::AwsApi,
                            None,
                            Auth::Iam,
                        );
                        to_bucket.actions = vec![
                            "s3:GetObject".into(),
                            "s3:ListBucket".into(),
                            "s3:PutObject".into(),
                        ];
                        to_bucket.via = vec![s3_endpoint.clone()];
                        design.flows.push(to_bucket);
                    }
                    2 => {
                        let table = format!("{id}-table");
                        let mut data = component(&table, ComponentKind::DynamodbTable, &region);
                        data.encryption_key = Some(key.clone());
                        design.components.push(data);
                        let mut to_table = flow(
                            &format!("{id}-to-table"),
                            &id,
                            &table,
                            Protocol::AwsApi,
                            None,
                            Auth::Iam,
                        );
                        to_table.actions = vec![
                            "dynamodb:GetItem".into(),
                            "dynamodb:PutItem".into(),
                            "dynamodb:Query".into(),
                        ];
                        design.flows.push(to_table);
                    }
                    _ => {
                        let cache = format!("{id}-cache");
                        let mut data = component(&cache, ComponentKind::Elasticache, &isolated);
                        data.encryption_key = Some(key.clone());
                        design.components.push(data);
                        design.flows.push(flow(
                            &format!("{id}-to-cache"),
                            &id,
                            &cache,
                            Protocol::Redis,
                            Some(6379),
                            Auth::Password,
                        ));
                    }
                }
            }
        }
        if rng.chance(50) {
            let pool = format!("{account}-users");
            design.identities.push(Identity {
                kind: IdentityKind::CognitoUserPool,
                mfa: Some(MfaMode::Required),
                trusts: Vec::new(),
                ..role(&pool, &account, "")
            });
        }
    }
    design
}
