//! Fuzzes the parser, both writers and the importer with arbitrary text: none may panic, a
//! parsed template must read back from what the writers write, and the import of anything that
//! parses must either fail with an error or give a design the model accepts.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zta_cfn::{Format, ImportOptions, Limits, Template, import_template, to_json, to_yaml};

fuzz_target!(|data: &[u8]| {
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
        }
    }
});
