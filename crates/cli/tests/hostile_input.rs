//! Hostile input: every class of crafted design or template ends with a clear error (or a
//! success) within 10 seconds and 512 MB, and no file outside a template's folder is read.
//!
//! Each case runs the `zta` binary as a child through a small Python harness that applies a
//! time limit, caps the address space as a backstop, and reads the child's peak resident size
//! from `getrusage(RUSAGE_CHILDREN)` after it ends (the workspace forbids `unsafe`, which calling
//! `wait4` from Rust would need). Large inputs are generated here, never committed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Longest a case may take.
const TIME_LIMIT_SECONDS: u64 = 10;

/// Most memory a case may use, as peak resident size.
const MEMORY_LIMIT_KB: u64 = 512 * 1024;

/// The address-space cap the harness sets, well above the resident limit (allocators reserve
/// more than they touch), so that a runaway case fails fast instead of swapping the machine.
const ADDRESS_SPACE_LIMIT_BYTES: u64 = 4 * 1024 * 1024 * 1024;

const HARNESS: &str = r#"
import resource, subprocess, sys, time
stdout_path, stderr_path, seconds, cwd, address_space = sys.argv[1:6]
command = sys.argv[6:]
def cap():
    limit = int(address_space)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.monotonic()
with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
    try:
        code = subprocess.run(command, stdout=out, stderr=err, cwd=cwd, preexec_fn=cap,
                              timeout=float(seconds)).returncode
    except subprocess.TimeoutExpired:
        code = "timeout"
elapsed = time.monotonic() - start
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, f"{elapsed:.3f}")
"#;

/// How a bounded run of `zta` ended.
struct Run {
    /// The exit code, or `None` when the time limit killed it.
    code: Option<i32>,
    stdout: String,
    stderr: String,
    peak_rss_kb: u64,
    seconds: f64,
}

impl Run {
    /// Checks the bounds every case shares and prints the measurement.
    fn within_bounds(self, case: &str) -> Self {
        eprintln!(
            "{case}: exit {:?}, peak RSS {} MB, {:.2} s",
            self.code,
            self.peak_rss_kb / 1024,
            self.seconds
        );
        assert!(
            self.code.is_some(),
            "{case}: still running after {TIME_LIMIT_SECONDS} s"
        );
        assert!(
            self.peak_rss_kb < MEMORY_LIMIT_KB,
            "{case}: peak RSS {} MB is over 512 MB",
            self.peak_rss_kb / 1024
        );
        assert!(
            !self.stderr.contains("panicked"),
            "{case}: panicked: {}",
            self.stderr
        );
        self
    }
}

/// Runs `zta ARGS` in `cwd` under the harness; `None` (with a note) when Python is missing.
fn zta_bounded(cwd: &Path, args: &[&str]) -> Option<Run> {
    let capture = tempfile::tempdir().unwrap();
    let stdout_path = capture.path().join("stdout");
    let stderr_path = capture.path().join("stderr");
    let output = match Command::new("python3")
        .arg("-c")
        .arg(HARNESS)
        .arg(&stdout_path)
        .arg(&stderr_path)
        .arg(TIME_LIMIT_SECONDS.to_string())
        .arg(cwd)
        .arg(ADDRESS_SPACE_LIMIT_BYTES.to_string())
        .arg(env!("CARGO_BIN_EXE_zta"))
        .args(args)
        .output()
    {
        Ok(output) => output,
        Err(error) => {
            eprintln!("skipping: python3 is needed to measure the child's memory ({error})");
            return None;
        }
    };
    let report = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<&str> = report.split_whitespace().collect();
    let [code, rss, seconds] = fields.as_slice() else {
        panic!(
            "the harness failed: {report}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    Some(Run {
        code: code.parse().ok(),
        stdout: std::fs::read_to_string(&stdout_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&stderr_path).unwrap_or_default(),
        peak_rss_kb: rss.parse().unwrap(),
        seconds: seconds.parse().unwrap(),
    })
}

fn write(path: &Path, text: &str) -> PathBuf {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples")
            .join(name),
    )
    .unwrap()
}

// Designs.

