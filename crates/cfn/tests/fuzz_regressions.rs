//! Replays every input a fuzzer once failed on (kept under `fuzz/regressions/<target>/`) through
//! the same checks the fuzz targets make, so that a fixed crash stays fixed on the stable
//! toolchain and in every `cargo test`, without cargo-fuzz.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    // A target that never failed has no folder: git keeps no empty ones.
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `check` on every kept input of `target` and names each one that still fails, so that
/// one failure does not hide the others.
fn replay(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let data = std::fs::read(path).expect("a readable regression input");
            catch_unwind(AssertUnwindSafe(|| check(&data)))
                .err()
                .map(|_| path.display().to_string())
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} kept inputs of {target} fail again: {failures:#?}",
        failures.len(),
        files.len()
    );
}

#[test]
fn import_template_regressions() {
    assert!(
        !inputs("import_template").is_empty(),
        "the crashes import_template found are kept as inputs"
    );
    replay("import_template", checks::check_import_template);
}

#[test]
fn parse_template_regressions() {
    replay("parse_template", checks::check_parse_template);
}

#[test]
fn load_design_regressions() {
    replay("load_design", checks::check_load_design);
}
