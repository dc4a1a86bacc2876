import { describe, expect, it } from "vitest";

import { summaryFit } from "./summaryFit";

describe("a segment's far-zoom summary", () => {
  it("shows both lines when the segment is wide and tall enough on screen", () => {
    expect(summaryFit("Payments", "Subnet · 3 elements", 1200, 400, 0.25)).toBe("full");
  });

  it("shows the name alone when the segment is too narrow on screen for the detail line", () => {
    expect(summaryFit("Payments", "isolated subnet · 3 elements", 400, 400, 0.25)).toBe("name");
  });

  it("shows the name alone when the segment is too low on screen for two lines", () => {
    expect(summaryFit("Payments", "Subnet · 3 elements", 1200, 100, 0.25)).toBe("name");
  });

  it("keeps everything in the tooltip when not even the name fits", () => {
    expect(summaryFit("Payments", "Subnet · 3 elements", 200, 400, 0.25)).toBe("none");
  });
});
