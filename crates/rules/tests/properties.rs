//! Property tests: validating any design, however inconsistent (dangling ids, cycles, odd
//! combinations), never panics, and gives the same findings in the same order every time.

use proptest::prelude::*;
use zta_model::{
    Actor, ActorKind, Auth, Component, DataClass, Design, Flow, Identity, IdentityKind, MfaMode,
    PortRange, Principal, PrincipalKind, Protocol, Segment, SegmentKind, Tier, Tls,
    component_kind::CATALOG,
};

const SEGMENT_KINDS: [SegmentKind; 7] = [
    SegmentKind::Account,
    SegmentKind::Region,
    SegmentKind::Vpc,
    SegmentKind::Subnet,
    SegmentKind::Internet,
    SegmentKind::OnPremises,
    SegmentKind::PartnerNetwork,
];
const IDENTITY_KINDS: [IdentityKind; 6] = [
    IdentityKind::IamRole,
    IdentityKind::IamUser,
    IdentityKind::IamGroup,
    IdentityKind::CognitoUserPool,
    IdentityKind::PermissionSet,
    IdentityKind::IdentityProvider,
];
const PROTOCOLS: [Protocol; 6] = [
    Protocol::Https,
    Protocol::Http,
    Protocol::AwsApi,
    Protocol::Postgresql,
    Protocol::Ssh,
    Protocol::Tcp,
];
const AUTHS: [Auth; 4] = [Auth::None, Auth::Iam, Auth::Jwt, Auth::Password];
const TLS: [Tls; 3] = [Tls::None, Tls::Tls10, Tls::Tls12];

/// An element id drawn from a small pool, so that references often hit and sometimes dangle.
fn id(n: u8) -> String {
    format!("e{}", n % 40)
}

fn pick<T: Copy>(items: &[T], n: u8) -> T {
    items[usize::from(n) % items.len()]
}

fn design(
    segments: Vec<(u8, u8, u8)>,
    components: Vec<(u8, u8, u8, u8)>,
    identities: Vec<(u8, u8, u8, u8)>,
    flows: Vec<(u8, u8, u8, u8, u8)>,
) -> Design {
    let mut design = Design::new("random");
    for (index, (kind, parent, tier)) in segments.into_iter().enumerate() {
        design.segments.push(Segment {
            id: id(index as u8),
            kind: pick(&SEGMENT_KINDS, kind),
            name: format!("segment {index}"),
            parent: (parent % 3 != 0).then(|| id(parent)),
            description: None,
            account_id: None,
            organization_role: None,
            region: None,
            cidr: None,
            az: None,
            tier: Some(pick(&[Tier::Public, Tier::Private, Tier::Isolated], tier)),
            flow_logs: (tier % 5 == 0).then_some(false),
            logical_id: None,
            suppress: Vec::new(),
        });
    }
    for (index, (kind, segment, identity, flags)) in components.into_iter().enumerate() {
        let properties = zta_model::ComponentProperties {
            publicly_accessible: (flags & 1 == 1).then_some(true),
            encrypted_at_rest: (flags & 2 == 2).then_some(false),
            protects: vec![id(flags)],
            attachments: vec![id(segment), id(identity)],
            scheme: (flags & 4 == 4).then_some(zta_model::Scheme::InternetFacing),
            ..Default::default()
        };
        design.components.push(Component {
            id: id(index as u8 + 10),
            kind: CATALOG[usize::from(kind) % CATALOG.len()].kind,
            name: format!("component {index}"),
            segment: id(segment),
            description: None,
            identity: (identity % 2 == 0).then(|| id(identity)),
            stores: vec![pick(&DataClass::ALL, flags)],
            encryption_key: None,
            properties,
            tags: Default::default(),
            logical_id: None,
            suppress: Vec::new(),
            not_known: Vec::new(),
        });
    }
    for (index, (kind, trust, account, flags)) in identities.into_iter().enumerate() {
        design.identities.push(Identity {
            account: Some(id(account)),
            mfa: Some(pick(
                &[MfaMode::Off, MfaMode::Optional, MfaMode::Required],
                flags,
            )),
            session_duration_seconds: Some(u32::from(flags) * 600),
            trusts: vec![Principal::new(
                pick(
                    &[
                        PrincipalKind::Identity,
                        PrincipalKind::Account,
                        PrincipalKind::Actor,
                    ],
                    trust,
                ),
                id(trust),
            )],
            policies: vec![zta_model::PolicyStatement {
                sid: None,
                effect: zta_model::Effect::Allow,
                principals: Vec::new(),
                actions: vec![pick(&["*", "s3:*", "iam:PassRole", "sts:AssumeRole"], flags).into()],
                resources: vec![pick(&["*", "e12", "arn:aws:s3:::e13/*"], trust).into()],
                conditions: Default::default(),
            }],
            federation: vec![id(account)],
            ..Identity::new(
                id(index as u8 + 20),
                pick(&IDENTITY_KINDS, kind),
                format!("identity {index}"),
            )
        });
    }
    for index in 0..4u8 {
        design.actors.push(Actor {
            id: id(index + 30),
            kind: pick(
                &[
                    ActorKind::Customer,
                    ActorKind::Administrator,
                    ActorKind::ExternalSystem,
                ],
                index,
            ),
            name: format!("actor {index}"),
            description: None,
            zone: (index % 2 == 0).then(|| id(index)),
            signs_in_with: Some(id(index + 20)),
            jurisdiction: None,
            transfer_safeguard: None,
            service_provider: None,
            suppress: Vec::new(),
        });
    }
    for (index, (source, target, protocol, auth, data)) in flows.into_iter().enumerate() {
        design.flows.push(Flow {
            id: format!("f{index}"),
            source: id(source),
            target: id(target),
            name: None,
            description: None,
            protocol: pick(&PROTOCOLS, protocol),
            ports: vec![PortRange::single(u16::from(protocol) * 11)],
            tls: pick(&TLS, data),
            auth: pick(&AUTHS, auth),
            issuer: None,
            data: vec![pick(&DataClass::ALL, data)],
            actions: Vec::new(),
            via: vec![id(data)],
            suppress: Vec::new(),
        });
    }
    design
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn validation_never_panics_and_is_deterministic(
        segments in prop::collection::vec(any::<(u8, u8, u8)>(), 0..12),
        components in prop::collection::vec(any::<(u8, u8, u8, u8)>(), 0..15),
        identities in prop::collection::vec(any::<(u8, u8, u8, u8)>(), 0..10),
        flows in prop::collection::vec(any::<(u8, u8, u8, u8, u8)>(), 0..30),
    ) {
        let design = design(segments, components, identities, flows);
        let first = zta_rules::validate(&design);
        let second = zta_rules::validate(&design);
        prop_assert_eq!(&first.findings, &second.findings);
        prop_assert_eq!(&first.analyses.exposure.paths, &second.analyses.exposure.paths);
        prop_assert_eq!(
            zta_rules::render::report_json(&first),
            zta_rules::render::report_json(&second)
        );
        let sarif = zta_rules::render::report_sarif(&first, &design, None);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&sarif).is_ok());
        let diff = zta_rules::diff(&design, &Design::new("empty"));
        prop_assert_eq!(diff.findings_resolved.len(), first.open_findings().count());
    }
}
