//! The rule-to-control mappings agree with the rule engine's catalog and with the
//! framework catalogs: every rule maps to at least one control, no mapping names a rule
//! the engine does not have, and every mapped control exists in its catalog (checked when
//! the mapping is parsed).

use std::collections::BTreeSet;

use zta_compliance::{Framework, Mapping};

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
fn no_mapping_names_a_rule_the_engine_does_not_have() {
    let codes = rule_codes();
    for framework in Framework::ASSESSABLE {
        let stale: Vec<&String> = Mapping::of(framework)
            .rules
            .keys()
            .filter(|code| !codes.contains(*code))
            .collect();
        assert!(
            stale.is_empty(),
            "{framework} maps unknown rules: {stale:?}"
        );
    }
}
