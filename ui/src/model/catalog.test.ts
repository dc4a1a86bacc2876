import { describe, expect, it } from "vitest";

import { allowedSegmentKinds, componentCatalog, filterPalette, paletteGroups } from "./catalog";
import { componentIcons } from "./icons";

describe("palette", () => {
  it("offers every component kind of the Rust catalog, with an icon", () => {
    const offered = paletteGroups.flatMap((g) => g.items).filter((i) => i.template.element === "component");
    expect(offered.map((i) => i.template.kind).sort()).toEqual(componentCatalog.map((e) => e.kind).sort());
    for (const entry of componentCatalog) expect(componentIcons[entry.kind], entry.kind).toBeTruthy();
  });

  it("groups the palette as architects expect", () => {
    expect(paletteGroups.map((g) => g.title)).toEqual(["Network", "Identity", "Edge", "Compute", "Data", "Security & monitoring"]);
  });

  it("filters by label or kind and drops empty groups", () => {
    const groups = filterPalette(paletteGroups, "rds");
    expect(groups.map((g) => g.items.map((i) => i.label))).toEqual([["RDS database"]]);
    expect(filterPalette(paletteGroups, "  ")).toBe(paletteGroups);
  });

  it("places databases in subnets and regional services in regions or accounts", () => {
    expect(allowedSegmentKinds("rds")).toEqual(["subnet"]);
    expect(allowedSegmentKinds("s3_bucket")).toEqual(["region", "account"]);
  });
});
