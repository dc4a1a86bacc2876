//! Assessing a design against a framework, control by control.
//!
//! Every control of the catalog gets exactly one status; none is dropped:
//! - **not applicable**, with the reason, when the catalog says the control cannot apply
//!   to an AWS design or when the framework's trigger is absent (no cardholder data for
//!   PCI DSS, no personal data for GDPR);
//! - **attestation required** for process controls, controls inherited from AWS, and
//!   design-level controls that no rule of this version checks;
//! - **not satisfied**, with the findings, when a mapped rule has a finding (suppressed
//!   findings are listed as accepted risks with their reasons, and still leave the
//!   control not satisfied: the gap is accepted, not closed);
//! - **satisfied**, with the evidence (the mapped rules that passed and the report
//!   artifacts that show the control), otherwise.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, EvidenceLevel};
use crate::framework::Framework;
use crate::input::{DesignFacts, FindingRecord, RuleDescriptor};
use crate::mapping::Mapping;

/// The outcome for one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    Satisfied,
    NotSatisfied,
    NotApplicable,
    AttestationRequired,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 4] = [
        ControlStatus::NotSatisfied,
        ControlStatus::AttestationRequired,
        ControlStatus::Satisfied,
        ControlStatus::NotApplicable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Satisfied => "Satisfied",
            ControlStatus::NotSatisfied => "Not satisfied",
            ControlStatus::NotApplicable => "Not applicable",
            ControlStatus::AttestationRequired => "Attestation required",
        }
    }
}

/// A suppressed finding as it bears on a control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedRisk {
    pub finding: String,
    pub rule: String,
    pub reason: String,
}

/// The assessment of one control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlAssessment {
    pub id: String,
    pub title: String,
    pub group: String,
    pub evidence_level: EvidenceLevel,
    pub status: ControlStatus,
    /// Why the control has this status, in a sentence.
    pub rationale: String,
    /// What shows it: passed rules and report artifacts.
    pub evidence: Vec<String>,
    /// The open findings against it (report references).
    pub findings: Vec<String>,
    pub accepted_risks: Vec<AcceptedRisk>,
    /// The rules mapped to it.
    pub rules: Vec<String>,
}

/// How many controls have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusTotals {
    pub satisfied: usize,
    pub not_satisfied: usize,
    pub not_applicable: usize,
    pub attestation_required: usize,
}

impl StatusTotals {
    pub fn count(&self, status: ControlStatus) -> usize {
        match status {
            ControlStatus::Satisfied => self.satisfied,
            ControlStatus::NotSatisfied => self.not_satisfied,
            ControlStatus::NotApplicable => self.not_applicable,
            ControlStatus::AttestationRequired => self.attestation_required,
        }
    }
}

/// A whole framework's assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkAssessment {
    pub framework: Framework,
    pub name: String,
    pub version: String,
    /// Name and version as reports print them (`ISO/IEC 27001:2022`).
    pub title: String,
    /// Set when the framework as a whole does not apply to the design, with the reason.
    pub not_applicable: Option<String>,
    pub totals: StatusTotals,
    pub controls: Vec<ControlAssessment>,
}

/// How the assessment decides, for the report's method appendix.
pub const METHOD: &[&str] = &[
    "Each control of the selected framework is listed with exactly one status; no control is left out.",
    "Not applicable: the catalog records why the control cannot apply to a design of AWS infrastructure (for example wireless networks), or the framework's trigger is absent: PCI DSS applies only when some element stores or some flow carries cardholder data, GDPR only when personal data is present.",
    "Attestation required: organisational and process controls, controls inherited from AWS under the shared-responsibility model (evidence is AWS's own attestation, available through AWS Artifact), and design-level controls that no rule of this version checks. These need evidence from outside the design.",
    "Not satisfied: at least one rule mapped to the control has a finding. Suppressed findings are listed as accepted risks with the reason recorded in the design; they leave the control not satisfied, because the gap is accepted rather than closed.",
    "Satisfied: every rule mapped to the control ran without a finding, or the report itself is the evidence (the architecture diagram, the data-flow and component inventories, the PCI scope listing). For controls whose evidence level is partial, the design shows the enabling control; its operation still has to be attested.",
    "The rule-to-control mappings are data files, one per framework, reviewed apart from the rules; a test fails when a rule maps to no control or to a control its catalog does not have.",
];

