//! The compliance panel: the design's assessment against PCI DSS 4.0.1, GDPR and ISO/IEC
//! 27001:2022, control by control, and its CISA ZTMM stage per pillar. The assessment is the
//! zta crate's; this module only shapes it for the UI.

use serde::Serialize;
use ts_rs::TS;
use zta::compliance::{ControlStatus as Status, Stage as ZtmmStage};
use zta::model::Design;

/// What the compliance panel shows.
#[derive(Debug, Serialize, TS)]
pub struct ComplianceView {
    /// One entry per framework, in report order.
    pub frameworks: Vec<FrameworkView>,
    /// The ZTMM pillars and cross-cutting capabilities.
    pub pillars: Vec<PillarView>,
    /// The findings controls cite, by their report reference.
    pub findings: Vec<FindingReference>,
}

/// One framework's assessment.
#[derive(Debug, Serialize, TS)]
pub struct FrameworkView {
    /// The stable name: `pci-dss`, `gdpr` or `iso27001`.
    pub id: String,
    /// The framework's name, e.g. `PCI DSS`.
    pub name: String,
    /// Its version, e.g. `4.0.1`.
    pub version: String,
    /// Name and version for a heading.
    pub title: String,
    /// Why the whole framework does not apply to this design, when it does not.
    pub not_applicable: Option<String>,
    /// How many controls have each status.
    pub totals: StatusTotals,
    /// Every control, in catalog order.
    pub controls: Vec<ControlView>,
}

/// How many controls have each status.
#[derive(Debug, Serialize, TS)]
pub struct StatusTotals {
    /// Controls the design alone satisfies.
    pub satisfied: usize,
    /// Controls with a finding against them or a failed prerequisite.
    pub not_satisfied: usize,
    /// Controls none of whose rules had anything to judge.
    pub not_evaluated: usize,
    /// Controls the design shows in part; the rest needs attestation.
    pub evidenced_attestation_required: usize,
    /// Controls that need evidence from outside the design.
    pub attestation_required: usize,
    /// Controls that cannot apply to this design.
    pub not_applicable: usize,
}

/// The status of a control.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    /// Design-level; every mapped rule judged something and passed, every clause is covered
    /// and every prerequisite holds.
    Satisfied,
    /// A mapped rule has a finding, or a prerequisite fails.
    NotSatisfied,
    /// No mapped rule had anything to judge: no data, not a pass.
    NotEvaluated,
    /// The design shows part of the control; the rest needs attestation.
    EvidencedAttestationRequired,
    /// It needs evidence from outside the design.
    AttestationRequired,
    /// It cannot apply to this design.
    NotApplicable,
}

/// One control and its status.
#[derive(Debug, Serialize, TS)]
pub struct ControlView {
    /// The control's id in its framework, e.g. `1.3.1` or `A.8.20`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The catalog group it belongs to.
    pub group: String,
    /// Its status.
    pub status: ControlStatus,
    /// Why it has that status.
    pub rationale: String,
    /// References of the open findings against it (`F-001`).
    pub findings: Vec<String>,
    /// How many suppressed findings against it were accepted as risks.
    pub accepted_risks: usize,
    /// The rules mapped to it.
    pub rules: Vec<String>,
    /// How many of its mapped rules evaluated at least one subject.
    pub rules_evaluated: usize,
    /// How many subjects they evaluated in all.
    pub subjects: usize,
    /// `k of n mapped rules evaluated, m subjects`.
    pub coverage: String,
    /// What the design shows.
    pub evidence: Vec<String>,
    /// What the auditor must still see.
    pub attestation: Vec<String>,
}

/// A CISA ZTMM maturity stage.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No rule of the pillar had anything to judge.
    NotAssessed,
    /// Lowest: an open critical finding, or fewer than half of the pillar's rules pass.
    Traditional,
    /// An open high finding, or fewer than three quarters pass.
    Initial,
    /// Some rule of the pillar still has an open finding.
    Advanced,
    /// Every rule of the pillar passes.
    Optimal,
}

/// One ZTMM pillar or cross-cutting capability.
#[derive(Debug, Serialize, TS)]
pub struct PillarView {
    /// Its stable id.
    pub id: String,
    /// Its name, e.g. `Identity`.
    pub name: String,
    /// Whether it is a cross-cutting capability rather than a pillar.
    pub cross_cutting: bool,
    /// The stage the design reaches.
    pub stage: Stage,
    /// How many rules check it, and how many of them pass.
    pub rules: usize,
    /// How many of its rules evaluated at least one subject.
    pub rules_evaluated: usize,
    /// How many of its rules pass.
    pub rules_passing: usize,
    /// Open findings against its rules.
    pub open_findings: usize,
    /// Why it is at that stage.
    pub rationale: String,
}

