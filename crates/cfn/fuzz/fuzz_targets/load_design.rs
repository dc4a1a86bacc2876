//! Fuzzes the design loader (see `check_load_design`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| zta_cfn_fuzz::check_load_design(data));
