//! The work budget of one load (`MAX_WORK_BYTES`) against the corpus's largest real templates:
//! each imports with a budget far below the default, so the default refuses only crafted input.
//! The test skips, saying so, when the corpus is absent.

mod common;

use zta_cfn::parse::MAX_WORK_BYTES;
use zta_cfn::{Error, Limits};

/// How many of the corpus's templates, largest first, are measured: bisecting the budget costs
/// about twenty imports per template.
const LARGEST: usize = 8;

/// The room the default budget must leave over what the most demanding of them needs.
const MARGIN: usize = 16;

/// The resolution of the bisection.
const STEP: usize = 4 * 1024;

#[test]
fn the_largest_corpus_templates_need_a_small_part_of_the_work_budget() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let mut templates: Vec<(u64, std::path::PathBuf)> = common::corpus_templates(&corpus)
        .into_iter()
        .map(|path| (std::fs::metadata(&path).unwrap().len(), path))
        .collect();
    templates.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    let mut needs: Vec<(usize, u64, String)> = Vec::new();
    for (size, path) in templates.into_iter().take(LARGEST) {
        let name = common::relative_name(&corpus, &path);
        let imports_within = |budget: usize| {
            let limits = Limits {
                max_work_bytes: budget,
                ..Limits::default()
            };
            match common::import_file_with(&path, &name, limits) {
                Ok(_) => true,
                Err(Error::WorkLimit { .. }) => false,
                Err(error) => panic!("{name} does not import: {error}"),
            }
        };
        match common::import_file_with(&path, &name, Limits::default()) {
            Ok(_) => {}
            // A template that needs a macro stops before the budget matters.
            Err(error @ Error::MacroRequired { .. }) => {
                eprintln!("{name}: not measured, {error}");
                continue;
            }
            Err(error) => panic!("{name} does not import within the default budget: {error}"),
        }
        // The smallest budget it imports within, to STEP bytes.
        let (mut refused, mut enough) = (0, MAX_WORK_BYTES);
        while enough - refused > STEP {
            let middle = refused + (enough - refused) / 2;
            if imports_within(middle) {
                enough = middle;
            } else {
                refused = middle;
            }
        }
        eprintln!("{name}: {size} bytes of text, imports within {enough} bytes of work");
        needs.push((enough, size, name));
    }
    let Some((most, size, name)) = needs.iter().max() else {
        return;
    };
    assert!(
        most.saturating_mul(MARGIN) <= MAX_WORK_BYTES,
        "{name} ({size} bytes) needs {most} bytes of work, less than {MARGIN} times below the budget of {MAX_WORK_BYTES}"
    );
}