/// A finding as controls cite it.
#[derive(Debug, Serialize, TS)]
pub struct FindingReference {
    /// `F-001` and so on, as in the PDF report.
    pub reference: String,
    /// The rule code.
    pub rule: String,
    /// The elements it is about.
    pub elements: Vec<String>,
}

impl From<Status> for ControlStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Satisfied => ControlStatus::Satisfied,
            Status::NotSatisfied => ControlStatus::NotSatisfied,
            Status::NotEvaluated => ControlStatus::NotEvaluated,
            Status::EvidencedAttestationRequired => ControlStatus::EvidencedAttestationRequired,
            Status::AttestationRequired => ControlStatus::AttestationRequired,
            Status::NotApplicable => ControlStatus::NotApplicable,
        }
    }
}

impl From<ZtmmStage> for Stage {
    fn from(stage: ZtmmStage) -> Self {
        match stage {
            ZtmmStage::NotAssessed => Stage::NotAssessed,
            ZtmmStage::Traditional => Stage::Traditional,
            ZtmmStage::Initial => Stage::Initial,
            ZtmmStage::Advanced => Stage::Advanced,
            ZtmmStage::Optimal => Stage::Optimal,
        }
    }
}

/// Shapes the zta crate's assessment for the panel.
pub fn view(assessment: zta::ComplianceAssessment) -> ComplianceView {
    ComplianceView {
        frameworks: assessment
            .frameworks
            .into_iter()
            .map(|framework| FrameworkView {
                id: framework.framework.name().to_string(),
                name: framework.name,
                version: framework.version,
                title: framework.title,
                not_applicable: framework.not_applicable,
                totals: StatusTotals {
                    satisfied: framework.totals.satisfied,
                    not_satisfied: framework.totals.not_satisfied,
                    not_evaluated: framework.totals.not_evaluated,
                    evidenced_attestation_required: framework.totals.evidenced_attestation_required,
                    attestation_required: framework.totals.attestation_required,
                    not_applicable: framework.totals.not_applicable,
                },
                controls: framework
                    .controls
                    .into_iter()
                    .map(|control| ControlView {
                        coverage: control.coverage.label(),
                        rules_evaluated: control.coverage.rules_evaluated,
                        subjects: control.coverage.subjects,
                        id: control.id,
                        title: control.title,
                        group: control.group,
                        status: control.status.into(),
                        rationale: control.rationale,
                        findings: control.findings,
                        accepted_risks: control.accepted_risks.len(),
                        rules: control.rules,
                        evidence: control.evidence,
                        attestation: control.attestation,
                    })
                    .collect(),
            })
            .collect(),
        pillars: assessment
            .zero_trust
            .pillars
            .into_iter()
            .map(|pillar| PillarView {
                id: pillar.id,
                name: pillar.name,
                cross_cutting: pillar.cross_cutting,
                stage: pillar.stage.into(),
                rules: pillar.rules,
                rules_evaluated: pillar.rules_evaluated,
                rules_passing: pillar.rules_passing,
                open_findings: pillar.open_findings.total(),
                rationale: pillar.rationale,
            })
            .collect(),
        findings: assessment
            .findings
            .into_iter()
            .map(|finding| FindingReference {
                reference: finding.reference,
                rule: finding.rule,
                elements: finding.elements,
            })
            .collect(),
    }
}

/// Assesses the design the UI holds. Async so that it runs off the thread that drives the window.
#[tauri::command]
pub async fn assess_compliance(design: Design) -> ComplianceView {
    view(zta::compliance_assessment(&design))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_gets_every_framework_and_pillar_with_totals_that_add_up() {
        let design = zta::example_design("reference").unwrap().unwrap();
        let view = view(zta::compliance_assessment(&design));
        let ids: Vec<&str> = view.frameworks.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["pci-dss", "gdpr", "iso27001"]);
        for framework in &view.frameworks {
            let totals = &framework.totals;
            assert_eq!(
                totals.satisfied
                    + totals.not_satisfied
                    + totals.not_evaluated
                    + totals.evidenced_attestation_required
                    + totals.attestation_required
                    + totals.not_applicable,
                framework.controls.len(),
                "{}",
                framework.id
            );
            for control in &framework.controls {
                if matches!(control.status, ControlStatus::Satisfied) {
                    assert_eq!(
                        control.rules_evaluated,
                        control.rules.len(),
                        "{}",
                        control.id
                    );
                }
            }
        }
        assert!(!view.pillars.is_empty());
        let json = serde_json::to_value(&view.frameworks[0].controls[0]).unwrap();
        assert!(
            json["status"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
        );
    }
}
