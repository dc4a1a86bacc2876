import { describe, expect, it } from "vitest";

import type { ControlAssessment, FrameworkAssessment } from "../generated/app";
import { controlDetail, elementsOfControl, groupControls, satisfiedShare, stageLevel, statusTotal } from "./compliance";

const control = (id: string, group: string, status: ControlAssessment["status"], findings: string[] = []): ControlAssessment => ({
  id,
  title: `Control ${id}`,
  group,
  evidence_level: "design",
  status,
  rationale: "",
  evidence: [],
  attestation: [],
  findings,
  accepted_risks: [],
  rules: [],
  rule_results: [],
  coverage: { rules_mapped: 0, rules_evaluated: 0, subjects: 0 },
  prerequisites: [],
});

describe("compliance", () => {
  const controls = [
    control("1.2.1", "Network security controls", "not-satisfied", ["F-001", "F-003"]),
    control("1.3.1", "Network security controls", "satisfied"),
    control("3.5.1", "Protect stored account data", "attestation-required"),
    control("4.2.1", "Protect data in transit", "not-applicable"),
  ];

  it("groups controls in catalog order and filters them by status", () => {
    expect(groupControls(controls, new Set()).map((g) => [g.group, g.controls.map((c) => c.id)])).toEqual([
      ["Network security controls", ["1.2.1", "1.3.1"]],
      ["Protect stored account data", ["3.5.1"]],
      ["Protect data in transit", ["4.2.1"]],
    ]);
    expect(groupControls(controls, new Set(["not-satisfied", "attestation-required"])).map((g) => g.controls.map((c) => c.id))).toEqual([
      ["1.2.1"],
      ["3.5.1"],
    ]);
  });

  it("finds the elements a control's findings name, once each", () => {
    const findings = [
      { reference: "F-001", rule: "ZT-NET-001", elements: ["db", "subnet"] },
      { reference: "F-002", rule: "ZT-ENC-001", elements: ["bucket"] },
      { reference: "F-003", rule: "ZT-NET-003", elements: ["db"] },
    ];
    expect(elementsOfControl(controls[0], findings)).toEqual(["db", "subnet"]);
    expect(elementsOfControl(controls[1], findings)).toEqual([]);
  });

  it("puts what the rules judged and what is left to attest under a control", () => {
    const judged: ControlAssessment = {
      ...control("10.3.2", "Logging", "evidenced-attestation-required"),
      rules: ["ZT-MON-003"],
      coverage: { rules_mapped: 1, rules_evaluated: 1, subjects: 2 },
      attestation: ["The log store resists modification."],
    };
    expect(controlDetail(judged)).toBe(
      "1 of 1 mapped rules evaluated, 2 subjects (ZT-MON-003) · Still to attest: The log store resists modification.",
    );
  });

  it("counts the satisfied share over applicable controls only", () => {
    const framework = (totals: FrameworkAssessment["totals"]): FrameworkAssessment => ({
      framework: "pci-dss",
      name: "PCI DSS",
      version: "4.0.1",
      title: "PCI DSS 4.0.1",
      not_applicable: null,
      totals,
      controls: [],
    });
    const totals = { satisfied: 0, not_satisfied: 0, not_evaluated: 0, evidenced_attestation_required: 0, attestation_required: 0, not_applicable: 6 };
    expect(satisfiedShare(framework({ ...totals, satisfied: 3, not_satisfied: 1 }))).toBe(0.75);
    // Controls that were not evaluated or need attestation are applicable and not satisfied.
    expect(satisfiedShare(framework({ ...totals, satisfied: 1, not_evaluated: 2, evidenced_attestation_required: 1 }))).toBe(0.25);
    expect(satisfiedShare(framework(totals))).toBeNull();
    expect(statusTotal({ ...totals, evidenced_attestation_required: 2 }, "evidenced-attestation-required")).toBe(2);
    expect(stageLevel("not-assessed")).toBe(0);
    expect(stageLevel("traditional")).toBe(1);
    expect(stageLevel("optimal")).toBe(4);
  });
});
