//! Fuzzes the parser, both writers and the importer with arbitrary text (see `check_import_template`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| zta_cfn_fuzz::check_import_template(data));
