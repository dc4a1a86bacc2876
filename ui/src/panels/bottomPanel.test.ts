import { describe, expect, it } from "vitest";

import { panelHeight } from "./BottomPanel";

describe("results panel", () => {
  it("follows its dragged top edge, never smaller than its tabs or taller than most of the window", () => {
    expect(panelHeight(600, 900)).toBe(300);
    expect(panelHeight(850, 900)).toBe(120);
    expect(panelHeight(10, 900)).toBe(630);
  });
});
