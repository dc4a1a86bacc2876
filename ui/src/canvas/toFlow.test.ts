import { Position } from "@xyflow/react";
import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { completeLayout } from "./packLayout";
import { designToFlow, facingSides } from "./toFlow";

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

describe("which sides a flow connects", () => {
  const box = (x: number, y: number) => ({ x, y, width: 168, height: 60 });
  it("joins the facing sides, backwards and downwards too", () => {
    expect(facingSides(box(0, 0), box(400, 0))).toEqual([Position.Right, Position.Left]);
    expect(facingSides(box(400, 0), box(0, 0))).toEqual([Position.Left, Position.Right]);
    expect(facingSides(box(0, 0), box(20, 300))).toEqual([Position.Bottom, Position.Top]);
    expect(facingSides(box(0, 300), box(0, 0))).toEqual([Position.Top, Position.Bottom]);
  });

  it("draws each flow of the design from the sides facing its other end", () => {
    const { edges } = designToFlow(smallDesign());
    // The ALB (public subnet) is left of the ECS service (private subnet), on the same row.
    expect(edges.find((e) => e.id === "alb-orders")).toMatchObject({ sourceHandle: "right", targetHandle: "left" });
  });
});

describe("relations drawn over the flows", () => {
  it("draws runs-as only when asked, from the workload to its role, unselectable", () => {
    expect(designToFlow(smallDesign()).edges.some((e) => e.type === "relation")).toBe(false);
    const { edges } = designToFlow(smallDesign(), new Set(), {}, ["runs-as", "uses-key", "protects"]);
    const relations = edges.filter((e) => e.type === "relation");
    expect(relations.map((e) => [e.source, e.target, (e.data as { relation: string }).relation])).toEqual([["orders", "orders-role", "runs-as"]]);
    expect(relations[0]).toMatchObject({ selectable: false, deletable: false });
  });
  it("summarises what the outermost and innermost segments hold, for the zoomed-out view", () => {
    const { nodes } = designToFlow(smallDesign());
    const summary = (id: string) => (nodes.find((n) => n.id === id)?.data as { summary?: string }).summary;
    expect(summary("prod")).toBe("4 elements");
    expect(summary("public")).toBe("1 element");
    expect(summary("internet")).toBe("1 element");
    // The VPC between them has none: its summary would cover its subnets'.
    expect(summary("vpc")).toBe("");
  });
});
