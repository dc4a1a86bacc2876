//! A report model written by hand for tests of the renderers, independent of the rule
//! engine: segments three deep, components with accented, Cyrillic and CJK names,
//! flows with and without TLS, and as many findings as a test asks for.

use zta_cfn::export::{ManualStep, StepAction};
use zta_compliance::{
    DesignFacts, FindingRecord, Framework, RuleDescriptor, Severity, SeverityCounts, assess, score,
};
use zta_report::model::{
    Architecture, ControlRefs, ElementRef, ExportEvidence, FindingEntry, FlowEntry, Meta,
    MethodSection, NodeEntry, NodeRole, PciScope, Report, RuleEntry, ScopeEntry, SegmentEntry,
    ServiceProviderEntry, Summary,
};

pub const NAMES: [&str; 4] = [
    "Zoë Ångström façade",
    "Платёжный шлюз",
    "注文データベース",
    "결제 서비스",
];

pub fn sample_report(finding_count: usize) -> Report {
    let segments = vec![
        SegmentEntry {
            id: "acct".into(),
            name: "Production account".into(),
            kind: "account".into(),
            parent: None,
        },
        SegmentEntry {
            id: "vpc".into(),
            name: "shop-vpc".into(),
            kind: "VPC".into(),
            parent: Some("acct".into()),
        },
        SegmentEntry {
            id: "public".into(),
            name: "public-a".into(),
            kind: "subnet · public".into(),
            parent: Some("vpc".into()),
        },
        SegmentEntry {
            id: "private".into(),
            name: "app-a".into(),
            kind: "subnet · private".into(),
            parent: Some("vpc".into()),
        },
        SegmentEntry {
            id: "isolated".into(),
            name: "data-a".into(),
            kind: "subnet · isolated".into(),
            parent: Some("vpc".into()),
        },
    ];
    let node =
        |id: &str, name: &str, role: NodeRole, kind: &str, segment: Option<&str>| NodeEntry {
            id: id.into(),
            name: name.into(),
            role,
            kind: kind.into(),
            segment: segment.map(Into::into),
            data: vec![],
            logical_id: None,
            worst_finding: None,
            finding_count: 0,
        };
    let mut nodes = vec![
        node("internet", "Internet", NodeRole::Actor, "Internet", None),
        node("customer", NAMES[0], NodeRole::Actor, "customer", None),
        node(
            "alb",
            "alb",
            NodeRole::Component,
            "Application Load Balancer",
            Some("public"),
        ),
        node(
            "gateway",
            NAMES[1],
            NodeRole::Component,
            "ECS service",
            Some("private"),
        ),
        node(
            "orders",
            NAMES[3],
            NodeRole::Component,
            "ECS service",
            Some("private"),
        ),
        node(
            "db",
            NAMES[2],
            NodeRole::Component,
            "RDS instance",
            Some("isolated"),
        ),
        node(
            "task-role",
            "orders-task-role",
            NodeRole::Identity,
            "IAM role",
            None,
        ),
    ];
    nodes[5].data = vec!["cardholder".into(), "pii".into()];
    nodes[5].worst_finding = Some(Severity::Critical);
    nodes[5].finding_count = 2;
    nodes[2].worst_finding = Some(Severity::Medium);
    nodes[2].finding_count = 1;
    let flow = |id: &str, source: &str, target: &str, label: &str, encrypted: bool| FlowEntry {
        id: id.into(),
        source: source.into(),
        target: target.into(),
        label: label.into(),
        tls: if encrypted {
            "TLS 1.2+".into()
        } else {
            "none".into()
        },
        auth: "none".into(),
        data: vec!["cardholder".into()],
        encrypted,
    };
    let flows = vec![
        flow("f1", "customer", "alb", "HTTPS 443", true),
        flow("f2", "alb", "gateway", "HTTP 8080", false),
        flow("f3", "gateway", "orders", "HTTPS 8443", true),
        flow("f4", "orders", "db", "PostgreSQL 5432", true),
    ];

    let rules: Vec<RuleDescriptor> = ["NET-001", "IAM-002", "DATA-003", "MON-004"]
        .iter()
        .enumerate()
        .map(|(index, code)| RuleDescriptor {
            code: (*code).into(),
            title: format!("Sample rule {code}"),
            severity: Severity::ALL[index],
            tenets: vec![format!("T{}", index + 1)],
            pillars: vec![["networks", "identity", "data", "visibility"][index].into()],
            subjects: index + 1,
        })
        .collect();
    let records: Vec<FindingRecord> = (0..finding_count)
        .map(|index| FindingRecord {
            reference: format!("F-{:03}", index + 1),
            rule: rules[index % rules.len()].code.clone(),
            severity: Severity::ALL[index % 5],
            message: format!("{} is reachable from the internet through alb without an authenticating hop (case {index}).", NAMES[index % 4]),
            elements: vec!["db".into()],
            accepted_risk: (index % 7 == 6).then(|| "Accepted by the architecture board until the Q3 migration.".into()),
        })
        .collect();
    let facts = DesignFacts {
        handles_cardholder_data: true,
        handles_personal_data: true,
        segment_count: segments.len(),
        component_count: 4,
        identity_count: 1,
        flow_count: flows.len(),
    };
    let compliance: Vec<_> = Framework::ASSESSABLE
        .iter()
        .map(|&framework| assess(framework, &rules, &records, &facts))
        .collect();
    let zero_trust = score(&rules, &records);
    let mut open = SeverityCounts::default();
    for record in records.iter().filter(|record| record.is_open()) {
        open.add(record.severity);
    }
    let findings = records
        .iter()
        .map(|record| FindingEntry {
            reference: record.reference.clone(),
            rule: record.rule.clone(),
            title: format!("Sample rule {}", record.rule),
            severity: record.severity,
            message: record.message.clone(),
            tenets: vec!["T2".into()],
            pillars: vec!["networks".into()],
            controls: vec![ControlRefs { framework: "pci-dss".into(), controls: vec!["1.3.1".into(), "1.4.4".into()] }],
            elements: vec![ElementRef { id: "db".into(), name: NAMES[2].into(), logical_id: None }],
            path: vec!["Internet".into(), "alb".into(), NAMES[1].into(), NAMES[2].into()],
            remediation: "Put an authenticating hop (ALB authenticate-oidc or API Gateway with a JWT authorizer) in front of the service.".into(),
            accepted_risk: record.accepted_risk.clone(),
        })
        .collect();
    Report {
        meta: Meta {
            title: "Zero-trust design report".into(),
            design_name: format!("Boutique {} {}", NAMES[1], NAMES[2]),
            design_version: Some("1.4.0".into()),
            design_description: Some("Sample design for renderer tests.".into()),
            date: "2026-11-29".into(),
            design_sha256: "9f2c4e1d0b7a5c3e8f6d4b2a0c9e7f5d3b1a8c6e4f2d0b9a7c5e3f1d8b6a4c2e"
                .into(),
            generator: "zta-report tests".into(),
            frameworks: vec![
                "PCI DSS 4.0.1".into(),
                "GDPR".into(),
                "ISO/IEC 27001:2022".into(),
            ],
        },
        summary: Summary {
            open_findings: open,
            accepted_risks: records.iter().filter(|record| !record.is_open()).count(),
            pci_cde_size: 3,
            pci_connected_size: 1,
            top_risks: vec![format!(
                "{} stores cardholder data and is reachable from the internet.",
                NAMES[2]
            )],
            coverage: zta_rules::Coverage {
                elements: 12,
                elements_judged: 11,
                carried: 3,
                carried_judged: 2,
                not_judged: vec![
                    "tools-vpc".into(),
                    "carried_cloudformation.Resources.Alarm".into(),
                ],
            },
        },
        zero_trust,
        architecture: Architecture {
            segments,
            nodes,
            flows,
            canvas: Default::default(),
        },
        findings,
        compliance,
        pci_scope: PciScope {
            cde: vec![ScopeEntry {
                id: "db".into(),
                name: NAMES[2].into(),
                kind: "RDS instance".into(),
                reason: "Stores cardholder data.".into(),
            }],
            connected: vec![ScopeEntry {
                id: "alb".into(),
                name: "alb".into(),
                kind: "Application Load Balancer".into(),
                reason: "Sends traffic to the CDE.".into(),
            }],
            service_providers: vec![ServiceProviderEntry {
                id: "processor".into(),
                name: NAMES[3].into(),
                listed: true,
                services: vec!["payment authorisation".into()],
                agreement: Some("MSA-2024-017".into()),
                flows: vec!["authorise".into()],
            }],
        },
        export: ExportEvidence::Exported {
            manual_steps: vec![ManualStep {
                element: "db".into(),
                account: "main".into(),
                title: format!("Rotate the master password of {}", NAMES[2]),
                instructions: "The design asks for rotation every 30 days; turn it on once the secret exists.".into(),
                actions: vec![StepAction::Command(
                    "aws secretsmanager rotate-secret --secret-id <secret-arn> --rotation-rules AutomaticallyAfterDays=30".into(),
                )],
            }],
        },
        rules: rules
            .iter()
            .map(|rule| RuleEntry {
                code: rule.code.clone(),
                title: rule.title.clone(),
                severity: rule.severity,
                tenets: rule.tenets.clone(),
                pillars: rule.pillars.clone(),
                controls: vec![],
            })
            .collect(),
        method: vec![MethodSection {
            title: "Assessment".into(),
            paragraphs: zta_compliance::assessment::METHOD
                .iter()
                .map(|p| (*p).to_string())
                .collect(),
        }],
    }
}
