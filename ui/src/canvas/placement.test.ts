import { describe, expect, it } from "vitest";

import { setBoxes } from "../model/edit";
import { smallDesign } from "../test/fixture";
import { dropTemplate } from "./drop";
import { absoluteRect, nodeSize } from "./geometry";
import { align, distribute, guides, settle } from "./placement";

describe("placement", () => {
  const design = smallDesign();

  it("never drops a node over another or across its segment's border", () => {
    let next = design;
    // Ten databases dropped on the same point of the isolated subnet.
    for (let i = 0; i < 10; i++) {
      const result = dropTemplate(next, { element: "component", kind: "rds" }, { x: 1050, y: 260 });
      if ("error" in result) throw new Error(result.error);
      next = result.design;
    }
    const subnet = absoluteRect(next, "isolated");
    const rects = next.components.filter((c) => c.segment === "isolated").map((c) => absoluteRect(next, c.id));
    expect(rects).toHaveLength(11);
    for (const [i, a] of rects.entries()) {
      expect(a.x).toBeGreaterThan(subnet.x);
      expect(a.y).toBeGreaterThan(subnet.y + 30);
      expect(a.x + a.width).toBeLessThan(subnet.x + subnet.width);
      expect(a.y + a.height).toBeLessThan(subnet.y + subnet.height);
      for (const b of rects.slice(i + 1)) {
        expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
      }
    }
  });

  it("grows a full segment to hold a node dropped into it", () => {
    const crowded = setBoxes(design, { isolated: { x: 620, y: 50, width: 200, height: 130 } });
    const before = nodeSize(crowded, "isolated");
    const next = settle(setBoxes(crowded, { "orders-db": { x: 20, y: 44 } }), "orders-db");
    const result = dropTemplate(next, { element: "component", kind: "rds" }, { x: 1050, y: 230 });
    if ("error" in result) throw new Error(result.error);
    expect(nodeSize(result.design, "isolated").height).toBeGreaterThan(before.height);
  });

  it("grows the segments around a grown one, so that none hangs across its parent's border", () => {
    // The isolated subnet as tall as its VPC leaves room for, with its database in its one row.
    const full = setBoxes(design, { isolated: { x: 620, y: 50, width: 200, height: 130 }, vpc: { x: 20, y: 100, width: 960, height: 200 } });
    const next = settle(setBoxes(full, { "orders-db": { x: 20, y: 44 } }), "orders-db");
    const result = dropTemplate(next, { element: "component", kind: "rds" }, { x: 1050, y: 230 });
    if ("error" in result) throw new Error(result.error);
    const within = (inner: string, outer: string) => {
      const [a, b] = [absoluteRect(result.design, inner), absoluteRect(result.design, outer)];
      return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
    };
    expect(nodeSize(result.design, "isolated").height).toBeGreaterThan(130);
    expect(within("isolated", "vpc")).toBe(true);
    expect(within("vpc", "prod")).toBe(true);
  });

  it("aligns and distributes the selected nodes, each in its own segment", () => {
    const left = align(design, ["alb", "orders", "orders-db"], "top");
    const tops = ["alb", "orders", "orders-db"].map((id) => absoluteRect(left, id).y);
    expect(new Set(tops).size).toBe(1);
    expect(left.components.find((c) => c.id === "orders")?.segment).toBe("private");
    const moved = setBoxes(design, { orders: { x: 10, y: 80 } });
    const spaced = distribute(moved, ["alb", "orders", "orders-db"], "horizontal");
    const [a, b, c] = ["alb", "orders", "orders-db"].map((id) => absoluteRect(spaced, id));
    expect(Math.abs(b.x - (a.x + a.width) - (c.x - (b.x + b.width)))).toBeLessThanOrEqual(1);
    // Fewer nodes than the command needs: nothing changes.
    expect(align(design, ["alb"], "left")).toBe(design);
    expect(distribute(design, ["alb", "orders"], "vertical")).toBe(design);
  });

  it("snaps a dragged node to a neighbour's edge or centre and draws the guide", () => {
    const other = { x: 100, y: 100, width: 168, height: 60 };
    const result = guides({ x: 104, y: 300, width: 168, height: 60 }, [other]);
    expect(result.x).toBe(100);
    expect(result.y).toBe(300);
    expect(result.lines).toEqual([{ axis: "x", at: 100, from: 100, to: 360 }]);
    expect(guides({ x: 150, y: 300, width: 168, height: 60 }, [other]).lines).toEqual([]);
  });
});
