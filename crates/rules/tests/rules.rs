//! One fixture per rule, ruff-style: `tests/fixtures/rules/CODE.zta.yaml` holds a design with
//! violating parts (ids starting `bad-`) and passing parts (ids starting `ok-`), added to the
//! shared segments of `tests/fixtures/base.zta.yaml`. One table-driven test checks every rule
//! of the catalog: every `bad-` element is named by a finding of the rule, no `ok-` element is,
//! and the rule's findings match the snapshot `snapshots/rules__CODE.snap`. Rules that judge
//! the carried CloudFormation name resources and outputs by logical id, which has no `-`: their
//! fixtures carry `Bad...` and `Ok...` ones, named in a finding's message as `` `Id` ``.

use std::path::{Path, PathBuf};

use zta_model::Design;
use zta_rules::{Finding, catalog, validate};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The base segments plus the rule's own elements, checked for referential integrity.
fn fixture_design(path: &Path) -> Design {
    let base_text =
        std::fs::read_to_string(fixtures().join("base.zta.yaml")).expect("base fixture");
    let mut design = zta_model::load_str(&base_text, "base.zta.yaml").expect("base fixture loads");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("missing fixture {}", path.display()));
    let own: Design =
        serde_norway::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    design.name = own.name;
    design.segments.extend(own.segments);
    design.components.extend(own.components);
    design.identities.extend(own.identities);
    design.actors.extend(own.actors);
    design.flows.extend(own.flows);
    design.transfer_safeguards.extend(own.transfer_safeguards);
    design.carried_cloudformation = own.carried_cloudformation;
    let issues = zta_model::integrity::check(&design);
    assert!(
        issues.is_empty(),
        "{} is not a valid design: {:#?}",
        path.display(),
        issues
            .iter()
            .map(|issue| format!("{}: {}", issue.path, issue.message))
            .collect::<Vec<_>>()
    );
    design
}

/// The ids of elements with a prefix (`bad-`), and the logical ids of carried resources and
/// outputs with the same prefix capitalised and without its dash (`Bad`).
fn ids_with_prefix<'a>(design: &'a Design, prefix: &str) -> Vec<&'a str> {
    let mut logical_prefix = prefix.trim_end_matches('-').to_owned();
    logical_prefix[..1].make_ascii_uppercase();
    let carried = ["Resources", "Outputs", "Parameters"]
        .into_iter()
        .filter_map(|section| design.carried_cloudformation.get(section)?.as_object())
        .flat_map(|entries| entries.keys().map(String::as_str))
        .filter(move |id| id.starts_with(&logical_prefix));
    design
        .elements()
        .map(|element| element.id())
        .filter(|id| id.starts_with(prefix))
        .chain(carried)
        .collect()
}

#[test]
fn every_rule_has_a_fixture_with_violations_and_passes() {
    let mut failures: Vec<String> = Vec::new();
    for meta in catalog() {
        let path = fixtures()
            .join("rules")
            .join(format!("{}.zta.yaml", meta.code));
        let design = fixture_design(&path);
        let report = validate(&design);
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|finding| finding.rule == meta.code)
            .collect();
        let named = |id: &str| {
            findings.iter().any(|finding| {
                finding.elements.iter().any(|e| e == id)
                    || finding.message.contains(&format!("`{id}`"))
            })
        };
        let bad = ids_with_prefix(&design, "bad-");
        let ok = ids_with_prefix(&design, "ok-");
        if bad.is_empty() || ok.is_empty() {
            failures.push(format!(
                "{}: the fixture needs both `bad-` and `ok-` elements",
                meta.code
            ));
        }
        for id in bad.iter().filter(|id| !named(id)) {
            failures.push(format!("{}: no finding names `{id}`", meta.code));
        }
        for id in ok.iter().filter(|id| named(id)) {
            failures.push(format!("{}: a finding names `{id}`", meta.code));
        }
        // The rule judges what its fixture puts before it: a rule that evaluated nothing
        // there would read as "not evaluated" in every compliance report.
        let run = report
            .run_of(meta.code)
            .expect("every rule reports its run");
        if run.subjects == 0 {
            failures.push(format!("{}: the rule evaluated no subject", meta.code));
        }
        if run.findings != findings.len() {
            failures.push(format!(
                "{}: the run counts {} findings, the report {}",
                meta.code,
                run.findings,
                findings.len()
            ));
        }
        insta::with_settings!({snapshot_suffix => meta.code, prepend_module_to_snapshot => false}, {
            insta::assert_yaml_snapshot!("rule", findings);
        });
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn inactivity_judges_only_users_with_observed_activity() {
    // The fixture's drawn user has old key dates but no `activity`: with no day to measure
    // against it is not judged, so it must not count as an evaluated subject.
    let design = fixture_design(&fixtures().join("rules/ZT-ID-011.zta.yaml"));
    let report = validate(&design);
    let run = report.run_of("ZT-ID-011").expect("the rule ran");
    assert_eq!((run.subjects, run.findings), (4, 2));

    let mut drawn = design.clone();
    for user in &mut drawn.identities {
        user.activity = None;
    }
    let run = validate(&drawn)
        .run_of("ZT-ID-011")
        .cloned()
        .expect("the rule ran");
    assert_eq!((run.subjects, run.findings), (0, 0));
}

#[test]
fn public_subnet_rule_judges_subnets_and_internet_gateways() {
    // A subnet is judged by its tier and what it holds, an internet gateway with the subnets
    // of its VPC: coverage counts them (and the routes and attachments absorbed into them)
    // as judged, not only the data stores.
    let design = fixture_design(&fixtures().join("rules/ZT-NET-001.zta.yaml"));
    let report = validate(&design);
    for id in ["public-a", "private-a", "isolated-a", "private-b", "igw"] {
        assert!(report.judged.contains(id), "`{id}` is not judged");
    }
    let run = report.run_of("ZT-NET-001").expect("the rule ran");
    // The four subnets of the base, the gateway and the two data stores.
    assert_eq!((run.subjects, run.findings), (7, 1));
}
