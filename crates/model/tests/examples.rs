//! Every example design loads, is in canonical form, and survives a save and load unchanged.

use std::path::PathBuf;

fn examples() -> Vec<PathBuf> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".zta.yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn examples_load_and_are_canonical() {
    let files = examples();
    assert!(files.len() >= 4, "the four examples are present");
    for file in files {
        let design = zta_model::load_file(&file).unwrap_or_else(|error| panic!("{error}"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            zta_model::render_for_path(&file, &design),
            text,
            "{} is not in canonical form: run `zta fmt` on it",
            file.display()
        );
    }
}
