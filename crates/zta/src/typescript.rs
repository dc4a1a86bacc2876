//! The TypeScript declarations of the API's results that the desktop app receives, each
//! generated from the one Rust type (ts-rs), so that the window and the CLI read the same
//! shapes. The app writes them, with its own types, to `ui/src/generated/app.ts`.

use ts_rs::{Config, TS};

use crate::cloud::{
    ChangeAction, ChangeSetReview, DeployOutcome, DeployProgress, Replacement, ResourceChange,
    StackEventRecord, StackManifestOutcome, StackOutput,
};
use crate::{
    AcceptedRisk, AccountPlan, AssessedFinding, ComplianceAssessment, ControlAssessment,
    ControlCoverage, ControlStatus, DesignProblem, DesignValidation, EvidenceLevel, Finding,
    Framework, FrameworkAssessment, ManualStep, PillarScore, PrerequisiteResult, PrerequisiteState,
    RuleResult, Severity, SeverityCounts, StackPlan, Stage, StatusTotals, StepAction,
    TenetCoverage, ZeroTrustScore,
};

/// One declaration per type (`type X = ...`), in a fixed order, without `export`.
pub fn typescript_declarations() -> Vec<String> {
    let config = Config::new();
    vec![
        DesignValidation::decl(&config),
        DesignProblem::decl(&config),
        Finding::decl(&config),
        Severity::decl(&config),
        ComplianceAssessment::decl(&config),
        AssessedFinding::decl(&config),
        FrameworkAssessment::decl(&config),
        Framework::decl(&config),
        StatusTotals::decl(&config),
        ControlAssessment::decl(&config),
        ControlStatus::decl(&config),
        EvidenceLevel::decl(&config),
        AcceptedRisk::decl(&config),
        RuleResult::decl(&config),
        ControlCoverage::decl(&config),
        PrerequisiteResult::decl(&config),
        PrerequisiteState::decl(&config),
        ZeroTrustScore::decl(&config),
        PillarScore::decl(&config),
        Stage::decl(&config),
        SeverityCounts::decl(&config),
        TenetCoverage::decl(&config),
        AccountPlan::decl(&config),
        StackPlan::decl(&config),
        ManualStep::decl(&config),
        StepAction::decl(&config),
        ChangeSetReview::decl(&config),
        ResourceChange::decl(&config),
        ChangeAction::decl(&config),
        Replacement::decl(&config),
        DeployProgress::decl(&config),
        StackEventRecord::decl(&config),
        StackManifestOutcome::decl(&config),
        DeployOutcome::decl(&config),
        StackOutput::decl(&config),
    ]
}
