//! Fuzzes the template parser alone (see `check_parse_template`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| zta_cfn_fuzz::check_parse_template(data));
