//! Assessing a design against a framework, control by control.
//!
//! Every control of the catalog gets exactly one status; none is dropped, and none is green
//! by default:
//! - **not applicable**, with the reason, when the catalog says the control cannot apply to an
//!   AWS design or the framework's trigger is absent (no cardholder data for PCI DSS, no
//!   personal data for GDPR);
//! - **attestation required** for process controls, controls inherited from AWS, and controls
//!   that no rule or report artifact bears on;
//! - **not satisfied**, with the findings, when a mapped rule has a finding (suppressed
//!   findings are listed as accepted risks and still leave the control not satisfied: the gap
//!   is accepted, not closed) or a required capability fails;
//! - **not evaluated** when none of the mapped rules had anything to judge in the design;
//! - **evidenced, attestation required** when the design shows part of the control (a
//!   partial-level control, a report artifact, some clauses or some rules without subjects):
//!   the assessment says what the design shows and what the auditor must still see;
//! - **satisfied** only when the control is design-level, every mapped rule evaluated at least
//!   one subject and passed, every clause is judged by such rules, and every required
//!   capability holds.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalog::{Catalog, EvidenceLevel};
use crate::framework::Framework;
use crate::input::{DesignFacts, FindingRecord, RuleDescriptor};
use crate::mapping::{Capability, Mapping};

/// The outcome for one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    Satisfied,
    NotSatisfied,
    NotEvaluated,
    EvidencedAttestationRequired,
    AttestationRequired,
    NotApplicable,
}

impl ControlStatus {
    /// Every status, in the order reports list them: what needs action first.
    pub const ALL: [ControlStatus; 6] = [
        ControlStatus::NotSatisfied,
        ControlStatus::NotEvaluated,
        ControlStatus::EvidencedAttestationRequired,
        ControlStatus::AttestationRequired,
        ControlStatus::Satisfied,
        ControlStatus::NotApplicable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Satisfied => "Satisfied",
            ControlStatus::NotSatisfied => "Not satisfied",
            ControlStatus::NotEvaluated => "Not evaluated",
            ControlStatus::EvidencedAttestationRequired => "Evidenced, attestation required",
            ControlStatus::AttestationRequired => "Attestation required",
            ControlStatus::NotApplicable => "Not applicable",
        }
    }

    /// What the status means, for legends.
    pub fn meaning(self) -> &'static str {
        match self {
            ControlStatus::Satisfied => {
                "Design-level control; every mapped rule judged something and passed, every clause is covered and every prerequisite holds."
            }
            ControlStatus::NotSatisfied => {
                "A mapped rule has a finding (open or accepted as a risk), or a prerequisite fails."
            }
            ControlStatus::NotEvaluated => {
                "None of the mapped rules had anything to judge in this design: no data, not a pass."
            }
            ControlStatus::EvidencedAttestationRequired => {
                "The design shows part of the control; the auditor must still see the rest, listed beside it."
            }
            ControlStatus::AttestationRequired => {
                "Process or inherited control, or one no rule checks: evidence comes from outside the design."
            }
            ControlStatus::NotApplicable => {
                "The control cannot apply to this design; the reason is given."
            }
        }
    }
}

/// A suppressed finding as it bears on a control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AcceptedRisk {
    pub finding: String,
    pub rule: String,
    pub reason: String,
}

/// What one mapped rule did for a control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleResult {
    pub code: String,
    pub title: String,
    /// Subjects the rule evaluated in the design.
    pub subjects: usize,
    /// Its findings, open and accepted.
    pub findings: usize,
    /// The clauses of the control it judges.
    pub clauses: Vec<String>,
}

/// How much of a control's mapping the design exercised.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ControlCoverage {
    /// Rules mapped to the control.
    pub rules_mapped: usize,
    /// Mapped rules that evaluated at least one subject.
    pub rules_evaluated: usize,
    /// Subjects evaluated, summed over the mapped rules.
    pub subjects: usize,
}

