//! Scanning CloudFormation templates for CI (`zta scan`): each template is imported in memory,
//! the design validated, and every finding placed at the logical id it concerns in the
//! template it was read from (file, line, column), so that a pipeline or a code-scanning
//! service points at the template, not at a design nobody wrote. Folders are searched
//! recursively; a template that another one nests is scanned as part of its parent, once.
//!
//! Every scan states its coverage by resource: judged by a design rule (through the element it
//! became), judged by a generic check (carried verbatim), or not judged, listed by name.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use zta_cfn::{Disposition, ImportReport, ReportEntry};
use zta_model::Design;
use zta_rules::render::{PlacedFinding, placed_sarif};
use zta_rules::{Finding, Report, Severity, Summary};

use crate::{Error, Result};

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
    /// resources themselves are not counted: their templates' resources are).
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
}

/// A template that could not be scanned, so that nothing in it was judged.
#[derive(Debug, Clone, Serialize)]
pub struct ScanFailure {
    /// The file.
    pub file: String,
    /// Why, with the line when the parser gave one.
    pub error: String,
}

/// The result of a scan.
#[derive(Debug, Clone, Serialize)]
pub struct Scan {
    /// The templates scanned, in the order found.
    pub templates: Vec<TemplateScan>,
    /// Templates that could not be scanned.
    pub failures: Vec<ScanFailure>,
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

    /// Renders the scan.
    pub fn render(&self, format: ScanFormat) -> String {
        match format {
            ScanFormat::Text => self.text(),
            ScanFormat::Json => {
                let mut text = serde_json::to_string_pretty(self)
                    .expect("scan results hold only strings, numbers and lists");
                text.push('\n');
                text
            }
            ScanFormat::Sarif => self.sarif(),
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for template in &self.templates {
            for placed in &template.findings {
                let marker = if placed.finding.suppressed {
                    " [suppressed]"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "{}:{}:{}: {} {} {}{marker}\n    {}\n    fix: {}\n",
                    placed.file,
                    placed.line,
                    placed.column,
                    placed.finding.severity.as_str(),
                    placed.finding.rule,
                    placed.finding.title,
                    placed.finding.message,
                    placed.finding.remediation
                ));
            }
        }
        for failure in &self.failures {
            out.push_str(&format!(
                "{}: not scanned: {}\n",
                failure.file, failure.error
            ));
        }
        let summary = &self.summary;
        out.push_str(&format!(
            "\n{} template(s) scanned, {} not scanned: {} critical, {} high, {} medium, {} low, {} info\n",
            self.templates.len(),
            self.failures.len(),
            summary.critical,
            summary.high,
            summary.medium,
            summary.low,
            summary.info
        ));
        let coverage = &self.coverage;
        out.push_str(&format!(
            "Coverage: {} resources: {} judged by design rules, {} by generic checks, {} not judged ({:.1}% judged)\n",
            coverage.resources,
            coverage.by_design_rules,
            coverage.by_generic_checks,
            coverage.not_judged.len(),
            coverage.judged_percent()
        ));
        for resource in &coverage.not_judged {
            out.push_str(&format!(
                "  not judged: {}:{}:{}: {} ({})\n",
                resource.file,
                resource.line,
                resource.column,
                resource.logical_id,
                resource.resource_type
            ));
        }
        out
    }

    fn sarif(&self) -> String {
        let mut artifacts: Vec<String> = Vec::new();
        let mut placed = Vec::new();
        for template in &self.templates {
            for result in &template.findings {
                let artifact = match artifacts.iter().position(|file| *file == result.file) {
                    Some(index) => index,
                    None => {
                        artifacts.push(result.file.clone());
                        artifacts.len() - 1
                    }
                };
                let mut logical: Vec<(String, String)> = result
                    .logical_id
                    .iter()
                    .map(|id| (id.clone(), "resource".to_owned()))
                    .collect();
                logical.extend(
                    result
                        .finding
                        .elements
                        .iter()
                        .map(|id| (id.clone(), "element".to_owned())),
                );
                placed.push(PlacedFinding {
                    finding: &result.finding,
                    artifact,
                    line: result.line,
                    column: result.column,
                    logical,
                });
            }
        }
        let properties = serde_json::json!({
            "coverage": self.coverage,
            "notScanned": self.failures,
        });
        placed_sarif(&placed, &artifacts, properties)
    }
}

