//! Compliance for ZTA Designer: the catalogs of PCI DSS, GDPR, ISO/IEC 27001 Annex A,
//! NIST SP 800-207 and the CISA Zero Trust Maturity Model as versioned data files, the
//! mapping of rule codes to their controls, the assessment of a design against a
//! framework, and the zero-trust scoring.
//!
//! **Invariant:** this crate does no I/O. The data files are compiled in with
//! `include_str!`; designs and findings are handed in by the caller.

pub mod assessment;
pub mod catalog;
pub mod error;
pub mod framework;
pub mod input;
pub mod mapping;
pub mod scoring;

pub use assessment::{
    AcceptedRisk, ControlAssessment, ControlCoverage, ControlStatus, FrameworkAssessment,
    PrerequisiteResult, PrerequisiteState, RuleResult, StatusTotals, assess,
};
pub use catalog::{Catalog, Control, ControlGroup, EvidenceLevel};
pub use error::{Error, Result};
pub use framework::Framework;
pub use input::{DesignFacts, FindingRecord, RuleDescriptor, Severity};
pub use mapping::{Artifact, Capability, Clause, Mapping};
pub use scoring::{PillarScore, SeverityCounts, Stage, TenetCoverage, ZeroTrustScore, score};
