//! The statuses an auditor signs, pinned on the examples and on altered copies of them: no
//! control that a design plainly breaks is satisfied, no satisfied control rests on a rule
//! that had nothing to judge, and the alterations that break a control flip its status.

mod common;

use common::{assessed, example};
use zta_compliance::{ControlStatus, Framework};
use zta_model::{Effect, PolicyStatement};

const EXAMPLES: [&str; 3] = [
    "aws-zta-reference",
    "three-tier-web-app",
    "multi-account-transit",
];

#[test]
fn the_insecure_example_satisfies_no_control_it_plainly_breaks() {
    let design = example("insecure-legacy");
    let pci = assessed(&design, Framework::PciDss);
    // SSH and MySQL open from the internet: not only necessary services.
    assert_eq!(pci.status("2.2.4"), ControlStatus::NotSatisfied);
    // No trail at all: the audit-log controls fail their prerequisite rather than pass
    // for want of a trail to judge.
    for id in [
        "10.2.1.5", "10.2.1.6", "10.2.2", "10.3.2", "10.3.4", "10.5.1",
    ] {
        let control = pci.control(id);
        assert_eq!(
            control.status,
            ControlStatus::NotSatisfied,
            "{id}: {control:?}"
        );
        assert!(
            control.rationale.contains("CloudTrail"),
            "{id}: {}",
            control.rationale
        );
    }
    // An unencrypted cardholder database: key management is not satisfied.
    assert_eq!(pci.status("3.6.1"), ControlStatus::NotSatisfied);
    // No HTTPS endpoint: the certificate inventory has nothing to judge.
    assert_ne!(pci.status("4.2.1.1"), ControlStatus::Satisfied);
    let iso = assessed(&design, Framework::Iso27001);
    for id in ["A.5.28", "A.5.33", "A.8.15"] {
        assert_eq!(iso.status(id), ControlStatus::NotSatisfied, "{id}");
    }
    // Whatever is still green on this design must rest on rules that judged something.
    for assessed in [&pci, &iso, &assessed(&design, Framework::Gdpr)] {
        for control in &assessed.assessment.controls {
            if control.status == ControlStatus::Satisfied {
                for rule in &control.rules {
                    assert!(
                        !assessed.fires(rule),
                        "{} is satisfied but {rule} fires",
                        control.id
                    );
                }
            }
        }
    }
}

#[test]
fn no_satisfied_control_rests_on_a_rule_that_evaluated_nothing() {
    for name in EXAMPLES.iter().chain(["insecure-legacy"].iter()) {
        let design = example(name);
        for framework in Framework::ASSESSABLE {
            let assessed = assessed(&design, framework);
            for control in &assessed.assessment.controls {
                if control.status != ControlStatus::Satisfied {
                    continue;
                }
                assert!(
                    !control.rules.is_empty(),
                    "{name} {framework} {}",
                    control.id
                );
                for rule in &control.rules {
                    assert!(
                        assessed.subjects(rule) > 0,
                        "{name}: {framework} {} is satisfied but {rule} evaluated nothing",
                        control.id
                    );
                    // The evidence names every mapped rule with what it judged.
                    assert!(
                        control
                            .evidence
                            .iter()
                            .any(|line| line.starts_with(rule.as_str())),
                        "{name}: {framework} {} does not list {rule} as evidence",
                        control.id
                    );
                }
                assert_eq!(
                    control.coverage.rules_evaluated, control.coverage.rules_mapped,
                    "{name} {framework} {}",
                    control.id
                );
            }
        }
    }
}

#[test]
fn removing_the_cloudtrails_from_the_reference_fails_the_audit_log_controls() {
    let design = example("aws-zta-reference");
    let before = assessed(&design, Framework::PciDss);
    let mut altered = design.clone();
    altered
        .components
        .retain(|component| component.kind != zta_model::ComponentKind::Cloudtrail);
    let after = assessed(&altered, Framework::PciDss);
    assert!(after.fires("ZT-MON-001"));
    for id in [
        "10.2.1", "10.2.1.2", "10.2.1.5", "10.3.2", "10.3.4", "10.5.1",
    ] {
        assert_eq!(after.status(id), ControlStatus::NotSatisfied, "{id}");
        assert_ne!(
            before.status(id),
            ControlStatus::NotSatisfied,
            "{id} was already failing"
        );
    }
    let iso = assessed(&altered, Framework::Iso27001);
    for id in ["A.5.28", "A.5.33", "A.8.15"] {
        assert_eq!(iso.status(id), ControlStatus::NotSatisfied, "{id}");
    }
}

#[test]
fn a_workload_role_with_every_action_on_every_resource_fails_7_3_2() {
    let design = example("aws-zta-reference");
    let before = assessed(&design, Framework::PciDss);
    assert_ne!(before.status("7.3.2"), ControlStatus::NotSatisfied);
    let mut altered = design.clone();
    let role = altered
        .identities
        .iter_mut()
        .find(|identity| identity.id == "orders-task-role")
        .expect("the reference has the orders task role");
    role.policies.push(PolicyStatement {
        sid: Some("Everything".to_string()),
        effect: Effect::Allow,
        principals: Vec::new(),
        actions: vec!["*".to_string()],
        resources: vec!["*".to_string()],
        conditions: Default::default(),
    });
    let after = assessed(&altered, Framework::PciDss);
    // `*` includes iam:PassRole and friends: escalation, not only a wildcard.
    assert!(after.fires("ZT-IAM-007"));
    assert_eq!(after.status("7.3.2"), ControlStatus::NotSatisfied);
    assert_eq!(
        assessed(&altered, Framework::Iso27001).status("A.5.3"),
        ControlStatus::NotSatisfied
    );
}

