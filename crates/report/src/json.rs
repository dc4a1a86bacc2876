//! The JSON renderer: the report model as pretty-printed JSON, for tools and for the
//! snapshot tests that pin what the report says.

use crate::error::Result;
use crate::model::Report;

/// Renders the report model as JSON.
pub fn render(report: &Report) -> Result<String> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}
