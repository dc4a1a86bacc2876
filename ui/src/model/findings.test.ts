import { describe, expect, it } from "vitest";

import { badgesFor, groupFindings, summarize, type Finding } from "./findings";

const finding = (rule: string, severity: Finding["severity"], elements: string[], suppressed = false): Finding => ({
  rule,
  severity,
  title: rule,
  message: `${rule} on ${elements.join(", ")}`,
  elements,
  path: [],
  remediation: "fix it",
  suppressed,
});

describe("findings", () => {
  const findings = [
    finding("ZT-A", "medium", ["db"]),
    finding("ZT-B", "critical", ["db", "alb"]),
    finding("ZT-C", "low", ["alb"], true),
  ];

  it("groups open findings by severity, most severe first", () => {
    expect(groupFindings(findings).map((g) => [g.severity, g.findings.map((f) => f.rule)])).toEqual([
      ["critical", ["ZT-B"]],
      ["medium", ["ZT-A"]],
    ]);
  });

  it("badges each element with its worst open finding and a count", () => {
    expect(badgesFor(findings)).toEqual({ db: { severity: "critical", count: 2 }, alb: { severity: "critical", count: 1 } });
    expect(summarize(findings)).toEqual({ critical: 1, high: 0, medium: 1, low: 0, info: 0 });
  });
});