/// Assesses a design against an assessable framework.
pub fn assess(
    framework: Framework,
    rules: &[RuleDescriptor],
    findings: &[FindingRecord],
    facts: &DesignFacts,
) -> FrameworkAssessment {
    let catalog = Catalog::of(framework);
    let mapping = Mapping::of(framework);
    let known_rules: BTreeSet<&str> = rules.iter().map(|rule| rule.code.as_str()).collect();
    let framework_not_applicable = match framework {
        Framework::PciDss if !facts.handles_cardholder_data => Some(
            "No element of the design stores cardholder data and no flow carries it, so nothing is in PCI DSS scope."
                .to_string(),
        ),
        Framework::Gdpr if !facts.handles_personal_data => Some(
            "No element of the design stores personal data and no flow carries it, so the GDPR articles on processing do not apply to it."
                .to_string(),
        ),
        _ => None,
    };

    let mut totals = StatusTotals::default();
    let controls: Vec<ControlAssessment> = catalog
        .controls
        .iter()
        .map(|control| {
            let mapped_rules: Vec<String> = mapping
                .rules_of(&control.id)
                .filter(|rule| known_rules.contains(rule))
                .map(str::to_string)
                .collect();
            let mut assessment = ControlAssessment {
                id: control.id.clone(),
                title: control.title.clone(),
                group: catalog.group_title(&control.group).to_string(),
                evidence_level: control.evidence,
                status: ControlStatus::AttestationRequired,
                rationale: String::new(),
                evidence: Vec::new(),
                findings: Vec::new(),
                accepted_risks: Vec::new(),
                rules: mapped_rules.clone(),
            };
            if let Some(reason) = control.not_applicable.as_ref().or(framework_not_applicable.as_ref()) {
                assessment.status = ControlStatus::NotApplicable;
                assessment.rationale = reason.clone();
            } else if control.evidence == EvidenceLevel::Inherited {
                assessment.rationale = "Inherited from AWS under the shared-responsibility model: attest with AWS's own reports (AWS Artifact).".to_string();
            } else if control.evidence == EvidenceLevel::Process {
                assessment.rationale = "Organisational control that a design cannot show: attest with documented procedures and records.".to_string();
            } else {
                decide_from_rules(&mut assessment, &mapped_rules, rules, findings, mapping);
            }
            match assessment.status {
                ControlStatus::Satisfied => totals.satisfied += 1,
                ControlStatus::NotSatisfied => totals.not_satisfied += 1,
                ControlStatus::NotApplicable => totals.not_applicable += 1,
                ControlStatus::AttestationRequired => totals.attestation_required += 1,
            }
            assessment
        })
        .collect();

    FrameworkAssessment {
        framework,
        name: catalog.name.clone(),
        version: catalog.version.clone(),
        title: catalog.label(),
        not_applicable: framework_not_applicable,
        totals,
        controls,
    }
}

