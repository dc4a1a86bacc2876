//! The framework catalogs against the team's control reference
//! (`shared/reference/compliance-controls.md`): every PCI DSS requirement, GDPR article and
//! ISO/IEC 27001:2022 Annex A control the reference names is in our catalog, and the ISO
//! catalog holds exactly the reference's 93 controls. The reference lives outside the
//! repository; where it is absent (a user's clone) the test says so and skips.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use zta_compliance::{Catalog, Framework};

fn reference() -> Option<String> {
    let shared = std::env::var_os("ZTA_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("reference/compliance-controls.md");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!(
                "skipping: no control reference at {} (set ZTA_SHARED_DIR)",
                path.display()
            );
            None
        }
    }
}

/// The text of the reference's section `## {number}.`, up to the next section.
fn section(reference: &str, number: u32) -> &str {
    let heading = format!("\n## {number}.");
    let start = reference
        .find(&heading)
        .unwrap_or_else(|| panic!("the reference has a section {number}"));
    let rest = &reference[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

/// Every word of the table rows of `text` that passes `is_id`, wherever it stands (a row can
/// name several requirements, such as "3.5.1 / 3.5.1.1").
fn ids_in_tables(text: &str, is_id: impl Fn(&str) -> bool) -> BTreeSet<String> {
    text.lines()
        .filter(|line| line.starts_with('|'))
        .flat_map(|line| {
            line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                .map(|word| word.trim_matches('.'))
        })
        .filter(|word| is_id(word))
        .map(str::to_owned)
        .collect()
}

/// The first cell of every table row of `text` (the id column, after an optional marker
/// column), for rows whose cell passes `is_id`.
fn table_ids(text: &str, is_id: impl Fn(&str) -> bool) -> BTreeSet<String> {
    text.lines()
        .filter(|line| line.starts_with('|'))
        .filter_map(|line| {
            line.split('|')
                .map(|cell| cell.trim().trim_matches('*'))
                .find(|cell| is_id(cell))
                .map(str::to_owned)
        })
        .collect()
}

fn catalog_ids(framework: Framework) -> BTreeSet<String> {
    Catalog::of(framework)
        .controls
        .iter()
        .map(|control| control.id.clone())
        .collect()
}

/// `1.2.3`, `10.2.1.1`, `A1.2.1`: three or more numbers, none of them zero (which tells
/// requirements from addresses such as `0.0.0.0` and versions such as `4.0.1`).
fn is_pci_requirement(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_start_matches('A').split('.').collect();
    parts.len() >= 3
        && parts.iter().all(|part| {
            !part.is_empty() && !part.starts_with('0') && part.chars().all(|c| c.is_ascii_digit())
        })
}

#[test]
fn every_pci_requirement_of_the_reference_is_in_the_catalog() {
    let Some(reference) = reference() else {
        return;
    };
    let named = ids_in_tables(section(&reference, 1), is_pci_requirement);
    assert!(
        named.len() > 100,
        "the reference's PCI tables parsed: {named:?}"
    );
    let ours = catalog_ids(Framework::PciDss);
    let missing: Vec<&String> = named.difference(&ours).collect();
    assert!(
        missing.is_empty(),
        "PCI DSS requirements missing: {missing:?}"
    );
}

#[test]
fn every_gdpr_article_of_the_reference_is_in_the_catalog() {
    let Some(reference) = reference() else {
        return;
    };
    let named = table_ids(section(&reference, 2), |cell| {
        cell.starts_with(|c: char| c.is_ascii_digit())
            && cell
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '(' || c == ')')
    });
    assert!(
        named.len() >= 15,
        "the reference's GDPR table parsed: {named:?}"
    );
    let ours = catalog_ids(Framework::Gdpr);
    let missing: Vec<&String> = named.difference(&ours).collect();
    assert!(missing.is_empty(), "GDPR articles missing: {missing:?}");
}

#[test]
fn the_iso_catalog_holds_exactly_the_93_annex_a_controls() {
    let Some(reference) = reference() else {
        return;
    };
    let named: BTreeSet<String> = table_ids(section(&reference, 3), |cell| {
        let parts: Vec<&str> = cell.split('.').collect();
        parts.len() == 2
            && ["5", "6", "7", "8"].contains(&parts[0])
            && parts[1].parse::<u32>().is_ok()
    })
    .into_iter()
    .map(|id| format!("A.{id}"))
    .collect();
    assert_eq!(
        named.len(),
        93,
        "the reference lists 93 controls: {named:?}"
    );
    let ours: BTreeSet<String> = catalog_ids(Framework::Iso27001)
        .into_iter()
        .filter(|id| id.starts_with("A."))
        .collect();
    assert_eq!(ours, named);
}
