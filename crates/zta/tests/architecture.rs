//! ARCHITECTURE.md's dependency picture is the crates' real dependency graph: each line of its
//! first code block names a crate and the project crates it depends on, and this test compares
//! those lines with the `[dependencies]` of every workspace member's `Cargo.toml`. A picture that
//! drifts from the manifests misleads the next reader more than no picture would.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The workspace members as directories relative to the root (`crates/model`, `src-tauri`), read
/// from the `members` list of the root manifest.
fn workspace_members(root: &Path) -> Vec<String> {
    let manifest = read(&root.join("Cargo.toml"));
    let list = manifest
        .split("members = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the root manifest lists its members");
    list.split(',')
        .map(|entry| entry.trim().trim_matches('"').to_string())
        .filter(|entry| !entry.is_empty())
        .collect()
}

/// The value of a `[package]` key such as `name = "zta-model"`.
fn package_name(manifest: &str) -> String {
    let package = manifest
        .split("[package]")
        .nth(1)
        .expect("a member manifest has a [package] table");
    package
        .lines()
        .find_map(|line| {
            let (key, value) = line.split_once('=')?;
            (key.trim() == "name").then(|| value.trim().trim_matches('"').to_string())
        })
        .expect("the package has a name")
}

/// The names of the dependencies listed in a manifest's `[dependencies]` table (not dev- or
/// build-dependencies), whether written `name = ...` or `name.workspace = true`.
fn normal_dependencies(manifest: &str) -> BTreeSet<String> {
    let mut in_table = false;
    let mut names = BTreeSet::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_table = line == "[dependencies]";
            continue;
        }
        if !in_table || line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((key, _)) = line.split_once('=') {
            let name = key.trim().split('.').next().unwrap_or_default();
            names.insert(name.trim_matches('"').to_string());
        }
    }
    names
}

/// Each member and the members it depends on, from the manifests.
fn manifest_graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let members = workspace_members(root);
    let manifests: Vec<(String, String)> = members
        .iter()
        .map(|member| (member.clone(), read(&root.join(member).join("Cargo.toml"))))
        .collect();
    let directory_of: BTreeMap<String, String> = manifests
        .iter()
        .map(|(member, manifest)| (package_name(manifest), member.clone()))
        .collect();
    manifests
        .iter()
        .map(|(member, manifest)| {
            let depends_on = normal_dependencies(manifest)
                .iter()
                .filter_map(|name| directory_of.get(name).cloned())
                .collect();
            (member.clone(), depends_on)
        })
        .collect()
}

/// Each crate of the picture and the crates it points at. A line is either
/// `crates/a ──► crates/b, crates/c   (comment)` or `crates/a: no project crate (comment)`.
fn pictured_graph(architecture: &str) -> BTreeMap<String, BTreeSet<String>> {
    let block = architecture
        .split("```")
        .nth(1)
        .expect("ARCHITECTURE.md opens with the dependency picture in a code block");
    let mut graph = BTreeMap::new();
    for line in block.lines().filter(|line| !line.trim().is_empty()) {
        let (from, targets) = if let Some((from, rest)) = line.split_once('►') {
            let rest = rest.split('(').next().unwrap_or_default();
            let targets: BTreeSet<String> = rest
                .split(',')
                .map(|target| target.trim().to_string())
                .filter(|target| !target.is_empty())
                .collect();
            (
                from.trim_end_matches(['─', ' ']).trim().to_string(),
                targets,
            )
        } else if let Some((from, rest)) = line.split_once(':') {
            assert!(
                rest.trim_start().starts_with("no project crate"),
                "a picture line without an arrow must say `no project crate`: {line}"
            );
            (from.trim().to_string(), BTreeSet::new())
        } else {
            panic!("a picture line is neither `a ──► b, c` nor `a: no project crate`: {line}");
        };
        assert!(
            graph.insert(from.clone(), targets).is_none(),
            "{from} appears twice on the left of the picture"
        );
    }
    graph
}

