//! Test support: a real moto_server on a free loopback port, and a child process of the
//! test binary that talks to it with recognisable fake credentials from its environment.
//!
//! The credentials are set on the child rather than in the test process because the standard
//! credential chain reads the environment, and changing this process's environment needs
//! `unsafe` (which the workspace forbids). The parent also gets everything the child printed,
//! which is where the secrets check looks.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The fake access key id: shaped like a real one so that the scrubber has to catch it.
pub const FAKE_ACCESS_KEY_ID: &str = "AKIAZTATESTFAKE00001";
/// The fake secret access key.
pub const FAKE_SECRET_ACCESS_KEY: &str = "zTaFakeSecretKey0000wJalrXUtnFEMIK7MDENGbP";
/// The fake session token.
pub const FAKE_SESSION_TOKEN: &str =
    "ZtaFakeSessionToken0000IQoJb3JpZ2luX2VjEJr0000ZtaFakeSessionToken";

/// The variable that tells the test binary it runs as the child.
const CHILD_MARKER: &str = "ZTA_AWS_TEST_CHILD";
/// The variable that hands the child the endpoint.
pub const ENDPOINT_VARIABLE: &str = "ZTA_AWS_TEST_ENDPOINT";
/// The region the tests use.
pub const REGION: &str = "eu-west-1";

/// A moto_server process, stopped when dropped (also when a test panics).
pub struct MotoServer {
    child: Child,
    endpoint: String,
}

impl MotoServer {
    /// Starts `<workspace>/.venv/bin/moto_server` on a free loopback port and waits until it
    /// accepts connections.
    pub fn start() -> Self {
        let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let binary = workspace.join(".venv/bin/moto_server");
        assert!(
            binary.exists(),
            "{} is missing: run make setup (it creates the project's .venv with moto[server])",
            binary.display()
        );
        // The port is free when asked for; moto binds it a moment later, so another process
        // could in principle take it first, which the readiness check below would reveal.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free loopback port")
            .port();
        let child = Command::new(&binary)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            // AWS-managed policies (AdministratorAccess...) exist in every real account.
            .env("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let server = MotoServer {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto_server did not listen on port {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// The endpoint URL.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("AWS_") {
            command.env_remove(&key);
        }
    }
    let missing_files = std::env::temp_dir().join("zta-aws-test-no-such-aws-file");
    command
        .env(CHILD_MARKER, "1")
        .env(ENDPOINT_VARIABLE, server.endpoint())
        .env("AWS_ACCESS_KEY_ID", FAKE_ACCESS_KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", FAKE_SECRET_ACCESS_KEY)
        .env("AWS_SESSION_TOKEN", FAKE_SESSION_TOKEN)
        .env("AWS_REGION", REGION)
        .env("AWS_CONFIG_FILE", &missing_files)
        .env("AWS_SHARED_CREDENTIALS_FILE", &missing_files)
        .env("AWS_EC2_METADATA_DISABLED", "true");
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

/// Asserts that none of the fake credentials appears in `text`, naming where it was found.
pub fn assert_no_credentials(what: &str, text: &str) {
    for secret in [
        FAKE_ACCESS_KEY_ID,
        FAKE_SECRET_ACCESS_KEY,
        FAKE_SESSION_TOKEN,
    ] {
        assert!(
            !text.contains(secret),
            "a fake credential ({}...) leaked into {what}",
            &secret[..8]
        );
    }
}
