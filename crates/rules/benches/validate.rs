//! Validation speed on generated designs of 1,000 and 10,000 elements.
//!
//! A design is built from "cells", each a small three-tier application as architects draw
//! them: a VPC with public, private and isolated subnets; an internet-facing ALB behind a WAF;
//! two ECS services with their own roles; a database, a bucket and a secret reached through VPC
//! endpoints; a log group; and the flows between them, plus a call to a shared service in the
//! first cell. Ten cells share an account with its monitoring services. That gives about one
//! flow per element and one identity per ten elements.
//!
//! Run with `cargo bench -p zta-rules --bench validate`.

use criterion::{Criterion, criterion_group, criterion_main};
use zta_model::{
    Actor, ActorKind, Auth, Component, ComponentKind, ComponentProperties, DataClass, Design,
    EndpointType, Flow, Identity, IdentityKind, Principal, PrincipalKind, Protocol, Scheme,
    Segment, SegmentKind, Tier, Tls,
};

fn segment(id: String, kind: SegmentKind, parent: Option<String>, tier: Option<Tier>) -> Segment {
    Segment {
        name: id.clone(),
        id,
        kind,
        parent,
        description: None,
        account_id: None,
        organization_role: None,
        region: None,
        cidr: None,
        az: None,
        tier,
        flow_logs: None,
        logical_id: None,
        suppress: Vec::new(),
    }
}

fn component(id: String, kind: ComponentKind, segment: &str) -> Component {
    Component {
        name: id.clone(),
        id,
        kind,
        segment: segment.to_string(),
        description: None,
        identity: None,
        stores: Vec::new(),
        encryption_key: None,
        properties: ComponentProperties::default(),
        tags: Default::default(),
        logical_id: None,
        suppress: Vec::new(),
        not_known: Vec::new(),
    }
}

fn role(id: String, account: &str) -> Identity {
    Identity {
        account: Some(account.to_string()),
        session_duration_seconds: Some(3600),
        trusts: vec![Principal::new(
            PrincipalKind::Service,
            "ecs-tasks.amazonaws.com",
        )],
        ..Identity::new(id.clone(), IdentityKind::IamRole, id)
    }
}

fn flow(
    id: String,
    source: &str,
    target: &str,
    protocol: Protocol,
    data: DataClass,
    via: &[String],
) -> Flow {
    Flow {
        id,
        source: source.to_string(),
        target: target.to_string(),
        name: None,
        description: None,
        protocol,
        ports: Vec::new(),
        tls: Tls::Tls12,
        auth: if protocol == Protocol::Https {
            Auth::Jwt
        } else {
            Auth::Iam
        },
        issuer: (protocol == Protocol::Https).then(|| "pool".to_string()),
        data: vec![data],
        actions: Vec::new(),
        via: via.to_vec(),
        suppress: Vec::new(),
    }
}