/// Scans template files and folders (searched recursively for `.yaml`, `.yml`, `.json` and
/// `.template` files that hold a `Resources` section; design files are skipped). A file named
/// on the command line is always scanned. Fails only when a path cannot be read at all.
pub fn scan(paths: &[PathBuf]) -> Result<Scan> {
    let mut candidates: Vec<(PathBuf, bool)> = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            collect_templates(path, &mut found, 0).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            found.sort();
            candidates.extend(found.into_iter().map(|file| (file, false)));
        } else {
            candidates.push((path.clone(), true));
        }
    }
    let mut imported = Vec::new();
    let mut failures = Vec::new();
    for (path, named) in &candidates {
        let file = path.display().to_string();
        if !named && !looks_like_template(path) {
            continue;
        }
        match crate::import_cloudformation(path, None) {
            Ok(outcome) => imported.push((path.clone(), outcome)),
            Err(error) => failures.push(ScanFailure {
                file,
                error: error.to_string(),
            }),
        }
    }
    // The display path of each file by its real path, so that nested templates (which the
    // import names by real path) are named as the scan found them.
    let display: HashMap<PathBuf, String> = candidates
        .iter()
        .filter_map(|(path, _)| Some((path.canonicalize().ok()?, path.display().to_string())))
        .collect();
    let nested: HashSet<PathBuf> = imported
        .iter()
        .flat_map(|(_, outcome)| outcome.report.templates.iter().skip(1))
        .filter_map(|origin| Path::new(origin).canonicalize().ok())
        .collect();
    let mut templates = Vec::new();
    for (path, outcome) in imported {
        let real = path.canonicalize().ok();
        if real.as_ref().is_some_and(|real| nested.contains(real)) {
            continue;
        }
        let name = |origin: &str| -> String {
            Path::new(origin)
                .canonicalize()
                .ok()
                .and_then(|real| display.get(&real).cloned())
                .unwrap_or_else(|| origin.to_owned())
        };
        let report = zta_rules::validate(&outcome.design);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        templates.push(place(
            &path.display().to_string(),
            &text,
            &outcome.design,
            &outcome.report,
            &report,
            &name,
        ));
    }
    let mut coverage = ResourceCoverage::default();
    let mut findings = Vec::new();
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
        coverage,
    })
}

/// How deep folders are searched: deep enough for any repository layout, and an end to a
/// crafted tree.
const MAX_FOLDER_DEPTH: usize = 32;

/// Collects the files under `folder` that may be templates. Hidden folders (`.git`) and
/// symbolic links are not followed, so that the search stays inside the tree and ends.
fn collect_templates(folder: &Path, found: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    if depth > MAX_FOLDER_DEPTH {
        return Ok(());
    }
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            collect_templates(&path, found, depth + 1)?;
        } else if kind.is_file() && is_template_name(&name) {
            found.push(path);
        }
    }
    Ok(())
}

fn is_template_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let design = lower.ends_with(".zta.yaml") || lower.ends_with(".zta.json");
    !design
        && [".yaml", ".yml", ".json", ".template"]
            .iter()
            .any(|extension| lower.ends_with(extension))
}

/// Whether a file found in a folder says it is a template: it has a `Resources` key. Files
/// that do not (workflows, package manifests) are not templates and are passed over; a file
/// that has one but does not import is reported as not scanned.
fn looks_like_template(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return true;
    };
    text.lines().any(|line| {
        let line = line.trim_start_matches([' ', '{', '\t']);
        line.starts_with("Resources:") || line.starts_with("\"Resources\"")
    })
}

/// Places a template's findings and measures its coverage.
fn place(
    file: &str,
    text: &str,
    design: &Design,
    imported: &ImportReport,
    report: &Report,
    name: &dyn Fn(&str) -> String,
) -> TemplateScan {
    let entry_file = |entry: &ReportEntry| name(&entry.template);
    let name_of = |origin: &str| name(origin);
    let mut by_element: HashMap<&str, &ReportEntry> = HashMap::new();
    let mut by_carried: HashMap<&str, &ReportEntry> = HashMap::new();
    for entry in &imported.entries {
        by_carried.insert(entry.design_logical_id.as_str(), entry);
        if let Some(element) = element_of(&entry.disposition) {
            by_element.entry(element).or_insert(entry);
        }
    }
    let declared = Declarations::read(file, text, imported);
    let at = |entry: &ReportEntry| {
        let location = entry.location.unwrap_or_default();
        (
            entry_file(entry),
            location.line.max(1),
            location.column.max(1),
            Some(entry.logical_id.clone()),
        )
    };
    let mut findings = Vec::new();
    for finding in &report.findings {
        let mut place = None;
        let mut parts = finding
            .carried
            .as_deref()
            .unwrap_or_default()
            .splitn(3, '.')
            .skip(1);
        if let (Some(section), Some(id)) = (parts.next(), parts.next()) {
            place = match section {
                "Resources" => by_carried.get(id).map(|entry| at(entry)),
                section => declared.find(section, id).map(|(origin, name, location)| {
                    (
                        name_of(origin),
                        location.line.max(1),
                        location.column.max(1),
                        Some(name),
                    )
                }),
            };
        }
        if place.is_none() {
            place = finding
                .elements
                .iter()
                .flat_map(|id| with_flow_ends(design, id))
                .find_map(|id| by_element.get(id).map(|entry| at(entry)));
        }
        let (file, line, column, logical_id) =
            place.unwrap_or_else(|| (file.to_owned(), 1, 1, None));
        findings.push(PlacedResult {
            finding: finding.clone(),
            file,
            line,
            column,
            logical_id,
        });
    }
    TemplateScan {
        file: file.to_owned(),
        files: imported
            .templates
            .iter()
            .map(|origin| name(origin))
            .collect(),
        coverage: coverage(imported, report, &entry_file),
        summary: report.summary,
        findings,
    }
}

