import { describe, expect, it } from "vitest";

import { summaryFits } from "./summaryFits";

describe("a segment's far-zoom summary", () => {
  it("shows when the segment is wide and tall enough on screen", () => {
    expect(summaryFits("Payments", "Subnet · 3 elements", 1200, 400, 0.25)).toBe(true);
  });

  it("stays in the tooltip when the segment is too narrow on screen for the longer line", () => {
    expect(summaryFits("Payments", "Subnet · 3 elements", 260, 400, 0.25)).toBe(false);
  });

  it("stays in the tooltip when the segment is too low on screen for two lines", () => {
    expect(summaryFits("Payments", "Subnet · 3 elements", 1200, 100, 0.25)).toBe(false);
  });
});
