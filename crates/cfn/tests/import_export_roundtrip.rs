//! Import and export agree: a design imported from a corpus template, exported and imported
//! again, comes back the same after a second round (the first round adds the export's
//! zero-trust defaults, which a second round must neither lose nor add to); and the export of
//! an imported design passes cfn-lint wherever the original template does.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::import_file;
use zta_cfn::export::{ExportOptions, export_design};
use zta_cfn::{ImportOptions, import_template, to_yaml};
use zta_model::Design;

/// A design's export as one template, in YAML.
fn export_one(design: &Design, name: &str) -> Result<String, String> {
    let export = export_design(design, &ExportOptions::default())
        .map_err(|error| format!("{name}: the design does not export: {error}"))?;
    match export.stacks.as_slice() {
        [stack] => Ok(to_yaml(&stack.template)),
        stacks => Err(format!("{name}: exported to {} stacks", stacks.len())),
    }
}

/// One round: export a design to one template and import that template.
fn round(design: &Design, name: &str) -> Result<Design, String> {
    let text = export_one(design, name)?;
    let options = ImportOptions {
        design_name: Some(design.name.clone()),
        ..ImportOptions::default()
    };
    import_template(&text, &format!("{name}.exported.yaml"), &options)
        .map(|outcome| outcome.design)
        .map_err(|error| format!("{name}: the export does not import: {error}"))
}

/// The design as its canonical YAML, without the layout (which the import recomputes).
fn canonical(design: &Design) -> String {
    let mut design = design.clone();
    design.layout = Default::default();
    zta_model::to_yaml(&design, None)
}

#[test]
fn import_export_import_is_stable_for_every_corpus_template() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let mut unstable = Vec::new();
    let mut checked = 0;
    for path in common::corpus_templates(&corpus) {
        let name = common::relative_name(&corpus, &path);
        // The one template that needs an unavailable macro does not import at all (asserted in
        // import_corpus.rs), so it has no round to make.
        let Ok(imported) = import_file(&path, &name) else {
            continue;
        };
        let rounds = round(&imported.design, &name)
            .and_then(|once| round(&once, &name).map(|twice| (once, twice)));
        match rounds {
            Ok((once, twice)) => {
                let (once, twice) = (canonical(&once), canonical(&twice));
                if once != twice {
                    unstable.push(format!(
                        "{name}: the design changes on a second round\n{}",
                        common::first_difference(
                            &once,
                            &twice,
                            ("after one round", "after two rounds")
                        )
                    ));
                }
                checked += 1;
            }
            Err(error) => unstable.push(error),
        }
    }
    assert!(unstable.is_empty(), "{}", unstable.join("\n"));
    assert!(
        checked >= 40,
        "only {checked} corpus templates made the round"
    );
}

#[test]
fn the_export_of_an_imported_template_passes_cfn_lint_where_the_original_does() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let folder = tempfile::tempdir().expect("a temporary folder");
    // Each original with the nested stacks' templates the import read beside it: the export
    // holds their resources too, so their findings count as the original's.
    let mut pairs: Vec<(Vec<PathBuf>, PathBuf)> = Vec::new();
    for (index, path) in common::corpus_templates(&corpus).into_iter().enumerate() {
        let name = common::relative_name(&corpus, &path);
        let Ok(imported) = import_file(&path, &name) else {
            continue;
        };
        let folder_of_original = path.parent().expect("a template has a folder");
        let mut originals = vec![path.clone()];
        originals.extend(
            imported
                .report
                .templates
                .iter()
                .filter(|origin| **origin != name)
                .map(|origin| folder_of_original.join(origin)),
        );
        let text = export_one(&imported.design, &name).unwrap_or_else(|error| panic!("{error}"));
        let exported = folder.path().join(format!("{index}.yaml"));
        std::fs::write(&exported, text).expect("the temporary folder is writable");
        pairs.push((originals, exported));
    }
    let mut files: Vec<PathBuf> = pairs
        .iter()
        .flat_map(|(originals, exported)| originals.iter().chain([exported]).cloned())
        .collect();
    files.sort();
    files.dedup();
    let found = common::cfn_lint(&files);
    let mut regressions = Vec::new();
    for (originals, exported) in &pairs {
        let none = BTreeSet::new();
        let before: BTreeSet<(String, String)> = originals
            .iter()
            .flat_map(|original| found.get(original).unwrap_or(&none))
            .cloned()
            .collect();
        let after = found.get(exported).unwrap_or(&none);
        for level in ["Error", "Warning"] {
            let had = before.iter().any(|(l, _)| l == level);
            let has: Vec<&String> = after
                .iter()
                .filter(|(l, _)| l == level)
                .map(|(_, message)| message)
                .collect();
            if !had && !has.is_empty() {
                regressions.push(format!(
                    "{} passes cfn-lint at level {level}, its export ({}) does not:\n  {}",
                    originals[0].display(),
                    exported.display(),
                    has.iter()
                        .map(|m| m.as_str())
                        .collect::<Vec<_>>()
                        .join("\n  ")
                ));
            }
        }
    }
    assert!(
        regressions.is_empty(),
        "{}\n(exports kept in {})",
        regressions.join("\n"),
        folder.keep().display()
    );
}
