//! The output contracts: the JSON report's shape (documented in the README), SARIF 2.1.0's
//! required structure, suppressions, and the security diff of a change that opens a path.

use std::path::PathBuf;

use zta_model::{Auth, Design, Suppression};
use zta_rules::render::{SourceFile, report_json, report_sarif, rules_json};
use zta_rules::{Severity, diff, validate};

fn reference() -> (Design, String) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/aws-zta-reference.zta.yaml");
    let text = std::fs::read_to_string(&path).expect("the reference example ships");
    let design = zta_model::load_str(&text, "reference").expect("the reference example loads");
    (design, text)
}

/// The reference with JWT validation removed from the API down to the database: the internet
/// reaches the cardholder database through the public API with no authenticating hop.
fn weakened() -> Design {
    let (mut design, _) = reference();
    for flow in &mut design.flows {
        if [
            "customer-to-api",
            "api-to-alb",
            "alb-to-payments",
            "payments-to-db",
        ]
        .contains(&flow.id.as_str())
        {
            flow.auth = Auth::None;
            flow.issuer = None;
        }
    }
    design
}

#[test]
fn json_report_has_the_documented_shape() {
    let report = validate(&weakened());
    let value: serde_json::Value = serde_json::from_str(&report_json(&report)).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["design", "summary", "findings", "rules", "coverage"]);
    // Every rule of the catalog says what it judged: the rule of the first finding judged at
    // least the element it reports, and the root-usage alarm rule the design's accounts.
    let runs = value["rules"].as_array().unwrap();
    assert_eq!(runs.len(), zta_rules::catalog().len());
    for run in runs {
        let keys: Vec<&str> = run
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["code", "subjects", "findings"]);
    }
    let run = |code: &str| runs.iter().find(|run| run["code"] == code).unwrap();
    let failing = run(value["findings"][0]["rule"].as_str().unwrap());
    assert!(failing["subjects"].as_u64().unwrap() > 0);
    assert!(failing["findings"].as_u64().unwrap() > 0);
    assert!(run("ZT-MON-009")["subjects"].as_u64().unwrap() > 0);
    let summary: Vec<&str> = value["summary"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(summary, ["critical", "high", "medium", "low", "info"]);
    let finding = &value["findings"][0];
    for key in [
        "rule",
        "severity",
        "title",
        "message",
        "elements",
        "path",
        "remediation",
        "suppressed",
    ] {
        assert!(
            finding.get(key).is_some(),
            "finding lacks `{key}`: {finding}"
        );
    }
    assert_eq!(finding["severity"], "critical");
    let rules: serde_json::Value = serde_json::from_str(&rules_json()).unwrap();
    let first = &rules[0];
    for key in ["code", "title", "severity", "tenets", "pillar"] {
        assert!(first.get(key).is_some(), "catalog entry lacks `{key}`");
    }
}

#[test]
fn removing_the_authorizer_opens_an_unauthenticated_path_to_cardholder_data() {
    let report = validate(&weakened());
    let finding = report
        .findings
        .iter()
        .find(|finding| finding.rule == "ZT-NET-003")
        .expect("the open path is found");
    assert_eq!(finding.elements, ["orders-db"]);
    assert_eq!(
        finding.path,
        [
            "internet",
            "api",
            "api-to-alb",
            "alb",
            "alb-to-payments",
            "payments-svc",
            "payments-to-db",
            "orders-db"
        ]
    );
    assert!(report.fails_at(Severity::High));
}

#[test]
fn a_suppression_keeps_the_finding_listed_but_not_counted() {
    let mut design = weakened();
    let reason = "Accepted for the load test environment until 2027-01";
    design
        .components
        .iter_mut()
        .find(|component| component.id == "orders-db")
        .unwrap()
        .suppress
        .push(Suppression {
            rule: "ZT-NET-003".into(),
            reason: reason.into(),
        });
    let report = validate(&design);
    let finding = report
        .findings
        .iter()
        .find(|finding| finding.rule == "ZT-NET-003")
        .unwrap();
    assert!(finding.suppressed);
    assert_eq!(finding.suppression_reason.as_deref(), Some(reason));
    let open = report
        .open_findings()
        .filter(|finding| finding.rule == "ZT-NET-003")
        .count();
    assert_eq!(open, 0);
}

#[test]
fn sarif_has_the_required_structure_and_points_into_the_file() {
    let (_, text) = reference();
    let design = weakened();
    let report = validate(&design);
    let source = SourceFile {
        uri: "examples/aws-zta-reference.zta.yaml",
        text: &text,
    };
    let sarif: serde_json::Value =
        serde_json::from_str(&report_sarif(&report, &design, Some(&source))).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), zta_rules::catalog().len());
    assert!(rules.iter().all(|rule| {
        rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## What to do instead")
    }));
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["ruleId"] == "ZT-NET-003")
        .unwrap();
    let line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        .as_u64()
        .unwrap();
    let line_text = text.lines().nth(line as usize - 1).unwrap();
    assert!(
        line_text.contains("id: orders-db"),
        "line {line} is `{line_text}`"
    );
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "ZT-NET-003"
    );
}

#[test]
fn diff_reports_what_the_change_opens() {
    let (before, _) = reference();
    let after = weakened();
    let change = diff(&before, &after);
    assert!(
        change
            .findings_added
            .iter()
            .any(|finding| finding.rule == "ZT-NET-003")
    );
    assert!(change.findings_resolved.is_empty());
    assert!(
        change
            .paths_opened
            .iter()
            .any(|path| path.target == "orders-db"
                && !path.enforcement.contains(&"authentication".to_string()))
    );
    assert!(
        change
            .exposure_changed
            .iter()
            .any(|change| change.id == "customer-to-api"
                && change.change.contains("authentication removed"))
    );
    assert_eq!(change.worst_added(), Some(Severity::Critical));
    insta::assert_snapshot!(zta_rules::render::diff_text(&change, false));
    let back = diff(&after, &before);
    assert!(
        back.findings_resolved
            .iter()
            .any(|finding| finding.rule == "ZT-NET-003")
    );
    assert!(diff(&before, &before).is_empty());
}
