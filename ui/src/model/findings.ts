// Findings as the rule engine reports them (types generated from zta-rules), and how the window
// groups and badges them.
import type { Badges } from "../canvas/toFlow";
import type { Finding, Severity } from "../generated/app";

export type { Finding, Severity };

export const severities: Severity[] = ["critical", "high", "medium", "low", "info"];

export const severityLabels: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};

/** Findings grouped by severity, most severe first; suppressed findings kept apart. */
export function groupFindings(findings: Finding[]): { severity: Severity; findings: Finding[] }[] {
  return severities
    .map((severity) => ({ severity, findings: findings.filter((f) => !f.suppressed && f.severity === severity) }))
    .filter((group) => group.findings.length > 0);
}

/** The worst open finding per element, for the badges on the canvas. */
export function badgesFor(findings: Finding[]): Badges {
  const badges: Badges = {};
  for (const finding of findings) {
    if (finding.suppressed) continue;
    for (const id of finding.elements) {
      const current = badges[id];
      if (!current) badges[id] = { severity: finding.severity, count: 1 };
      else {
        current.count += 1;
        if (severities.indexOf(finding.severity) < severities.indexOf(current.severity)) current.severity = finding.severity;
      }
    }
  }
  return badges;
}

/** Counts of open findings per severity. */
export function summarize(findings: Finding[]): Record<Severity, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of findings) if (!finding.suppressed) counts[finding.severity] += 1;
  return counts;
}
