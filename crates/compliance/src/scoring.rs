//! Zero-trust scoring: a CISA ZTMM maturity stage for each pillar and cross-cutting
//! capability, and the coverage of each NIST SP 800-207 tenet, derived from which of
//! the rules tagged with them pass.
//!
//! The method is deliberately simple enough to explain on one page of the report (see
//! [`METHOD`]): a design-time tool sees the design, not its operation, so the stage is
//! a statement about what the design enforces, and says so.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalog::Catalog;
use crate::framework::Framework;
use crate::input::{FindingRecord, RuleDescriptor, Severity};

/// CISA ZTMM v2.0 maturity stages, lowest first, after the mark of a pillar that no rule
/// evaluated anything for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// No rule of the pillar had anything to judge: the design shows nothing either way.
    NotAssessed,
    Traditional,
    Initial,
    Advanced,
    Optimal,
}

impl Stage {
    /// The maturity stages proper (a pillar that is not assessed has none of them).
    pub const ALL: [Stage; 4] = [
        Stage::Traditional,
        Stage::Initial,
        Stage::Advanced,
        Stage::Optimal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::NotAssessed => "Not assessed",
            Stage::Traditional => "Traditional",
            Stage::Initial => "Initial",
            Stage::Advanced => "Advanced",
            Stage::Optimal => "Optimal",
        }
    }

    /// 1 for Traditional up to 4 for Optimal, for charts; 0 when not assessed.
    pub fn level(self) -> u8 {
        self as u8
    }
}

/// Open findings per severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeverityCounts {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, severity: Severity) {
        *self.slot(severity) += 1;
    }

    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
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

    pub fn total(&self) -> usize {
        Severity::ALL
            .iter()
            .map(|&severity| self.get(severity))
            .sum()
    }
}

/// The stage of one ZTMM pillar or cross-cutting capability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PillarScore {
    pub id: String,
    pub name: String,
    pub cross_cutting: bool,
    pub stage: Stage,
    /// Rules tagged with the pillar, how many evaluated at least one subject, and how many of
    /// those have no open finding.
    pub rules: usize,
    pub rules_evaluated: usize,
    pub rules_passing: usize,
    pub open_findings: SeverityCounts,
    pub accepted_risks: usize,
    pub rationale: String,
}

/// How well the design's rules show one NIST tenet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TenetCoverage {
    pub id: String,
    pub title: String,
    pub rules: usize,
    /// The tenet's rules that evaluated at least one subject.
    pub rules_evaluated: usize,
    pub rules_passing: usize,
    /// Passing rules as a share of the tenet's evaluated rules, 0 to 100 (0 when none
    /// evaluated anything).
    pub coverage_percent: u8,
    /// Codes of the tenet's rules with open findings.
    pub failing_rules: Vec<String>,
}

/// The zero-trust scores of a design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ZeroTrustScore {
    pub pillars: Vec<PillarScore>,
    pub tenets: Vec<TenetCoverage>,
}

/// The scoring method, for the report's appendix.
pub const METHOD: &[&str] = &[
    "Every rule names the NIST SP 800-207 tenets it serves and the CISA ZTMM pillar or cross-cutting capability it belongs to. Only rules that evaluated at least one subject in the design count; a rule passes when it evaluated something and has no open (unsuppressed) finding; informational findings do not count against it.",
    "ZTMM stage per pillar, over the pillar's evaluated rules: Traditional when an open critical finding exists or fewer than half pass; Initial when an open high finding exists or fewer than three quarters pass; Advanced when any still has an open finding; Optimal when every one passes. A pillar for which no rule evaluated anything is reported as Not assessed: the design shows nothing for it, neither good nor bad.",
    "Accepted risks (suppressed findings) do not lower the stage, and are counted beside it so the reader can see what was accepted.",
    "NIST tenet coverage is the share of the tenet's evaluated rules that pass. It measures what the design enforces, not how the system operates: monitoring, review and response still need evidence from operation.",
];

/// Scores a design from the rule catalog and the findings of its validation.
pub fn score(rules: &[RuleDescriptor], findings: &[FindingRecord]) -> ZeroTrustScore {
    let passes = |rule: &RuleDescriptor| {
        rule.evaluated()
            && !findings.iter().any(|finding| {
                finding.rule == rule.code && finding.is_open() && finding.severity != Severity::Info
            })
    };

    let pillars = Catalog::of(Framework::CisaZtmm)
        .controls
        .iter()
        .map(|pillar| {
            let tagged: Vec<&RuleDescriptor> = rules
                .iter()
                .filter(|rule| rule.pillars.contains(&pillar.id))
                .collect();
            let mut open_findings = SeverityCounts::default();
            let mut accepted_risks = 0;
            for finding in findings {
                if tagged.iter().any(|rule| rule.code == finding.rule) {
                    if finding.is_open() {
                        open_findings.add(finding.severity);
                    } else {
                        accepted_risks += 1;
                    }
                }
            }
            let rules_evaluated = tagged.iter().filter(|rule| rule.evaluated()).count();
            let rules_passing = tagged.iter().filter(|rule| passes(rule)).count();
            let (stage, rationale) =
                stage_of(tagged.len(), rules_evaluated, rules_passing, &open_findings);
            PillarScore {
                id: pillar.id.clone(),
                name: pillar.title.clone(),
                cross_cutting: pillar.group == "cross-cutting",
                stage,
                rules: tagged.len(),
                rules_evaluated,
                rules_passing,
                open_findings,
                accepted_risks,
                rationale,
            }
        })
        .collect();

    let tenets = Catalog::of(Framework::Nist800207)
        .controls
        .iter()
        .map(|tenet| {
            let tagged: Vec<&RuleDescriptor> = rules
                .iter()
                .filter(|rule| rule.tenets.contains(&tenet.id))
                .collect();
            let evaluated: Vec<&&RuleDescriptor> =
                tagged.iter().filter(|rule| rule.evaluated()).collect();
            let failing_rules: Vec<String> = evaluated
                .iter()
                .filter(|rule| !passes(rule))
                .map(|rule| rule.code.clone())
                .collect();
            let rules_passing = evaluated.len() - failing_rules.len();
            let coverage_percent = if evaluated.is_empty() {
                0
            } else {
                (rules_passing * 100 / evaluated.len()) as u8
            };
            TenetCoverage {
                id: tenet.id.clone(),
                title: tenet.title.clone(),
                rules: tagged.len(),
                rules_evaluated: evaluated.len(),
                rules_passing,
                coverage_percent,
                failing_rules,
            }
        })
        .collect();

    ZeroTrustScore { pillars, tenets }
}

