import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { elementOfPath } from "./problems";

describe("problem paths", () => {
  it("points at the element a document path starts in", () => {
    const design = smallDesign();
    expect(elementOfPath(design, "components[2].segment")).toBe("orders-db");
    expect(elementOfPath(design, "flows[0].target")).toBe("shopper-alb");
    expect(elementOfPath(design, "layout.nodes.ghost")).toBe("ghost");
    expect(elementOfPath(design, "name")).toBeNull();
  });
});
