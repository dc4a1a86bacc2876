//! The built app starts on a design and draws it. The window title names the file only after the
//! UI has loaded the design and painted the canvas, so a UI bundle that fails at start (a blank
//! window) fails this test. It brings its own virtual X server, so it runs without a desktop.
//!
//! Building this test also builds the `zta-designer` executable with the workspace's test
//! features, which is the binary the end-to-end test drives: one build of the dependency tree
//! serves both (see `mk/app.mk`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process that is killed when the test ends, however it ends.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a free display and returns it with the display's name (`:N`).
fn virtual_display() -> (Reaped, String) {
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb runs (scripts/setup-system.sh installs it)");
    let stdout = xvfb.stdout.take().expect("Xvfb's output is piped");
    let xvfb = Reaped(xvfb);
    let mut number = String::new();
    BufReader::new(stdout)
        .read_line(&mut number)
        .expect("Xvfb reports its display number");
    (xvfb, format!(":{}", number.trim()))
}

/// Whether a window with exactly this title exists on `display`.
fn window_titled(display: &str, title: &str) -> bool {
    Command::new("xdotool")
        .args(["search", "--name", &format!("^{title}$")])
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs (scripts/setup-system.sh installs it)")
        .status
        .success()
}

#[test]
fn the_app_opens_the_reference_design_and_draws_it() {
    let home = tempfile::tempdir().unwrap();
    let design = home.path().join("aws-zta-reference.zta.yaml");
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/aws-zta-reference.zta.yaml");
    std::fs::copy(&example, &design).unwrap();

    let (_xvfb, display) = virtual_display();
    let mut app = Reaped(
        Command::new(env!("CARGO_BIN_EXE_zta-designer"))
            .arg(&design)
            .env("DISPLAY", &display)
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );

    let title = "aws-zta-reference.zta.yaml — ZTA Designer";
    let deadline = Instant::now() + Duration::from_secs(90);
    while !window_titled(&display, title) {
        if let Some(status) = app.0.try_wait().unwrap() {
            panic!("the app exited ({status}) before drawing the design");
        }
        assert!(
            Instant::now() < deadline,
            "no window titled `{title}` within 90 s: the UI did not draw the design"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
