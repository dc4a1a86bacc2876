//! Test support: a real moto_server on a free loopback port, and a child process of the
//! test binary that talks to it with recognisable fake credentials from its environment.
//!
//! The credentials are set on the child rather than in the test process because the standard
//! credential chain reads the environment, and changing this process's environment needs
//! `unsafe` (which the workspace forbids). The parent also gets everything the child printed,
//! which is where the secrets check looks.

#![allow(dead_code)]

mod moto;

use std::process::{Command, Output};

// Only some of the test binaries that include this module compare the region.
#[allow(unused_imports)]
pub use moto::REGION;
pub use moto::{MotoServer, assert_no_credentials, with_fake_credentials};

/// The variable that tells the test binary it runs as the child.
const CHILD_MARKER: &str = "ZTA_AWS_TEST_CHILD";
/// The variable that hands the child the endpoint.
pub const ENDPOINT_VARIABLE: &str = "ZTA_AWS_TEST_ENDPOINT";

/// Whether this process is the child that runs the scenario.
pub fn is_child() -> bool {
    std::env::var_os(CHILD_MARKER).is_some()
}

/// The endpoint handed to the child.
pub fn child_endpoint() -> String {
    std::env::var(ENDPOINT_VARIABLE).expect("the parent sets the endpoint")
}

/// Runs the test `test_name` of this binary again as a child whose environment holds the
/// fake credentials and nothing else of AWS (no profile, no config files of the developer),
/// against `server`. Returns everything it printed; fails the test if it failed.
pub fn run_child(test_name: &str, server: &MotoServer) -> Output {
    let executable = std::env::current_exe().expect("the test binary's path");
    let mut command = Command::new(executable);
    command.args(["--exact", test_name, "--nocapture", "--test-threads=1"]);
    with_fake_credentials(&mut command);
    command
        .env(CHILD_MARKER, "1")
        .env(ENDPOINT_VARIABLE, server.endpoint());
    let output = command.output().expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the scenario {test_name} failed:\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    // With --nocapture the scenario's own lines come between the test's name and its "ok",
    // so the summary line is what proves that exactly this one test ran and passed.
    assert!(
        stdout.contains("test result: ok. 1 passed"),
        "the child did not run {test_name}:\n{stdout}"
    );
    output
}