/// The parameters and outputs of every template an import read, to place findings about
/// carried parameters and outputs, whose design names carry their nested stack's prefix.
struct Declarations {
    /// Each template's origin, the prefix its names carry in the design, and the template.
    templates: Vec<(String, String, zta_cfn::Template)>,
}

impl Declarations {
    fn read(file: &str, text: &str, imported: &ImportReport) -> Self {
        let mut templates = Vec::new();
        for (index, origin) in imported.templates.iter().enumerate() {
            let prefix = imported
                .entries
                .iter()
                .find(|entry| entry.template == *origin)
                .and_then(|entry| entry.design_logical_id.strip_suffix(&entry.logical_id))
                .unwrap_or_default()
                .to_owned();
            let parsed = if index == 0 {
                zta_cfn::Template::parse(text, file).ok()
            } else {
                std::fs::read_to_string(origin)
                    .ok()
                    .and_then(|text| zta_cfn::Template::parse(&text, origin).ok())
            };
            if let Some(template) = parsed {
                templates.push((origin.clone(), prefix, template));
            }
        }
        // The longest prefix first, so that a nested stack's names are not taken for the
        // parent's.
        templates.sort_by_key(|(_, prefix, _)| std::cmp::Reverse(prefix.len()));
        Declarations { templates }
    }

    /// Where a carried parameter or output (by its design name) is declared: the template's
    /// origin, its own name there, and its location.
    fn find(&self, section: &str, id: &str) -> Option<(&str, String, zta_cfn::Location)> {
        self.templates
            .iter()
            .find_map(|(origin, prefix, template)| {
                let name = id.strip_prefix(prefix.as_str())?;
                let location = match section {
                    "Parameters" => template.parameters.get(name)?.location(),
                    _ => template.outputs.get(name)?.mark.location(),
                }?;
                Some((origin.as_str(), name.to_owned(), location))
            })
    }
}

/// An element id, and for a flow the ids of its ends, in the order a finding is best placed.
fn with_flow_ends<'a>(design: &'a Design, id: &'a str) -> Vec<&'a str> {
    match design.flows.iter().find(|flow| flow.id == id) {
        Some(flow) => vec![id, flow.target.as_str(), flow.source.as_str()],
        None => vec![id],
    }
}

/// The element a resource became or went into.
fn element_of(disposition: &Disposition) -> Option<&str> {
    match disposition {
        Disposition::Mapped { element } => Some(element),
        Disposition::Absorbed {
            element: Some(element),
            ..
        } => Some(element),
        Disposition::AlsoCarried { previous } => element_of(previous),
        _ => None,
    }
}

/// How the rules judged each resource of an import.
fn coverage(
    imported: &ImportReport,
    report: &Report,
    file: &dyn Fn(&ReportEntry) -> String,
) -> ResourceCoverage {
    let mut coverage = ResourceCoverage::default();
    for entry in &imported.entries {
        if matches!(entry.disposition, Disposition::NestedStack { .. }) {
            continue;
        }
        coverage.resources += 1;
        let by_design =
            element_of(&entry.disposition).is_some_and(|element| report.judged.contains(element));
        let carried = matches!(
            entry.disposition,
            Disposition::Carried { .. } | Disposition::AlsoCarried { .. }
        );
        let by_generic = carried
            && report.judged.contains(&format!(
                "carried_cloudformation.Resources.{}",
                entry.design_logical_id
            ));
        if by_design {
            coverage.by_design_rules += 1;
        } else if by_generic {
            coverage.by_generic_checks += 1;
        } else {
            let location = entry.location.unwrap_or_default();
            coverage.not_judged.push(UnjudgedResource {
                file: file(entry),
                logical_id: entry.logical_id.clone(),
                resource_type: entry.resource_type.clone(),
                line: location.line.max(1),
                column: location.column.max(1),
            });
        }
    }
    coverage
}
