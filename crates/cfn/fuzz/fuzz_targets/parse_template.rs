//! Fuzzes the template parser alone, in both syntaxes and with small limits, so that inputs
//! reach the limit errors quickly: parsing may fail, but never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zta_cfn::{Format, Limits, parse_value};

fuzz_target!(|data: &[u8]| {
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
});
