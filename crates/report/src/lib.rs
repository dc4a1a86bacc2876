//! Reports for ZTA Designer: one report model (design, findings with their evidence
//! chains, compliance matrices, zero-trust scores, PCI scope) built from a design and
//! its validation, and renderers that present it as PDF, JSON and Markdown.
//!
//! **Invariant:** rendering does no I/O; callers write the bytes where they want them.

pub mod build;
pub mod error;
mod from_rules;
pub mod input;
pub mod json;
pub mod markdown;
pub mod model;
pub mod pdf;

pub use build::build;
pub use error::{Error, Result};
pub use from_rules::rule_descriptors;
pub use input::{FindingInput, PciScopeInput, ReportOptions, RuleInput, Validation};
pub use model::{ExportEvidence, Report};
pub use pdf::Paper;

/// The output formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Pdf,
    Json,
    Markdown,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "json" => Ok(Format::Json),
            "md" | "markdown" => Ok(Format::Markdown),
            other => Err(format!(
                "unknown report format `{other}`; expected pdf, json or md"
            )),
        }
    }
}

/// Renders a report in a format; `paper` matters only for PDF.
pub fn render(report: &Report, format: Format, paper: Paper) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Pdf => pdf::render(report, paper)?,
        Format::Json => json::render(report)?.into_bytes(),
        Format::Markdown => markdown::render(report).into_bytes(),
    })
}
