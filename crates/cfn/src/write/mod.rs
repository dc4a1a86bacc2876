//! Writers for templates and values: YAML with CloudFormation's short-form tags, and JSON. Both
//! are stable (the same template always gives the same bytes) and both read back to the same
//! template. Both write from the template's [`Layout`], which borrows its values.

mod json;
mod scalar;
mod yaml;

use crate::template::Template;
use crate::template::layout::Layout;
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
    tag.strip_prefix('!').unwrap_or(tag)
}

/// Hands `push` runs of spaces that add up to `width`, for indentation without a loop per space.
fn push_spaces(mut push: impl FnMut(&str), mut width: usize) {
    const SPACES: &str = "                                                                ";
    while width > 0 {
        let run = width.min(SPACES.len());
        push(&SPACES[..run]);
        width -= run;
    }
}
