//! The report model: everything the report says, in one serialisable structure that
//! the PDF, JSON and Markdown renderers present without deciding anything themselves.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use zta_cfn::export::ManualStep;
use zta_compliance::{FrameworkAssessment, Severity, SeverityCounts, ZeroTrustScore};

/// A complete report on one design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub meta: Meta,
    pub summary: Summary,
    pub zero_trust: ZeroTrustScore,
    pub architecture: Architecture,
    pub findings: Vec<FindingEntry>,
    pub compliance: Vec<FrameworkAssessment>,
    pub pci_scope: PciScope,
    /// What the templates cannot do and a person must, for the auditor to ask evidence of.
    pub export: ExportEvidence,
    pub rules: Vec<RuleEntry>,
    pub method: Vec<MethodSection>,
}

/// What the CloudFormation export of the design leaves outside the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ExportEvidence {
    /// The caller did not export the design for this report, so the report cannot say.
    NotExported,
    /// The export refuses the design as drawn, for this reason; nothing of it deploys yet.
    Refused { reason: String },
    /// The export succeeded; these steps remain for a person, each with its command or
    /// console path.
    Exported { manual_steps: Vec<ManualStep> },
}

/// What the report is about and when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub design_name: String,
    pub design_version: Option<String>,
    pub design_description: Option<String>,
    /// The date the report states, `YYYY-MM-DD` (the caller chooses it, so that tests
    /// and reproducible builds can fix it).
    pub date: String,
    /// SHA-256 of the design file's bytes, lower-case hex.
    pub design_sha256: String,
    /// The program and version that produced the report.
    pub generator: String,
    /// Names of the frameworks assessed.
    pub frameworks: Vec<String>,
}

/// The executive summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub open_findings: SeverityCounts,
    pub accepted_risks: usize,
    /// Components in the cardholder data environment, and connected to it.
    pub pci_cde_size: usize,
    pub pci_connected_size: usize,
    /// The most severe open findings, in plain words.
    pub top_risks: Vec<String>,
    /// What the rules judged: elements by design rules, carried resources by generic
    /// checks, and what nothing judged.
    pub coverage: zta_rules::Coverage,
}

/// The design as the diagram and inventories show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Architecture {
    pub segments: Vec<SegmentEntry>,
    pub nodes: Vec<NodeEntry>,
    pub flows: Vec<FlowEntry>,
    /// Where the canvas placed the elements, so that the PDF's diagram is the one the
    /// architect drew. It only draws the diagram: the JSON and Markdown reports leave it out.
    #[serde(skip)]
    pub canvas: CanvasPlacement,
}

/// The design's layout as absolute rectangles and flow routes, with the icon of each element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CanvasPlacement {
    /// The absolute rectangle of every placed segment and node, in canvas pixels, by id.
    pub boxes: BTreeMap<String, PlacedBox>,
    /// The icon the canvas draws for each element (ui/src/model/icons.ts): `component:rds`,
    /// `subnet:public`, `actor:customer`.
    pub icons: BTreeMap<String, String>,
    /// The route the canvas drew each flow along, by flow id, as the design saved it.
    pub routes: BTreeMap<String, PlacedRoute>,
}

/// A flow's route on the canvas, in whole canvas pixels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacedRoute {
    /// The start, the corners and the end.
    pub points: Vec<(i32, i32)>,
    /// The centre of the label, where the canvas placed it.
    pub label: Option<(i32, i32)>,
}

/// A rectangle on the canvas, in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedBox {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

/// A network or account boundary, drawn as a box around its contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentEntry {
    pub id: String,
    pub name: String,
    /// The kind and tier in words (`VPC`, `subnet · private`).
    pub kind: String,
    pub parent: Option<String>,
}

/// What a node of the diagram is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeRole {
    Component,
    Identity,
    Actor,
}

/// A component, identity or actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeEntry {
    pub id: String,
    pub name: String,
    pub role: NodeRole,
    /// The kind in words (`RDS instance`, `IAM role`, `Internet`).
    pub kind: String,
    /// The segment the node sits in, for components.
    pub segment: Option<String>,
    /// Data classes stored, for components.
    pub data: Vec<String>,
    /// CloudFormation logical ID of the resource the export creates for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
    /// The most severe open finding on the element, if any.
    pub worst_finding: Option<Severity>,
    pub finding_count: usize,
}

/// A data flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowEntry {
    pub id: String,
    pub source: String,
    pub target: String,
    /// `HTTPS 443`, `PostgreSQL 5432`.
    pub label: String,
    pub tls: String,
    pub auth: String,
    pub data: Vec<String>,
    pub encrypted: bool,
}

/// A design element named by a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElementRef {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
}

/// Controls of one framework that a finding bears on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlRefs {
    pub framework: String,
    pub controls: Vec<String>,
}

/// A finding with its evidence chain: rule → tenets and pillar → controls → elements
/// → CloudFormation logical IDs → remediation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingEntry {
    pub reference: String,
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub message: String,
    pub tenets: Vec<String>,
    pub pillars: Vec<String>,
    pub controls: Vec<ControlRefs>,
    pub elements: Vec<ElementRef>,
    /// The path for path findings, as element names in order.
    pub path: Vec<String>,
    pub remediation: String,
    /// The reason recorded in the design when the finding is accepted as a risk.
    pub accepted_risk: Option<String>,
}

/// PCI DSS scope from the rule engine's analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PciScope {
    pub cde: Vec<ScopeEntry>,
    pub connected: Vec<ScopeEntry>,
    /// The outside parties that receive cardholder data, listed as service providers or not
    /// (PCI DSS 12.8.1).
    pub service_providers: Vec<ServiceProviderEntry>,
}

/// An outside party that receives cardholder data, with what the design records of it as a
/// service provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceProviderEntry {
    pub id: String,
    pub name: String,
    /// Whether the design lists the party as a service provider.
    pub listed: bool,
    /// The services it provides, as recorded.
    pub services: Vec<String>,
    /// Where its written agreement is kept, as recorded.
    pub agreement: Option<String>,
    /// The flows that send it cardholder data.
    pub flows: Vec<String>,
}

impl ServiceProviderEntry {
    /// What the design records of the party as a service provider, in a sentence.
    pub fn standing(&self) -> String {
        match (self.listed, &self.agreement) {
            (false, _) => "Not listed as a service provider (ZT-DATA-012).".to_string(),
            (true, None) => {
                "Listed as a service provider; no written agreement recorded (ZT-DATA-012)."
                    .to_string()
            }
            (true, Some(agreement)) => {
                format!("Listed as a service provider; agreement {agreement}.")
            }
        }
    }

    /// The services it provides, or a dash when none is recorded.
    pub fn services_text(&self) -> String {
        if self.services.is_empty() {
            "not recorded".to_string()
        } else {
            self.services.join(", ")
        }
    }
}

/// A component in PCI scope and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeEntry {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub reason: String,
}

/// A rule of the catalog, for the appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEntry {
    pub code: String,
    pub title: String,
    pub severity: Severity,
    pub tenets: Vec<String>,
    pub pillars: Vec<String>,
    pub controls: Vec<ControlRefs>,
}

/// A titled part of the method appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodSection {
    pub title: String,
    pub paragraphs: Vec<String>,
}
