//! Saves respect the file they replace: through symbolic links to the target, with its mode,
//! owner and group, new files with the umask's mode, read-only files left alone unless forced, temporary files of
//! killed saves removed by the next save, and comments never dropped silently by `zta fmt`.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zta"))
        .args(args)
        .output()
        .unwrap()
}

fn text_of(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The small example, with two top-level keys swapped so that `zta fmt` has work to do.
fn unformatted() -> String {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/three-tier-web-app.zta.yaml"),
    )
    .unwrap();
    text.replace("schema_version: 1\nname:", "name:").replacen(
        "name: Three-tier web application\n",
        "name: Three-tier web application\nschema_version: 1\n",
        1,
    )
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_save_through_a_link_replaces_the_target_and_keeps_the_link_and_mode() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("real")).unwrap();
    let target = folder.path().join("real/design.zta.yaml");
    std::fs::write(&target, unformatted()).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = folder.path().join("link.zta.yaml");
    std::os::unix::fs::symlink("real/design.zta.yaml", &link).unwrap();

    let output = zta(&["fmt", link.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_ne!(std::fs::read_to_string(&target).unwrap(), unformatted());
    assert_eq!(mode(&target), 0o640);
    let output = zta(&["fmt", "--check", link.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
}

#[test]
fn a_save_keeps_the_owner_and_group_of_the_file_it_replaces() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("design.zta.yaml");
    std::fs::write(&file, unformatted()).unwrap();
    // A file this process creates belongs to its effective user: only root may give it away.
    if std::fs::metadata(&file).unwrap().uid() != 0 {
        eprintln!(
            "skipped: giving a file to another owner needs root, and this test runs as a user"
        );
        return;
    }
    // An owner and group no account on the machine has, so that nothing else can explain them.
    let (uid, gid) = (54_321, 54_322);
    std::os::unix::fs::chown(&file, Some(uid), Some(gid)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();

    let output = zta(&["fmt", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert_ne!(
        std::fs::read_to_string(&file).unwrap(),
        unformatted(),
        "the file was not rewritten"
    );
    let metadata = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (metadata.uid(), metadata.gid()),
        (uid, gid),
        "the save changed the file's owner or group"
    );
    assert_eq!(mode(&file), 0o664);
}

#[test]
fn a_new_file_gets_the_mode_the_umask_allows() {
    let folder = tempfile::tempdir().unwrap();
    let template = folder.path().join("t.yaml");
    std::fs::write(&template, "Resources:\n  B:\n    Type: AWS::S3::Bucket\n").unwrap();
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let design = folder.path().join(format!("new-{umask}.zta.yaml"));
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" import cfn \"$1\" -o \"$2\""
            ))
            .arg(env!("CARGO_BIN_EXE_zta"))
            .arg(&template)
            .arg(&design)
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(0), "{}", text_of(&status));
        assert_eq!(mode(&design), expected, "umask {umask}");
    }
}

#[test]
fn a_read_only_file_is_left_alone_unless_forced() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("design.zta.yaml");
    std::fs::write(&file, unformatted()).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let path = file.to_str().unwrap();

    let output = zta(&["fmt", path]);
    assert_eq!(output.status.code(), Some(2), "{}", text_of(&output));
    assert!(
        text_of(&output).contains("read-only"),
        "{}",
        text_of(&output)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), unformatted());

    let output = zta(&["fmt", "--force", path]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert_ne!(std::fs::read_to_string(&file).unwrap(), unformatted());
    assert_eq!(mode(&file), 0o444, "forcing keeps the mode");
}

#[test]
fn the_next_save_removes_temporary_files_that_a_killed_save_left() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("design.zta.yaml");
    std::fs::write(&file, unformatted()).unwrap();
    // A process id above the kernel's highest (2^22) never runs; ours does.
    let stale = folder.path().join(".design.zta.yaml.4294967295-1f.tmp");
    let live = folder
        .path()
        .join(format!(".design.zta.yaml.{}-2e.tmp", std::process::id()));
    let other = folder.path().join(".other.zta.yaml.4294967295-1f.tmp");
    for leftover in [&stale, &live, &other] {
        std::fs::write(leftover, "half a design").unwrap();
    }
    let output = zta(&["fmt", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert!(
        !stale.exists(),
        "the killed save's temporary file is still there"
    );
    assert!(live.exists(), "a running save's temporary file was removed");
    assert!(other.exists(), "another file's temporary file was removed");
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn fmt_refuses_to_drop_comments_and_says_where_they_are() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("design.zta.yaml");
    let text = unformatted().replacen(
        "segments:",
        "# The network, as agreed with the platform team.\nsegments:",
        1,
    );
    let line = text
        .lines()
        .position(|line| line.starts_with("# The network"))
        .unwrap()
        + 1;
    std::fs::write(&file, &text).unwrap();
    let path = file.to_str().unwrap();

    let output = zta(&["fmt", path]);
    assert_eq!(output.status.code(), Some(2), "{}", text_of(&output));
    assert!(
        text_of(&output).contains(&format!(
            "formatting would lose the comments on line {line}"
        )),
        "{}",
        text_of(&output)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    let output = zta(&["fmt", "--drop-comments", path]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    let formatted = std::fs::read_to_string(&file).unwrap();
    assert!(
        formatted.starts_with("# yaml-language-server"),
        "the header is kept"
    );
    assert!(!formatted.contains("# The network"));
}
