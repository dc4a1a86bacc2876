//! The control mappings agree with the rule engine's catalog and with the framework catalogs:
//! every rule maps to at least one control, no mapping names a rule the engine does not have,
//! every mapped control exists in its catalog (checked when the mapping is parsed), and every
//! design-level control's rules judge at least one of its clauses.

use std::collections::BTreeSet;

use zta_compliance::{Capability, Catalog, EvidenceLevel, Framework, Mapping};

fn rule_codes() -> BTreeSet<String> {
    zta_rules::catalog()
        .iter()
        .map(|meta| meta.code.to_string())
        .collect()
}

#[test]
fn every_mapping_parses_and_names_only_controls_of_its_catalog() {
    for framework in Framework::ASSESSABLE {
        Mapping::parse_bundled(framework).unwrap_or_else(|error| panic!("{error}"));
    }
    Capability::parse_bundled().unwrap_or_else(|error| panic!("{error}"));
}

#[test]
fn every_rule_maps_to_at_least_one_control() {
    let unmapped: Vec<String> = rule_codes()
        .into_iter()
        .filter(|code| {
            Framework::ASSESSABLE
                .iter()
                .all(|&framework| Mapping::of(framework).controls_of(code).is_empty())
        })
        .collect();
    assert!(
        unmapped.is_empty(),
        "rules mapped to no control: {unmapped:?}"
    );
}

#[test]
fn every_rule_maps_to_an_iso_27001_control() {
    // ISO/IEC 27001 Annex A is broad enough to give every design rule a home; a rule
    // without one is a mapping that was forgotten.
    let mapping = Mapping::of(Framework::Iso27001);
    let missing: Vec<String> = rule_codes()
        .into_iter()
        .filter(|code| mapping.controls_of(code).is_empty())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without an ISO 27001 control: {missing:?}"
    );
}

#[test]
fn no_mapping_or_capability_names_a_rule_the_engine_does_not_have() {
    let codes = rule_codes();
    for framework in Framework::ASSESSABLE {
        let stale: Vec<&str> = Mapping::of(framework)
            .rule_codes()
            .into_iter()
            .filter(|code| !codes.contains(*code))
            .collect();
        assert!(
            stale.is_empty(),
            "{framework} maps unknown rules: {stale:?}"
        );
    }
    for capability in Capability::all() {
        for rule in &capability.rules {
            assert!(
                codes.contains(rule),
                "capability {} names {rule}",
                capability.id
            );
        }
    }
}

#[test]
fn every_design_level_control_has_a_clause_its_rules_judge() {
    // A design-level control is the kind that can be satisfied from the design alone. If the
    // mapping lists it, some clause must be judged by a rule: a control whose mapped rules
    // cover none of its clauses, or whose clauses are only report artifacts, would be
    // decided by rules that do not bear on it.
    let mut failures = Vec::new();
    for framework in Framework::ASSESSABLE {
        let catalog = Catalog::of(framework);
        let mapping = Mapping::of(framework);
        for (control, clauses) in &mapping.controls {
            let level = catalog.control(control).expect("checked at parse").evidence;
            if level != EvidenceLevel::Design {
                continue;
            }
            let judged = clauses.iter().any(|clause| !clause.rules.is_empty());
            let artifact_only = clauses.iter().all(|clause| clause.rules.is_empty())
                && clauses.iter().any(|clause| !clause.artifacts.is_empty());
            if !judged && !artifact_only {
                failures.push(format!(
                    "{framework} {control}: no clause is judged by a rule"
                ));
            }
            for clause in clauses {
                if clause.text.trim().is_empty() {
                    failures.push(format!(
                        "{framework} {control}/{}: empty clause",
                        clause.clause
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_issues_named_mappings_are_present() {
    // The mapping review added these because they plainly bear on the control.
    let pci = Mapping::of(Framework::PciDss);
    let has =
        |mapping: &Mapping, control: &str, rule: &str| mapping.rules_of(control).contains(&rule);
    for (control, rule) in [
        ("2.2.4", "ZT-NET-008"),
        ("2.2.4", "ZT-NET-009"),
        ("2.2.4", "ZT-EDGE-005"),
        ("10.3.2", "ZT-MON-003"),
        ("3.6.1", "ZT-ENC-005"),
        ("7.3.2", "ZT-IAM-001"),
        ("7.3.2", "ZT-IAM-004"),
        ("7.3.2", "ZT-IAM-010"),
        ("8.3.2", "ZT-ENC-001"),
        ("8.3.2", "ZT-ENC-002"),
        ("8.3.2", "ZT-ENC-003"),
    ] {
        assert!(has(pci, control, rule), "PCI {control} lacks {rule}");
    }
    let iso = Mapping::of(Framework::Iso27001);
    for (control, rule) in [
        ("A.5.28", "ZT-MON-001"),
        ("A.5.33", "ZT-MON-001"),
        ("A.5.3", "ZT-IAM-001"),
        ("A.5.34", "ZT-NET-002"),
    ] {
        assert!(has(iso, control, rule), "ISO {control} lacks {rule}");
    }
    let gdpr = Mapping::of(Framework::Gdpr);
    assert!(has(gdpr, "5(1)(f)", "ZT-NET-003"));
    assert!(has(gdpr, "44", "ZT-DATA-010"));
    for control in ["10.3.2", "10.3.4", "10.5.1"] {
        assert!(
            pci.requirements_of(control)
                .iter()
                .any(|c| c.id == "account-trail"),
            "{control} requires a trail"
        );
    }
}
