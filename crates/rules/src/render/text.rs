//! Text renderings for people: findings grouped by severity, coloured when the caller says the
//! output is a terminal, and the security diff.

use std::fmt::Write;

use crate::{DesignDiff, Report, Severity};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "\x1b[1;35m",
        Severity::High => "\x1b[1;31m",
        Severity::Medium => "\x1b[33m",
        Severity::Low => "\x1b[36m",
        Severity::Info => "\x1b[2m",
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn with(&self, style: &str, text: &str) -> String {
        if self.on {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// The report as text: a heading per severity, one block per finding, a summary line.
pub fn report_text(report: &Report, color: bool) -> String {
    let paint = Paint { on: color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint.with(BOLD, &format!("Design: {}", report.design))
    );
    for severity in Severity::ALL {
        let findings: Vec<_> = report
            .findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            paint.with(
                colour(severity),
                &format!("{} ({})", severity.as_str().to_uppercase(), findings.len())
            )
        );
        for finding in findings {
            let marker = if finding.suppressed {
                " [suppressed]"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {} {}{}",
                paint.with(colour(severity), &finding.rule),
                finding.title,
                paint.with(DIM, marker)
            );
            let _ = writeln!(out, "      {}", finding.message);
            if !finding.path.is_empty() {
                let _ = writeln!(out, "      path: {}", finding.path.join(" → "));
            }
            if let Some(reason) = &finding.suppression_reason {
                let _ = writeln!(out, "      accepted risk: {reason}");
            }
            let _ = writeln!(out, "      fix: {}", finding.remediation);
        }
    }
    let summary = &report.summary;
    let suppressed = report
        .findings
        .iter()
        .filter(|finding| finding.suppressed)
        .count();
    let _ = writeln!(
        out,
        "\n{} critical, {} high, {} medium, {} low, {} info ({} suppressed)",
        summary.critical, summary.high, summary.medium, summary.low, summary.info, suppressed
    );
    coverage_text(&mut out, &report.coverage);
    out
}

/// The coverage lines: what the rules judged, and what they did not, by id.
pub(crate) fn coverage_text(out: &mut String, coverage: &crate::Coverage) {
    let _ = writeln!(out, "Coverage: {}", coverage.summary());
    if !coverage.not_judged.is_empty() {
        let _ = writeln!(out, "  not judged: {}", coverage.not_judged.join(", "));
    }
}

/// The security diff as text, in the order a reviewer reads it.
pub fn diff_text(diff: &DesignDiff, color: bool) -> String {
    let paint = Paint { on: color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint.with(
            BOLD,
            &format!("Security diff: {} → {}", diff.old_design, diff.new_design)
        )
    );
    if diff.is_empty() {
        let _ = writeln!(out, "\nNo change to findings, internet paths or exposure.");
        return out;
    }
    let sections: [(&str, &[crate::FindingChange]); 2] = [
        ("Findings added", &diff.findings_added),
        ("Findings resolved", &diff.findings_resolved),
    ];
    for (title, findings) in sections {
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            paint.with(BOLD, &format!("{title} ({})", findings.len()))
        );
        for finding in findings {
            let _ = writeln!(
                out,
                "  {} {} [{}] {}",
                if title == "Findings added" { "+" } else { "-" },
                paint.with(colour(finding.severity), &finding.rule),
                finding.severity,
                finding.message
            );
        }
    }
    let paths: [(&str, &[crate::PathChange]); 2] = [
        ("Internet paths opened", &diff.paths_opened),
        ("Internet paths closed", &diff.paths_closed),
    ];
    for (title, changes) in paths {
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            paint.with(BOLD, &format!("{title} ({})", changes.len()))
        );
        for change in changes {
            let points = if change.enforcement.is_empty() {
                "no enforcement point".to_string()
            } else {
                change.enforcement.join(", ")
            };
            let _ = writeln!(
                out,
                "  {} {} → {} ({points}): {}",
                if title == "Internet paths opened" {
                    "+"
                } else {
                    "-"
                },
                change.zone,
                change.target,
                change.path.join(" → ")
            );
        }
    }
    if !diff.exposure_changed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint.with(
                BOLD,
                &format!("Exposure changed ({})", diff.exposure_changed.len())
            )
        );
        for change in &diff.exposure_changed {
            let _ = writeln!(
                out,
                "  ~ {} `{}`: {}",
                change.kind, change.id, change.change
            );
        }
    }
    out
}
