//! The YAML writer checked by the real cfn-lint: every corpus template, read and written back,
//! draws no cfn-lint error or warning that the original does not draw.

mod common;

use std::collections::BTreeSet;

use zta_cfn::{Template, to_yaml};

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
    let all: Vec<_> = originals.iter().chain(&rewritten).cloned().collect();
    let found = common::cfn_lint(&all);
    // Rule ids only: the rewritten template's line numbers differ from the original's.
    let rules = |file| -> BTreeSet<String> {
        found
            .get(file)
            .into_iter()
            .flatten()
            .map(|(_, finding)| finding.split(':').next().unwrap_or_default().to_owned())
            .collect()
    };
    let mut regressions = Vec::new();
    for (original, written) in originals.iter().zip(&rewritten) {
        let (before, after) = (rules(original), rules(written));
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
