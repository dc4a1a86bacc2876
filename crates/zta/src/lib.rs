//! The one API of ZTA Designer. The `zta` CLI and the desktop app both call this crate and
//! nothing below it, so that a capability behaves the same in a pipeline and in the window.
//!
//! **Boundary:** lower crates never depend on this one; it composes them, and re-exports the
//! crates whose types its callers handle directly (the model, rules, compliance and AWS access).

mod app_support;
mod deploy;
mod document;
mod error;
mod examples;
mod export;
mod import;
mod report;
mod scan;
mod summary;
mod validation;

pub use app_support::{
    AssessedFinding, ComplianceAssessment, DesignProblem, compliance_assessment, design_problems,
};
pub use deploy::{DesignDeployment, PlannedStack, is_design_file, plan_design_deployment};
pub use document::{
    FormatOptions, FormatOutcome, check_file, format_file, load_design, save_design,
};
pub use error::{Error, Result};
pub use examples::{example_design, example_names};
pub use export::{CloudFormationExport, TemplateFormat, export_cloudformation};
pub use import::{import_cloudformation, import_cloudformation_asking, import_cloudformation_text};
pub use report::{Framework, Paper, ReportFormat, ReportRequest, render_report, report_file};
pub use scan::{
    PlacedResult, ResourceCoverage, Scan, ScanFailure, ScanFormat, SkippedPath, TemplateScan,
    UnjudgedResource, scan,
};
pub use summary::DesignSummary;
pub use validation::{Validation, ValidationFormat, diff_files, validate_file};
pub use zta_aws as aws;
pub use zta_cfn::ImportOutcome;
pub use zta_cfn::export::{ManualStep, StepAction};
pub use zta_compliance as compliance;
pub use zta_model as model;
pub use zta_rules as rules;
