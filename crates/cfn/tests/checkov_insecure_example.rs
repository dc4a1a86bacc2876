//! The insecure example exports an insecure template (the rules are the gate, not the
//! exporter), and checkov's view of that template agrees with the design's own validation:
//! each check checkov fails on the export stands for a finding that `zta validate` (the rule
//! engine) reports on the element the failing resource implements.
//!
//! `MATCHES` maps checkov's checks to the rule codes that say the same thing. A failed check
//! that matches no finding fails the test, unless `UNMATCHED` lists it with the reason the rules
//! do not report it; an entry there that checkov no longer fails fails the test too, so that
//! the list stays true.

mod export_support;

use std::collections::BTreeSet;

use export_support::{checkov_failures, examples, load};
use zta_cfn::Value;
use zta_cfn::export::{ExportOptions, TemplateFormat, export_design};

/// Checkov's checks and the rule codes of ours that report the same weakness.
const MATCHES: &[(&str, &[&str])] = &[
    // Key rotation off.
    ("CKV_AWS_7", &["ZT-ENC-007"]),
    // RDS not encrypted at rest.
    ("CKV_AWS_16", &["ZT-ENC-005"]),
    // RDS publicly accessible.
    ("CKV_AWS_17", &["ZT-NET-002"]),
    // Bucket without versioning: no object versions to restore.
    ("CKV_AWS_21", &["ZT-DATA-007"]),
    // SSH and RDP open to the internet.
    ("CKV_AWS_24", &["ZT-NET-008", "ZT-NET-009"]),
    ("CKV_AWS_25", &["ZT-NET-008", "ZT-NET-009"]),
    // ElastiCache not encrypted at rest, in transit, or without an AUTH token.
    ("CKV_AWS_29", &["ZT-ENC-005"]),
    ("CKV_AWS_30", &["ZT-ENC-008", "ZT-ENC-001"]),
    ("CKV_AWS_31", &["ZT-ID-010"]),
    // A bucket's public access block off, setting by setting.
    ("CKV_AWS_53", &["ZT-DATA-001"]),
    ("CKV_AWS_54", &["ZT-DATA-001"]),
    ("CKV_AWS_55", &["ZT-DATA-001"]),
    ("CKV_AWS_56", &["ZT-DATA-001"]),
    // A role any AWS account may assume.
    ("CKV_AWS_60", &["ZT-IAM-005"]),
    // IMDSv1 allowed.
    ("CKV_AWS_79", &["ZT-VUL-006"]),
    // An instance with a public address.
    ("CKV_AWS_88", &["ZT-NET-006"]),
    // IAM policies with permissions management or writes on every resource.
    ("CKV_AWS_109", &["ZT-IAM-002", "ZT-IAM-003"]),
    ("CKV_AWS_111", &["ZT-IAM-002", "ZT-IAM-003"]),
    // RDS without IAM authentication: callers present a static secret.
    ("CKV_AWS_161", &["ZT-DATA-003", "ZT-DATA-006"]),
    // ECR without scan on push.
    ("CKV_AWS_163", &["ZT-VUL-007"]),
    // HTTP open to the internet.
    ("CKV_AWS_260", &["ZT-NET-009", "ZT-EDGE-005"]),
];

/// Checks checkov fails on the insecure export that no rule of ours reports, and why.
const UNMATCHED: &[(&str, &str)] = &[
    (
        "CKV_AWS_51",
        "ECR image tags are mutable: a supply-chain integrity setting the rules do not judge (they check scanning on push, ZT-VUL-007)",
    ),
    (
        "CKV_AWS_58",
        "EKS secrets not encrypted with a KMS key: ZT-ENC-005 judges data stores, and an EKS cluster is not one",
    ),
    (
        "CKV_AWS_157",
        "RDS without Multi-AZ: availability within a region, which the rules leave to the architect (ZT-DATA-007 judges backups)",
    ),
    (
        "CKV_AWS_158",
        "a log group not encrypted with a KMS key: CloudWatch Logs encrypts every log group at rest, and ZT-ENC-005 judges data stores, which a log group is not",
    ),
];

#[test]
fn every_checkov_failure_on_the_insecure_export_matches_a_finding() {
    let path = examples()
        .into_iter()
        .find(|path| path.to_string_lossy().contains("insecure-legacy"))
        .expect("the insecure example");
    let design = load(&path);
    let findings = zta_rules::validate(&design).findings;
    let export = export_design(&design, &ExportOptions::default()).expect("the example exports");
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut files = Vec::new();
    for (index, stack) in export.stacks.iter().enumerate() {
        let file = folder
            .path()
            .join(export.file_name(index, TemplateFormat::Yaml));
        std::fs::write(&file, TemplateFormat::Yaml.write(&stack.template))
            .expect("the temporary folder is writable");
        files.push(file);
    }
    let failures = checkov_failures(&files);
    assert!(
        failures.len() > 10,
        "checkov fails the insecure export {} times",
        failures.len()
    );
    let element_of = |logical: &str| -> Option<String> {
        export.stacks.iter().find_map(|stack| {
            stack.template.resources.get(logical).and_then(|resource| {
                resource
                    .metadata
                    .as_ref()?
                    .get("ZtaDesigner")?
                    .get("Element")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
        })
    };
    let mut unexplained = Vec::new();
    let mut listed_and_seen = BTreeSet::new();
    for failure in &failures {
        if UNMATCHED.iter().any(|(check, _)| *check == failure.check) {
            listed_and_seen.insert(failure.check.as_str());
            continue;
        }
        let codes = MATCHES
            .iter()
            .find(|(check, _)| *check == failure.check)
            .map(|(_, codes)| *codes)
            .unwrap_or_default();
        let element = element_of(failure.logical_id());
        let matched = findings.iter().any(|finding| {
            codes.contains(&finding.rule.as_str())
                && element
                    .as_ref()
                    .is_some_and(|element| finding.elements.contains(element))
        });
        if !matched {
            unexplained.push(format!("{failure} (element {element:?}; rules {codes:?})"));
        }
    }
    assert!(
        unexplained.is_empty(),
        "checkov failures that match no finding of the design:\n{}",
        unexplained.join("\n")
    );
    let stale: Vec<&str> = UNMATCHED
        .iter()
        .map(|(check, _)| *check)
        .filter(|check| !listed_and_seen.contains(check))
        .collect();
    assert!(
        stale.is_empty(),
        "checkov no longer fails {stale:?}; remove them from UNMATCHED"
    );
}
