//! What the assessment needs to know about a design and its validation, in the
//! compliance crate's own terms.
//!
//! The caller (the report builder) fills these from the design model and the rule
//! engine's results; keeping them here, rather than taking the rule engine's findings,
//! lets the catalogs, mappings and scoring be tested with data written for the purpose.
//! Only the severity is the rule engine's own type: one concept, one definition.

use serde::{Deserialize, Serialize};

/// Finding severity: the rule engine's, so that a severity means one thing in every crate.
pub use zta_rules::Severity;

/// A rule of the engine's catalog, with its zero-trust tags and what it judged in the design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleDescriptor {
    pub code: String,
    pub title: String,
    pub severity: Severity,
    /// NIST SP 800-207 tenet ids (`T1`..`T7`).
    pub tenets: Vec<String>,
    /// CISA ZTMM pillar or cross-cutting capability ids (`identity`, `visibility`, ...).
    pub pillars: Vec<String>,
    /// How many subjects (elements, flows, identities) the rule evaluated in this design. A
    /// rule with none had nothing to judge: its silence is not evidence.
    pub subjects: usize,
}

impl RuleDescriptor {
    /// Whether the rule judged anything in this design.
    pub fn evaluated(&self) -> bool {
        self.subjects > 0
    }
}

/// One finding of a validation run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRecord {
    /// A stable reference within the report (`F-001`).
    pub reference: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Ids of the design elements the finding concerns.
    pub elements: Vec<String>,
    /// The reason given when the finding was suppressed (accepted as a risk).
    pub accepted_risk: Option<String>,
}

impl FindingRecord {
    pub fn is_open(&self) -> bool {
        self.accepted_risk.is_none()
    }
}

/// Facts about the design that decide applicability and feed evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignFacts {
    /// Some element stores or some flow carries cardholder data.
    pub handles_cardholder_data: bool,
    /// Some element stores or some flow carries personal data.
    pub handles_personal_data: bool,
    /// Number of segments, components, identities, actors and flows, for evidence text.
    pub segment_count: usize,
    pub component_count: usize,
    pub identity_count: usize,
    pub flow_count: usize,
}
