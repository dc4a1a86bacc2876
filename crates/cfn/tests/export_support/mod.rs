//! Support for the export tests: the examples, the project's validators, and the extraction of
//! IAM policy documents for parliament. Generated designs come from the workspace's shared
//! generator, `zta_model::synthetic`.

#![allow(
    dead_code,
    reason = "each test file compiles this module anew and uses only part of it"
)]

pub mod policies;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The examples shipped with the project, sorted.
pub fn examples() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(workspace().join("examples"))
        .expect("the examples folder is readable")
        .map(|entry| entry.expect("an example entry is readable").path())
        .filter(|path| path.to_string_lossy().ends_with(".zta.yaml"))
        .collect();
    found.sort();
    found
}

/// An example's name: its file name without `.zta.yaml`.
pub fn example_name(path: &Path) -> String {
    path.file_name()
        .expect("an example has a file name")
        .to_string_lossy()
        .trim_end_matches(".zta.yaml")
        .to_owned()
}

/// Loads an example design.
pub fn load(path: &Path) -> zta_model::Design {
    let text = std::fs::read_to_string(path).expect("the example is readable");
    zta_model::load_str(&text, &path.display().to_string())
        .unwrap_or_else(|error| panic!("example {} does not load: {error:?}", path.display()))
}

/// A validator from the project's virtualenvs; fails with the fix when it is not installed.
pub fn tool(relative: &str) -> PathBuf {
    let path = workspace().join(relative);
    assert!(
        path.exists(),
        "{} is missing: run `make setup` (it creates the project's Python virtualenvs with cfn-lint, parliament and checkov)",
        path.display()
    );
    path
}

/// Runs a command and returns its output, failing with the command line when it cannot start.
pub fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"))
}

/// One check that checkov fails on a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckovFailure {
    pub check: String,
    /// `Type.LogicalId`, as checkov names resources.
    pub resource: String,
    pub file: String,
    pub title: String,
}

impl CheckovFailure {
    /// The logical id of the resource, without its type.
    pub fn logical_id(&self) -> &str {
        self.resource
            .rsplit_once('.')
            .map_or(self.resource.as_str(), |(_, logical)| logical)
    }
}

impl std::fmt::Display for CheckovFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {}: {}",
            self.check, self.resource, self.file, self.title
        )
    }
}

/// The checks checkov fails on the files. `--skip-download` keeps it offline: the checks it
/// runs are those it ships with.
pub fn checkov_failures(files: &[PathBuf]) -> Vec<CheckovFailure> {
    let mut command = Command::new(tool(".venv-checkov/bin/checkov"));
    for file in files {
        command.arg("-f").arg(file);
    }
    command.args([
        "--framework",
        "cloudformation",
        "--quiet",
        "--compact",
        "--skip-download",
        "-o",
        "json",
    ]);
    let output = run(&mut command);
    let text = String::from_utf8_lossy(&output.stdout);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|error| {
        panic!(
            "checkov did not print JSON ({error}): {text}{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let reports = match json {
        serde_json::Value::Array(reports) => reports,
        report => vec![report],
    };
    let text = |value: &serde_json::Value| value.as_str().unwrap_or("?").to_owned();
    reports
        .iter()
        .flat_map(|report| {
            report["results"]["failed_checks"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|failed| CheckovFailure {
            check: text(&failed["check_id"]),
            resource: text(&failed["resource"]),
            file: text(&failed["file_path"]),
            title: text(&failed["check_name"]),
        })
        .collect()
}
