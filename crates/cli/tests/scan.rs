//! `zta scan` as a pipeline runs it: templates found in folders, nested stacks scanned with
//! their parent, findings placed at the logical id in the template, coverage stated, exit
//! codes by `--fail-on`, and SARIF that the SARIF 2.1.0 schema accepts.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zta"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .unwrap()
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scan")
}

/// The 1-based line and column where `logical_id:` is written in a fixture.
fn position_of(file: &str, logical_id: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(fixtures().join(file)).unwrap();
    for (index, line) in text.lines().enumerate() {
        let key = format!("{logical_id}:");
        let quoted = format!("\"{logical_id}\":");
        if let Some(column) = line.find(&key).or_else(|| line.find(&quoted)) {
            return (index + 1, column + 1);
        }
    }
    panic!("{logical_id} is not in {file}");
}

#[test]
fn a_folder_is_scanned_with_findings_at_their_logical_ids() {
    let output = zta(&["scan", ".", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let scan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let templates: Vec<&str> = scan["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|template| template["file"].as_str().unwrap())
        .collect();
    // The nested template is scanned as part of its parent; the workflow and the package
    // manifest are no templates.
    assert_eq!(templates, ["./app/main.yaml", "./legacy.json"]);
    assert_eq!(scan["failures"], serde_json::json!([]));
    let findings: Vec<&serde_json::Value> = scan["templates"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|template| template["findings"].as_array().unwrap())
        .collect();
    let placed = |rule: &str, logical_id: &str| {
        findings
            .iter()
            .find(|finding| finding["rule"] == rule && finding["logical_id"] == logical_id)
            .unwrap_or_else(|| panic!("no {rule} at {logical_id}: {findings:#?}"))
    };
    for (rule, file, logical_id) in [
        ("ZT-IAM-011", "app/nested/data.yaml", "Orders"),
        ("ZT-ENC-005", "app/nested/data.yaml", "Events"),
        ("ZT-DATA-013", "app/nested/data.yaml", "AdminToken"),
        ("ZT-IAM-011", "app/main.yaml", "Reports"),
        ("ZT-DATA-014", "app/main.yaml", "DeployerSecret"),
        ("ZT-NET-002", "legacy.json", "Ledger"),
    ] {
        let finding = placed(rule, logical_id);
        assert_eq!(finding["file"], format!("./{file}"), "{finding:#?}");
        let at = (
            finding["line"].as_u64().unwrap() as usize,
            finding["column"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            at,
            position_of(file, logical_id),
            "{rule} on {logical_id} points elsewhere than the logical id"
        );
    }
    let coverage = &scan["coverage"];
    let resources = coverage["resources"].as_u64().unwrap();
    let judged = coverage["by_design_rules"].as_u64().unwrap()
        + coverage["by_generic_checks"].as_u64().unwrap();
    let unjudged: Vec<&str> = coverage["not_judged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|resource| resource["logical_id"].as_str().unwrap())
        .collect();
    assert_eq!(judged + unjudged.len() as u64, resources, "{coverage:#}");
    assert!(unjudged.contains(&"Dashboard"), "{coverage:#}");
    // What was passed over is listed with its reason, not left out silently.
    let skipped: Vec<&str> = scan["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|skipped| skipped["file"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["./app/ci/workflow.yml", "./app/package.json"]);
}

#[test]
fn text_names_file_line_and_column_and_the_coverage() {
    let output = zta(&["scan", "legacy.json", "--fail-on", "critical"]);
    // The public database is critical.
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let (line, column) = position_of("legacy.json", "Ledger");
    assert!(
        stdout.contains(&format!("legacy.json:{line}:{column}: critical ZT-NET-002")),
        "{stdout}"
    );
    assert!(
        stdout.contains("Coverage: 1 resources: 1 judged by design rules"),
        "{stdout}"
    );
}

/// A bucket that blocks public access and is encrypted, in the shape of the
/// `AWS::S3::Bucket` examples
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html):
/// its worst finding is the account's missing CloudTrail, high.
const PRIVATE_BUCKET: &str = "\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Archive:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
";

/// A VPC without flow logs: one medium finding (ZT-MON-008) and nothing above it.
const VPC_WITHOUT_FLOW_LOGS: &str = "\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
";

#[test]
fn fail_on_sets_the_severity_that_fails_the_run() {
    let folder = tempfile::tempdir().unwrap();
    let template = folder.path().join("network.yaml");
    std::fs::write(&template, VPC_WITHOUT_FLOW_LOGS).unwrap();
    let template = template.to_str().unwrap();
    let high = zta(&["scan", template]);
    let stdout = String::from_utf8_lossy(&high.stdout);
    assert_eq!(high.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("medium ZT-MON-008"), "{stdout}");
    assert_eq!(
        zta(&["scan", template, "--fail-on", "medium"])
            .status
            .code(),
        Some(1)
    );
}

/// A template shows one stack, not the account: "no CloudTrail" would claim what the scan
/// cannot see, so the account-wide rules are named as not evaluated and fail nothing.
#[test]
fn account_wide_rules_are_named_as_not_evaluated() {
    let folder = tempfile::tempdir().unwrap();
    let template = folder.path().join("archive.yaml");
    std::fs::write(&template, PRIVATE_BUCKET).unwrap();
    let template = template.to_str().unwrap();
    let output = zta(&["scan", template, "--fail-on", "low"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(" 0 critical, 0 high, 0 medium, 0 low"),
        "{stdout}"
    );
    let line = stdout
        .lines()
        .find(|line| line.starts_with("not evaluated: account-wide rules"))
        .unwrap_or_else(|| panic!("no not-evaluated line: {stdout}"));
    assert!(
        line.contains("ZT-MON-001 Account without CloudTrail"),
        "{line}"
    );
    assert_eq!(stdout.matches("ZT-MON-001").count(), 1, "{stdout}");
    let json = zta(&["scan", template, "--format", "json"]);
    let scan: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rules = scan["templates"][0]["not_evaluated"].as_array().unwrap();
    assert!(
        rules.iter().any(|rule| rule["rule"] == "ZT-MON-005"),
        "{scan}"
    );
    let sarif = zta(&["scan", template, "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let properties = &log["runs"][0]["properties"]["notEvaluated"];
    assert!(
        properties["reason"]
            .as_str()
            .is_some_and(|reason| reason.contains("zta import stack"))
    );
}

#[test]
fn a_template_that_cannot_be_scanned_is_named_and_fails_the_run() {
    let folder = tempfile::tempdir().unwrap();
    let template = folder.path().join("macro.yaml");
    std::fs::write(
        &template,
        "Transform: CompanyNaming\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n",
    )
    .unwrap();
    let output = zta(&["scan", folder.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("not scanned"), "{stdout}");
    assert!(stdout.contains("CompanyNaming"), "{stdout}");
}

#[test]
fn sarif_of_scan_and_validate_passes_the_sarif_schema() {
    let folder = tempfile::tempdir().unwrap();
    let scan = zta(&["scan", ".", "--format", "sarif"]);
    assert_eq!(scan.status.code(), Some(1));
    let scan_file = folder.path().join("scan.sarif");
    std::fs::write(&scan_file, &scan.stdout).unwrap();
    let log: serde_json::Value = serde_json::from_slice(&scan.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|result| {
        result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(0)
    }));
    assert!(log["runs"][0]["properties"]["coverage"]["resources"].as_u64() > Some(0));
    assert_eq!(
        log["runs"][0]["properties"]["skipped"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // Relative URIs, resolved by code scanning against the repository's root.
    let mut uris: Vec<&str> = log["runs"][0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|artifact| artifact["location"]["uri"].as_str().unwrap())
        .collect();
    uris.sort_unstable();
    assert_eq!(
        uris,
        ["app/main.yaml", "app/nested/data.yaml", "legacy.json"]
    );
    let design = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orders-api.zta.yaml");
    let validate = zta(&["validate", design.to_str().unwrap(), "--format", "sarif"]);
    let validate_file = folder.path().join("validate.sarif");
    std::fs::write(&validate_file, &validate.stdout).unwrap();
    // One Python process for both files: starting it costs more than validating.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = root.join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run `make setup`",
        python.display()
    );
    let checked = Command::new(python)
        .arg(root.join("tools/validators/sarif/validate.py"))
        .args([&scan_file, &validate_file])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}
