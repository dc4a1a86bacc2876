//! The YAML writer checked by the real cfn-lint: every corpus template, read and written back,
//! draws no cfn-lint error or warning that the original does not draw.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use zta_cfn::{Template, to_yaml};

fn cfn_lint() -> PathBuf {
    let tool = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/cfn-lint");
    assert!(
        tool.exists(),
        "{} is missing: run make setup",
        tool.display()
    );
    tool
}

/// cfn-lint's error and warning rule ids for each file, by file.
fn lint(files: &[PathBuf]) -> BTreeMap<PathBuf, BTreeSet<String>> {
    let output = Command::new(cfn_lint())
        .args(["--format", "json", "--"])
        .args(files)
        .output()
        .expect("cfn-lint runs");
    let matches: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
            panic!(
                "cfn-lint JSON: {error}: {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let mut found: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    for entry in matches.as_array().expect("a list of matches") {
        let level = entry["Level"].as_str().unwrap_or_default();
        if level != "Error" && level != "Warning" {
            continue;
        }
        let file = PathBuf::from(entry["Filename"].as_str().unwrap_or_default());
        let rule = entry["Rule"]["Id"].as_str().unwrap_or_default().to_owned();
        found.entry(file).or_default().insert(rule);
    }
    found
}

#[test]
fn rewritten_corpus_templates_draw_no_new_cfn_lint_findings() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut originals = Vec::new();
    let mut rewritten = Vec::new();
    for (index, path) in common::corpus_templates(&corpus).into_iter().enumerate() {
        let name = common::relative_name(&corpus, &path);
        let text = std::fs::read_to_string(&path).unwrap();
        let template = Template::parse(&text, &name).unwrap();
        let written = folder.path().join(format!("{index}.yaml"));
        std::fs::write(&written, to_yaml(&template)).unwrap();
        originals.push(path);
        rewritten.push(written);
    }
    let all: Vec<PathBuf> = originals.iter().chain(&rewritten).cloned().collect();
    let found = lint(&all);
    let mut regressions = Vec::new();
    for (original, written) in originals.iter().zip(&rewritten) {
        let before = found.get(original).cloned().unwrap_or_default();
        let after = found.get(written).cloned().unwrap_or_default();
        let new: Vec<&String> = after.difference(&before).collect();
        if !new.is_empty() {
            regressions.push(format!("{}: {new:?}", original.display()));
        }
    }
    assert!(
        regressions.is_empty(),
        "new cfn-lint findings after rewriting:\n{}",
        regressions.join("\n")
    );
}
