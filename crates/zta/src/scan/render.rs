//! A scan as text for people and CI logs, and as SARIF 2.1.0 for code scanning. Both state the
//! coverage and every path not scanned or passed over, as the JSON form does.

use std::fmt::Write;

use zta_rules::render::{PlacedFinding, placed_sarif};

use super::Scan;

/// `file:line:column` lines, then what was not scanned, the summary and the coverage.
pub(super) fn text(scan: &Scan) -> String {
    let mut out = String::new();
    for template in &scan.templates {
        for placed in &template.findings {
            let marker = if placed.finding.suppressed {
                " [suppressed]"
            } else {
                ""
            };
            let _ = write!(
                out,
                "{}:{}:{}: {} {} {}{marker}\n    {}\n    fix: {}\n",
                placed.file,
                placed.line,
                placed.column,
                placed.finding.severity.as_str(),
                placed.finding.rule,
                placed.finding.title,
                placed.finding.message,
                placed.finding.remediation
            );
        }
    }
    let account_wide = scan.account_wide_rules();
    if !account_wide.is_empty() {
        let names: Vec<String> = account_wide
            .iter()
            .map(|rule| format!("{} {}", rule.rule, rule.title))
            .collect();
        let _ = writeln!(
            out,
            "not evaluated: account-wide rules ({}): {}",
            names.join("; "),
            super::ACCOUNT_WIDE_REASON
        );
    }
    for failure in &scan.failures {
        let _ = writeln!(out, "{failure}");
    }
    for skipped in &scan.skipped {
        let _ = writeln!(out, "{}: skipped: {}", skipped.file, skipped.reason);
    }
    let summary = &scan.summary;
    let _ = writeln!(
        out,
        "\n{} template(s) scanned, {} not scanned, {} path(s) skipped: {} critical, {} high, {} medium, {} low, {} info",
        scan.templates.len(),
        scan.failures.len(),
        scan.skipped.len(),
        summary.critical,
        summary.high,
        summary.medium,
        summary.low,
        summary.info
    );
    let coverage = &scan.coverage;
    let _ = writeln!(
        out,
        "Coverage: {} resources: {} judged by design rules, {} by generic checks, {} not judged ({:.1}% judged)",
        coverage.resources,
        coverage.by_design_rules,
        coverage.by_generic_checks,
        coverage.not_judged.len(),
        coverage.judged_percent()
    );
    for resource in &coverage.not_judged {
        let _ = writeln!(
            out,
            "  not judged: {}:{}:{}: {} ({})",
            resource.file,
            resource.line,
            resource.column,
            resource.logical_id,
            resource.resource_type
        );
    }
    out
}

/// One SARIF run: a result per finding, located in its template; the coverage, the templates
/// not scanned and the paths skipped as the run's properties.
pub(super) fn sarif(scan: &Scan) -> String {
    let mut artifacts: Vec<String> = Vec::new();
    let mut placed = Vec::new();
    for template in &scan.templates {
        for result in &template.findings {
            let uri = artifact_uri(&result.file);
            let artifact = match artifacts.iter().position(|known| *known == uri) {
                Some(index) => index,
                None => {
                    artifacts.push(uri);
                    artifacts.len() - 1
                }
            };
            let mut logical: Vec<(String, String)> = result
                .logical_id
                .iter()
                .map(|id| (id.clone(), "resource".to_owned()))
                .collect();
            logical.extend(
                result
                    .finding
                    .elements
                    .iter()
                    .map(|id| (id.clone(), "element".to_owned())),
            );
            placed.push(PlacedFinding {
                finding: &result.finding,
                artifact,
                line: result.line,
                column: result.column,
                logical,
            });
        }
    }
    let properties = serde_json::json!({
        "coverage": scan.coverage,
        "notEvaluated": {
            "rules": scan.account_wide_rules(),
            "reason": super::ACCOUNT_WIDE_REASON,
        },
        "notScanned": scan.failures,
        "skipped": scan.skipped,
    });
    placed_sarif(&placed, &artifacts, properties)
}

/// A file path as a SARIF artifact URI (RFC 3986): relative paths stay relative, without a
/// leading `./`, so that code scanning resolves them against the repository; absolute ones
/// become `file://` URIs; anything but unreserved characters and `/` is percent-encoded.
fn artifact_uri(file: &str) -> String {
    let mut relative = file;
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    let mut uri = String::new();
    if relative.starts_with('/') {
        uri.push_str("file://");
    }
    for byte in relative.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(artifact_uri("./app/main.yaml"), "app/main.yaml");
        assert_eq!(artifact_uri("legacy.json"), "legacy.json");
        assert_eq!(artifact_uri("../infra/vpc.yaml"), "../infra/vpc.yaml");
        assert_eq!(
            artifact_uri("/srv/repo/my stack#1.yaml"),
            "file:///srv/repo/my%20stack%231.yaml"
        );
    }
}
