// The compliance assessment as the window presents it: labels and order of the control statuses
// and ZTMM stages, filtering and grouping of controls, and which design elements a control's
// findings point at (so that clicking a control frames them on the canvas).
import type { ComplianceView, ControlStatus, ControlView, FindingReference, Stage } from "../generated/app";

export const statusOrder: ControlStatus[] = ["not_satisfied", "attestation_required", "satisfied", "not_applicable"];

export const statusLabels: Record<ControlStatus, string> = {
  not_satisfied: "Not satisfied",
  attestation_required: "Attestation required",
  satisfied: "Satisfied",
  not_applicable: "Not applicable",
};

export const stageOrder: Stage[] = ["traditional", "initial", "advanced", "optimal"];

export const stageLabels: Record<Stage, string> = {
  traditional: "Traditional",
  initial: "Initial",
  advanced: "Advanced",
  optimal: "Optimal",
};

/** 1 for Traditional up to 4 for Optimal, for the stage bars. */
export function stageLevel(stage: Stage): number {
  return stageOrder.indexOf(stage) + 1;
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

/** The share of assessed controls that are satisfied, ignoring those that do not apply; null when none apply. */
export function satisfiedShare(view: ComplianceView["frameworks"][number]): number | null {
  const { satisfied, not_satisfied, attestation_required } = view.totals;
  const applicable = satisfied + not_satisfied + attestation_required;
  return applicable === 0 ? null : satisfied / applicable;
}