/// A design of about `elements` elements.
fn generated(elements: usize) -> Design {
    let mut design = Design::new(format!("generated {elements}"));
    design.segments.push(segment(
        "internet".into(),
        SegmentKind::Internet,
        None,
        None,
    ));
    let mut pool = role("pool".into(), "account-0");
    pool.kind = IdentityKind::CognitoUserPool;
    pool.trusts.clear();
    pool.session_duration_seconds = None;
    pool.account = None;
    design.identities.push(pool);
    design.actors.push(Actor {
        id: "customer".into(),
        kind: ActorKind::Customer,
        name: "Customer".into(),
        description: None,
        zone: None,
        signs_in_with: Some("pool".into()),
        jurisdiction: None,
        transfer_safeguard: None,
        service_provider: None,
        suppress: Vec::new(),
    });
    let mut cell = 0;
    while design.element_count() < elements {
        let account = format!("account-{}", cell / 10);
        let region = format!("region-{}", cell / 10);
        if cell % 10 == 0 {
            design
                .segments
                .push(segment(account.clone(), SegmentKind::Account, None, None));
            design.segments.push(segment(
                region.clone(),
                SegmentKind::Region,
                Some(account.clone()),
                None,
            ));
            for kind in [
                ComponentKind::Cloudtrail,
                ComponentKind::ConfigRecorder,
                ComponentKind::Guardduty,
                ComponentKind::SecurityHub,
                ComponentKind::Inspector,
                ComponentKind::AccessAnalyzer,
            ] {
                design.components.push(component(
                    format!("{}-{account}", kind.as_str()),
                    kind,
                    &account,
                ));
            }
        }
        let c = |name: &str| format!("c{cell}-{name}");
        let vpc = c("vpc");
        design.segments.push(segment(
            vpc.clone(),
            SegmentKind::Vpc,
            Some(region.clone()),
            None,
        ));
        for (name, tier) in [
            ("public", Tier::Public),
            ("private", Tier::Private),
            ("isolated", Tier::Isolated),
        ] {
            design.segments.push(segment(
                c(name),
                SegmentKind::Subnet,
                Some(vpc.clone()),
                Some(tier),
            ));
        }
        let mut alb = component(c("alb"), ComponentKind::Alb, &c("public"));
        alb.properties.scheme = Some(Scheme::InternetFacing);
        let mut waf = component(c("waf"), ComponentKind::WafWebAcl, &region);
        waf.properties.protects = vec![c("alb")];
        waf.properties.managed_rule_groups = vec![
            "AWSManagedRulesCommonRuleSet".into(),
            "AWSManagedRulesSQLiRuleSet".into(),
        ];
        let mut db = component(c("db"), ComponentKind::Rds, &c("isolated"));
        db.stores = vec![DataClass::Pii];
        db.encryption_key = Some(c("key"));
        let mut bucket = component(c("bucket"), ComponentKind::S3Bucket, &region);
        bucket.stores = vec![DataClass::Confidential];
        bucket.encryption_key = Some(c("key"));
        let mut endpoint = component(c("endpoint"), ComponentKind::VpcEndpoint, &c("private"));
        endpoint.properties.endpoint_type = Some(EndpointType::Interface);
        let mut front = component(c("front"), ComponentKind::EcsService, &c("private"));
        front.identity = Some(c("front-role"));
        let mut back = component(c("back"), ComponentKind::EcsService, &c("private"));
        back.identity = Some(c("back-role"));
        design.components.extend([
            alb,
            waf,
            front,
            back,
            db,
            bucket,
            endpoint,
            component(c("key"), ComponentKind::KmsKey, &region),
            component(c("secret"), ComponentKind::Secret, &region),
            component(c("logs"), ComponentKind::LogGroup, &region),
        ]);
        design.identities.push(role(c("front-role"), &account));
        design.identities.push(role(c("back-role"), &account));
        let via = [c("endpoint")];
        design.flows.extend([
            flow(
                c("f-in"),
                "customer",
                &c("alb"),
                Protocol::Https,
                DataClass::Pii,
                &[],
            ),
            flow(
                c("f-front"),
                &c("alb"),
                &c("front"),
                Protocol::Https,
                DataClass::Pii,
                &[],
            ),
            flow(
                c("f-back"),
                &c("front"),
                &c("back"),
                Protocol::Https,
                DataClass::Pii,
                &[],
            ),
            flow(
                c("f-db"),
                &c("back"),
                &c("db"),
                Protocol::Postgresql,
                DataClass::Pii,
                &[],
            ),
            flow(
                c("f-bucket"),
                &c("back"),
                &c("bucket"),
                Protocol::AwsApi,
                DataClass::Confidential,
                &via,
            ),
            flow(
                c("f-secret"),
                &c("back"),
                &c("secret"),
                Protocol::AwsApi,
                DataClass::Confidential,
                &via,
            ),
            flow(
                c("f-logs"),
                &c("front"),
                &c("logs"),
                Protocol::AwsApi,
                DataClass::Internal,
                &via,
            ),
            flow(
                c("f-shared"),
                &c("back"),
                "c0-back",
                Protocol::Https,
                DataClass::Internal,
                &[],
            ),
        ]);
        cell += 1;
    }
    design
}

fn bench(criterion: &mut Criterion) {
    for size in [1_000, 10_000] {
        let design = generated(size);
        let report = zta_rules::validate(&design);
        eprintln!(
            "{size}: {} elements ({} flows, {} identities), {} findings, {} exposure paths",
            design.element_count(),
            design.flows.len(),
            design.identities.len(),
            report.findings.len(),
            report.analyses.exposure.paths.len()
        );
        criterion.bench_function(&format!("validate {size} elements"), |bencher| {
            bencher.iter(|| zta_rules::validate(std::hint::black_box(&design)));
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
