//! Scanning CloudFormation templates for CI (`zta scan`): each template is imported in memory,
//! the design validated, and every finding placed at the logical id it concerns in the
//! template it was read from (file, line, column), so that a pipeline or a code-scanning
//! service points at the template, not at a design nobody wrote. Folders are searched
//! recursively; a template that another one nests is scanned as part of its parent, once.
//!
//! Every scan states its coverage by resource: judged by a design rule (through the element it
//! became), judged by a generic check (carried verbatim), or not judged, listed by name.

mod discover;
#[cfg(test)]
mod hostile;
mod key_position;
mod place;
mod render;

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use zta_model::{Design, SegmentKind};
use zta_rules::{Finding, Severity, Summary};

use crate::Result;
use crate::import::import_read_template;
pub use discover::SkippedPath;
use discover::{Candidate, Read};
use place::ReadTemplate;

/// The output formats of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanFormat {
    /// `file:line:column` lines for people and CI logs.
    Text,
    /// One JSON document.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

/// A finding placed in a template.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedResult {
    /// The finding as the rules gave it.
    #[serde(flatten)]
    pub finding: Finding,
    /// The template file, as the scan found it.
    pub file: String,
    /// The 1-based line of the logical id (or of the file's start when the finding concerns
    /// no resource of the template, such as a missing CloudTrail).
    pub line: u32,
    /// The 1-based column.
    pub column: u32,
    /// The logical id pointed at, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
}

/// A resource no rule judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnjudgedResource {
    /// The template file.
    pub file: String,
    /// The logical id.
    pub logical_id: String,
    /// The resource type.
    pub resource_type: String,
    /// Where it is written.
    pub line: u32,
    /// The column.
    pub column: u32,
}

/// How many resources the rules judged, and which they did not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResourceCoverage {
    /// Resources of the templates read, nested stacks' templates included (the nested stack
    /// resources themselves are not counted: their templates' resources are). A template that
    /// two parents nest is counted with each, as it is deployed with each.
    pub resources: usize,
    /// Resources that became (part of) an element a design rule judged.
    pub by_design_rules: usize,
    /// Resources carried verbatim that a generic check judged.
    pub by_generic_checks: usize,
    /// Every resource no rule judged.
    pub not_judged: Vec<UnjudgedResource>,
}

impl ResourceCoverage {
    fn add(&mut self, other: &ResourceCoverage) {
        self.resources += other.resources;
        self.by_design_rules += other.by_design_rules;
        self.by_generic_checks += other.by_generic_checks;
        self.not_judged.extend(other.not_judged.iter().cloned());
    }

    /// The share of resources judged, in percent (100 when there are none).
    pub fn judged_percent(&self) -> f64 {
        if self.resources == 0 {
            return 100.0;
        }
        (self.by_design_rules + self.by_generic_checks) as f64 * 100.0 / self.resources as f64
    }
}

/// One template scanned (with the templates it nests).
#[derive(Debug, Clone, Serialize)]
pub struct TemplateScan {
    /// The template file.
    pub file: String,
    /// Every file read for it: the template first, then its nested stacks' templates.
    pub files: Vec<String>,
    /// Its findings, placed, most severe first.
    pub findings: Vec<PlacedResult>,
    /// Its coverage.
    pub coverage: ResourceCoverage,
    /// Open findings by severity.
    pub summary: Summary,
    /// Rules about the account as a whole that the template alone cannot settle.
    pub not_evaluated: Vec<AccountWideRule>,
}

/// A rule about the account as a whole (CloudTrail, GuardDuty, Config, Security Hub, Access
/// Analyzer, Inspector, the root-use alarm) that a template scan does not judge: these services
/// are usually deployed once per account by other stacks, which the template does not show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountWideRule {
    /// The rule code.
    pub rule: String,
    /// The rule's title.
    pub title: String,
}

/// Why a template scan leaves the account-wide rules unjudged, in every format.
pub const ACCOUNT_WIDE_REASON: &str = "a template does not show what other stacks deploy in its account; judge the account with `zta import stack` of all its stacks, or `zta check` on its design";

/// A template that could not be scanned, so that nothing in it was judged.
#[derive(Debug, Clone, Serialize)]
pub struct ScanFailure {
    /// The file.
    pub file: String,
    /// Why, with the line when the parser gave one.
    pub error: String,
}

impl std::fmt::Display for ScanFailure {
    /// `not scanned: FILE: why`, naming the file once when the reason already starts with it
    /// (an import error reads `FILE:LINE:COLUMN: ...`).
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.error.strip_prefix(self.file.as_str()) {
            Some(rest) if rest.starts_with(':') => {
                write!(formatter, "not scanned: {}", self.error)
            }
            _ => write!(formatter, "not scanned: {}: {}", self.file, self.error),
        }
    }
}

/// The result of a scan.
#[derive(Debug, Clone, Serialize)]
pub struct Scan {
    /// The templates scanned, in the order found.
    pub templates: Vec<TemplateScan>,
    /// Templates that could not be scanned.
    pub failures: Vec<ScanFailure>,
    /// Files and folders passed over while searching folders, each with its reason.
    pub skipped: Vec<SkippedPath>,
    /// The coverage of all templates together.
    pub coverage: ResourceCoverage,
    /// Open findings by severity, all templates together.
    pub summary: Summary,
}

