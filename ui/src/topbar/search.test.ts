import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { searchElements } from "./Search";

describe("search", () => {
  it("puts an exact id first, then names that start with the query", () => {
    const design = smallDesign();
    design.components.push({ ...design.components[0], id: "vpc-endpoint", name: "vpc endpoint" });
    expect(searchElements(design, "vpc").map((e) => e.id)).toEqual(["vpc", "vpc-endpoint"]);
    expect(searchElements(design, "ORDERS")[0].id).toBe("orders");
    expect(searchElements(design, "  ")).toEqual([]);
  });

  it("finds flows by id and by their label", () => {
    const design = smallDesign();
    const flow = design.flows[0];
    expect(searchElements(design, flow.id)[0].id).toBe(flow.id);
    const label = searchElements(design, flow.id)[0].name;
    expect(searchElements(design, label).map((e) => e.id)).toContain(flow.id);
  });
});
