// The compliance assessment as the window presents it: labels and order of the control statuses
// and ZTMM stages, filtering and grouping of controls, and which design elements a control's
// findings point at (so that clicking a control frames them on the canvas).
import type {
  AssessedFinding,
  ControlAssessment,
  ControlCoverage,
  ControlStatus,
  FrameworkAssessment,
  Stage,
  StatusTotals,
} from "../generated/app";

export const statusOrder: ControlStatus[] = [
  "not-satisfied",
  "not-evaluated",
  "evidenced-attestation-required",
  "attestation-required",
  "satisfied",
  "not-applicable",
];

export const statusLabels: Record<ControlStatus, string> = {
  "not-satisfied": "Not satisfied",
  "not-evaluated": "Not evaluated",
  "evidenced-attestation-required": "Evidenced, attestation required",
  "attestation-required": "Attestation required",
  satisfied: "Satisfied",
  "not-applicable": "Not applicable",
};

/** What each status means, for the chips' tooltips (the same words as the PDF legend). */
export const statusMeanings: Record<ControlStatus, string> = {
  "not-satisfied": "A mapped rule has a finding (open or accepted as a risk), or a prerequisite fails.",
  "not-evaluated": "None of the mapped rules had anything to judge in this design: no data, not a pass.",
  "evidenced-attestation-required": "The design shows part of the control; the auditor must still see the rest.",
  "attestation-required": "Process or inherited control, or one no rule checks: evidence comes from outside the design.",
  satisfied: "Design-level; every mapped rule judged something and passed, every clause is covered and every prerequisite holds.",
  "not-applicable": "The control cannot apply to this design; the reason is given.",
};

/** The maturity stages proper; a pillar that is not assessed has none of them. */
export const stageOrder: Stage[] = ["traditional", "initial", "advanced", "optimal"];

export const stageLabels: Record<Stage, string> = {
  "not-assessed": "Not assessed",
  traditional: "Traditional",
  initial: "Initial",
  advanced: "Advanced",
  optimal: "Optimal",
};

/** 1 for Traditional up to 4 for Optimal, for the stage bars; 0 when not assessed (no bar at all). */
export function stageLevel(stage: Stage): number {
  return stage === "not-assessed" ? 0 : stageOrder.indexOf(stage) + 1;
}

/** How many controls of a framework have `status`. */
export function statusTotal(totals: StatusTotals, status: ControlStatus): number {
  const counts: Record<ControlStatus, number> = {
    "not-satisfied": totals.not_satisfied,
    "not-evaluated": totals.not_evaluated,
    "evidenced-attestation-required": totals.evidenced_attestation_required,
    "attestation-required": totals.attestation_required,
    satisfied: totals.satisfied,
    "not-applicable": totals.not_applicable,
  };
  return counts[status];
}

/** `k of n mapped rules evaluated, m subjects`, as the report prints a control's coverage. */
export function coverageLabel(coverage: ControlCoverage): string {
  const subjects = `${coverage.subjects} subject${coverage.subjects === 1 ? "" : "s"}`;
  return `${coverage.rules_evaluated} of ${coverage.rules_mapped} mapped rules evaluated, ${subjects}`;
}

/** The controls whose status is in `shown` (all when empty), grouped by their catalog group in catalog order. */
export function groupControls(controls: ControlAssessment[], shown: ReadonlySet<ControlStatus>): { group: string; controls: ControlAssessment[] }[] {
  const groups: { group: string; controls: ControlAssessment[] }[] = [];
  for (const control of controls) {
    if (shown.size > 0 && !shown.has(control.status)) continue;
    const last = groups[groups.length - 1];
    if (last && last.group === control.group) last.controls.push(control);
    else groups.push({ group: control.group, controls: [control] });
  }
  return groups;
}

/** The ids of the design elements named by the findings a control cites, without repeats. */
export function elementsOfControl(control: ControlAssessment, findings: AssessedFinding[]): string[] {
  const byReference = new Map(findings.map((finding) => [finding.reference, finding]));
  const ids = new Set<string>();
  for (const reference of control.findings) {
    for (const id of byReference.get(reference)?.elements ?? []) ids.add(id);
  }
  return [...ids];
}

/** The share of applicable controls that the design alone satisfies; null when none apply. */
export function satisfiedShare(view: FrameworkAssessment): number | null {
  const { satisfied, not_satisfied, not_evaluated, evidenced_attestation_required, attestation_required } = view.totals;
  const applicable = satisfied + not_satisfied + not_evaluated + evidenced_attestation_required + attestation_required;
  return applicable === 0 ? null : satisfied / applicable;
}

/** The line under a control: findings and accepted risks, then what its rules judged, then what is left to attest. */
export function controlDetail(control: ControlAssessment): string {
  const parts: string[] = [];
  if (control.findings.length > 0) parts.push(control.findings.join(", "));
  const accepted = control.accepted_risks.length;
  if (accepted > 0) parts.push(`${accepted} accepted risk${accepted === 1 ? "" : "s"}`);
  if (control.rules.length > 0) parts.push(`${coverageLabel(control.coverage)} (${control.rules.join(", ")})`);
  else parts.push(control.rationale);
  if (control.status !== "not-applicable" && control.attestation.length > 0) parts.push(`Still to attest: ${control.attestation.join(" ")}`);
  return parts.join(" · ");
}
