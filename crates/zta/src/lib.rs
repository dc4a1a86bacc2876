//! The one API of ZTA Designer. The `zta` CLI and the desktop app both call this crate and
//! nothing below it, so that a capability behaves the same in a pipeline and in the window.
//!
//! **Boundary:** lower crates never depend on this one; it composes them. Callers name no crate
//! below it: every use case is a function here, its results are plain data, and the few types
//! that are the document itself or a result's own parts are re-exported under their own names
//! (`zta::Design`, `zta::Finding`, `zta::cloud::DeployProgress`). `tests/architecture.rs`
//! checks that the front ends keep to it.

mod app_support;
pub mod cloud;
mod deploy;
mod document;
mod error;
mod examples;
mod export;
mod import;
mod report;
mod scan;
mod summary;
mod typescript;
mod validation;

pub use app_support::{
    AssessedFinding, ComplianceAssessment, DesignValidation, compliance_assessment,
    design_problems, validate_design,
};
pub use deploy::{
    AccountPlan, DesignDeployment, ParameterProblem, PlannedStack, StackPlan, is_design_file,
    plan_design_deployment,
};
pub use document::{
    FormatOptions, FormatOutcome, check_file, design_json_schema, format_file, load_design,
    save_design,
};
pub use error::{Error, Result};
pub use examples::{example_design, example_names};
pub use export::{CloudFormationExport, TemplateFormat, export_cloudformation};
pub use import::{import_cloudformation, import_cloudformation_asking, import_cloudformation_text};
pub use report::{
    Framework, Paper, ReportFormat, ReportRequest, render_report, report_file, write_report,
};
pub use scan::{
    PlacedResult, ResourceCoverage, Scan, ScanFailure, ScanFormat, SkippedPath, TemplateScan,
    UnjudgedResource, scan,
};
pub use summary::DesignSummary;
pub use typescript::typescript_declarations;
pub use validation::{
    DesignDiff, Finding, ListingFormat, Severity, Validation, ValidationFormat, diff_files,
    explain_rule, render_diff, rule_catalog, validate_file,
};
pub use zta_cfn::ImportOutcome;
pub use zta_cfn::export::{ManualStep, StepAction};
pub use zta_compliance::{
    AcceptedRisk, ControlAssessment, ControlCoverage, ControlStatus, EvidenceLevel,
    FrameworkAssessment, PillarScore, PrerequisiteResult, PrerequisiteState, RuleResult,
    SeverityCounts, Stage, StatusTotals, TenetCoverage, ZeroTrustScore,
};
pub use zta_model::{Design, DesignProblem};
