//! Import and export agree: a design imported from a corpus template, exported and imported
//! again, comes back the same after a second round (the first round adds the export's
//! zero-trust defaults, which a second round must neither lose nor add to).

mod common;

use common::import_file;
use zta_cfn::export::{ExportOptions, export_design};
use zta_cfn::{ImportOptions, import_template, to_yaml};
use zta_model::Design;

/// One round: export a design to one template and import that template.
fn round(design: &Design, name: &str) -> Result<Design, String> {
    let export =
        export_design(design, &ExportOptions::default()).map_err(|error| error.to_string())?;
    let [stack] = export.stacks.as_slice() else {
        return Err(format!(
            "{name}: exported to {} stacks",
            export.stacks.len()
        ));
    };
    let text = to_yaml(&stack.template);
    let options = ImportOptions {
        design_name: Some(design.name.clone()),
        ..ImportOptions::default()
    };
    import_template(&text, &format!("{name}.exported.yaml"), &options)
        .map(|outcome| outcome.design)
        .map_err(|error| format!("{name}: the export does not import: {error}"))
}

#[test]
#[ignore = "not yet stable: the export's generated resources collide with carried ones and some designs change on a second round; run with --ignored"]
fn import_export_import_is_stable_for_every_corpus_template() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let mut unstable = Vec::new();
    for path in common::corpus_templates(&corpus) {
        let name = common::relative_name(&corpus, &path);
        let Ok(imported) = import_file(&path, &name) else {
            continue;
        };
        let once = match round(&imported.design, &name) {
            Ok(design) => design,
            Err(error) => {
                unstable.push(error);
                continue;
            }
        };
        match round(&once, &name) {
            Ok(twice) => {
                let (mut a, mut b) = (once.clone(), twice);
                a.layout = Default::default();
                b.layout = Default::default();
                if zta_model::to_yaml(&a, None) != zta_model::to_yaml(&b, None) {
                    unstable.push(format!("{name}: the design changes on a second round"));
                }
            }
            Err(error) => unstable.push(error),
        }
    }
    assert!(unstable.is_empty(), "{}", unstable.join("\n"));
}
