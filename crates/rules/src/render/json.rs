//! JSON renderings: the validation report (a stable contract, documented in the README), the
//! rule catalog and the security diff.

use crate::{DesignDiff, Report, rule_summaries};

/// The report as `{"design", "summary", "findings": [...]}`, pretty-printed.
pub fn report_json(report: &Report) -> String {
    to_pretty(report)
}

/// The shared analyses (exposure paths, PCI scope, blast radius, segmentation) as JSON, for
/// the app's Paths tab and for reports.
pub fn analyses_json(report: &Report) -> String {
    to_pretty(&report.analyses)
}

/// The catalog as an array of `{code, name, title, family, severity, tenets, pillar, summary}`.
pub fn rules_json() -> String {
    to_pretty(&rule_summaries())
}

/// The security diff as JSON.
pub fn diff_json(diff: &DesignDiff) -> String {
    to_pretty(diff)
}

fn to_pretty<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .expect("report types serialise: they hold only strings, numbers and lists");
    text.push('\n');
    text
}