#[test]
fn moving_the_shops_personal_data_to_us_east_1_breaks_gdpr_article_44() {
    let design = example("three-tier-web-app");
    let before = assessed(&design, Framework::Gdpr);
    assert!(before.subjects("ZT-DATA-010") > 0);
    assert_eq!(before.status("44"), ControlStatus::Satisfied);
    let mut altered = design.clone();
    for segment in altered.segments.iter_mut() {
        if segment.region.as_deref() == Some("eu-central-1") {
            segment.region = Some("us-east-1".to_string());
        }
    }
    let after = assessed(&altered, Framework::Gdpr);
    assert!(after.fires("ZT-DATA-010"));
    assert_eq!(after.status("44"), ControlStatus::NotSatisfied);
    // Recording standard contractual clauses for the region is a Chapter V basis.
    altered.transfer_safeguards.insert(
        "us-east-1".to_string(),
        zta_model::TransferSafeguard::StandardContractualClauses,
    );
    let safeguarded = assessed(&altered, Framework::Gdpr);
    assert!(!safeguarded.fires("ZT-DATA-010"));
    assert_eq!(safeguarded.status("44"), ControlStatus::Satisfied);
    // Article 30 is never green: the design shows locations and measures, not purposes.
    assert_eq!(
        safeguarded.status("30"),
        ControlStatus::EvidencedAttestationRequired
    );
    assert_eq!(safeguarded.status("33"), ControlStatus::AttestationRequired);
}

#[test]
fn inactive_iam_users_are_judged_only_from_observed_activity() {
    // The insecure example's users carry what `import iam` observed: Jane's password was
    // last used in June, 182 days before the observation, so 8.2.6 is not satisfied.
    let insecure = assessed(&example("insecure-legacy"), Framework::PciDss);
    assert_eq!(insecure.subjects("ZT-ID-011"), 2);
    assert!(
        insecure
            .report
            .findings
            .iter()
            .any(|finding| finding.rule == "ZT-ID-011" && finding.elements == ["jane"]),
        "Jane is inactive"
    );
    assert_eq!(insecure.status("8.2.6"), ControlStatus::NotSatisfied);
    assert_eq!(
        assessed(&example("insecure-legacy"), Framework::Iso27001).status("A.5.18"),
        ControlStatus::NotSatisfied
    );
    // A drawn design records no use of its users: nothing to judge, so 8.2.6 is not
    // evaluated rather than satisfied.
    let mut drawn = example("insecure-legacy");
    for identity in &mut drawn.identities {
        identity.activity = None;
    }
    let drawn = assessed(&drawn, Framework::PciDss);
    assert_eq!(drawn.subjects("ZT-ID-011"), 0);
    assert_eq!(drawn.status("8.2.6"), ControlStatus::NotEvaluated);
}

#[test]
fn cardholder_data_to_an_outside_party_needs_a_listed_provider_with_an_agreement() {
    // The reference's payment processor is listed with its agreement.
    let design = example("aws-zta-reference");
    let before = assessed(&design, Framework::PciDss);
    assert!(before.subjects("ZT-DATA-012") > 0);
    assert!(!before.fires("ZT-DATA-012"));
    assert_ne!(before.status("12.8.1"), ControlStatus::NotSatisfied);
    // Without the agreement the listing is not enough.
    let mut altered = design.clone();
    let processor = altered
        .actors
        .iter_mut()
        .find(|actor| actor.id == "payment-processor")
        .expect("the reference has a payment processor");
    processor
        .service_provider
        .as_mut()
        .expect("listed as a service provider")
        .agreement = None;
    let after = assessed(&altered, Framework::PciDss);
    assert!(after.fires("ZT-DATA-012"));
    assert_eq!(after.status("12.8.1"), ControlStatus::NotSatisfied);
    assert_eq!(
        assessed(&altered, Framework::Iso27001).status("A.5.19"),
        ControlStatus::NotSatisfied
    );
    // The insecure example sends its settlement file to a partner nobody listed.
    let insecure = assessed(&example("insecure-legacy"), Framework::PciDss);
    assert_eq!(insecure.status("12.8.1"), ControlStatus::NotSatisfied);
}

#[test]
fn a_failed_prerequisite_accepted_as_a_risk_says_so_and_stays_not_satisfied() {
    let mut design = example("aws-zta-reference");
    design
        .components
        .retain(|component| component.kind != zta_model::ComponentKind::Cloudtrail);
    let missing: Vec<String> = zta_rules::validate(&design)
        .findings
        .iter()
        .filter(|finding| finding.rule == "ZT-MON-001")
        .map(|finding| finding.elements[0].clone())
        .collect();
    assert!(!missing.is_empty());
    for segment in design
        .segments
        .iter_mut()
        .filter(|segment| missing.contains(&segment.id))
    {
        segment.suppress.push(zta_model::Suppression {
            rule: "ZT-MON-001".to_string(),
            reason: "organisation trail arrives with the landing zone in Q3".to_string(),
        });
    }
    let pci = assessed(&design, Framework::PciDss);
    assert!(
        pci.report
            .findings
            .iter()
            .filter(|finding| finding.rule == "ZT-MON-001")
            .all(|finding| finding.suppressed),
        "every missing trail is accepted"
    );
    for id in ["10.3.4", "10.5.1"] {
        let control = pci.control(id);
        assert_eq!(control.status, ControlStatus::NotSatisfied, "{id}");
        assert!(
            control.rationale.contains(
                "accepted as a risk: organisation trail arrives with the landing zone in Q3"
            ),
            "{id}: {}",
            control.rationale
        );
    }
}