fn decide_from_rules(
    assessment: &mut ControlAssessment,
    mapped_rules: &[String],
    rules: &[RuleDescriptor],
    findings: &[FindingRecord],
    mapping: &Mapping,
) {
    let against: Vec<&FindingRecord> = findings
        .iter()
        .filter(|finding| mapped_rules.contains(&finding.rule))
        .collect();
    assessment.findings = against
        .iter()
        .filter(|finding| finding.is_open())
        .map(|finding| finding.reference.clone())
        .collect();
    assessment.accepted_risks = against
        .iter()
        .filter_map(|finding| {
            finding.accepted_risk.as_ref().map(|reason| AcceptedRisk {
                finding: finding.reference.clone(),
                rule: finding.rule.clone(),
                reason: reason.clone(),
            })
        })
        .collect();
    let failing: BTreeSet<&str> = against
        .iter()
        .map(|finding| finding.rule.as_str())
        .collect();
    for code in mapped_rules
        .iter()
        .filter(|code| !failing.contains(code.as_str()))
    {
        let title = rules
            .iter()
            .find(|rule| &rule.code == code)
            .map_or("", |rule| rule.title.as_str());
        assessment
            .evidence
            .push(format!("{code} {title}: no finding"));
    }
    for artifact in mapping.artifacts_of(&assessment.id) {
        assessment
            .evidence
            .push(format!("Shown by {}.", artifact.describe()));
    }

    if !assessment.findings.is_empty() {
        assessment.status = ControlStatus::NotSatisfied;
        assessment.rationale = format!(
            "{} open finding(s) from rule(s) {}.",
            assessment.findings.len(),
            failing.iter().copied().collect::<Vec<_>>().join(", ")
        );
    } else if !assessment.accepted_risks.is_empty() {
        assessment.status = ControlStatus::NotSatisfied;
        assessment.rationale = format!(
            "The only findings ({}) are suppressed in the design and accepted as risks.",
            assessment.accepted_risks.len()
        );
    } else if !assessment.evidence.is_empty() {
        assessment.status = ControlStatus::Satisfied;
        assessment.rationale = if assessment.evidence_level == EvidenceLevel::Partial {
            "The design shows the enabling control; its operation must still be attested."
                .to_string()
        } else {
            "Shown by the design.".to_string()
        };
    } else {
        assessment.status = ControlStatus::AttestationRequired;
        assessment.rationale =
            "No rule of this version checks this control at design time: provide evidence from outside the design."
                .to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Severity;

    fn rule(code: &str) -> RuleDescriptor {
        RuleDescriptor {
            code: code.to_string(),
            title: format!("title of {code}"),
            severity: Severity::High,
            tenets: vec!["T6".to_string()],
            pillars: vec!["identity".to_string()],
        }
    }

    fn finding(rule: &str, accepted: Option<&str>) -> FindingRecord {
        FindingRecord {
            reference: "F-001".to_string(),
            rule: rule.to_string(),
            severity: Severity::High,
            message: String::new(),
            elements: vec!["admin".to_string()],
            accepted_risk: accepted.map(str::to_string),
        }
    }

    fn facts() -> DesignFacts {
        DesignFacts {
            handles_cardholder_data: true,
            handles_personal_data: true,
            ..DesignFacts::default()
        }
    }

    fn status(assessment: &FrameworkAssessment, id: &str) -> ControlStatus {
        assessment
            .controls
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .status
    }

    #[test]
    fn every_control_of_the_catalog_gets_exactly_one_status() {
        let assessment = assess(Framework::Iso27001, &[], &[], &facts());
        assert_eq!(assessment.controls.len(), 93);
        let totals = &assessment.totals;
        let sum = totals.satisfied
            + totals.not_satisfied
            + totals.not_applicable
            + totals.attestation_required;
        assert_eq!(sum, 93);
    }

    #[test]
    fn statuses_follow_findings_suppressions_and_evidence_levels() {
        // ZT-ID-001 (administrators without MFA) maps to PCI DSS 8.4.1 and 8.4.2.
        let rules = [rule("ZT-ID-001")];
        let open = assess(
            Framework::PciDss,
            &rules,
            &[finding("ZT-ID-001", None)],
            &facts(),
        );
        assert_eq!(status(&open, "8.4.1"), ControlStatus::NotSatisfied);
        let control = open.controls.iter().find(|c| c.id == "8.4.1").unwrap();
        assert_eq!(control.findings, vec!["F-001".to_string()]);

        let accepted = assess(
            Framework::PciDss,
            &rules,
            &[finding("ZT-ID-001", Some("board decision"))],
            &facts(),
        );
        let control = accepted.controls.iter().find(|c| c.id == "8.4.1").unwrap();
        assert_eq!(control.status, ControlStatus::NotSatisfied);
        assert!(control.findings.is_empty());
        assert_eq!(control.accepted_risks[0].reason, "board decision");

        let clean = assess(Framework::PciDss, &rules, &[], &facts());
        assert_eq!(status(&clean, "8.4.1"), ControlStatus::Satisfied);
        // Process, inherited, not-applicable and unchecked controls.
        assert_eq!(
            status(&clean, "12.10.1"),
            ControlStatus::AttestationRequired
        );
        assert_eq!(status(&clean, "9.2.1"), ControlStatus::AttestationRequired);
        assert_eq!(status(&clean, "1.3.3"), ControlStatus::NotApplicable);
        assert_eq!(status(&clean, "1.3.1"), ControlStatus::AttestationRequired);
        // The report's own diagram evidences 1.2.3.
        assert_eq!(status(&clean, "1.2.3"), ControlStatus::Satisfied);
    }

    #[test]
    fn pci_dss_does_not_apply_without_cardholder_data() {
        let assessment = assess(Framework::PciDss, &[], &[], &DesignFacts::default());
        assert!(assessment.not_applicable.is_some());
        assert_eq!(assessment.totals.not_applicable, assessment.controls.len());
    }
}
