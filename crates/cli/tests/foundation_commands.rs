//! `zta check`, `zta fmt` and `zta schema` as a pipeline runs them: exit codes and output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zta"))
        .args(args)
        .output()
        .unwrap()
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
        .display()
        .to_string()
}

fn broken(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../model/tests/broken")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn check_summarises_the_reference_design() {
    let output = zta(&["check", &example("aws-zta-reference.zta.yaml")]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("AWS Zero Trust reference architecture"));
    assert!(stdout.contains("components"));
}

#[test]
fn check_reports_problems_with_location_and_exit_one() {
    let output = zta(&["check", &broken("unknown-kind.zta.yaml")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("unknown-kind.zta.yaml:14:9: unknown component kind `rsd`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `rds`?"), "{stderr}");
}

#[test]
fn missing_files_and_bad_usage_exit_two() {
    assert_eq!(
        zta(&["check", "/nonexistent/design.zta.yaml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(zta(&["check"]).status.code(), Some(2));
    assert_eq!(zta(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn fmt_check_flags_unformatted_files_and_fmt_fixes_them() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("design.zta.yaml");
    let text = std::fs::read_to_string(example("three-tier-web-app.zta.yaml")).unwrap();
    let shuffled = text.replace("schema_version: 1\nname:", "name:").replacen(
        "name: Three-tier web application\n",
        "name: Three-tier web application\nschema_version: 1\n",
        1,
    );
    std::fs::write(&file, &shuffled).unwrap();
    let path = file.display().to_string();

    assert_eq!(zta(&["fmt", "--check", &path]).status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        shuffled,
        "--check changes nothing"
    );
    assert_eq!(zta(&["fmt", &path]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert_eq!(zta(&["fmt", "--check", &path]).status.code(), Some(0));
}

#[test]
fn schema_matches_the_committed_file() {
    let output = zta(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/design.schema.json"),
    )
    .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), committed);
}

/// A one-zone design whose load balancer and database AWS needs in two zones: `zta validate`
/// flags both (ZT-NET-018) and fails, and `zta export` refuses with exit 1, naming the element
/// and giving the finding's own words, and writes nothing.
#[test]
fn export_refuses_what_validate_flags_in_a_one_zone_design() {
    let design = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cfn/tests/placement/one-zone.zta.yaml")
        .display()
        .to_string();
    let validated = zta(&["validate", &design]);
    assert_eq!(validated.status.code(), Some(1));
    let report = String::from_utf8(validated.stdout).unwrap();
    let reason = report
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("`shop-db` needs subnets in two availability zones"))
        .unwrap_or_else(|| panic!("no ZT-NET-018 finding on shop-db:\n{report}"));
    assert!(
        report.contains("`shop-alb` needs subnets in two availability zones in the public tier"),
        "{report}"
    );

    let output = std::env::temp_dir().join(format!("zta-one-zone-{}.yaml", std::process::id()));
    let exported = zta(&[
        "export",
        "cfn",
        &design,
        "-o",
        &output.display().to_string(),
    ]);
    assert_eq!(exported.status.code(), Some(1));
    let stderr = String::from_utf8(exported.stderr).unwrap();
    assert!(stderr.contains("element `shop-db`"), "{stderr}");
    assert!(
        stderr.contains(reason),
        "{stderr}\ndoes not give the finding's reason: {reason}"
    );
    assert!(!output.exists(), "a refused export writes no template");
}

/// `zta rules` lists every rule of the catalog and `zta rule CODE` explains each: the rules are
/// counted by what every rule must have beside its code, a fixture in the rule engine's tests
/// and a page in `docs/rules/` (whose tests check the rest: doc sections, `bad-`/`ok-` parts,
/// snapshots, compliance mappings).
#[test]
fn rules_lists_every_rule_with_a_fixture_and_a_page() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let stems = |dir: &str, suffix: &str| -> std::collections::BTreeSet<String> {
        std::fs::read_dir(root.join(dir))
            .unwrap()
            .filter_map(|entry| {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                name.strip_suffix(suffix)
                    .filter(|code| code.starts_with("ZT-"))
                    .map(str::to_owned)
            })
            .collect()
    };
    let fixtures = stems("crates/rules/tests/fixtures/rules", ".zta.yaml");
    let pages = stems("docs/rules", ".md");
    let output = zta(&["rules", "--format", "json"]);
    assert!(output.status.success());
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: std::collections::BTreeSet<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| rule["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, fixtures, "`zta rules` against the rule fixtures");
    assert_eq!(codes, pages, "`zta rules` against docs/rules/");
    let text = String::from_utf8(zta(&["rules"]).stdout).unwrap();
    for code in &codes {
        assert!(text.contains(code.as_str()), "{code} is not in `zta rules`");
        let explained = zta(&["rule", code]);
        assert!(explained.status.success(), "zta rule {code}");
        assert!(
            String::from_utf8_lossy(&explained.stdout).contains("## Why"),
            "zta rule {code} prints its documentation"
        );
    }
}