#[test]
fn carried_cloudformation_is_validated_and_named_by_logical_id() {
    let folder = tempfile::tempdir().unwrap();
    // The issue's example: an administrator user, its access key's secret in an output, and a
    // database password written in the template, all carried verbatim and drawn nowhere.
    let design = write(
        &folder.path().join("carried.zta.yaml"),
        r#"schema_version: 1
name: Carried administrator
carried_cloudformation:
  Resources:
    AdminUser:
      Type: AWS::IAM::User
      Properties:
        ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
    AdminKey:
      Type: AWS::IAM::AccessKey
      Properties: {UserName: {Ref: AdminUser}}
    Database:
      Type: AWS::RDS::DBInstance
      Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, MasterUsername: admin, MasterUserPassword: hunter2hunter2}
  Outputs:
    AdminSecret:
      Value: {Fn::GetAtt: [AdminKey, SecretAccessKey]}
"#,
    );
    let output = Command::new(env!("CARGO_BIN_EXE_zta"))
        .args(["validate", "--fail-on", "low"])
        .arg(&design)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(1), "{text}");
    for expected in [
        "ZT-IAM-012",
        "`AdminUser`",
        "ZT-DATA-013",
        "`Database`",
        "MasterUserPassword",
        "ZT-DATA-014",
        "`AdminSecret`",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` missing from:\n{text}"
        );
    }
    assert!(
        !text.contains("hunter2"),
        "a finding printed the secret:\n{text}"
    );
}

#[test]
fn a_deep_block_sequence_in_a_design_is_refused_where_it_passes_the_limit() {
    let folder = tempfile::tempdir().unwrap();
    let text = format!(
        "schema_version: 1\nname: x\nsegments:\n{}x\n",
        "- ".repeat(100_000)
    );
    write(&folder.path().join("deep.zta.yaml"), &text);
    let Some(run) = zta_bounded(folder.path(), &["check", "deep.zta.yaml"]) else {
        return;
    };
    let run = run.within_bounds("deep design");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("deep.zta.yaml:4:127: values nest deeper than the limit of 64 levels"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_aliased_string_in_a_design_is_refused_by_size() {
    let folder = tempfile::tempdir().unwrap();
    let mut text = format!(
        "schema_version: 1\nname: &name {}\ndescription: [",
        "x".repeat(100_000)
    );
    text.push_str(&"*name, ".repeat(9_000));
    text.push_str("*name]\n");
    write(&folder.path().join("aliases.zta.yaml"), &text);
    let Some(run) = zta_bounded(folder.path(), &["check", "aliases.zta.yaml"]) else {
        return;
    };
    let run = run.within_bounds("aliased design");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("aliases.zta.yaml:3:")
            && run.stderr.contains("YAML aliases expand to more than"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_endless_file_named_as_a_design_is_refused_at_the_size_limit() {
    let folder = tempfile::tempdir().unwrap();
    let Some(run) = zta_bounded(folder.path(), &["check", "/dev/zero"]) else {
        return;
    };
    let run = run.within_bounds("/dev/zero design");
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("larger than 16 MiB"), "{}", run.stderr);
}

#[test]
fn a_byte_order_mark_and_a_text_version_get_the_right_messages() {
    let folder = tempfile::tempdir().unwrap();
    let text = example("three-tier-web-app.zta.yaml");
    write(
        &folder.path().join("bom.zta.yaml"),
        &format!("\u{feff}{text}"),
    );
    let Some(run) = zta_bounded(folder.path(), &["check", "bom.zta.yaml"]) else {
        return;
    };
    let run = run.within_bounds("byte-order mark");
    assert_eq!(run.code, Some(0), "{}", run.stderr);

    let text = text.replace("schema_version: 1", "schema_version: \"1\"");
    write(&folder.path().join("text.zta.yaml"), &text);
    let run = zta_bounded(folder.path(), &["check", "text.zta.yaml"])
        .unwrap()
        .within_bounds("text version");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "text.zta.yaml:2:17: `schema_version` is the text \"1\"; write it as a number"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_keys_in_a_design_are_located() {
    let folder = tempfile::tempdir().unwrap();
    let text =
        example("three-tier-web-app.zta.yaml").replacen("segments:", "name: again\nsegments:", 1);
    write(&folder.path().join("twice.zta.yaml"), &text);
    let Some(run) = zta_bounded(folder.path(), &["check", "twice.zta.yaml"]) else {
        return;
    };
    let run = run.within_bounds("duplicate keys");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let line = text.lines().position(|line| line == "name: again").unwrap() + 1;
    assert!(
        run.stderr.contains(&format!(
            "twice.zta.yaml:{line}:1: duplicate key `name` (first written at line 3, column 1)"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_very_long_design_name_exports_stacks_named_within_the_limit() {
    let folder = tempfile::tempdir().unwrap();
    let long_name = "Payments platform ".repeat(17);
    let text = example("multi-account-transit.zta.yaml").replacen(
        "\nname: ",
        &format!("\nname: {long_name}was "),
        1,
    );
    write(&folder.path().join("long.zta.yaml"), &text);
    let Some(run) = zta_bounded(
        folder.path(),
        &["export", "cfn", "long.zta.yaml", "-o", "stacks"],
    ) else {
        return;
    };
    let run = run.within_bounds("long design name");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder.path().join("stacks/manifest.json")).unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = manifest["stacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|stack| stack["name"].as_str().unwrap())
        .collect();
    assert!(names.len() > 1, "{manifest}");
    for name in &names {
        assert!(name.len() <= 128, "{name} is {} characters", name.len());
    }
    let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
    assert_eq!(
        unique.len(),
        names.len(),
        "shortened names collide: {names:?}"
    );
}

// Templates.

/// A template holding one nested stack with the given `TemplateURL`, in `folder/in/`.
fn parent_template(folder: &Path, url: &str) -> PathBuf {
    write(
        &folder.join("in/parent.yaml"),
        &format!(
            "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Child:\n    Type: \
             AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: {url}\n"
        ),
    )
}

/// A valid template outside the parent's folder whose content must never reach the output.
fn canary(folder: &Path) -> PathBuf {
    write(
        &folder.join("outside/canary.yaml"),
        "Resources:\n  CanaryBucketNeverRead:\n    Type: AWS::S3::Bucket\n",
    )
}

/// Imports `in/parent.yaml` and checks that the import was refused at the `TemplateURL`'s
/// line with `reason`, and that the canary appears nowhere.
fn assert_nested_refused(folder: &Path, case: &str, reason: &str) {
    let Some(run) = zta_bounded(
        folder,
        &["import", "cfn", "in/parent.yaml", "-o", "out.zta.yaml"],
    ) else {
        return;
    };
    let run = run.within_bounds(case);
    assert_eq!(run.code, Some(2), "{case}: {}", run.stderr);
    assert!(
        run.stderr
            .contains("in/parent.yaml:6:20: nested stack Child: TemplateURL")
            && run.stderr.contains(reason),
        "{case}: {}",
        run.stderr
    );
    assert!(
        !folder.join("out.zta.yaml").exists(),
        "{case}: a design was written"
    );
    assert!(
        !run.stdout.contains("CanaryBucketNeverRead")
            && !run.stderr.contains("CanaryBucketNeverRead"),
        "{case}: the canary was read"
    );
}

#[test]
fn a_nested_template_url_climbing_out_of_the_folder_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    canary(folder.path());
    parent_template(
        folder.path(),
        "https://s3.amazonaws.com/bucket/../outside/canary.yaml",
    );
    assert_nested_refused(
        folder.path(),
        "`..` in the URL",
        "leaves the template's folder",
    );

    parent_template(folder.path(), "../../../../../../../../dev/zero");
    assert_nested_refused(
        folder.path(),
        "`..` to /dev/zero",
        "leaves the template's folder",
    );
}

#[test]
fn a_nested_template_reached_through_a_link_leading_out_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let canary = canary(folder.path());
    parent_template(folder.path(), "https://bucket.s3.amazonaws.com/child.yaml");
    std::os::unix::fs::symlink(&canary, folder.path().join("in/child.yaml")).unwrap();
    assert_nested_refused(
        folder.path(),
        "link to a file outside",
        "through a symbolic link",
    );

    // A folder link inside the tree that leads out is refused the same way.
    std::fs::remove_file(folder.path().join("in/child.yaml")).unwrap();
    std::os::unix::fs::symlink(
        folder.path().join("outside"),
        folder.path().join("in/stacks"),
    )
    .unwrap();
    parent_template(
        folder.path(),
        "https://bucket.s3.amazonaws.com/stacks/canary.yaml",
    );
    assert_nested_refused(
        folder.path(),
        "folder link leading out",
        "through a symbolic link",
    );

    std::os::unix::fs::symlink("/dev/zero", folder.path().join("in/zero.yaml")).unwrap();
    parent_template(folder.path(), "zero.yaml");
    assert_nested_refused(
        folder.path(),
        "link to /dev/zero",
        "through a symbolic link",
    );
}

#[test]
fn a_nested_template_that_is_a_fifo_or_too_large_is_refused_without_waiting() {
    let folder = tempfile::tempdir().unwrap();
    canary(folder.path());
    parent_template(folder.path(), "child.yaml");
    std::fs::create_dir_all(folder.path().join("in")).unwrap();
    let made = Command::new("mkfifo")
        .arg(folder.path().join("in/child.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    assert_nested_refused(folder.path(), "FIFO", "is not a regular file");

    std::fs::remove_file(folder.path().join("in/child.yaml")).unwrap();
    let big = std::fs::File::create(folder.path().join("in/child.yaml")).unwrap();
    big.set_len(17 * 1024 * 1024).unwrap();
    assert_nested_refused(folder.path(), "sparse 17 MiB file", "over the limit of");
}

#[test]
fn a_nested_template_inside_the_folder_is_imported() {
    let folder = tempfile::tempdir().unwrap();
    canary(folder.path());
    parent_template(
        folder.path(),
        "https://bucket.s3.amazonaws.com/prefix/stacks/child.yaml",
    );
    write(
        &folder.path().join("in/stacks/child.yaml"),
        "Resources:\n  ChildBucket:\n    Type: AWS::S3::Bucket\n",
    );
    let Some(run) = zta_bounded(
        folder.path(),
        &["import", "cfn", "in/parent.yaml", "-o", "out.zta.yaml"],
    ) else {
        return;
    };
    let run = run.within_bounds("nested inside");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let design = std::fs::read_to_string(folder.path().join("out.zta.yaml")).unwrap();
    assert!(design.contains("ChildChildBucket"), "{design}");
}

/// Imports a generated template and returns the bounded run.
fn import_generated(name: &str, text: &str, case: &str) -> Option<Run> {
    let folder = tempfile::tempdir().unwrap();
    write(&folder.path().join(name), text);
    let run = zta_bounded(
        folder.path(),
        &["import", "cfn", name, "-o", "out.zta.yaml"],
    )?;
    Some(run.within_bounds(case))
}

#[test]
fn a_template_alias_bomb_by_size_is_refused() {
    // One anchored string of a megabyte, aliased four thousand times: 4 GB if expanded.
    let mut text = format!(
        "Parameters:\n  Big:\n    Type: String\n    Default: &big {}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [",
        "x".repeat(1024 * 1024)
    );
    text.push_str(&"*big, ".repeat(4000));
    text.push_str("*big]\n");
    let Some(run) = import_generated("bomb.yaml", &text, "template alias bomb") else {
        return;
    };
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("bomb.yaml:9:") && run.stderr.contains("refusing to go further"),
        "{}",
        run.stderr
    );
}

#[test]
fn conditions_nested_ten_deep_are_decided_once_each() {
    let mut text = String::from(
        "Parameters:\n  Env:\n    Type: String\n    Default: prod\nConditions:\n  C0: !Equals [!Ref Env, prod]\n",
    );
    for level in 1..=30 {
        let below = level - 1;
        text.push_str(&format!(
            "  C{level}: !And [!Condition C{below}, !Condition C{below}]\n"
        ));
    }
    text.push_str(
        "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Condition: C30\n    Properties:\n      BucketName: !If [C30, a, b]\n",
    );
    let Some(run) = import_generated("conditions.yaml", &text, "conditions") else {
        return;
    };
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn nested_for_each_loops_are_refused_by_count() {
    let names: Vec<String> = (0..40).map(|index| format!("N{index}")).collect();
    let list = format!("[{}]", names.join(", "));
    let mut body = "Bucket${A}${B}${C}${D}${E}:\n  Type: AWS::S3::Bucket\n".to_owned();
    for identifier in ["E", "D", "C", "B", "A"] {
        let indented: String = body.lines().map(|line| format!("    {line}\n")).collect();
        body = format!(
            "Fn::ForEach::Loop{identifier}:\n  - {identifier}\n  - {list}\n  -\n{indented}"
        );
    }
    let resources: String = body.lines().map(|line| format!("  {line}\n")).collect();
    let text = format!("Transform: AWS::LanguageExtensions\nResources:\n{resources}");
    let Some(run) = import_generated("loops.yaml", &text, "nested Fn::ForEach") else {
        return;
    };
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("loops.yaml:") && run.stderr.contains("refusing to go further"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_large_default_copied_by_sub_and_join_stays_bounded() {
    let mut text = format!(
        "Parameters:\n  Big:\n    Type: String\n    Default: {}\nResources:\n",
        "y".repeat(512 * 1024)
    );
    for index in 0..2000 {
        text.push_str(&format!(
            "  Bucket{index}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${{Big}}${{Big}}${{Big}}${{Big}}'\n      Tags:\n        - Key: k\n          Value: !Join ['', [!Ref Big, !Ref Big, !Ref Big]]\n"
        ));
    }
    let Some(run) = import_generated("copies.yaml", &text, "Sub and Join copies") else {
        return;
    };
    // Resolution charges what it copies, so the import ends within the bounds.
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_minified_four_megabyte_template_is_read_in_linear_time() {
    let tags: Vec<String> = (0..100_000)
        .map(|index| format!("{{\"Key\":\"tag-{index}\",\"Value\":\"value-{index}-é\"}}"))
        .collect();
    let text = format!(
        "{{\"Resources\":{{\"Bucket\":{{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{{\"Tags\":[{}]}}}}}},\"Outputs\":{{\"Name\":{{\"Value\":{{\"Ref\":\"Bucket\"}}}}}}}}",
        tags.join(",")
    );
    assert!(text.len() > 3_000_000 && !text.contains('\n'));
    let Some(run) = import_generated("minified.json", &text, "minified JSON") else {
        return;
    };
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn template_syntax_depth_and_size_errors_exit_two_with_a_position() {
    for (name, text, expected) in [
        (
            "broken.yaml",
            "Resources:\n  A: [unclosed\n".to_owned(),
            "broken.yaml:3:1:",
        ),
        (
            "deep.json",
            format!("{}1{}", "[".repeat(200_000), "]".repeat(200_000)),
            "deep.json:1:129: values nest deeper than the limit of 128 levels",
        ),
        (
            "huge.yaml",
            format!("Description: {}\n", "z".repeat(17 * 1024 * 1024)),
            "larger than 16777216 bytes",
        ),
    ] {
        let Some(run) = import_generated(name, &text, name) else {
            return;
        };
        assert_eq!(run.code, Some(2), "{name}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{name}: {}", run.stderr);
    }
    let folder = tempfile::tempdir().unwrap();
    let Some(run) = zta_bounded(
        folder.path(),
        &["import", "cfn", "/dev/zero", "-o", "out.zta.yaml"],
    ) else {
        return;
    };
    let run = run.within_bounds("/dev/zero template");
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}

#[test]
fn a_scanned_folder_of_links_loops_junk_and_escapes_is_judged_within_bounds() {
    let folder = tempfile::tempdir().unwrap();
    canary(folder.path());
    let scanned = folder.path().join("scanned");
    write(
        &scanned.join("escape.yaml"),
        "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      \
         TemplateURL: ../outside/canary.yaml\n",
    );
    std::os::unix::fs::symlink(".", scanned.join("loop")).unwrap();
    std::os::unix::fs::symlink("../outside/canary.yaml", scanned.join("link.yaml")).unwrap();
    // Sparse: 50 MB by its size, which is all the scan looks at before passing it over.
    std::fs::File::create(scanned.join("huge.json"))
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let junk: Vec<u8> = (0..65_536u32)
        .map(|index| (index * 167 % 256) as u8)
        .collect();
    std::fs::write(scanned.join("junk.yaml"), junk).unwrap();
    let made = Command::new("mkfifo")
        .arg(scanned.join("pipe.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    let Some(run) = zta_bounded(
        folder.path(),
        &["scan", "scanned", "/dev/zero", "--format", "json"],
    ) else {
        return;
    };
    let run = run.within_bounds("scan of a hostile folder");
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        !run.stdout.contains("CanaryBucketNeverRead")
            && !run.stderr.contains("CanaryBucketNeverRead"),
        "the canary was read"
    );
    let scan: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files = |list: &str| -> Vec<String> {
        scan[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["file"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        files("failures"),
        ["scanned/escape.yaml", "/dev/zero"],
        "{:#}",
        scan["failures"]
    );
    let mut skipped = files("skipped");
    skipped.sort();
    assert_eq!(
        skipped,
        [
            "scanned/huge.json",
            "scanned/junk.yaml",
            "scanned/link.yaml",
            "scanned/loop",
            "scanned/pipe.yaml"
        ],
        "{:#}",
        scan["skipped"]
    );
}
