//! What a caller hands the report builder: the rule engine's results in the report's
//! terms, and the options (frameworks, date, logical IDs) of one report.

use std::collections::BTreeMap;

use zta_compliance::{Framework, RuleDescriptor, Severity};

use crate::model::ExportEvidence;

/// A rule of the catalog the design was validated against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInput {
    pub descriptor: RuleDescriptor,
}

/// One finding of the validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingInput {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub elements: Vec<String>,
    pub path: Vec<String>,
    pub remediation: String,
    pub accepted_risk: Option<String>,
}

/// PCI scope: component ids with the reason each is in scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PciScopeInput {
    pub cde: Vec<(String, String)>,
    pub connected: Vec<(String, String)>,
}

/// The validation of a design, as the report needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validation {
    pub rules: Vec<RuleInput>,
    pub findings: Vec<FindingInput>,
    pub pci_scope: PciScopeInput,
    /// What the rules judged, and what nothing judged.
    pub coverage: zta_rules::Coverage,
}

/// The choices of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// The frameworks to assess, in the order their matrices appear.
    pub frameworks: Vec<Framework>,
    /// The date printed on the report, `YYYY-MM-DD`.
    pub date: String,
    /// The program and version named as the generator.
    pub generator: String,
    /// CloudFormation logical IDs of design elements, by element id, from the exporter.
    /// Empty when the caller has none; the report then leaves the column out rather
    /// than invent ids.
    pub logical_ids: BTreeMap<String, String>,
    /// What the export of the design leaves to a person, or why it refused the design;
    /// [`ExportEvidence::NotExported`] when the caller did not export it.
    pub export: ExportEvidence,
}

impl ReportOptions {
    /// All three assessable frameworks, no logical IDs, no export.
    pub fn new(date: impl Into<String>, generator: impl Into<String>) -> ReportOptions {
        ReportOptions {
            frameworks: Framework::ASSESSABLE.to_vec(),
            date: date.into(),
            generator: generator.into(),
            logical_ids: BTreeMap::new(),
            export: ExportEvidence::NotExported,
        }
    }
}
