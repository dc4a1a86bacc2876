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
        ("ZT-ENC-030", "app/nested/data.yaml", "Events"),
        ("ZT-DATA-013", "app/nested/data.yaml", "AdminToken"),
        ("ZT-IAM-011", "app/main.yaml", "Reports"),
        ("ZT-DATA-014", "app/main.yaml", "DeployerSecret"),
        ("ZT-NET-002", "legacy.json", "Ledger"),
    ] {
        let finding = placed(rule, logical_id);
        assert_eq!(finding["file"], format!("./{file}"), "{finding:#?}");
        let (line, _) = position_of(file, logical_id);
        let at = finding["line"].as_u64().unwrap() as usize;
        assert!(
            at == line || at == line + 1,
            "{rule} on {logical_id} points at line {at}, the logical id is on {line}"
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
}

#[test]
fn text_names_file_line_and_column_and_the_coverage() {
    let output = zta(&["scan", "legacy.json", "--fail-on", "critical"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let (line, _) = position_of("legacy.json", "Ledger");
    assert!(
        stdout.contains(&format!("legacy.json:{line}:"))
            || stdout.contains(&format!("legacy.json:{}:", line + 1)),
        "{stdout}"
    );
    assert!(stdout.contains("ZT-NET-002"), "{stdout}");
    assert!(stdout.contains("Coverage: 1 resources"), "{stdout}");
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
