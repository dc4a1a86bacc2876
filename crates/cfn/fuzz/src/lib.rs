//! The properties each fuzz target checks, one function per target. They live here, apart from
//! the `fuzz_target!` wrappers, so that `zta-cfn`'s `fuzz_regressions` test replays the inputs a
//! fuzzer once crashed on through exactly the same checks on the stable toolchain.

use zta_cfn::{
    Format, ImportOptions, Limits, Template, import_template, parse_value, to_json, to_yaml,
};

/// Parser, both writers and the importer with arbitrary text: none may panic, a parsed template
/// must read back from what the writers write, and the import of anything that parses must
/// either fail with an error or give a design the model accepts, which also loads back once
/// saved (as `zta import -o` then `zta check` do).
pub fn check_import_template(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Small limits keep each run quick and exercise the limit errors.
    let limits = Limits {
        max_bytes: 64 * 1024,
        max_depth: 48,
        max_work_bytes: 4 * 1024 * 1024,
    };
    for (format, origin) in [(Format::Yaml, "fuzz.yaml"), (Format::Json, "fuzz.json")] {
        let Ok(template) = Template::parse_with(text, origin, format, &limits) else {
            continue;
        };
        let yaml = to_yaml(&template);
        let reread = Template::parse(&yaml, "written.yaml")
            .unwrap_or_else(|error| panic!("written YAML does not read back: {error}\n{yaml}"));
        assert_eq!(to_yaml(&reread), yaml, "the YAML writer is not stable");
        let json = to_json(&template);
        Template::parse(&json, "written.json")
            .unwrap_or_else(|error| panic!("written JSON does not read back: {error}\n{json}"));
        let options = ImportOptions {
            limits,
            ..ImportOptions::default()
        };
        if let Ok(outcome) = import_template(text, origin, &options) {
            let issues = zta_model::integrity::check(&outcome.design);
            assert!(issues.is_empty(), "imported design is invalid: {issues:?}");
            let saved = zta_model::to_yaml(&outcome.design, None);
            zta_model::load_str(&saved, "imported.zta.yaml").unwrap_or_else(|error| {
                panic!("an imported design does not load back once saved: {error}\n{saved}")
            });
        }
    }
}

/// The template parser alone, in both syntaxes and with small limits, so that inputs reach the
/// limit errors quickly: parsing may fail, but never panic.
pub fn check_parse_template(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let limits = Limits {
        max_bytes: 64 * 1024,
        max_depth: 48,
        max_work_bytes: 1024 * 1024,
    };
    for format in [Format::Yaml, Format::Json] {
        let _ = parse_value(text, "fuzz", format, &limits);
    }
}

/// The design loader: it may refuse anything, but never panic, and a design it accepts must
/// save and load back to itself.
pub fn check_load_design(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(design) = zta_model::load_str(text, "fuzz.zta.yaml") else {
        return;
    };
    let yaml = zta_model::to_yaml(&design, None);
    let reread = zta_model::load_str(&yaml, "saved.zta.yaml")
        .unwrap_or_else(|error| panic!("a saved design does not load back: {error}\n{yaml}"));
    assert_eq!(
        zta_model::to_yaml(&reread, None),
        yaml,
        "saving is not a fixed point"
    );
}
