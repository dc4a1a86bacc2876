//! Validating design files against the zero-trust rules, explaining rules, and comparing two
//! versions of a design for what changed in security: what `zta validate`, `zta rules`,
//! `zta rule` and `zta diff` (and the app's Findings panel) call.

use std::path::Path;

use zta_model::Design;
use zta_rules::Report;
use zta_rules::render::{self, SourceFile};
pub use zta_rules::{DesignDiff, Finding, Severity};

use crate::Result;

/// The output formats of a validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidationFormat {
    /// Grouped text for people.
    Text,
    /// The stable JSON contract.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

/// A validated design file: the design, its report, and the text the report points into.
pub struct Validation {
    /// The path the design was read from, as given.
    pub path: String,
    /// The design.
    pub design: Design,
    /// The findings and analyses.
    pub report: Report,
    text: Option<String>,
}

impl Validation {
    /// Renders the report; `color` applies to text only.
    pub fn render(&self, format: ValidationFormat, color: bool) -> String {
        match format {
            ValidationFormat::Text => render::report_text(&self.report, color),
            ValidationFormat::Json => render::report_json(&self.report),
            ValidationFormat::Sarif => {
                let source = self.text.as_deref().map(|text| SourceFile {
                    uri: &self.path,
                    text,
                });
                render::report_sarif(&self.report, &self.design, source.as_ref())
            }
        }
    }
}

/// Loads a design file and validates it. Loading can fail (the file is unreadable or invalid);
/// validation itself never does.
pub fn validate_file(path: &Path) -> Result<Validation> {
    let design = crate::load_design(path)?;
    let report = zta_rules::validate(&design);
    Ok(Validation {
        path: path.display().to_string(),
        text: std::fs::read_to_string(path).ok(),
        design,
        report,
    })
}

/// Loads two versions of a design and compares them for security.
pub fn diff_files(old: &Path, new: &Path) -> Result<DesignDiff> {
    let old = crate::load_design(old)?;
    let new = crate::load_design(new)?;
    Ok(zta_rules::diff(&old, &new))
}

/// The formats of the rule catalog and of a security diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListingFormat {
    /// For people.
    Text,
    /// The stable JSON contract.
    Json,
}

/// Renders a security diff of two designs; `color` applies to text only.
pub fn render_diff(diff: &DesignDiff, format: ListingFormat, color: bool) -> String {
    match format {
        ListingFormat::Text => render::diff_text(diff, color),
        ListingFormat::Json => render::diff_json(diff),
    }
}

/// The rule catalog: every rule with its code, severity, tenets and pillar (`zta rules`).
pub fn rule_catalog(format: ListingFormat) -> String {
    match format {
        ListingFormat::Text => render::rules_text(),
        ListingFormat::Json => render::rules_json(),
    }
}

/// One rule's documentation, found by its code or name (`zta rule CODE`).
pub fn explain_rule(code: &str) -> Result<String> {
    Ok(render::rule_text(zta_rules::find_rule(code)?))
}
