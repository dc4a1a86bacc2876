//! The rule catalog: every rule's public description, looked up by code, and the summary shape
//! that `zta rules --format json` prints and the compliance crate consumes.

use serde::Serialize;

use crate::rule::{Family, RuleMeta};
use crate::rules;
use crate::{Error, Pillar, Result, Severity, Tenet};

/// Every rule's description, in code order within family order.
pub fn catalog() -> Vec<&'static RuleMeta> {
    rules::ALL.iter().map(|rule| &rule.meta).collect()
}

/// The rule with this code (case-insensitive), or an error that suggests the closest code.
pub fn find_rule(code: &str) -> Result<&'static RuleMeta> {
    let wanted = code.trim();
    rules::ALL
        .iter()
        .map(|rule| &rule.meta)
        .find(|meta| meta.code.eq_ignore_ascii_case(wanted) || meta.name == wanted)
        .ok_or_else(|| Error::UnknownRule {
            code: wanted.to_string(),
            suggestion: closest_code(wanted),
        })
}

fn closest_code(wanted: &str) -> Option<String> {
    let wanted = wanted.to_ascii_uppercase();
    rules::ALL
        .iter()
        .map(|rule| rule.meta.code)
        .map(|code| (distance(code, &wanted), code))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, code)| code.to_string())
}

/// Levenshtein distance, for suggestions; codes are short, so the quadratic table is cheap.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// One rule as `zta rules --format json` prints it: a stable contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSummary {
    /// The stable code.
    pub code: &'static str,
    /// The kebab-case name.
    pub name: &'static str,
    /// The title.
    pub title: &'static str,
    /// The family.
    pub family: Family,
    /// The severity of its findings.
    pub severity: Severity,
    /// NIST SP 800-207 tenets, e.g. `["T2", "T6"]`.
    pub tenets: Vec<Tenet>,
    /// The CISA ZTMM pillar, e.g. `networks`.
    pub pillar: Pillar,
    /// The first paragraph of "What it checks".
    pub summary: String,
}

/// The catalog in its JSON shape.
pub fn rule_summaries() -> Vec<RuleSummary> {
    catalog()
        .into_iter()
        .map(|meta| RuleSummary {
            code: meta.code,
            name: meta.name,
            title: meta.title,
            family: meta.family,
            severity: meta.severity,
            tenets: meta.tenets.to_vec(),
            pillar: meta.pillar,
            summary: meta.summary(),
        })
        .collect()
}
