//! The `zta-designer` executable: starts the desktop app, opening the design named on the
//! command line when there is one.

// Release builds on Windows should not open a console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Exporting and validating build and drop many small values; mimalloc does that about a third
/// faster than the system allocator (BENCHMARKS.md, CloudFormation export).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let startup_file = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    zta_designer::run(startup_file);
}
