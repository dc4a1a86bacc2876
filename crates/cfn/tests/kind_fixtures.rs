//! One fixture per component and identity kind (`tests/kinds/<kind>.zta.yaml`): the smallest
//! design holding one element of the kind with the properties it states. Its export is pinned by
//! a snapshot, and importing that export gives the element back: its id, name, kind, placement
//! (for what sits in a subnet or VPC) and every property it states.

mod common;

use std::path::{Path, PathBuf};

use zta_cfn::export::{ExportOptions, TemplateFormat, export_design};
use zta_cfn::{ImportOptions, import_template};
use zta_model::Design;

fn fixtures() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/kinds");
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the kind fixtures are readable")
        .map(|entry| entry.expect("a fixture entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".zta.yaml"))
        .collect();
    found.sort();
    found
}

fn kind_of(path: &Path) -> String {
    path.file_name()
        .expect("a fixture has a name")
        .to_string_lossy()
        .trim_end_matches(".zta.yaml")
        .to_owned()
}

fn load(path: &Path) -> Design {
    let text = std::fs::read_to_string(path).expect("the fixture is readable");
    zta_model::load_str(&text, &path.to_string_lossy())
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The fixture's export, as one YAML template.
fn export(design: &Design) -> String {
    let export = export_design(design, &ExportOptions::default()).expect("the fixture exports");
    assert_eq!(export.stacks.len(), 1, "{}: one stack", design.name);
    export
        .files(TemplateFormat::Yaml)
        .into_iter()
        .find(|file| file.name.ends_with(".yaml"))
        .expect("a template")
        .contents
}

/// The fixture's element as YAML: the part of the design its kind's module writes and reads.
/// A regional or account-wide component's segment is left out, since an import places those in
/// the one account it makes (a template does not say which region segment of a design it was).
fn element(design: &Design, id: &str, regional: bool) -> String {
    let mut only = Design::new("element");
    only.components = design
        .components
        .iter()
        .filter(|component| component.id == id)
        .cloned()
        .map(|mut component| {
            if regional {
                component.segment.clear();
            }
            component
        })
        .collect();
    only.identities = design
        .identities
        .iter()
        .filter(|identity| identity.id == id)
        .cloned()
        .collect();
    zta_model::to_yaml(&only, None)
}

#[test]
fn every_kind_has_a_fixture() {
    let kinds: Vec<String> = fixtures().iter().map(|path| kind_of(path)).collect();
    let mut missing: Vec<&str> = zta_model::component_kind::CATALOG
        .iter()
        .map(|info| info.name)
        .filter(|name| !kinds.iter().any(|kind| kind == name))
        .collect();
    for kind in [
        "iam_role",
        "iam_user",
        "iam_group",
        "cognito_user_pool",
        "permission_set",
        "identity_provider",
    ] {
        if !kinds.iter().any(|found| found == kind) {
            missing.push(kind);
        }
    }
    assert!(missing.is_empty(), "kinds without a fixture: {missing:?}");
}

#[test]
fn every_kind_fixture_exports_to_its_snapshot() {
    for path in fixtures() {
        let template = export(&load(&path));
        insta::assert_snapshot!(format!("kind__{}", kind_of(&path)), template);
    }
}

/// The kinds whose fixture does not come back yet, and why (none today: the kinds the export
/// writes no resource for come back from the design marker). The test fails when one of them
/// starts to, so that the list only shrinks.
const NOT_YET: [(&str, &str); 0] = [];

#[test]
fn every_kind_fixture_comes_back_from_its_export() {
    let mut problems = Vec::new();
    for path in fixtures() {
        let design = load(&path);
        let template = export(&design);
        let options = ImportOptions {
            design_name: Some(design.name.clone()),
            ..ImportOptions::default()
        };
        let imported = import_template(&template, &format!("{}.yaml", kind_of(&path)), &options)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
            .design;
        let id = kind_of(&path).replace('_', "-");
        let regional = design.components.iter().any(|component| {
            component.id == id
                && design.segment(&component.segment).is_some_and(|segment| {
                    matches!(
                        segment.kind,
                        zta_model::SegmentKind::Region | zta_model::SegmentKind::Account
                    )
                })
        });
        let (before, after) = (
            element(&design, &id, regional),
            element(&imported, &id, regional),
        );
        let not_yet = NOT_YET.iter().find(|(kind, _)| *kind == kind_of(&path));
        if let (Some((kind, _)), true) = (not_yet, before == after) {
            problems.push(format!("{kind} now comes back: take it off NOT_YET"));
        } else if not_yet.is_none() && before != after {
            problems.push(format!(
                "{}:\n{}",
                kind_of(&path),
                common::first_difference(&before, &after, ("fixture", "import of its export"))
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
