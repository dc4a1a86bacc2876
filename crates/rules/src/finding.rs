//! Findings (what a rule reports about a design) and the report of one validation.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Severity;
use crate::analysis::Analyses;
use crate::coverage::Coverage;
use crate::rule::RuleMeta;

/// One violation of a rule by some elements of the design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    /// The rule's stable code, e.g. `ZT-NET-004`.
    pub rule: String,
    /// The rule's severity.
    pub severity: Severity,
    /// The rule's title.
    pub title: String,
    /// What is wrong, naming the elements concerned.
    pub message: String,
    /// The ids of the elements concerned, the subject first (the UI highlights them).
    pub elements: Vec<String>,
    /// For path findings, the ordered ids along the path: the origin zone, then alternately
    /// the flow taken and the element reached. Empty for other findings.
    pub path: Vec<String>,
    /// What to change in the design.
    pub remediation: String,
    /// Whether an element named in the finding accepts this rule as a risk.
    pub suppressed: bool,
    /// The reason given by the suppression, when suppressed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suppression_reason: Option<String>,
    /// For findings about the carried CloudFormation, which names no element: the carried
    /// resource, output or parameter concerned, as `carried_cloudformation.Resources.Id`, so
    /// that a scan points at its logical id in the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub carried: Option<String>,
}

/// Collects the findings of one rule while it checks a design, and the subjects it judged.
///
/// A rule records every element, flow or identity it looked at and judged (whether or not it
/// found a problem) with [`Emitter::evaluate`], so that a rule with nothing to judge can be
/// told from a rule that passed: an auditor must never read "no finding" as "checked".
pub struct Emitter {
    meta: RuleMeta,
    findings: Vec<Finding>,
    subjects: BTreeSet<String>,
}

impl Emitter {
    pub(crate) fn new(meta: RuleMeta) -> Self {
        Self {
            meta,
            findings: Vec::new(),
            subjects: BTreeSet::new(),
        }
    }

    /// Records that the rule judged this element, flow or identity. Each id counts once, and
    /// the subject of every finding is counted too.
    pub fn evaluate(&mut self, id: &str) {
        if !self.subjects.contains(id) {
            self.subjects.insert(id.to_string());
        }
    }

    /// Reports a finding about some elements.
    pub fn report(
        &mut self,
        message: impl Into<String>,
        elements: &[&str],
        remediation: impl Into<String>,
    ) {
        self.report_path(message, elements, Vec::new(), remediation);
    }

    /// Reports a finding along a path of elements and flows.
    pub fn report_path(
        &mut self,
        message: impl Into<String>,
        elements: &[&str],
        path: Vec<String>,
        remediation: impl Into<String>,
    ) {
        if let Some(subject) = elements.first() {
            self.evaluate(subject);
        }
        let mut ids: Vec<String> = Vec::with_capacity(elements.len());
        for id in elements {
            if !ids.iter().any(|seen| seen == id) {
                ids.push((*id).to_string());
            }
        }
        self.findings.push(Finding {
            rule: self.meta.code.to_string(),
            severity: self.meta.severity,
            title: self.meta.title.to_string(),
            message: message.into(),
            elements: ids,
            path,
            remediation: remediation.into(),
            suppressed: false,
            suppression_reason: None,
            carried: None,
        });
    }

    /// Reports a finding about a carried resource, output or parameter, whose subject
    /// (`carried_cloudformation.Resources.Id`) is counted as judged.
    pub fn report_carried(
        &mut self,
        message: impl Into<String>,
        subject: &str,
        remediation: impl Into<String>,
    ) {
        self.evaluate(subject);
        self.report(message, &[], remediation);
        if let Some(finding) = self.findings.last_mut() {
            finding.carried = Some(subject.to_owned());
        }
    }

    /// The findings, what the rule judged (its code, subject and finding counts) and the
    /// subjects themselves.
    pub(crate) fn finish(self) -> (Vec<Finding>, RuleRun, BTreeSet<String>) {
        let run = RuleRun {
            code: self.meta.code.to_string(),
            subjects: self.subjects.len(),
            findings: self.findings.len(),
        };
        (self.findings, run, self.subjects)
    }
}

/// What one rule judged in a validation: how many subjects (elements, flows or identities) it
/// evaluated and how many findings it reported, suppressed ones included. A rule with no
/// subjects had nothing to judge in the design; its silence is not a pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleRun {
    /// The rule's stable code.
    pub code: String,
    /// The number of distinct subjects the rule judged.
    pub subjects: usize,
    /// The number of findings it reported, suppressed ones included.
    pub findings: usize,
}

/// The number of findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Critical findings.
    pub critical: usize,
    /// High findings.
    pub high: usize,
    /// Medium findings.
    pub medium: usize,
    /// Low findings.
    pub low: usize,
    /// Informational findings.
    pub info: usize,
}

impl Summary {
    /// Counts the findings that are not suppressed.
    pub fn of(findings: &[Finding]) -> Self {
        let mut summary = Summary::default();
        for finding in findings.iter().filter(|finding| !finding.suppressed) {
            *summary.slot(finding.severity) += 1;
        }
        summary
    }

    fn slot(&mut self, severity: Severity) -> &mut usize {
        match severity {
            Severity::Critical => &mut self.critical,
            Severity::High => &mut self.high,
            Severity::Medium => &mut self.medium,
            Severity::Low => &mut self.low,
            Severity::Info => &mut self.info,
        }
    }

    /// The count of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }

    /// The number of open findings at or above a severity.
    pub fn at_or_above(&self, threshold: Severity) -> usize {
        Severity::ALL
            .into_iter()
            .filter(|severity| *severity >= threshold)
            .map(|severity| self.count(severity))
            .sum()
    }
}

/// The result of validating one design: its findings and the analyses they rest on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The design's name.
    pub design: String,
    /// Open findings per severity (suppressed findings are not counted).
    pub summary: Summary,
    /// Every finding, suppressed ones included, most severe first, then by rule code.
    pub findings: Vec<Finding>,
    /// Every rule of the catalog with the number of subjects it evaluated, in catalog order.
    pub rules: Vec<RuleRun>,
    /// What the rules judged: elements by the design rules, carried resources by the generic
    /// checks, and what nothing judged.
    pub coverage: Coverage,
    /// Every subject some rule judged: element ids, flow ids and carried subjects
    /// (`carried_cloudformation.Resources.Id`).
    #[serde(skip)]
    pub judged: BTreeSet<String>,
    /// The shared analyses: internet exposure, PCI scope, blast radius, segmentation.
    #[serde(skip)]
    pub analyses: Analyses,
}

impl Report {
    /// Whether any open finding is at or above the threshold (what `--fail-on` asks).
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.summary.at_or_above(threshold) > 0
    }

    /// What a rule judged in this validation, if the catalog has the rule.
    pub fn run_of(&self, code: &str) -> Option<&RuleRun> {
        self.rules.iter().find(|run| run.code == code)
    }

    /// The findings that are not suppressed.
    pub fn open_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|finding| !finding.suppressed)
    }
}
