//! Fuzzes the design loader with arbitrary text: it may refuse anything, but never panic, and a
//! design it accepts must save and load back to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
