//! Rule documentation: every rule's doc comment has every fixed section, codes are unique and
//! follow their family's prefix, and `docs/rules/` matches what the doc comments generate
//! (run with `UPDATE_DOCS=1` to rewrite the pages).

use std::collections::BTreeSet;
use std::path::PathBuf;

use zta_rules::render::{rule_markdown, rules_index_markdown};
use zta_rules::{DOC_SECTIONS, catalog};

#[test]
fn every_rule_documents_every_section_in_order() {
    let mut missing = Vec::new();
    for meta in catalog() {
        let documentation = meta.documentation();
        let mut last = 0;
        for section in DOC_SECTIONS {
            match (
                meta.section(section),
                documentation.find(&format!("## {section}")),
            ) {
                (Some(_), Some(position)) if position >= last => last = position,
                (Some(_), Some(_)) => {
                    missing.push(format!("{}: `## {section}` is out of order", meta.code))
                }
                _ => missing.push(format!("{}: `## {section}` is missing or empty", meta.code)),
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn codes_are_unique_and_carry_their_family_prefix() {
    let mut seen = BTreeSet::new();
    for meta in catalog() {
        assert!(seen.insert(meta.code), "duplicate code {}", meta.code);
        assert!(
            meta.code.starts_with(&format!("{}-", meta.family.prefix())),
            "{} is not in family {}",
            meta.code,
            meta.family.prefix()
        );
        assert!(!meta.tenets.is_empty(), "{} names no tenet", meta.code);
    }
    assert!(seen.len() >= 60, "only {} rules", seen.len());
}

#[test]
fn docs_folder_matches_the_doc_comments() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let mut pages = vec![("README.md".to_string(), rules_index_markdown())];
    pages.extend(
        catalog()
            .into_iter()
            .map(|meta| (format!("{}.md", meta.code), rule_markdown(meta))),
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&folder).expect("docs/rules can be created");
        for (name, text) in &pages {
            std::fs::write(folder.join(name), text).expect("docs page can be written");
        }
    }
    let stale: Vec<&String> = pages
        .iter()
        .filter(|(name, text)| {
            std::fs::read_to_string(folder.join(name)).ok().as_deref() != Some(text)
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        stale.is_empty(),
        "stale pages in docs/rules (run with UPDATE_DOCS=1): {stale:?}"
    );
}
