//! The codec's module structure stays as ARCHITECTURE.md describes it: no file longer than the
//! limit, no cycle among its files, the policy helpers a leaf, and every component and identity
//! kind with a module of its own under `src/kinds/<category>/`.
//!
//! The graph is read from the source: a file depends on another when it names it in a path
//! (`use crate::export::builder::Builder`, `super::NewFlow`, `crate::policy::key_policy(..)`) or
//! calls into a child module it declares (`waf_web_acl::defaults(b)`). Method calls on a type
//! whose `impl` blocks are spread over several files (the importer's) are not paths and are not
//! seen; the test says nothing about them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a source file of the codec may be, in lines.
const MAX_LINES: usize = 800;

fn source_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src`, as its path relative to `src`.
fn source_files() -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![source_dir()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("the source folder is readable") {
            let path = entry.expect("a source entry is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let relative = path.strip_prefix(source_dir()).expect("inside src");
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// The module path of a file: `kinds/edge/mod.rs` is `["kinds", "edge"]`, `lib.rs` is `[]`.
fn module_of(file: &str) -> Vec<String> {
    let trimmed = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = trimmed.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The file that holds the longest prefix of `path` that is a module of this crate.
fn file_of(path: &[String], files: &BTreeSet<String>) -> Option<String> {
    for len in (1..=path.len()).rev() {
        let joined = path[..len].join("/");
        for candidate in [format!("{joined}.rs"), format!("{joined}/mod.rs")] {
            if files.contains(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// The text of a file without comments and string literals, which may mention paths.
fn code_of(text: &str) -> String {
    // A file's unit tests (`mod tests { use super::*; }`) name their own parent, not the file's.
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    let mut code = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let mut in_string = false;
        let mut escaped = false;
        for ch in line.chars() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if ch == '\\' {
                    escaped = true;
                } else if ch == '"' {
                    in_string = false;
                }
            } else if ch == '"' {
                in_string = true;
            } else {
                code.push(ch);
            }
        }
        code.push('\n');
    }
    code
}

/// The paths a file names, as module paths from the crate root: `crate::a::b`, `super::a`, and
/// the items of grouped imports (`use crate::kinds::identity::{iam_role, iam_user}`).
fn named_paths(file: &str, code: &str) -> Vec<Vec<String>> {
    let module = module_of(file);
    let is_mod_file = file.ends_with("mod.rs") || file == "lib.rs";
    let mut paths = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut index = 0;
    while index < bytes.len() {
        let rest: String = bytes[index..bytes.len().min(index + 7)].iter().collect();
        let at_word_start =
            index == 0 || !(bytes[index - 1].is_alphanumeric() || bytes[index - 1] == '_');
        if at_word_start && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            // Read the path: identifiers joined by `::`, then a brace group if one follows.
            let mut end = index;
            while end < bytes.len()
                && (bytes[end].is_alphanumeric() || bytes[end] == '_' || bytes[end] == ':')
            {
                end += 1;
            }
            let text: String = bytes[index..end].iter().collect();
            let mut parts: Vec<String> = text
                .split("::")
                .filter(|part| !part.is_empty())
                .map(str::to_owned)
                .collect();
            let base = if parts[0] == "crate" {
                parts.remove(0);
                Vec::new()
            } else {
                // `super` from `a/b.rs` (module a::b) is `a`; from `a/b/mod.rs` (also a::b) too.
                let mut base = module.clone();
                while parts.first().map(String::as_str) == Some("super") {
                    parts.remove(0);
                    base.pop();
                }
                let _ = is_mod_file;
                base
            };
            let mut prefix = base;
            prefix.extend(parts);
            if end < bytes.len() && bytes[end] == '{' {
                let close = bytes[end..]
                    .iter()
                    .position(|&c| c == '}')
                    .map_or(bytes.len(), |p| end + p);
                let group: String = bytes[end + 1..close].iter().collect();
                for item in group.split(',') {
                    let mut path = prefix.clone();
                    path.extend(
                        item.trim()
                            .split("::")
                            .filter(|part| !part.is_empty() && *part != "self")
                            .map(|part| part.trim().to_owned()),
                    );
                    paths.push(path);
                }
                index = close;
            } else {
                paths.push(prefix);
                index = end;
            }
        } else {
            index += 1;
        }
    }
    paths
}

/// Each file's dependencies on other files of the crate.
fn dependency_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<String> = source_files().into_iter().collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(source_dir().join(file)).expect("source is readable");
        let code = code_of(&text);
        let mut depends = BTreeSet::new();
        for path in named_paths(file, &code) {
            if let Some(target) = file_of(&path, &files) {
                depends.insert(target);
            }
        }
        // A parent that calls into a child module it declares (`child::function(..)`).
        let module = module_of(file);
        for line in code.lines() {
            let declared = line
                .trim()
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ")
                .strip_prefix("mod ")
                .and_then(|rest| rest.strip_suffix(';'));
            if let Some(child) = declared {
                let needle = format!("{child}::");
                let used = code.match_indices(&needle).any(|(at, _)| {
                    at == 0 || {
                        let before = code[..at].chars().next_back().unwrap_or(' ');
                        !(before.is_alphanumeric() || before == '_' || before == ':')
                    }
                });
                if used {
                    let mut path = module.clone();
                    path.push(child.to_owned());
                    if let Some(target) = file_of(&path, &files) {
                        depends.insert(target);
                    }
                }
            }
        }
        depends.remove(file);
        graph.insert(file.clone(), depends);
    }
    graph
}

/// A cycle of the graph, if it has one (depth-first search with colours).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        colour: &mut BTreeMap<String, Colour>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        colour.insert(node.to_owned(), Colour::Grey);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(Colour::White) {
                Colour::Grey => {
                    let start = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Colour::White => {
                    if let Some(cycle) = visit(next, graph, colour, stack) {
                        return Some(cycle);
                    }
                }
                Colour::Black => {}
            }
        }
        stack.pop();
        colour.insert(node.to_owned(), Colour::Black);
        None
    }
    let mut colour = BTreeMap::new();
    for node in graph.keys() {
        if colour.get(node).copied().unwrap_or(Colour::White) == Colour::White {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(node, graph, &mut colour, &mut stack) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn no_source_file_is_longer_than_the_limit() {
    let long: Vec<String> = source_files()
        .into_iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(source_dir().join(&file)).expect("readable");
            let lines = text.lines().count();
            (lines > MAX_LINES).then(|| format!("{file}: {lines} lines"))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn the_files_of_the_codec_form_no_cycle() {
    let graph = dependency_graph();
    // The graph must see the dependencies it is meant to check, or the test proves nothing.
    assert!(graph["kinds/edge/alb.rs"].contains("export/builder.rs"));
    assert!(graph["kinds/edge/mod.rs"].contains("kinds/edge/waf_web_acl.rs"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the modules depend on each other in a cycle: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn the_policy_helpers_are_a_leaf() {
    let graph = dependency_graph();
    assert_eq!(
        graph["policy.rs"],
        BTreeSet::new(),
        "policy.rs depends on other modules"
    );
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a.rs", vec!["b.rs"]),
        ("b.rs", vec!["c.rs"]),
        ("c.rs", vec!["a.rs"]),
    ]
    .into_iter()
    .map(|(node, next)| {
        (
            node.to_owned(),
            next.into_iter().map(str::to_owned).collect(),
        )
    })
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec![
            "a.rs".into(),
            "b.rs".into(),
            "c.rs".into(),
            "a.rs".into()
        ])
    );
}

#[test]
fn every_kind_has_a_module_of_its_own() {
    let files: BTreeSet<String> = source_files().into_iter().collect();
    let mut missing = Vec::new();
    for info in zta_model::component_kind::CATALOG {
        let category = match info.category {
            zta_model::Category::Network => "network",
            zta_model::Category::Edge => "edge",
            zta_model::Category::Compute => "compute",
            zta_model::Category::Data => "data",
            zta_model::Category::SecurityMonitoring => "monitoring",
        };
        let file = format!("kinds/{category}/{}.rs", info.name);
        if !files.contains(&file) {
            missing.push(file);
        }
    }
    for kind in [
        zta_model::IdentityKind::IamRole,
        zta_model::IdentityKind::IamUser,
        zta_model::IdentityKind::IamGroup,
        zta_model::IdentityKind::CognitoUserPool,
        zta_model::IdentityKind::PermissionSet,
        zta_model::IdentityKind::IdentityProvider,
    ] {
        let file = format!("kinds/identity/{}.rs", kind.as_str());
        if !files.contains(&file) {
            missing.push(file);
        }
    }
    assert!(missing.is_empty(), "kinds without a module: {missing:?}");
}