impl ControlCoverage {
    /// `k of n mapped rules evaluated, m subjects`, as every renderer prints it.
    pub fn label(&self) -> String {
        format!(
            "{} of {} mapped rules evaluated, {} subject{}",
            self.rules_evaluated,
            self.rules_mapped,
            self.subjects,
            if self.subjects == 1 { "" } else { "s" }
        )
    }
}

/// Whether a required capability holds in the design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PrerequisiteState {
    Holds,
    Fails,
    /// One of its rules had nothing to judge.
    Unknown,
}

/// A required capability and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrerequisiteResult {
    pub id: String,
    pub description: String,
    pub state: PrerequisiteState,
    /// Why, naming rules and findings.
    pub detail: String,
}

/// The assessment of one control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ControlAssessment {
    pub id: String,
    pub title: String,
    pub group: String,
    pub evidence_level: EvidenceLevel,
    pub status: ControlStatus,
    /// Why the control has this status, in a sentence.
    pub rationale: String,
    /// What the design shows: the mapped rules that evaluated subjects and passed, and the
    /// report artifacts that show the control.
    pub evidence: Vec<String>,
    /// What the auditor must still see: clauses the design does not show, rules that had
    /// nothing to judge, operation to attest.
    pub attestation: Vec<String>,
    /// The open findings against it (report references).
    pub findings: Vec<String>,
    pub accepted_risks: Vec<AcceptedRisk>,
    /// The rules mapped to it.
    pub rules: Vec<String>,
    /// What each mapped rule judged.
    pub rule_results: Vec<RuleResult>,
    pub coverage: ControlCoverage,
    /// The capabilities it requires, and whether they hold.
    pub prerequisites: Vec<PrerequisiteResult>,
}

/// How many controls have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusTotals {
    pub satisfied: usize,
    pub not_satisfied: usize,
    pub not_evaluated: usize,
    pub evidenced_attestation_required: usize,
    pub attestation_required: usize,
    pub not_applicable: usize,
}

impl StatusTotals {
    pub fn count(&self, status: ControlStatus) -> usize {
        match status {
            ControlStatus::Satisfied => self.satisfied,
            ControlStatus::NotSatisfied => self.not_satisfied,
            ControlStatus::NotEvaluated => self.not_evaluated,
            ControlStatus::EvidencedAttestationRequired => self.evidenced_attestation_required,
            ControlStatus::AttestationRequired => self.attestation_required,
            ControlStatus::NotApplicable => self.not_applicable,
        }
    }

    fn add(&mut self, status: ControlStatus) {
        *match status {
            ControlStatus::Satisfied => &mut self.satisfied,
            ControlStatus::NotSatisfied => &mut self.not_satisfied,
            ControlStatus::NotEvaluated => &mut self.not_evaluated,
            ControlStatus::EvidencedAttestationRequired => &mut self.evidenced_attestation_required,
            ControlStatus::AttestationRequired => &mut self.attestation_required,
            ControlStatus::NotApplicable => &mut self.not_applicable,
        } += 1;
    }

    /// Controls that need evidence from outside the design: attestation of either kind.
    pub fn needing_attestation(&self) -> usize {
        self.evidenced_attestation_required + self.attestation_required
    }
}

/// A whole framework's assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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

impl ControlAssessment {
    /// Whether any rule is mapped to the control, so that its coverage means something.
    pub fn has_rules(&self) -> bool {
        self.coverage.rules_mapped > 0
    }

