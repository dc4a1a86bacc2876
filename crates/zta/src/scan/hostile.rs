//! Scans of folders built to mislead: link loops, links and nested-stack URLs that lead out of
//! the folder, huge files, binary junk and FIFOs. Each is refused or passed over with a reason,
//! and nothing outside the scanned folder is read: the template kept outside holds a resource
//! whose name must appear nowhere in the scan.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use super::{Scan, scan};

/// A public bucket, so that a scan that read this file would report it by name.
const OUTSIDE_TEMPLATE: &str = "\
Resources:
  OutsideSecretBucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite
";

/// A scratch tree: `outside/secret.yaml`, and an empty `scanned/` beside it.
fn tree() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir(root.path().join("outside")).unwrap();
    std::fs::write(root.path().join("outside/secret.yaml"), OUTSIDE_TEMPLATE).unwrap();
    let scanned = root.path().join("scanned");
    std::fs::create_dir(&scanned).unwrap();
    (root, scanned)
}

/// A template nesting one stack, in the shape of the `AWS::CloudFormation::Stack` example
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-stack.html).
fn nesting(template_url: &str) -> String {
    format!(
        "AWSTemplateFormatVersion: '2010-09-09'\n\
         Resources:\n  \
           myStackWithParams:\n    \
             Type: AWS::CloudFormation::Stack\n    \
             Properties:\n      \
               TemplateURL: {template_url}\n      \
               Parameters:\n        \
                 InstanceType: t2.micro\n"
    )
}

fn nothing_from_outside(scan: &Scan) {
    let json = serde_json::to_string(scan).unwrap();
    assert!(!json.contains("OutsideSecretBucket"), "{json}");
    for template in &scan.templates {
        assert!(
            template.files.iter().all(|file| !file.contains("outside")),
            "{:?}",
            template.files
        );
    }
}

fn reason_for<'a>(scan: &'a Scan, path: &Path) -> &'a str {
    let file = path.display().to_string();
    scan.skipped
        .iter()
        .find(|skipped| skipped.file == file)
        .map(|skipped| skipped.reason.as_str())
        .unwrap_or_else(|| panic!("{file} is not listed as skipped: {:#?}", scan.skipped))
}

#[test]
fn links_and_loops_are_listed_and_not_followed() {
    let (_root, scanned) = tree();
    std::fs::write(scanned.join("main.yaml"), nesting("nested.yaml")).unwrap();
    symlink(".", scanned.join("loop")).unwrap();
    symlink("b", scanned.join("a")).unwrap();
    symlink("a", scanned.join("b")).unwrap();
    symlink("../outside/secret.yaml", scanned.join("secret.yaml")).unwrap();
    symlink("../outside", scanned.join("elsewhere")).unwrap();
    let scan = scan(std::slice::from_ref(&scanned)).unwrap();
    nothing_from_outside(&scan);
    for link in ["loop", "a", "b", "secret.yaml", "elsewhere"] {
        assert!(
            reason_for(&scan, &scanned.join(link)).contains("symbolic link"),
            "{link}"
        );
    }
    let files: Vec<&str> = scan.templates.iter().map(|t| t.file.as_str()).collect();
    assert_eq!(files, [scanned.join("main.yaml").display().to_string()]);
    assert!(scan.failures.is_empty(), "{:#?}", scan.failures);
}

#[test]
fn nested_stack_urls_that_lead_outside_are_refused_or_not_found() {
    let (root, scanned) = tree();
    let secret = root.path().join("outside/secret.yaml");
    let refused = [
        ("dotdot.yaml", nesting("../../etc/passwd")),
        ("parent.yaml", nesting("../outside/secret.yaml")),
        (
            "url.yaml",
            nesting("https://s3.amazonaws.com/bucket/../outside/secret.yaml"),
        ),
        (
            "linked.yaml",
            nesting("https://s3.amazonaws.com/bucket/sneaky.yaml"),
        ),
    ];
    // Only tails of an absolute path or URL are looked for, inside the folder, where they
    // are not: the nested stack is carried unread.
    let carried = [
        ("absolute.yaml", nesting(&secret.display().to_string())),
        (
            "file-url.yaml",
            nesting(&format!("file://{}", secret.display())),
        ),
        ("passwd.yaml", nesting("/etc/passwd")),
    ];
    for (name, text) in refused.iter().chain(&carried) {
        std::fs::write(scanned.join(name), text).unwrap();
    }
    symlink(&secret, scanned.join("sneaky.yaml")).unwrap();
    let scan = scan(std::slice::from_ref(&scanned)).unwrap();
    nothing_from_outside(&scan);
    for (name, _) in &refused {
        let file = scanned.join(name).display().to_string();
        let failure = scan
            .failures
            .iter()
            .find(|failure| failure.file == file)
            .unwrap_or_else(|| panic!("{name} was not refused: {:#?}", scan.failures));
        assert!(failure.error.contains("refusing"), "{failure:#?}");
    }
    assert_eq!(scan.failures.len(), refused.len(), "{:#?}", scan.failures);
    for (name, _) in &carried {
        let file = scanned.join(name).display().to_string();
        let template = scan
            .templates
            .iter()
            .find(|template| template.file == file)
            .unwrap_or_else(|| panic!("{name} was not scanned"));
        assert_eq!(template.files, [file]);
    }
}

#[test]
fn huge_files_binary_junk_and_fifos_are_passed_over_unread() {
    let (_root, scanned) = tree();
    // Sparse: 50 MB long, without writing 50 MB.
    let huge = scanned.join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let junk = scanned.join("junk.yaml");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|index| (index * 131 % 256) as u8)
        .collect();
    std::fs::write(&junk, bytes).unwrap();
    let fifo = scanned.join("pipe.yaml");
    // The workspace forbids `unsafe`, which calling mkfifo(3) would need.
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let scan = scan(std::slice::from_ref(&scanned)).unwrap();
    assert!(reason_for(&scan, &huge).contains("52428800 bytes"));
    assert!(reason_for(&scan, &junk).contains("not UTF-8"));
    assert!(reason_for(&scan, &fifo).contains("not a regular file"));
    assert!(scan.templates.is_empty() && scan.failures.is_empty());

    // Named on the command line, they are refused, not passed over: the user asked for them.
    let named = super::scan(&[huge, junk]).unwrap();
    assert_eq!(named.failures.len(), 2, "{:#?}", named.failures);
    assert!(named.failures[0].error.contains("52428800 bytes"));
    assert!(named.failures[1].error.contains("UTF-8"));
}

#[test]
fn the_search_ends_at_a_depth() {
    let (_root, scanned) = tree();
    let mut deep = scanned.clone();
    for _ in 0..40 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("main.yaml"), nesting("x.yaml")).unwrap();
    let scan = scan(&[scanned]).unwrap();
    assert!(scan.templates.is_empty());
    assert_eq!(scan.skipped.len(), 1, "{:#?}", scan.skipped);
    assert!(scan.skipped[0].reason.contains("deeper than"));
}
