//! The committed artifacts generated from the model's types (JSON Schema, TypeScript types, kind
//! catalog) must match the types. Run with `ZTA_UPDATE_GENERATED=1` to rewrite them.

use std::path::PathBuf;

use zta_model::generated;

fn workspace_file(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn check_generated(relative: &str, expected: &str) {
    let path = workspace_file(relative);
    if std::env::var_os("ZTA_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{relative} is stale: run `ZTA_UPDATE_GENERATED=1 cargo test -p zta-model --test generated` and commit the result"
    );
}

#[test]
fn json_schema_is_current() {
    check_generated("schema/design.schema.json", &generated::json_schema());
}

#[test]
fn typescript_types_are_current() {
    check_generated("ui/src/generated/model.ts", &generated::typescript());
}

#[test]
fn kind_catalog_is_current() {
    check_generated("ui/src/generated/catalog.json", &generated::catalog_json());
}

#[test]
fn every_kind_has_a_catalog_row_whose_properties_exist() {
    let schema: serde_json::Value = serde_json::from_str(&generated::json_schema()).unwrap();
    let known = schema["$defs"]["ComponentProperties"]["properties"]
        .as_object()
        .expect("ComponentProperties is in the schema");
    for info in zta_model::component_kind::CATALOG {
        assert_eq!(info.kind.info().name, info.name);
        let serialized = serde_json::to_value(info.kind).unwrap();
        assert_eq!(
            serialized, info.name,
            "catalog name matches the file format"
        );
        for property in info.properties {
            assert!(
                known.contains_key(*property),
                "{} lists unknown property {property}",
                info.name
            );
        }
    }
}
