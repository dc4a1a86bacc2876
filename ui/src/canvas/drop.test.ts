import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { commitMoves, dropTemplate, moveNode, reparentNotice } from "./drop";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, SEGMENT_HEADER, absoluteRect, nodeSize, segmentAt } from "./geometry";

describe("dropping and moving", () => {
  const design = smallDesign();

  it("adds up parent offsets for absolute positions", () => {
    // prod (300,0) + vpc (20,100) + public (20,50) + alb (40,80)
    expect(absoluteRect(design, "alb")).toMatchObject({ x: 380, y: 230 });
  });

  it("finds the innermost segment under a point", () => {
    expect(segmentAt(design, { x: 400, y: 250 }, null)?.id).toBe("public");
    expect(segmentAt(design, { x: 400, y: 250 }, ["vpc"])?.id).toBe("vpc");
    expect(segmentAt(design, { x: 310, y: 10 }, null)?.id).toBe("prod");
    expect(segmentAt(design, { x: 2000, y: 2000 }, null)).toBeNull();
  });

  it("drops a database into the subnet under the pointer", () => {
    const result = dropTemplate(design, { element: "component", kind: "rds" }, { x: 500, y: 300 });
    if ("error" in result) throw new Error(result.error);
    expect(result.id).toBe("rds");
    expect(result.design.components.find((c) => c.id === "rds")?.segment).toBe("public");
    // Centred on the pointer, relative to the subnet at (340, 150), would cover the ALB at
    // (40, 80): it goes to the nearest free spot on the grid instead.
    const box = result.design.layout.nodes.rds;
    const alb = absoluteRect(result.design, "alb");
    const rds = absoluteRect(result.design, "rds");
    expect(rds.x >= alb.x + alb.width || rds.y >= alb.y + alb.height || rds.y + rds.height <= alb.y).toBe(true);
    expect([box.x % 10, box.y % 10]).toEqual([0, 0]);
    expect(Math.hypot(box.x - 76, box.y - 120)).toBeLessThan(100);
  });

  it("drops on the spot under the pointer when it is free, snapped to the grid", () => {
    const result = dropTemplate(design, { element: "component", kind: "rds" }, { x: 503, y: 380 });
    if ("error" in result) throw new Error(result.error);
    expect(result.design.layout.nodes.rds).toEqual({ x: 80, y: 200 });
  });

  it("refuses to drop a database outside any subnet, saying where it belongs", () => {
    const result = dropTemplate(design, { element: "component", kind: "rds" }, { x: 310, y: 10 });
    expect(result).toEqual({ error: "Drop it into a subnet." });
  });

  it("drops a subnet into a VPC and an account anywhere", () => {
    const subnet = dropTemplate(design, { element: "segment", kind: "subnet", tier: "isolated" }, { x: 330, y: 120 });
    if ("error" in subnet) throw new Error(subnet.error);
    expect(subnet.design.segments.find((s) => s.id === subnet.id)).toMatchObject({ parent: "vpc", tier: "isolated" });
    const account = dropTemplate(design, { element: "segment", kind: "account" }, { x: 3000, y: 0 });
    if ("error" in account) throw new Error(account.error);
    expect(account.design.segments.find((s) => s.id === account.id)?.parent).toBeUndefined();
  });

  it("moves a database from the isolated to the public subnet when its centre lands there", () => {
    // orders-db sits in isolated (absolute 940,150); move it 600 px left, into public.
    const next = moveNode(design, "orders-db", { x: 40 - 600, y: 80 });
    expect(next.components.find((c) => c.id === "orders-db")?.segment).toBe("public");
    const rect = absoluteRect(next, "orders-db");
    expect(rect).toMatchObject({ x: 940 + 40 - 600, y: 230 });
  });

  it("keeps a database in its subnet, inside its frame, when dropped where no subnet is", () => {
    const next = moveNode(design, "orders-db", { x: 40, y: -200 });
    expect(next.components.find((c) => c.id === "orders-db")?.segment).toBe("isolated");
    // Below the header, on the grid.
    expect(next.layout.nodes["orders-db"]).toEqual({ x: 40, y: Math.ceil(SEGMENT_HEADER / 10) * 10 });
  });

  it("pulls a node dropped across a segment's edge back inside it", () => {
    const subnet = nodeSize(design, "isolated");
    const next = moveNode(design, "orders-db", { x: subnet.width - 20, y: subnet.height + 50 });
    const box = next.layout.nodes["orders-db"];
    expect(box.x + COMPONENT_WIDTH).toBeLessThanOrEqual(subnet.width);
    expect(box.y + COMPONENT_HEIGHT).toBeLessThanOrEqual(subnet.height);
  });

  it("never moves a segment into itself", () => {
    const next = moveNode(design, "vpc", { x: 30, y: 110 });
    expect(next.segments.find((s) => s.id === "vpc")?.parent).toBe("prod");
  });

  it("commits a nudge as a move of the node's box, and a node at rest where it was as no edit", () => {
    const nudged = commitMoves(design, [{ id: "alb", position: { x: 41, y: 80 } }]);
    expect(nudged.layout.nodes.alb).toMatchObject({ x: 41, y: 80 });
    expect(commitMoves(design, [{ id: "alb", position: { x: 40, y: 80 } }])).toBe(design);
  });

  it("names the element that a move took into another segment, and where from and to", () => {
    const moved = commitMoves(design, [{ id: "orders-db", position: { x: 40 - 600, y: 80 } }]);
    expect(reparentNotice(design, moved, ["orders-db"])).toBe("Moved orders-db from Isolated into Public.");
    const nudged = commitMoves(design, [{ id: "orders-db", position: { x: 50, y: 80 } }]);
    expect(reparentNotice(design, nudged, ["orders-db"])).toBeNull();
  });
});
