//! SARIF 2.1.0 for code-scanning services: the catalog as the driver's rules (with the help
//! generated from each rule's documentation) and one result per finding, located in the design
//! file at the element it names when the caller hands the file's text.

use serde_json::{Value, json};
use zta_model::{Design, format::SpanIndex};

use crate::{Finding, Report, catalog};

/// The design file a report came from, so results point at lines in it.
pub struct SourceFile<'a> {
    /// The path or URI the results name, as the code-scanning service sees the repository.
    pub uri: &'a str,
    /// The file's text, to find each element's line.
    pub text: &'a str,
}

/// A finding placed in a file of a run's artifacts (a template that `zta scan` read).
pub struct PlacedFinding<'a> {
    /// The finding.
    pub finding: &'a Finding,
    /// The index of its file among the run's artifacts.
    pub artifact: usize,
    /// Where it points: 1-based line and column.
    pub line: u32,
    /// The column, 1-based.
    pub column: u32,
    /// The named things it concerns, as SARIF logical locations: (name, kind).
    pub logical: Vec<(String, String)>,
}

/// Findings placed in several files as a SARIF 2.1.0 log with one run; `properties` are the
/// run's own (a scan's coverage).
pub fn placed_sarif(
    findings: &[PlacedFinding<'_>],
    artifacts: &[String],
    properties: Value,
) -> String {
    let rules = catalog();
    let results: Vec<Value> = findings
        .iter()
        .map(|placed| {
            let logical: Vec<Value> = placed
                .logical
                .iter()
                .map(|(name, kind)| json!({"name": name, "kind": kind}))
                .collect();
            let location = json!({
                "logicalLocations": logical,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifacts[placed.artifact], "index": placed.artifact},
                    "region": {"startLine": placed.line, "startColumn": placed.column},
                },
            });
            let rule_index = rules.iter().position(|meta| meta.code == placed.finding.rule);
            result_with(placed.finding, rule_index, location)
        })
        .collect();
    let artifacts: Vec<Value> = artifacts
        .iter()
        .map(|uri| json!({"location": {"uri": uri}}))
        .collect();
    log(json!({
        "tool": {"driver": driver()},
        "artifacts": artifacts,
        "results": results,
        "properties": properties,
    }))
}

/// The tool's driver: the catalog as rules, with their help.
fn driver() -> Value {
    let driver_rules: Vec<Value> = catalog()
        .iter()
        .map(|meta| {
            let mut tags: Vec<String> = vec!["security".into(), meta.family.as_str().into()];
            tags.extend(
                meta.tenets
                    .iter()
                    .map(|tenet| format!("nist-800-207/{tenet}")),
            );
            tags.push(format!("cisa-ztmm/{}", meta.pillar));
            json!({
                "id": meta.code,
                "name": meta.name,
                "shortDescription": {"text": meta.title},
                "fullDescription": {"text": meta.summary()},
                "help": {"text": meta.documentation(), "markdown": meta.documentation()},
                "defaultConfiguration": {"level": meta.severity.sarif_level()},
                "properties": {
                    "tags": tags,
                    "security-severity": meta.severity.security_severity(),
                    "precision": "high",
                },
            })
        })
        .collect();
    json!({
        "name": "zta",
        "fullName": "ZTA Designer rule engine",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://example.invalid/zta-designer",
        "rules": driver_rules,
    })
}

/// A SARIF 2.1.0 log holding one run, as pretty-printed text.
fn log(run: Value) -> String {
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF values serialise");
    text.push('\n');
    text
}

/// The report as a SARIF 2.1.0 log with one run.
pub fn report_sarif(report: &Report, design: &Design, source: Option<&SourceFile<'_>>) -> String {
    let rules = catalog();
    let spans = source.and_then(|source| SpanIndex::build(source.text).ok());
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let rule_index = rules.iter().position(|meta| meta.code == finding.rule);
            result(finding, rule_index, design, source, spans.as_ref())
        })
        .collect();
    let mut run = json!({
        "tool": {"driver": driver()},
        "results": results,
        "properties": {"coverage": report.coverage},
    });
    if let Some(source) = source {
        run["artifacts"] = json!([{"location": {"uri": source.uri}}]);
    }
    log(run)
}

fn result(
    finding: &Finding,
    rule_index: Option<usize>,
    design: &Design,
    source: Option<&SourceFile<'_>>,
    spans: Option<&SpanIndex>,
) -> Value {
    let logical: Vec<Value> = finding
        .elements
        .iter()
        .map(|id| json!({"name": id, "kind": element_kind(design, id).unwrap_or("element")}))
        .collect();
    let mut location = json!({"logicalLocations": logical});
    if let Some(source) = source {
        let line = finding
            .elements
            .first()
            .and_then(|id| element_path(design, id))
            .and_then(|path| spans.and_then(|spans| spans.key(&path)))
            .map_or(1, |location| location.line);
        location["physicalLocation"] = json!({
            "artifactLocation": {"uri": source.uri, "index": 0},
            "region": {"startLine": line},
        });
    }
    result_with(finding, rule_index, location)
}

/// One result: the finding's message with its path and fix, at `location`.
fn result_with(finding: &Finding, rule_index: Option<usize>, location: Value) -> Value {
    let mut message = finding.message.clone();
    if !finding.path.is_empty() {
        message.push_str(&format!(" Path: {}.", finding.path.join(" → ")));
    }
    message.push_str(&format!(" Fix: {}", finding.remediation));
    // A finding about carried CloudFormation names no element; its message, which names the
    // carried resource or output, tells it from the rule's other findings.
    let fingerprint = if finding.elements.is_empty() {
        format!("{}:{}", finding.rule, finding.message)
    } else {
        format!("{}:{}", finding.rule, finding.elements.join(","))
    };
    let mut value = json!({
        "ruleId": finding.rule,
        "level": finding.severity.sarif_level(),
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {
            "ztaFinding/v1": fingerprint,
        },
        "properties": {"severity": finding.severity, "path": finding.path},
    });
    if let Some(index) = rule_index {
        value["ruleIndex"] = json!(index);
    }
    if finding.suppressed {
        value["suppressions"] = json!([{
            "kind": "inSource",
            "justification": finding.suppression_reason.clone().unwrap_or_default(),
        }]);
    }
    value
}

/// The document path of an element's `id` key, e.g. `components[3].id`.
fn element_path(design: &Design, id: &str) -> Option<String> {
    let lists: [(&str, Option<usize>); 5] = [
        ("segments", design.segments.iter().position(|e| e.id == id)),
        (
            "components",
            design.components.iter().position(|e| e.id == id),
        ),
        (
            "identities",
            design.identities.iter().position(|e| e.id == id),
        ),
        ("actors", design.actors.iter().position(|e| e.id == id)),
        ("flows", design.flows.iter().position(|e| e.id == id)),
    ];
    lists
        .into_iter()
        .find_map(|(list, position)| position.map(|position| format!("{list}[{position}].id")))
}

fn element_kind(design: &Design, id: &str) -> Option<&'static str> {
    design.element(id).map(|element| match element {
        zta_model::ElementRef::Segment(_) => "segment",
        zta_model::ElementRef::Component(_) => "component",
        zta_model::ElementRef::Identity(_) => "identity",
        zta_model::ElementRef::Actor(_) => "actor",
        zta_model::ElementRef::Flow(_) => "flow",
    })
}
