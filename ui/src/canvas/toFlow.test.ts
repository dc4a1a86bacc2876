import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { completeLayout } from "./packLayout";
import { designToFlow } from "./toFlow";

describe("design to React Flow", () => {
  it("lists every parent before its children and nests by segment", () => {
    const { nodes } = designToFlow(smallDesign());
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const node of nodes) {
      if (node.parentId) expect(index.get(node.parentId)!).toBeLessThan(index.get(node.id)!);
    }
    expect(nodes.find((n) => n.id === "orders-db")?.parentId).toBe("isolated");
    expect(nodes.find((n) => n.id === "shopper")?.parentId).toBe("internet");
    expect(nodes.find((n) => n.id === "orders-role")?.parentId).toBe("prod");
  });

  it("marks selection and badges, and draws one edge per flow", () => {
    const { nodes, edges } = designToFlow(smallDesign(), new Set(["alb", "shopper-alb"]), {
      "orders-db": { severity: "high", count: 2 },
    });
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["alb"]);
    expect(nodes.find((n) => n.id === "orders-db")?.data.badge).toEqual({ severity: "high", count: 2 });
    expect(edges.map((e) => [e.source, e.target, e.selected])).toEqual([
      ["shopper", "alb", true],
      ["alb", "orders", false],
      ["orders", "orders-db", false],
    ]);
  });

  it("gives a box to every element that has none, growing segments around their children", () => {
    const design = smallDesign();
    design.layout.nodes = {};
    const laid = completeLayout(design);
    for (const id of ["internet", "prod", "vpc", "public", "alb", "orders-db", "shopper", "orders-role"]) {
      expect(laid.layout.nodes[id], id).toBeDefined();
    }
    const vpc = laid.layout.nodes.vpc;
    const isolated = laid.layout.nodes.isolated;
    expect(isolated.x + isolated.width!).toBeLessThanOrEqual(vpc.width!);
    expect(completeLayout(laid)).toBe(laid);
  });
});
