//! The shipped example designs: every example but the insecure one has no open critical or high
//! finding (the reference architecture's report is pinned as well), and the insecure example
//! triggers rules of every family.

use std::path::PathBuf;

use zta_rules::{Family, Severity, validate};

fn example(name: &str) -> Option<zta_model::Design> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    if !path.exists() {
        eprintln!("skipping: {} is not there yet", path.display());
        return None;
    }
    Some(zta_model::load_file(&path).unwrap_or_else(|error| panic!("{error:?}")))
}

#[test]
fn reference_architecture_has_no_critical_or_high_finding() {
    let design = example("aws-zta-reference.zta.yaml").expect("the reference example ships");
    let report = validate(&design);
    let serious: Vec<String> = report
        .open_findings()
        .filter(|finding| finding.severity >= Severity::High)
        .map(|finding| format!("{} {}", finding.rule, finding.message))
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
    insta::assert_snapshot!(zta_rules::render::report_text(&report, false));
}

/// The example that exists to show findings; every other example is a design to copy from.
const INSECURE_EXAMPLE: &str = "insecure-legacy.zta.yaml";

#[test]
fn every_example_but_the_insecure_one_has_no_critical_or_high_finding() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".zta.yaml") && name != INSECURE_EXAMPLE)
        .collect();
    names.sort();
    assert!(names.len() >= 3, "{names:?}");
    let mut serious = Vec::new();
    for name in &names {
        let design = example(name).expect("listed in the folder");
        let report = validate(&design);
        serious.extend(
            report
                .open_findings()
                .filter(|finding| finding.severity >= Severity::High)
                .map(|finding| format!("{name}: {} {}", finding.rule, finding.message)),
        );
    }
    assert!(serious.is_empty(), "{serious:#?}");
}

#[test]
fn insecure_example_triggers_rules_of_every_family() {
    let Some(design) = example(INSECURE_EXAMPLE) else {
        return;
    };
    let report = validate(&design);
    let families: std::collections::BTreeSet<Family> = report
        .open_findings()
        .filter_map(|finding| zta_rules::find_rule(&finding.rule).ok())
        .map(|meta| meta.family)
        .collect();
    let missing: Vec<&str> = Family::ALL
        .iter()
        .filter(|family| !families.contains(family))
        .map(|family| family.title())
        .collect();
    assert!(missing.is_empty(), "no finding from: {missing:?}");
}
