//! A real moto_server on a free loopback port for tests, with recognisable fake credentials
//! and a check that none of them leaked into what a scenario printed. The `zta` CLI's tests
//! include this file too, so that both crates start the server the same way.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The fake access key id: shaped like a real one so that the scrubber has to catch it.
pub const FAKE_ACCESS_KEY_ID: &str = "AKIAZTATESTFAKE00001";
/// The fake secret access key.
pub const FAKE_SECRET_ACCESS_KEY: &str = "zTaFakeSecretKey0000wJalrXUtnFEMIK7MDENGbP";
/// The fake session token.
pub const FAKE_SESSION_TOKEN: &str =
    "ZtaFakeSessionToken0000IQoJb3JpZ2luX2VjEJr0000ZtaFakeSessionToken";

/// The region the tests use.
pub const REGION: &str = "eu-west-1";

/// A moto_server process, stopped when dropped (also when a test panics).
pub struct MotoServer {
    child: Child,
    endpoint: String,
}

impl MotoServer {
    /// Starts `<workspace>/.venv/bin/moto_server` on a free loopback port, serving moto's
    /// default account, and waits until it accepts connections.
    pub fn start() -> Self {
        Self::launch(None)
    }

    /// Starts a server whose every caller is in `account_id`, for scenarios whose designs
    /// name their account.
    pub fn start_in_account(account_id: &str) -> Self {
        Self::launch(Some(account_id))
    }

    fn launch(account_id: Option<&str>) -> Self {
        // Both including crates sit two levels below the workspace root.
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
        let mut command = Command::new(&binary);
        if let Some(account_id) = account_id {
            command.env("MOTO_ACCOUNT_ID", account_id);
        }
        let child = command
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

/// Gives `command` the fake credentials and the test region and nothing else of AWS: no
/// variable of the developer's environment, no shared config or credentials file, no instance
/// metadata, so that only the standard chain's environment step can supply credentials.
pub fn with_fake_credentials(command: &mut Command) {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("AWS_") {
            command.env_remove(&key);
        }
    }
    let missing_files = std::env::temp_dir().join("zta-aws-test-no-such-aws-file");
    command
        .env("AWS_ACCESS_KEY_ID", FAKE_ACCESS_KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", FAKE_SECRET_ACCESS_KEY)
        .env("AWS_SESSION_TOKEN", FAKE_SESSION_TOKEN)
        .env("AWS_REGION", REGION)
        .env("AWS_CONFIG_FILE", &missing_files)
        .env("AWS_SHARED_CREDENTIALS_FILE", &missing_files)
        .env("AWS_EC2_METADATA_DISABLED", "true");
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
