// The compliance assessment as the window presents it: labels and order of the control statuses
// and ZTMM stages, filtering and grouping of controls, and which design elements a control's
// findings point at (so that clicking a control frames them on the canvas).
import type { ComplianceView, ControlStatus, ControlView, FindingReference, Stage } from "../generated/app";

export const statusOrder: ControlStatus[] = [
  "not_satisfied",
  "not_evaluated",
  "evidenced_attestation_required",
  "attestation_required",
  "satisfied",
  "not_applicable",
];

export const statusLabels: Record<ControlStatus, string> = {
  not_satisfied: "Not satisfied",
  not_evaluated: "Not evaluated",
  evidenced_attestation_required: "Evidenced, attestation required",
  attestation_required: "Attestation required",
  satisfied: "Satisfied",
  not_applicable: "Not applicable",
};

/** What each status means, for the chips' tooltips (the same words as the PDF legend). */
export const statusMeanings: Record<ControlStatus, string> = {
  not_satisfied: "A mapped rule has a finding (open or accepted as a risk), or a prerequisite fails.",
  not_evaluated: "None of the mapped rules had anything to judge in this design: no data, not a pass.",
  evidenced_attestation_required: "The design shows part of the control; the auditor must still see the rest.",
  attestation_required: "Process or inherited control, or one no rule checks: evidence comes from outside the design.",
  satisfied: "Design-level; every mapped rule judged something and passed, every clause is covered and every prerequisite holds.",
  not_applicable: "The control cannot apply to this design; the reason is given.",
};

/** The maturity stages proper; a pillar that is not assessed has none of them. */
export const stageOrder: Stage[] = ["traditional", "initial", "advanced", "optimal"];

export const stageLabels: Record<Stage, string> = {
  not_assessed: "Not assessed",
  traditional: "Traditional",
  initial: "Initial",
  advanced: "Advanced",
  optimal: "Optimal",
};

/** 1 for Traditional up to 4 for Optimal, for the stage bars; 0 when not assessed (no bar at all). */
export function stageLevel(stage: Stage): number {
  return stage === "not_assessed" ? 0 : stageOrder.indexOf(stage) + 1;
}

/** The controls whose status is in `shown` (all when empty), grouped by their catalog group in catalog order. */
export function groupControls(controls: ControlView[], shown: ReadonlySet<ControlStatus>): { group: string; controls: ControlView[] }[] {
  const groups: { group: string; controls: ControlView[] }[] = [];
  for (const control of controls) {
    if (shown.size > 0 && !shown.has(control.status)) continue;
    const last = groups[groups.length - 1];
    if (last && last.group === control.group) last.controls.push(control);
    else groups.push({ group: control.group, controls: [control] });
  }
  return groups;
}

/** The ids of the design elements named by the findings a control cites, without repeats. */
export function elementsOfControl(control: ControlView, findings: FindingReference[]): string[] {
  const byReference = new Map(findings.map((finding) => [finding.reference, finding]));
  const ids = new Set<string>();
  for (const reference of control.findings) {
    for (const id of byReference.get(reference)?.elements ?? []) ids.add(id);
  }
  return [...ids];
}

/** The share of applicable controls that the design alone satisfies; null when none apply. */
export function satisfiedShare(view: ComplianceView["frameworks"][number]): number | null {
  const { satisfied, not_satisfied, not_evaluated, evidenced_attestation_required, attestation_required } = view.totals;
  const applicable = satisfied + not_satisfied + not_evaluated + evidenced_attestation_required + attestation_required;
  return applicable === 0 ? null : satisfied / applicable;
}

/** The line under a control: findings and accepted risks, then what its rules judged, then what is left to attest. */
export function controlDetail(control: ControlView): string {
  const parts: string[] = [];
  if (control.findings.length > 0) parts.push(control.findings.join(", "));
  if (control.accepted_risks > 0) parts.push(`${control.accepted_risks} accepted risk${control.accepted_risks === 1 ? "" : "s"}`);
  if (control.rules.length > 0) parts.push(`${control.coverage} (${control.rules.join(", ")})`);
  else parts.push(control.rationale);
  if (control.status !== "not_applicable" && control.attestation.length > 0) parts.push(`Still to attest: ${control.attestation.join(" ")}`);
  return parts.join(" · ");
}
