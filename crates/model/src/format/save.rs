//! Writing a design as text, in its canonical order so that saving twice gives the same bytes
//! and a small change gives a small diff.

use crate::Design;

/// The design as canonical YAML. `header` is a comment block to keep at the top of the file
/// (such as a `yaml-language-server` schema line), written as given.
pub fn to_yaml(design: &Design, header: Option<&str>) -> String {
    let canonical = design.normalized();
    let body = serde_norway::to_string(&canonical)
        .expect("a design always serialises: it holds only strings, numbers and maps");
    match header {
        Some(header) if !header.is_empty() => {
            let mut text = header.trim_end_matches('\n').to_string();
            text.push('\n');
            text.push_str(&body);
            text
        }
        _ => body,
    }
}

/// The design as canonical, pretty-printed JSON.
pub fn to_json(design: &Design) -> String {
    let mut text = serde_json::to_string_pretty(&design.normalized())
        .expect("a design always serialises: it holds only strings, numbers and maps");
    text.push('\n');
    text
}

/// The block of comment lines at the top of a YAML file, so that saving keeps it.
pub fn leading_comment(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}
