//! What the desktop app needs beyond the file commands, for a design held in memory before it is
//! ever saved: its integrity problems and its compliance assessment, which the UI shows live.

use serde::Serialize;
use ts_rs::TS;
use zta_compliance::{FrameworkAssessment, ZeroTrustScore};
use zta_model::{Design, DesignProblem, integrity};
use zta_rules::Finding;

/// Every integrity problem of `design`, in document order; empty for a sound design.
pub fn design_problems(design: &Design) -> Vec<DesignProblem> {
    integrity::problems(design)
}

/// What validating a design held in memory found: what would stop it loading as a file, and the
/// zero-trust rules' findings. Validation never fails on a bad design; this is its answer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DesignValidation {
    /// Problems that would stop the file from loading (dangling references and the like).
    pub problems: Vec<DesignProblem>,
    /// The rules' findings, in the stable JSON shape of `zta validate --format json`.
    pub findings: Vec<Finding>,
}

/// Validates a design held in memory, as the app does after every edit.
pub fn validate_design(design: &Design) -> DesignValidation {
    DesignValidation {
        problems: design_problems(design),
        findings: zta_rules::validate(design).findings,
    }
}

/// A finding as the compliance assessment cites it: its reference in the report (`F-001`), its
/// rule, and the elements it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AssessedFinding {
    /// The reference controls cite, the same as in the PDF report.
    pub reference: String,
    /// The rule code.
    pub rule: String,
    /// The ids of the elements the finding is about.
    pub elements: Vec<String>,
}

/// The compliance assessment of a design: every control of PCI DSS, GDPR and ISO/IEC 27001 with
/// its status, the CISA ZTMM stage per pillar, and the findings the controls cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComplianceAssessment {
    /// One assessment per framework, in report order.
    pub frameworks: Vec<FrameworkAssessment>,
    /// The ZTMM stages and NIST tenet coverage.
    pub zero_trust: ZeroTrustScore,
    /// The findings the controls cite by reference.
    pub findings: Vec<AssessedFinding>,
}

/// Assesses a design held in memory against every assessable framework. It is the assessment
/// the report of the same design holds (it is built the same way), so the app's compliance
/// panel and the PDF agree control for control and finding reference for finding reference.
pub fn compliance_assessment(design: &Design) -> ComplianceAssessment {
    let validation = zta_report::Validation::from_rules(design, &zta_rules::validate(design));
    // The date, generator and file hash only label a printed report; the assessment ignores them.
    let options = zta_report::ReportOptions::new(String::new(), String::new());
    let report = zta_report::build(design, &[], &validation, &options);
    ComplianceAssessment {
        frameworks: report.compliance,
        zero_trust: report.zero_trust,
        findings: report
            .findings
            .into_iter()
            .map(|finding| AssessedFinding {
                reference: finding.reference,
                rule: finding.rule,
                elements: finding
                    .elements
                    .into_iter()
                    .map(|element| element.id)
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dangling_reference_is_a_problem_with_its_path() {
        let mut design = Design::new("Shop");
        design.segments.push(zta_model::Segment {
            id: "vpc".into(),
            kind: zta_model::SegmentKind::Vpc,
            name: "VPC".into(),
            parent: Some("no-such-account".into()),
            description: None,
            account_id: None,
            organization_role: None,
            region: None,
            cidr: None,
            az: None,
            tier: None,
            flow_logs: None,
            logical_id: None,
            suppress: Vec::new(),
        });
        let problems = design_problems(&design);
        assert!(
            problems.iter().any(|p| p.path == "segments[0].parent"),
            "{problems:?}"
        );
        assert!(design_problems(&Design::new("Empty")).is_empty());
    }

    #[test]
    fn the_assessment_covers_every_framework_and_pillar_and_follows_the_findings() {
        let design = crate::example_design("reference").unwrap().unwrap();
        let assessment = compliance_assessment(&design);
        let names: Vec<&str> = assessment
            .frameworks
            .iter()
            .map(|framework| framework.framework.name())
            .collect();
        assert_eq!(names, ["pci-dss", "gdpr", "iso27001"]);
        assert!(assessment.zero_trust.pillars.len() >= 5);
        for framework in &assessment.frameworks {
            assert!(!framework.controls.is_empty(), "{}", framework.name);
            for control in &framework.controls {
                for reference in &control.findings {
                    assert!(
                        assessment
                            .findings
                            .iter()
                            .any(|f| &f.reference == reference),
                        "{} cites {reference}, which is not among the findings",
                        control.id
                    );
                }
            }
        }

        // A database in a public subnet is a finding some control cites, naming the database.
        let mut exposed = design.clone();
        let database = exposed
            .components
            .iter_mut()
            .find(|component| component.kind == zta_model::ComponentKind::Rds)
            .expect("the reference has an RDS database");
        let public = design
            .segments
            .iter()
            .find(|segment| segment.tier == Some(zta_model::Tier::Public))
            .expect("the reference has a public subnet");
        database.segment = public.id.clone();
        let id = database.id.clone();
        let after = compliance_assessment(&exposed);
        let cited: Vec<&AssessedFinding> = after
            .findings
            .iter()
            .filter(|finding| finding.elements.contains(&id))
            .filter(|finding| {
                after.frameworks.iter().any(|framework| {
                    framework
                        .controls
                        .iter()
                        .any(|control| control.findings.contains(&finding.reference))
                })
            })
            .collect();
        assert!(!cited.is_empty(), "no control cites a finding about {id}");
    }
}
