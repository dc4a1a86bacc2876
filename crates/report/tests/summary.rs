//! The executive summary claims only what the design defends: every "satisfied" it counts is a
//! design-level control whose mapped rules all judged something and passed, with every
//! prerequisite holding; it says in words how many controls are not evaluated or need
//! attestation; and a pillar on which no rule judged anything is "Not assessed", never the
//! lowest stage.

use std::path::Path;
use std::process::Command;

use zta_compliance::{ControlStatus, EvidenceLevel, FrameworkAssessment, PrerequisiteState, Stage};
use zta_report::{Paper, ReportOptions, Validation, build, markdown, pdf};

fn report_on_text(text: &str, name: &str) -> zta_report::Report {
    let design = zta_model::load_str(text, name).unwrap_or_else(|error| panic!("{name}: {error}"));
    let validation = Validation::from_rules(&design, &zta_rules::validate(&design));
    build(
        &design,
        text.as_bytes(),
        &validation,
        &ReportOptions::new("2026-01-01", "zta-report tests"),
    )
}

fn example(name: &str) -> zta_report::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(format!("{name}.zta.yaml"));
    report_on_text(&std::fs::read_to_string(&path).unwrap(), name)
}

/// Whitespace collapsed, so that sentences wrapped across PDF lines compare equal.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_text(report: &zta_report::Report, name: &str) -> String {
    let path = std::env::temp_dir().join(format!("zta-summary-{name}.pdf"));
    std::fs::write(&path, pdf::render(report, Paper::A4).unwrap()).unwrap();
    let output = Command::new("pdftotext")
        .args([path.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext runs (install poppler-utils: make setup)");
    words(&String::from_utf8(output.stdout).unwrap())
}

/// Every count of the framework's totals matches its controls, and every satisfied control is
/// one the design alone defends.
fn assert_defensible(name: &str, assessment: &FrameworkAssessment) {
    for status in ControlStatus::ALL {
        let listed = assessment
            .controls
            .iter()
            .filter(|control| control.status == status)
            .count();
        assert_eq!(
            assessment.totals.count(status),
            listed,
            "{name} {}: {status:?}",
            assessment.title
        );
    }
    for control in assessment
        .controls
        .iter()
        .filter(|control| control.status == ControlStatus::Satisfied)
    {
        let what = format!("{name} {} {}", assessment.title, control.id);
        assert_eq!(control.evidence_level, EvidenceLevel::Design, "{what}");
        assert!(control.coverage.rules_mapped > 0, "{what}");
        assert_eq!(
            control.coverage.rules_evaluated, control.coverage.rules_mapped,
            "{what}"
        );
        assert!(
            control
                .rule_results
                .iter()
                .all(|rule| rule.subjects > 0 && rule.findings == 0),
            "{what}: {:?}",
            control.rule_results
        );
        assert!(
            control.findings.is_empty() && control.accepted_risks.is_empty(),
            "{what}"
        );
        assert!(
            control
                .prerequisites
                .iter()
                .all(|prerequisite| prerequisite.state == PrerequisiteState::Holds),
            "{what}"
        );
    }
}

/// The sentence states each count, and both renderers print it.
fn assert_summary_says_it(name: &str, assessment: &FrameworkAssessment, markdown: &str, pdf: &str) {
    let sentence = assessment.summary_sentence();
    if assessment.not_applicable.is_none() {
        let totals = &assessment.totals;
        for expected in [
            format!("the design alone satisfies {};", totals.satisfied),
            format!("{} are not satisfied", totals.not_satisfied),
            format!(
                "{} are not evaluated because no mapped rule had anything to judge",
                totals.not_evaluated
            ),
            format!(
                "{} are partly evidenced and need attestation",
                totals.evidenced_attestation_required
            ),
            format!(
                "{} need attestation from outside the design",
                totals.attestation_required
            ),
        ] {
            assert!(
                sentence.contains(&expected),
                "{name}: `{expected}` in `{sentence}`"
            );
        }
    }
    assert!(
        markdown.contains(&sentence),
        "{name}: the Markdown summary lacks `{sentence}`"
    );
    assert!(
        pdf.contains(&words(&sentence)),
        "{name}: the PDF summary lacks `{sentence}`"
    );
}

#[test]
fn the_summary_counts_only_defensible_controls_on_every_example() {
    for name in [
        "aws-zta-reference",
        "three-tier-web-app",
        "insecure-legacy",
        "multi-account-transit",
    ] {
        let report = example(name);
        let markdown = markdown::render(&report);
        let pdf = pdf_text(&report, name);
        assert_eq!(
            report.compliance.len(),
            3,
            "{name}: every framework assessed"
        );
        for assessment in &report.compliance {
            assert_defensible(name, assessment);
            assert_summary_says_it(name, assessment, &markdown, &pdf);
        }
        for pillar in &report.zero_trust.pillars {
            assert_eq!(
                pillar.stage == Stage::NotAssessed,
                pillar.rules_evaluated == 0,
                "{name} {}: {:?} with {} rule(s) evaluated",
                pillar.name,
                pillar.stage,
                pillar.rules_evaluated
            );
        }
    }
}

#[test]
fn the_insecure_example_is_mostly_not_satisfied_and_says_what_needs_attestation() {
    // The summary of a design that breaks most principles: more controls fail than pass,
    // and the controls that need evidence from outside the design are counted, not hidden.
    let report = example("insecure-legacy");
    let pci = report
        .compliance
        .iter()
        .find(|assessment| assessment.title.starts_with("PCI DSS"))
        .expect("PCI DSS assessed");
    assert!(
        pci.totals.not_satisfied > 3 * pci.totals.satisfied,
        "{:?}",
        pci.totals
    );
    assert!(pci.totals.needing_attestation() > 0);
    assert!(pci.summary_sentence().contains(&format!(
        "{} need attestation",
        pci.totals.attestation_required
    )));
}

#[test]
fn a_design_with_nothing_to_judge_is_not_assessed_and_satisfies_nothing_by_default() {
    // One bucket of cardholder data and nothing else: most rules have nothing to judge.
    let text = "schema_version: 1
name: Bare bucket
segments:
- {id: acct, kind: account, name: Account}
- {id: region, kind: region, name: Ireland, parent: acct, region: eu-west-1}
components:
- {id: cards, kind: s3_bucket, name: Card exports, segment: region, stores: [cardholder]}
";
    let report = report_on_text(text, "bare.zta.yaml");
    let not_assessed: Vec<&str> = report
        .zero_trust
        .pillars
        .iter()
        .filter(|pillar| pillar.stage == Stage::NotAssessed)
        .map(|pillar| pillar.name.as_str())
        .collect();
    assert!(!not_assessed.is_empty(), "{:?}", report.zero_trust.pillars);
    let markdown = markdown::render(&report);
    let pdf = pdf_text(&report, "bare");
    for pillar in &not_assessed {
        assert!(
            markdown.contains(&format!("| {pillar} | Not assessed |"))
                || markdown.contains(&format!("| {pillar} (cross-cutting) | Not assessed |")),
            "{pillar} is Not assessed in the Markdown report"
        );
    }
    assert!(pdf.contains("Not assessed"));
    for assessment in &report.compliance {
        assert_defensible("bare", assessment);
        assert_summary_says_it("bare", assessment, &markdown, &pdf);
        assert!(
            assessment.totals.not_evaluated > 0,
            "{}: {:?}",
            assessment.title,
            assessment.totals
        );
    }
}