    /// The reasons, coverage, findings, prerequisites, evidence and what remains to attest, one
    /// line each, in the order every renderer prints them.
    pub fn details(&self) -> Vec<String> {
        let mut lines = vec![self.rationale.clone()];
        if self.has_rules() {
            lines.push(format!("Coverage: {}.", self.coverage.label()));
        }
        if !self.findings.is_empty() {
            lines.push(format!("Findings: {}.", self.findings.join(", ")));
        }
        for risk in &self.accepted_risks {
            lines.push(format!(
                "Accepted risk {} ({}): {}",
                risk.finding, risk.rule, risk.reason
            ));
        }
        for prerequisite in &self.prerequisites {
            lines.push(format!(
                "Prerequisite: {} ({}).",
                prerequisite.description, prerequisite.detail
            ));
        }
        lines.extend(self.evidence.iter().cloned());
        if !self.attestation.is_empty() && self.status != ControlStatus::NotApplicable {
            lines.push(format!("Still to attest: {}", self.attestation.join(" ")));
        }
        lines
    }
}

impl FrameworkAssessment {
    /// What the assessment can defend, in one sentence: it claims as satisfied only what the
    /// design alone shows, and says how many controls were not evaluated or need attestation.
    pub fn summary_sentence(&self) -> String {
        if let Some(reason) = &self.not_applicable {
            return reason.clone();
        }
        let totals = &self.totals;
        let applicable = self.controls.len() - totals.not_applicable;
        format!(
            "Of {applicable} applicable controls, the design alone satisfies {}; {} are not satisfied; {} are not evaluated because no mapped rule had anything to judge; {} are partly evidenced and need attestation for the rest; {} need attestation from outside the design.",
            totals.satisfied,
            totals.not_satisfied,
            totals.not_evaluated,
            totals.evidenced_attestation_required,
            totals.attestation_required
        )
    }
}

