//! Support for the export tests: the seeded design generator, the project's validators, and
//! the extraction of IAM policy documents for parliament.

#![allow(
    dead_code,
    reason = "each test file compiles this module anew and uses only part of it"
)]

pub mod generator;
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
