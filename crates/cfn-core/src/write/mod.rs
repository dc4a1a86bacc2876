//! Writers for templates and values: YAML with CloudFormation's short-form tags, and JSON. Both
//! are stable (the same template always gives the same bytes) and both read back to the same
//! template. Both write from the template's [`Layout`], which borrows its values.

mod json;
mod scalar;
mod yaml;

use crate::template::layout::{Layout, resource_layout};
use crate::template::{Resource, Template};
use crate::value::Value;

pub use scalar::needs_quotes;

/// The template as YAML, with short-form tags (`!Ref`, `!GetAtt A.B`, `!Sub`) and every string
/// that YAML 1.1 would read as something else (`ON`, `yes`, `0123`, `2012-10-17`) quoted.
pub fn to_yaml(template: &Template) -> String {
    yaml::document(&template.layout())
}

/// The template as JSON, indented by two spaces, ending with a newline.
pub fn to_json(template: &Template) -> String {
    json::document(&template.layout())
}

/// The length in bytes of [`to_json`]'s text, measured without writing it: the size
/// CloudFormation's limits are checked against.
pub fn json_size(template: &Template) -> usize {
    json::document_size(&template.layout())
}

/// The bytes a resource adds to [`to_json`]'s text as an entry of the Resources section: its
/// separator, line, quoted name and body.
pub fn resource_entry_size(logical_id: &str, resource: &Resource) -> usize {
    json::resource_entry_size(logical_id, &resource_layout(resource))
}

/// The length in bytes of [`to_json`]'s text for `template` with resources added whose
/// [`resource_entry_size`]s add up to `entries` (`count` of them), measured without walking
/// those resources.
pub fn json_size_with_resources(template: &Template, entries: usize, count: usize) -> usize {
    let without = json_size(template);
    let has_entries = !template.resources.is_empty() || !template.resource_loops.is_empty();
    match (count, has_entries) {
        (0, _) => without,
        // The Resources mapping already has entries: each added one adds its own bytes.
        (_, true) => without + entries,
        // An empty mapping is written `{}`. With entries, its `{` is the first entry's separator
        // and its `}` goes on a line of its own, indented one level: a newline and two spaces more.
        (_, false) => without + entries + 2,
    }
}

/// One value as a YAML document.
pub fn value_to_yaml(value: &Value) -> String {
    yaml::document(&Layout::Value(value))
}

/// One value as a JSON document.
pub fn value_to_json(value: &Value) -> String {
    json::document(&Layout::Value(value))
}

/// The YAML tag that stands for a tag name kept from a parsed file, such as `!Rain::Embed`.
pub(crate) fn tag_key(tag: &str) -> &str {
    let tag = tag.strip_prefix('!').unwrap_or(tag);
    FUNCTION_TAGS
        .iter()
        .find(|(short, _)| *short == tag)
        .map_or(tag, |(_, key)| key)
}

/// CloudFormation's short forms that the template model keeps as tags (the `Rules` section's
/// functions and the language extensions'), with the long key each stands for: `!Contains` is
/// `Fn::Contains`, and a key without its `Fn::` is an error in any template.
const FUNCTION_TAGS: [(&str, &str); 8] = [
    ("Contains", "Fn::Contains"),
    ("EachMemberEquals", "Fn::EachMemberEquals"),
    ("EachMemberIn", "Fn::EachMemberIn"),
    ("RefAll", "Fn::RefAll"),
    ("ValueOf", "Fn::ValueOf"),
    ("ValueOfAll", "Fn::ValueOfAll"),
    ("Length", "Fn::Length"),
    ("ToJsonString", "Fn::ToJsonString"),
];

/// Hands `push` runs of spaces that add up to `width`, for indentation without a loop per space.
fn push_spaces(mut push: impl FnMut(&str), mut width: usize) {
    const SPACES: &str = "                                                                ";
    while width > 0 {
        let run = width.min(SPACES.len());
        push(&SPACES[..run]);
        width -= run;
    }
}
