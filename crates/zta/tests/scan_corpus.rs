//! `zta scan` over the public template corpus (`shared/corpus/cfn`, found through
//! `ZTA_SHARED_DIR` or beside the repository; skipped with a message when absent): every
//! resource is judged by a design rule or a generic check, or listed as not judged, and the
//! judged share stays at or above the 90% the issue asks (BENCHMARKS.md records the measured
//! share: 90.4% when last raised; the rest is listed, not claimed).

use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("ZTA_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
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

/// The judged share the issue asks for, which the corpus meets (BENCHMARKS.md); a change that
/// judges less fails here.
const JUDGED_PERCENT_FLOOR: f64 = 90.0;

#[test]
fn every_corpus_resource_is_judged_or_listed() {
    let Some(corpus) = corpus_dir() else {
        return;
    };
    let scan = zta::scan(&[corpus]).expect("the corpus folder is readable");
    let coverage = &scan.coverage;
    assert_eq!(
        coverage.by_design_rules + coverage.by_generic_checks + coverage.not_judged.len(),
        coverage.resources,
        "every resource is judged or listed as not judged"
    );
    // The one corpus template that needs a macro deployed in the account cannot be read
    // offline; it is named, not skipped.
    let failed: Vec<&str> = scan
        .failures
        .iter()
        .map(|failure| failure.file.as_str())
        .collect();
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert!(
        failed[0].ends_with("ExecutionRoleBuilder/example.yaml"),
        "{failed:#?}"
    );
    eprintln!(
        "corpus: {} resources, {} by design rules, {} by generic checks, {} not judged ({:.1}% judged)",
        coverage.resources,
        coverage.by_design_rules,
        coverage.by_generic_checks,
        coverage.not_judged.len(),
        coverage.judged_percent()
    );
    assert!(
        coverage.judged_percent() >= JUDGED_PERCENT_FLOOR,
        "{:.1}% judged, below {JUDGED_PERCENT_FLOOR}%: not judged {:#?}",
        coverage.judged_percent(),
        coverage.not_judged
    );
}
