//! Renderers of one result model: a validation [`Report`](crate::Report) as text for people,
//! JSON for tools and SARIF 2.1.0 for code scanning; the rule catalog and documentation as text,
//! JSON and Markdown; and a security diff as text and JSON. One file per format.

mod docs;
mod json;
mod sarif;
mod text;

pub use docs::{rule_markdown, rule_text, rules_index_markdown, rules_text};
pub use json::{analyses_json, diff_json, report_json, rules_json};
pub use sarif::{PlacedFinding, SourceFile, placed_sarif, report_sarif};
pub use text::{diff_text, report_text};

use std::str::FromStr;

use crate::Error;

/// The output formats of `zta validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Grouped, optionally coloured text for people.
    Text,
    /// The stable JSON contract for tools.
    Json,
    /// SARIF 2.1.0 for code-scanning services.
    Sarif,
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            other => Err(Error::UnknownFormat(other.to_string())),
        }
    }
}
