//! Every broken file in `tests/broken/` gives its problems with line, column and a suggestion
//! where one is obvious; the messages are pinned by snapshots.

#[test]
fn broken_files_report_located_problems() {
    insta::glob!("broken/*", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let error = zta_model::load_str(&text, &name).expect_err("a broken file must not load");
        assert!(
            error
                .problems
                .iter()
                .all(|problem| problem.location.is_some()),
            "every problem in {name} has a location: {error}"
        );
        insta::assert_snapshot!(error.to_string());
    });
}
