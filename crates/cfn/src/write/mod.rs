//! Writers for templates and values: YAML with CloudFormation's short-form tags, and JSON. Both
//! are stable (the same template always gives the same bytes) and both read back to the same
//! template.

mod json;
mod scalar;
mod yaml;

use crate::template::Template;
use crate::value::Value;

pub use scalar::needs_quotes;

/// The template as YAML, with short-form tags (`!Ref`, `!GetAtt A.B`, `!Sub`) and every string
/// that YAML 1.1 would read as something else (`ON`, `yes`, `0123`, `2012-10-17`) quoted.
pub fn to_yaml(template: &Template) -> String {
    yaml::document(&template.to_value())
}

/// The template as JSON, indented by two spaces, ending with a newline.
pub fn to_json(template: &Template) -> String {
    json::document(&template.to_value())
}

/// One value as a YAML document.
pub fn value_to_yaml(value: &Value) -> String {
    yaml::document(value)
}

/// One value as a JSON document.
pub fn value_to_json(value: &Value) -> String {
    json::document(value)
}

/// The YAML tag that stands for a tag name kept from a parsed file, such as `!Rain::Embed`.
pub(crate) fn tag_key(tag: &str) -> &str {
    tag.strip_prefix('!').unwrap_or(tag)
}
