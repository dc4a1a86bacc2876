import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { describePath, elementOfPath } from "./problems";

describe("problem paths", () => {
  it("points at the element a document path starts in", () => {
    const design = smallDesign();
    expect(elementOfPath(design, "components[2].segment")).toBe("orders-db");
    expect(elementOfPath(design, "flows[0].target")).toBe("shopper-alb");
    expect(elementOfPath(design, "layout.nodes.ghost")).toBe("ghost");
    expect(elementOfPath(design, "name")).toBeNull();
  });

  it("names the element and the field instead of the list index", () => {
    const design = smallDesign();
    expect(describePath(design, "components[2].segment")).toBe("orders-db · segment");
    expect(describePath(design, "segments[3].cidr")).toBe("Public (public) · cidr");
    expect(describePath(design, "layout.nodes.ghost")).toBe("ghost · position on the canvas");
    expect(describePath(design, "name")).toBe("name");
  });
});