/// How the assessment decides, for the report's method appendix.
pub const METHOD: &[&str] = &[
    "Each control of the selected framework is listed with exactly one status; no control is left out, and none is green by default.",
    "Every rule reports the subjects it evaluated: the elements, flows or identities it judged. A rule with no subjects had nothing to judge, and its silence is never read as a pass. Beside every control the report prints how many of its mapped rules evaluated something and how many subjects they judged.",
    "The mapping files list, for each control, the clauses a design can bear on and the rules that judge each clause. A clause no rule judges is a part of the control that the design cannot show.",
    "Satisfied: the control is design-level, every mapped rule evaluated at least one subject and passed, every clause is judged by such rules, and every prerequisite holds.",
    "Not satisfied: a mapped rule has a finding, or a prerequisite fails (for example, audit-log controls require a trail that records the account). Suppressed findings are listed as accepted risks; they leave the control not satisfied, because the gap is accepted rather than closed.",
    "Not evaluated: none of the mapped rules had anything to judge (for example, a certificate control on a design without HTTPS endpoints). This is the absence of data, not a pass.",
    "Evidenced, attestation required: the design shows part of the control (a partial-level control whose operation must be attested, a report artifact, some clauses, or some rules without subjects). The report lists what the design shows and what the auditor must still see.",
    "Attestation required: organisational and process controls, controls inherited from AWS under the shared-responsibility model (AWS Artifact), and controls no rule of this version checks.",
    "Not applicable: the catalog records why the control cannot apply to a design of AWS infrastructure, or the framework's trigger is absent (PCI DSS needs cardholder data, GDPR personal data).",
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
    let judge = Judge { rules, findings };

    let mut totals = StatusTotals::default();
    let controls: Vec<ControlAssessment> = catalog
        .controls
        .iter()
        .map(|control| {
            let mapped_rules: Vec<String> = mapping
                .rules_of(&control.id)
                .into_iter()
                .filter(|code| judge.rule(code).is_some())
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
                attestation: Vec::new(),
                findings: Vec::new(),
                accepted_risks: Vec::new(),
                rules: mapped_rules.clone(),
                rule_results: Vec::new(),
                coverage: ControlCoverage::default(),
                prerequisites: Vec::new(),
            };
            if let Some(reason) = control
                .not_applicable
                .as_ref()
                .or(framework_not_applicable.as_ref())
            {
                assessment.status = ControlStatus::NotApplicable;
                assessment.rationale = reason.clone();
            } else if control.evidence == EvidenceLevel::Inherited {
                assessment.rationale = "Inherited from AWS under the shared-responsibility model: attest with AWS's own reports (AWS Artifact).".to_string();
                assessment.attestation.push("AWS's attestation for the services used (AWS Artifact).".to_string());
            } else if control.evidence == EvidenceLevel::Process {
                assessment.rationale = "Organisational control that a design cannot show: attest with documented procedures and records.".to_string();
                assessment.attestation.push("Documented procedures and records of their operation.".to_string());
            } else {
                judge.decide(&mut assessment, mapping);
            }
            totals.add(assessment.status);
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

/// The rule results of one validation, as the assessment reads them.
struct Judge<'a> {
    rules: &'a [RuleDescriptor],
    findings: &'a [FindingRecord],
}

impl Judge<'_> {
    fn rule(&self, code: &str) -> Option<&RuleDescriptor> {
        self.rules.iter().find(|rule| rule.code == code)
    }

    fn findings_of<'s>(&'s self, code: &'s str) -> impl Iterator<Item = &'s FindingRecord> + 's {
        self.findings
            .iter()
            .filter(move |finding| finding.rule == code)
    }

    /// Whether the rule evaluated something and has no finding, open or accepted.
    fn passed(&self, code: &str) -> bool {
        self.rule(code).is_some_and(RuleDescriptor::evaluated)
            && self.findings_of(code).next().is_none()
    }

    fn prerequisite(&self, capability: &Capability) -> PrerequisiteResult {
        let failing: Vec<String> = capability
            .rules
            .iter()
            .filter_map(|code| {
                // An accepted finding still breaks the capability: the gap is accepted, not
                // closed, and the wording must say so rather than read as an open defect.
                let references: Vec<String> = self
                    .findings_of(code)
                    .map(|finding| match &finding.accepted_risk {
                        Some(reason) => {
                            format!("{}, accepted as a risk: {reason}", finding.reference)
                        }
                        None => finding.reference.clone(),
                    })
                    .collect();
                (!references.is_empty()).then(|| format!("{code} ({})", references.join("; ")))
            })
            .collect();
        let silent: Vec<&str> = capability
            .rules
            .iter()
            .filter(|code| !self.rule(code).is_some_and(RuleDescriptor::evaluated))
            .map(String::as_str)
            .collect();
        let (state, detail) = if !failing.is_empty() {
            (
                PrerequisiteState::Fails,
                format!("fails: finding(s) of {}", failing.join(", ")),
            )
        } else if !silent.is_empty() {
            (
                PrerequisiteState::Unknown,
                format!("not shown: {} had nothing to judge", silent.join(", ")),
            )
        } else {
            (
                PrerequisiteState::Holds,
                format!("holds: {} passed", capability.rules.join(", ")),
            )
        };
        PrerequisiteResult {
            id: capability.id.clone(),
            description: capability.description.clone(),
            state,
            detail,
        }
    }

    fn decide(&self, assessment: &mut ControlAssessment, mapping: &Mapping) {
        let clauses = mapping.clauses_of(&assessment.id);
        assessment.prerequisites = mapping
            .requirements_of(&assessment.id)
            .into_iter()
            .map(|capability| self.prerequisite(capability))
            .collect();

        for code in &assessment.rules {
            let rule = self
                .rule(code)
                .expect("mapped rules were filtered to known ones");
            assessment.rule_results.push(RuleResult {
                code: code.clone(),
                title: rule.title.clone(),
                subjects: rule.subjects,
                findings: self.findings_of(code).count(),
                clauses: clauses
                    .iter()
                    .filter(|clause| clause.rules.contains(code))
                    .map(|clause| clause.clause.clone())
                    .collect(),
            });
        }
        let results = &assessment.rule_results;
        assessment.coverage = ControlCoverage {
            rules_mapped: results.len(),
            rules_evaluated: results.iter().filter(|r| r.subjects > 0).count(),
            subjects: results.iter().map(|r| r.subjects).sum(),
        };

        let against: Vec<&FindingRecord> = self
            .findings
            .iter()
            .filter(|finding| assessment.rules.contains(&finding.rule))
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

        // What the design shows, and what the auditor must still see.
        for result in &assessment.rule_results {
            if result.subjects > 0 && result.findings == 0 {
                assessment.evidence.push(format!(
                    "{} {}: {} subject(s) evaluated, no finding",
                    result.code, result.title, result.subjects
                ));
            } else if result.subjects == 0 {
                assessment.attestation.push(format!(
                    "{} {} had nothing to judge in this design.",
                    result.code, result.title
                ));
            }
        }
        for artifact in mapping.artifacts_of(&assessment.id) {
            assessment
                .evidence
                .push(format!("Shown by {}.", artifact.describe()));
        }
        let covered = |clause: &crate::mapping::Clause| {
            !clause.rules.is_empty()
                && clause
                    .rules
                    .iter()
                    .filter(|code| self.rule(code).is_some())
                    .all(|code| self.passed(code))
        };
        for clause in clauses {
            if clause.rules.iter().all(|code| self.rule(code).is_none()) {
                let shown = if clause.artifacts.is_empty() {
                    ""
                } else {
                    " (the report shows it; confirm it matches what is deployed)"
                };
                assessment
                    .attestation
                    .push(format!("{}{shown}.", clause.text));
            }
        }
        if assessment.evidence_level == EvidenceLevel::Partial {
            assessment.attestation.push(
                "The operation of the control (reviews, responses, records over time).".to_string(),
            );
        }

        let failed: Vec<&PrerequisiteResult> = assessment
            .prerequisites
            .iter()
            .filter(|p| p.state == PrerequisiteState::Fails)
            .collect();
        let failing_rules: BTreeSet<&str> = against
            .iter()
            .map(|finding| finding.rule.as_str())
            .collect();
        let coverage = assessment.coverage;
        let has_artifacts = !mapping.artifacts_of(&assessment.id).is_empty();
        let (status, rationale) = if !failed.is_empty() {
            (
                ControlStatus::NotSatisfied,
                format!(
                    "Prerequisite not met: {}.",
                    failed
                        .iter()
                        .map(|p| format!("{} ({})", p.description, p.detail))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )
        } else if !assessment.findings.is_empty() {
            (
                ControlStatus::NotSatisfied,
                format!(
                    "{} open finding(s) from rule(s) {}.",
                    assessment.findings.len(),
                    failing_rules.iter().copied().collect::<Vec<_>>().join(", ")
                ),
            )
        } else if !assessment.accepted_risks.is_empty() {
            (
                ControlStatus::NotSatisfied,
                format!(
                    "The only findings ({}) are suppressed in the design and accepted as risks.",
                    assessment.accepted_risks.len()
                ),
            )
        } else if coverage.rules_mapped == 0 && !has_artifacts {
            (
                ControlStatus::AttestationRequired,
                "No rule of this version checks this control at design time: provide evidence from outside the design.".to_string(),
            )
        } else if coverage.rules_evaluated == 0 && !has_artifacts {
            (
                ControlStatus::NotEvaluated,
                format!(
                    "None of the {} mapped rule(s) had anything to judge in this design, so it shows nothing for this control.",
                    coverage.rules_mapped
                ),
            )
        } else {
            let every_rule_judged =
                coverage.rules_mapped > 0 && coverage.rules_evaluated == coverage.rules_mapped;
            let every_clause_covered = clauses.iter().all(covered);
            let prerequisites_hold = assessment
                .prerequisites
                .iter()
                .all(|p| p.state == PrerequisiteState::Holds);
            if assessment.evidence_level == EvidenceLevel::Design
                && every_rule_judged
                && every_clause_covered
                && prerequisites_hold
            {
                (
                    ControlStatus::Satisfied,
                    format!(
                        "Shown by the design: {} passed.",
                        assessment.rules.join(", ")
                    ),
                )
            } else {
                for prerequisite in assessment
                    .prerequisites
                    .iter()
                    .filter(|p| p.state == PrerequisiteState::Unknown)
                {
                    assessment.attestation.push(format!(
                        "{} ({}).",
                        prerequisite.description, prerequisite.detail
                    ));
                }
                let reason = if assessment.evidence_level == EvidenceLevel::Partial {
                    "The design shows the enabling control; its operation must still be attested."
                } else if !every_rule_judged && coverage.rules_mapped > 0 {
                    "Some mapped rules had nothing to judge, so the design shows only part of the control."
                } else {
                    "The design shows part of the control; the rest must be attested."
                };
                (
                    ControlStatus::EvidencedAttestationRequired,
                    reason.to_string(),
                )
            }
        };
        assessment.status = status;
        assessment.rationale = rationale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Severity;

    fn rule(code: &str, subjects: usize) -> RuleDescriptor {
        RuleDescriptor {
            code: code.to_string(),
            title: format!("title of {code}"),
            severity: Severity::High,
            tenets: vec!["T6".to_string()],
            pillars: vec!["identity".to_string()],
            subjects,
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

    fn control<'a>(assessment: &'a FrameworkAssessment, id: &str) -> &'a ControlAssessment {
        assessment.controls.iter().find(|c| c.id == id).unwrap()
    }

    fn status(assessment: &FrameworkAssessment, id: &str) -> ControlStatus {
        control(assessment, id).status
    }

    #[test]
    fn every_control_of_the_catalog_gets_exactly_one_status() {
        let assessment = assess(Framework::Iso27001, &[], &[], &facts());
        assert_eq!(assessment.controls.len(), 93);
        let totals = &assessment.totals;
        let sum: usize = ControlStatus::ALL.iter().map(|&s| totals.count(s)).sum();
        assert_eq!(sum, 93);
    }

    #[test]
    fn findings_and_suppressions_leave_a_control_not_satisfied() {
        // PCI DSS 8.4.1: ZT-ID-001 and ZT-ID-006 (admin MFA, federation), ZT-ID-009.
        let rules = [
            rule("ZT-ID-001", 2),
            rule("ZT-ID-006", 2),
            rule("ZT-ID-009", 1),
        ];
        let open = assess(
            Framework::PciDss,
            &rules,
            &[finding("ZT-ID-001", None)],
            &facts(),
        );
        assert_eq!(status(&open, "8.4.1"), ControlStatus::NotSatisfied);
        assert_eq!(control(&open, "8.4.1").findings, vec!["F-001".to_string()]);

        let accepted = assess(
            Framework::PciDss,
            &rules,
            &[finding("ZT-ID-001", Some("board decision"))],
            &facts(),
        );
        let c = control(&accepted, "8.4.1");
        assert_eq!(c.status, ControlStatus::NotSatisfied);
        assert!(c.findings.is_empty());
        assert_eq!(c.accepted_risks[0].reason, "board decision");

        let clean = assess(Framework::PciDss, &rules, &[], &facts());
        let c = control(&clean, "8.4.1");
        assert_eq!(c.status, ControlStatus::Satisfied, "{c:?}");
        assert_eq!(
            c.coverage.label(),
            "3 of 3 mapped rules evaluated, 5 subjects"
        );
    }

    #[test]
    fn a_rule_with_nothing_to_judge_never_makes_a_control_green() {
        // 8.4.1 with every rule silent: not evaluated, not satisfied by default.
        let silent = [
            rule("ZT-ID-001", 0),
            rule("ZT-ID-006", 0),
            rule("ZT-ID-009", 0),
        ];
        let assessment = assess(Framework::PciDss, &silent, &[], &facts());
        assert_eq!(status(&assessment, "8.4.1"), ControlStatus::NotEvaluated);
        // One silent rule out of three: the design shows only part of the control.
        let partly = [
            rule("ZT-ID-001", 2),
            rule("ZT-ID-006", 2),
            rule("ZT-ID-009", 0),
        ];
        let assessment = assess(Framework::PciDss, &partly, &[], &facts());
        let c = control(&assessment, "8.4.1");
        assert_eq!(c.status, ControlStatus::EvidencedAttestationRequired);
        assert!(
            c.attestation.iter().any(|line| line.contains("ZT-ID-009")),
            "{c:?}"
        );
    }

    #[test]
    fn levels_clauses_and_artifacts_decide_what_needs_attestation() {
        let clean = assess(Framework::PciDss, &[], &[], &facts());
        // Process, inherited, not applicable.
        assert_eq!(
            status(&clean, "12.10.1"),
            ControlStatus::AttestationRequired
        );
        assert_eq!(status(&clean, "9.2.1"), ControlStatus::AttestationRequired);
        assert_eq!(status(&clean, "1.3.3"), ControlStatus::NotApplicable);
        // The report's own diagram shows 1.2.3, but whether it matches what is deployed
        // is for the assessor.
        let c = control(&clean, "1.2.3");
        assert_eq!(c.status, ControlStatus::EvidencedAttestationRequired);
        assert!(c.attestation.iter().any(|line| line.contains("deployed")));
        // A clause no rule judges keeps a design control from green: 10.3.2 needs an
        // immutable store as well as validated trails.
        let rules = [rule("ZT-MON-001", 1), rule("ZT-MON-003", 1)];
        let assessment = assess(Framework::PciDss, &rules, &[], &facts());
        assert_eq!(status(&assessment, "10.3.4"), ControlStatus::Satisfied);
        assert_eq!(
            status(&assessment, "10.3.2"),
            ControlStatus::EvidencedAttestationRequired
        );
    }

    #[test]
    fn a_failed_prerequisite_makes_a_control_not_satisfied_and_names_why() {
        // No trail in the account: log validation has nothing to judge, yet the control is
        // broken, not merely unevaluated.
        let rules = [rule("ZT-MON-001", 1), rule("ZT-MON-003", 0)];
        let mut missing = finding("ZT-MON-001", None);
        missing.reference = "F-007".to_string();
        let assessment = assess(Framework::PciDss, &rules, &[missing], &facts());
        let c = control(&assessment, "10.3.4");
        assert_eq!(c.status, ControlStatus::NotSatisfied);
        assert!(
            c.rationale.contains("CloudTrail") && c.rationale.contains("F-007"),
            "{}",
            c.rationale
        );
        assert_eq!(c.prerequisites[0].state, PrerequisiteState::Fails);
    }

    #[test]
    fn an_accepted_prerequisite_finding_says_so_and_still_fails_the_control() {
        let rules = [rule("ZT-MON-001", 1), rule("ZT-MON-003", 1)];
        let mut accepted = finding("ZT-MON-001", Some("trail planned for Q3"));
        accepted.reference = "F-004".to_string();
        let assessment = assess(Framework::PciDss, &rules, &[accepted], &facts());
        let c = control(&assessment, "10.3.4");
        assert_eq!(c.status, ControlStatus::NotSatisfied);
        assert_eq!(c.prerequisites[0].state, PrerequisiteState::Fails);
        assert!(
            c.rationale
                .contains("F-004, accepted as a risk: trail planned for Q3"),
            "{}",
            c.rationale
        );
        assert!(
            c.details()
                .iter()
                .any(|line| line.contains("accepted as a risk")),
            "{:?}",
            c.details()
        );
    }

    #[test]
    fn pci_dss_does_not_apply_without_cardholder_data() {
        let assessment = assess(Framework::PciDss, &[], &[], &DesignFacts::default());
        assert!(assessment.not_applicable.is_some());
        assert_eq!(assessment.totals.not_applicable, assessment.controls.len());
    }
}
