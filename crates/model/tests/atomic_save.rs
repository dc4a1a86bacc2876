//! Saving is atomic: a process killed at any moment during a save leaves the previous file
//! intact (or the new one), never a torn mix.
//!
//! The test re-runs its own binary as a child that saves two different designs in a loop, kills
//! it at varying moments, and loads whatever is on disk.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use zta_model::{load_file, save_file, synthetic};

const CHILD_TARGET: &str = "ZTA_ATOMIC_SAVE_TARGET";

/// The child side: runs only when the parent sets the target variable.
#[test]
fn child_saves_in_a_loop() {
    let Some(target) = std::env::var_os(CHILD_TARGET) else {
        return;
    };
    let target = PathBuf::from(target);
    let designs = [synthetic::generate(1, 3000), synthetic::generate(2, 3000)];
    // Starting with the second design means any completed save is visible to the parent.
    for round in 1usize.. {
        save_file(&target, &designs[round % 2]).unwrap();
    }
}

#[test]
fn killing_a_save_never_corrupts_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("design.zta.yaml");
    let expected = [
        synthetic::generate(1, 3000).normalized(),
        synthetic::generate(2, 3000).normalized(),
    ];
    save_file(&target, &expected[0]).unwrap();

    let mut saw_a_completed_save = false;
    for attempt in 0..12u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_saves_in_a_loop", "--nocapture"])
            .env(CHILD_TARGET, &target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(150 + attempt * 37));
        child.kill().unwrap();
        child.wait().unwrap();

        let loaded = load_file(&target).expect("the file on disk is always a whole design");
        assert!(
            expected.contains(&loaded),
            "attempt {attempt}: the file is one of the two saved designs"
        );
        saw_a_completed_save |= loaded == expected[1];
    }
    assert!(
        saw_a_completed_save,
        "the child completed saves before being killed, so the kills hit saves in progress"
    );
    for entry in std::fs::read_dir(folder.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "design.zta.yaml"
                || (name.starts_with(".design.zta.yaml.") && name.ends_with(".tmp")),
            "only the design and the hidden temporary files of killed saves are in the folder, not {name}"
        );
    }
}