impl Scan {
    /// Whether any open finding is at or above the threshold.
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.summary.at_or_above(threshold) > 0
    }

    /// The account-wide rules left unjudged in any template, each once, in the order met.
    pub fn account_wide_rules(&self) -> Vec<&AccountWideRule> {
        let mut rules: Vec<&AccountWideRule> = Vec::new();
        for rule in self
            .templates
            .iter()
            .flat_map(|template| &template.not_evaluated)
        {
            if !rules.iter().any(|known| known.rule == rule.rule) {
                rules.push(rule);
            }
        }
        rules
    }

    /// Renders the scan.
    pub fn render(&self, format: ScanFormat) -> String {
        match format {
            ScanFormat::Text => render::text(self),
            ScanFormat::Json => {
                let mut text = serde_json::to_string_pretty(self)
                    .expect("scan results hold only strings, numbers and lists");
                text.push('\n');
                text
            }
            ScanFormat::Sarif => render::sarif(self),
        }
    }
}

/// Scans template files and folders. Folders are searched recursively for `.yaml`, `.yml`,
/// `.json` and `.template` files that hold a `Resources` section (designs, hidden entries and
/// symbolic links are passed over and listed); a file named on the command line is always
/// scanned. A nested stack's template is read only from inside its parent's folder (see
/// [`crate::import_cloudformation`]), and a template that another one nests is reported with
/// its parent, not on its own. Templates are read and judged one at a time, so that memory
/// holds one template's design at most. Fails only when a given path cannot be read at all.
pub fn scan(paths: &[PathBuf]) -> Result<Scan> {
    let (candidates, mut skipped) = discover::candidates(paths)?;
    let mut templates = Vec::new();
    let mut failures = Vec::new();
    let mut nested = HashSet::new();
    for candidate in &candidates {
        let file = candidate.path.display().to_string();
        match discover::read(candidate) {
            Read::Template(text) => match scan_template(candidate, &file, &text) {
                Ok((template, nested_files)) => {
                    nested.extend(nested_files);
                    templates.push((candidate, template));
                }
                Err(error) => failures.push((candidate, ScanFailure { file, error })),
            },
            Read::Skipped(reason) => skipped.push(SkippedPath { file, reason }),
            Read::Failed(error) => failures.push((candidate, ScanFailure { file, error })),
        }
    }
    // A nested template found in the folder too was judged with its parent, where its
    // parameters are given; on its own it would be judged (or fail) a second time.
    let is_nested = |candidate: &Candidate| {
        !candidate.named
            && candidate
                .path
                .canonicalize()
                .is_ok_and(|real| nested.contains(&real))
    };
    let templates: Vec<TemplateScan> = templates
        .into_iter()
        .filter(|(candidate, _)| !is_nested(candidate))
        .map(|(_, template)| template)
        .collect();
    let failures: Vec<ScanFailure> = failures
        .into_iter()
        .filter(|(candidate, _)| !is_nested(candidate))
        .map(|(_, failure)| failure)
        .collect();
    let mut coverage = ResourceCoverage::default();
    let mut findings: Vec<Finding> = Vec::new();
    for template in &templates {
        coverage.add(&template.coverage);
        findings.extend(
            template
                .findings
                .iter()
                .map(|placed| placed.finding.clone()),
        );
    }
    Ok(Scan {
        summary: Summary::of(&findings),
        templates,
        failures,
        skipped,
        coverage,
    })
}

/// Imports, validates and places one template; gives the real paths of the nested templates
/// it read, or why it could not be scanned.
fn scan_template(
    candidate: &Candidate,
    file: &str,
    text: &str,
) -> std::result::Result<(TemplateScan, Vec<PathBuf>), String> {
    let nested_read = RefCell::new(Vec::new());
    let outcome = import_read_template(&candidate.path, text, None, &|_| true, Some(&nested_read))
        .map_err(|error| error.to_string())?;
    let nested_read = nested_read.into_inner();
    // Nested templates are named by real path in the import; the scan names them as found
    // beside their parent, which is where the import reads them from.
    let real_folder = candidate
        .path
        .canonicalize()
        .ok()
        .and_then(|real| real.parent().map(Path::to_path_buf));
    let shown_folder = candidate.path.parent().unwrap_or(Path::new(""));
    let name = |origin: &str| -> String {
        real_folder
            .as_deref()
            .and_then(|folder| Path::new(origin).strip_prefix(folder).ok())
            .map_or_else(
                || origin.to_owned(),
                |inside| shown_folder.join(inside).display().to_string(),
            )
    };
    let mut report = zta_rules::validate(&outcome.design);
    let not_evaluated = take_account_wide(&mut report, &outcome.design);
    let read = ReadTemplate {
        file,
        text,
        nested: &nested_read,
    };
    let mut template = place::place(&read, &outcome.design, &outcome.report, &report, &name);
    template.not_evaluated = not_evaluated;
    let nested_files = nested_read
        .iter()
        .map(|nested| PathBuf::from(&nested.origin))
        .collect();
    Ok((template, nested_files))
}

/// Takes out of a template's report the findings about the account itself (their first element
/// is an account segment, which the importer assumes for the template), and names their rules:
/// a finding such as "account without CloudTrail" would claim what the template cannot show.
fn take_account_wide(report: &mut zta_rules::Report, design: &Design) -> Vec<AccountWideRule> {
    let is_account = |id: &str| {
        design
            .segments
            .iter()
            .any(|segment| segment.id == id && segment.kind == SegmentKind::Account)
    };
    let (account_wide, kept): (Vec<Finding>, Vec<Finding>) = std::mem::take(&mut report.findings)
        .into_iter()
        .partition(|finding| finding.elements.first().is_some_and(|id| is_account(id)));
    report.findings = kept;
    report.summary = Summary::of(&report.findings);
    let mut rules: Vec<AccountWideRule> = Vec::new();
    for finding in account_wide {
        if !rules.iter().any(|rule| rule.rule == finding.rule) {
            rules.push(AccountWideRule {
                rule: finding.rule,
                title: finding.title,
            });
        }
    }
    rules
}