fn stage_of(tagged: usize, rules: usize, passing: usize, open: &SeverityCounts) -> (Stage, String) {
    if rules == 0 {
        let why = if tagged == 0 {
            "No rule checks this pillar".to_string()
        } else {
            format!("None of its {tagged} rules had anything to judge in this design")
        };
        return (
            Stage::NotAssessed,
            format!("{why}, so the design shows nothing for it."),
        );
    }
    let share = passing as f32 / rules as f32;
    let summary = format!("{passing} of {rules} evaluated rules pass");
    if open.critical > 0 {
        (
            Stage::Traditional,
            format!("{summary}; {} open critical finding(s).", open.critical),
        )
    } else if share < 0.5 {
        (Stage::Traditional, format!("{summary}: fewer than half."))
    } else if open.high > 0 {
        (
            Stage::Initial,
            format!("{summary}; {} open high finding(s).", open.high),
        )
    } else if share < 0.75 {
        (
            Stage::Initial,
            format!("{summary}: fewer than three quarters."),
        )
    } else if passing < rules {
        (
            Stage::Advanced,
            format!("{summary}; the rest have medium or low findings."),
        )
    } else {
        (Stage::Optimal, format!("{summary}."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(code: &str, pillar: &str, tenet: &str) -> RuleDescriptor {
        RuleDescriptor {
            code: code.to_string(),
            title: code.to_string(),
            severity: Severity::High,
            tenets: vec![tenet.to_string()],
            pillars: vec![pillar.to_string()],
            subjects: 1,
        }
    }

    fn finding(rule: &str, severity: Severity, accepted: bool) -> FindingRecord {
        FindingRecord {
            reference: format!("F-{rule}"),
            rule: rule.to_string(),
            severity,
            message: String::new(),
            elements: vec![],
            accepted_risk: accepted.then(|| "accepted by the board".to_string()),
        }
    }

    fn stage(score: &ZeroTrustScore, pillar: &str) -> Stage {
        score.pillars.iter().find(|p| p.id == pillar).unwrap().stage
    }

    #[test]
    fn stages_follow_the_documented_thresholds() {
        let rules: Vec<RuleDescriptor> = (0..4)
            .map(|index| rule(&format!("ID{index}"), "identity", "T6"))
            .chain((0..4).map(|index| rule(&format!("NET{index}"), "networks", "T2")))
            .chain((0..4).map(|index| rule(&format!("DATA{index}"), "data", "T1")))
            .collect();
        let findings = vec![
            finding("ID0", Severity::Critical, false),
            finding("NET0", Severity::Medium, false),
            finding("DATA0", Severity::High, true),
        ];
        let score = score(&rules, &findings);
        assert_eq!(stage(&score, "identity"), Stage::Traditional);
        assert_eq!(stage(&score, "networks"), Stage::Advanced);
        // An accepted risk does not lower the stage but is counted.
        assert_eq!(stage(&score, "data"), Stage::Optimal);
        let data = score.pillars.iter().find(|p| p.id == "data").unwrap();
        assert_eq!(data.accepted_risks, 1);
        // No rule checks devices: not assessed, never a red stage.
        assert_eq!(stage(&score, "devices"), Stage::NotAssessed);
        let t2 = score.tenets.iter().find(|t| t.id == "T2").unwrap();
        assert_eq!(
            (t2.rules, t2.rules_passing, t2.coverage_percent),
            (4, 3, 75)
        );
        assert_eq!(t2.failing_rules, vec!["NET0".to_string()]);
    }

    #[test]
    fn rules_with_nothing_to_judge_do_not_count() {
        let mut silent = rule("A", "networks", "T2");
        silent.subjects = 0;
        let score = score(&[silent.clone()], &[]);
        assert_eq!(stage(&score, "networks"), Stage::NotAssessed);
        let t2 = score.tenets.iter().find(|t| t.id == "T2").unwrap();
        assert_eq!(
            (t2.rules, t2.rules_evaluated, t2.coverage_percent),
            (1, 0, 0)
        );
        let both = super::score(&[silent, rule("B", "networks", "T2")], &[]);
        assert_eq!(stage(&both, "networks"), Stage::Optimal);
    }

    #[test]
    fn a_high_finding_caps_the_pillar_at_initial() {
        let rules = vec![rule("A", "networks", "T2"), rule("B", "networks", "T2")];
        let score = score(&rules, &[finding("A", Severity::High, false)]);
        // One of two rules passes: exactly half, so the high finding decides.
        assert_eq!(stage(&score, "networks"), Stage::Initial);
    }
}