#[test]
fn the_architecture_picture_matches_the_manifests() {
    let root = repository_root();
    let pictured = pictured_graph(&read(&root.join("ARCHITECTURE.md")));
    let real = manifest_graph(&root);
    let mut differences = Vec::new();
    for (member, depends_on) in &real {
        match pictured.get(member) {
            None => differences.push(format!(
                "{member} is a workspace member the picture leaves out"
            )),
            Some(drawn) if drawn != depends_on => differences.push(format!(
                "{member}: the picture says {drawn:?}, its Cargo.toml says {depends_on:?}"
            )),
            Some(_) => {}
        }
    }
    for member in pictured.keys().filter(|member| !real.contains_key(*member)) {
        differences.push(format!("{member} is pictured but is no workspace member"));
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn the_picture_reader_reads_arrows_and_leaves() {
    let wrong =
        "x\n```\ncrates/a ──► crates/b, crates/c   (note)\ncrates/b: no project crate\n```\n";
    let graph = pictured_graph(wrong);
    assert_eq!(
        graph["crates/a"],
        BTreeSet::from(["crates/b".to_string(), "crates/c".to_string()])
    );
    assert!(graph["crates/b"].is_empty());
}

/// The crates below the API, by package name, and the paths by which the API once re-exported
/// them. A front end that names one of them has reached past the API.
const INNER_CRATES: [&str; 7] = [
    "zta-model",
    "zta-rules",
    "zta-compliance",
    "zta-report",
    "zta-cfn",
    "zta-cfn-core",
    "zta-aws",
];

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
    {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// What a front end's source or manifest says that reaches past the API.
fn reaches_past_the_api(root: &Path, front_end: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let manifest = read(&root.join(front_end).join("Cargo.toml"));
    for dependency in normal_dependencies(&manifest) {
        if INNER_CRATES.contains(&dependency.as_str()) {
            problems.push(format!("{front_end}/Cargo.toml depends on {dependency}"));
        }
    }
    let inner_paths: Vec<String> = INNER_CRATES
        .iter()
        .map(|name| name.replace('-', "_"))
        .chain(
            ["model", "rules", "compliance", "report", "cfn", "aws"]
                .iter()
                .map(|module| format!("zta::{module}")),
        )
        .collect();
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        let dir = root.join(front_end).join(dir);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
    }
    for file in files {
        let text = read(&file);
        for (number, line) in text.lines().enumerate() {
            for path in &inner_paths {
                let named = line.match_indices(path.as_str()).any(|(at, _)| {
                    let after = line[at + path.len()..].chars().next();
                    let before = line[..at].chars().next_back();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if named {
                    problems.push(format!(
                        "{}:{}: names `{path}`",
                        file.strip_prefix(root).unwrap_or(&file).display(),
                        number + 1
                    ));
                }
            }
        }
    }
    problems
}

/// The CLI and the app call the API crate for every use case and name nothing below it, so
/// that a capability behaves the same in both (ARCHITECTURE.md, "The API crate").
#[test]
fn the_front_ends_name_no_crate_below_the_api() {
    let root = repository_root();
    let problems: Vec<String> = ["crates/cli", "src-tauri"]
        .iter()
        .flat_map(|front_end| reaches_past_the_api(&root, front_end))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_api_check_catches_an_inner_path() {
    let root = tempfile::tempdir().unwrap();
    let front_end = root.path().join("front");
    std::fs::create_dir_all(front_end.join("src")).unwrap();
    std::fs::write(
        front_end.join("Cargo.toml"),
        "[package]\nname = \"front\"\n\n[dependencies]\nzta.workspace = true\nzta-rules.workspace = true\n",
    )
    .unwrap();
    std::fs::write(
        front_end.join("src/main.rs"),
        "use zta::rules::Severity;\nuse zta::Design;\nfn zta_model_like() {}\n",
    )
    .unwrap();
    let problems = reaches_past_the_api(root.path(), "front");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("zta-rules"), "{problems:?}");
    assert!(problems[1].contains("src/main.rs:1"), "{problems:?}");
}
