//! Finding the shared template corpus for the tests that read it, comparing templates, and
//! running cfn-lint from the project's virtualenv.

#![allow(
    dead_code,
    reason = "each test file compiles this module anew and uses only part of it"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The corpus of real templates, from `ZTA_SHARED_DIR` or else `<workspace>/../shared`; `None`
/// (after saying so) when it is absent, so the calling test can skip.
pub fn corpus_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("ZTA_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared")
                .to_path_buf()
        });
    let corpus = shared.join("corpus/cfn");
    if corpus.is_dir() {
        Some(corpus)
    } else {
        eprintln!(
            "skipping: no template corpus at {} (set ZTA_SHARED_DIR)",
            corpus.display()
        );
        None
    }
}

/// Every template in the corpus (YAML and JSON files), sorted by path.
pub fn corpus_templates(corpus: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![corpus.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus folder is readable") {
            let path = entry.expect("corpus entry is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if matches!(
                path.extension().and_then(|ext| ext.to_str()),
                Some("yaml" | "yml" | "json")
            ) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A corpus template's path relative to the corpus, as tests and snapshots name it.
pub fn relative_name(corpus: &Path, path: &Path) -> String {
    path.strip_prefix(corpus)
        .expect("template is inside the corpus")
        .to_string_lossy()
        .into_owned()
}

/// Asserts two templates are equal, showing the first differing line of their JSON forms (the
/// derived `Debug` output is too long to read) when they are not.
#[allow(
    dead_code,
    reason = "not every test file that shares this module compares templates"
)]
pub fn assert_same_template(left: &zta_cfn::Template, right: &zta_cfn::Template, what: &str) {
    if left == right {
        return;
    }
    let (left, right) = (zta_cfn::to_json(left), zta_cfn::to_json(right));
    panic!(
        "{what}: templates differ\n{}",
        first_difference(&left, &right, ("left", "right"))
    );
}

/// The lines around the first line where two texts differ, each side under its label.
pub fn first_difference(left: &str, right: &str, labels: (&str, &str)) -> String {
    let position = left
        .lines()
        .zip(right.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| left.lines().count().min(right.lines().count()));
    let excerpt = |text: &str| {
        text.lines()
            .skip(position.saturating_sub(4))
            .take(8)
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "at line {}\n--- {}\n{}\n--- {}\n{}",
        position + 1,
        labels.0,
        excerpt(left),
        labels.1,
        excerpt(right)
    )
}

/// Imports a template file, reading nested stacks' children from beside it.
pub fn import_file(path: &Path, name: &str) -> Result<zta_cfn::ImportOutcome, zta_cfn::Error> {
    import_file_with(path, name, zta_cfn::Limits::default())
}

/// [`import_file`] within the given limits.
pub fn import_file_with(
    path: &Path,
    name: &str,
    limits: zta_cfn::Limits,
) -> Result<zta_cfn::ImportOutcome, zta_cfn::Error> {
    let text = std::fs::read_to_string(path).expect("template is readable");
    let folder = path.parent().expect("template has a folder").to_path_buf();
    let loader = move |url: &str| -> Result<Option<zta_cfn::NestedTemplate>, String> {
        Ok(zta_cfn::nested_template_candidates(url)
            .into_iter()
            .find_map(|candidate| {
                let child = folder.join(&candidate);
                let text = std::fs::read_to_string(&child).ok()?;
                Some(zta_cfn::NestedTemplate {
                    origin: candidate,
                    text,
                })
            }))
    };
    let options = zta_cfn::ImportOptions {
        limits,
        load_nested: Some(&loader),
        ..zta_cfn::ImportOptions::default()
    };
    zta_cfn::import_template(&text, name, &options)
}

/// cfn-lint's errors and warnings for each file, as (level, `rule: message at line`), by file;
/// one run for all the files, since starting cfn-lint costs more than a small template.
pub fn cfn_lint(files: &[PathBuf]) -> BTreeMap<PathBuf, BTreeSet<(String, String)>> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/cfn-lint");
    assert!(
        tool.exists(),
        "{} is missing: run `make setup`",
        tool.display()
    );
    let output = Command::new(&tool)
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
    let mut found: BTreeMap<PathBuf, BTreeSet<(String, String)>> = BTreeMap::new();
    for entry in matches.as_array().expect("a list of matches") {
        let level = entry["Level"].as_str().unwrap_or_default();
        if level != "Error" && level != "Warning" {
            continue;
        }
        let file = PathBuf::from(entry["Filename"].as_str().unwrap_or_default());
        let finding = format!(
            "{}: {} (line {})",
            entry["Rule"]["Id"].as_str().unwrap_or_default(),
            entry["Message"].as_str().unwrap_or_default(),
            entry["Location"]["Start"]["LineNumber"]
        );
        found
            .entry(file)
            .or_default()
            .insert((level.to_owned(), finding));
    }
    found
}
