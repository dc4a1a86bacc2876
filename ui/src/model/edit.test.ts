import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import * as edit from "./edit";

describe("design edits", () => {
  it("derives unique ids from a base name", () => {
    const taken = new Set(["rds", "rds-2"]);
    expect(edit.uniqueId(taken, "rds")).toBe("rds-3");
    expect(edit.uniqueId(taken, "Orders DB!")).toBe("orders-db");
    expect(edit.uniqueId(new Set(), "***")).toBe("element");
  });

  it("adds a component with a box and leaves the input untouched", () => {
    const design = smallDesign();
    const [next, id] = edit.addComponent(design, "rds", "public", { x: 10, y: 20 });
    expect(id).toBe("rds");
    expect(next.components.find((c) => c.id === id)?.segment).toBe("public");
    expect(next.layout.nodes[id]).toEqual({ x: 10, y: 20 });
    expect(design.components.some((c) => c.id === id)).toBe(false);
  });

  it("adds a flow with defaults suggested by its target", () => {
    const [next, id] = edit.addFlow(smallDesign(), "orders", "orders-db");
    const flow = next.flows.find((f) => f.id === id)!;
    expect(flow).toMatchObject({ protocol: "postgresql", ports: [5432], tls: "1.2", auth: "none" });
  });

  it("deletes a segment with everything inside it and the flows that lose an end", () => {
    const next = edit.deleteElements(smallDesign(), ["vpc"]);
    expect(next.segments.map((s) => s.id)).toEqual(["internet", "prod"]);
    expect(next.components).toEqual([]);
    expect(next.flows).toEqual([]);
    expect(next.layout.nodes.alb).toBeUndefined();
    expect(next.identities.map((i) => i.id)).toEqual(["orders-role"]);
  });

  it("lifts identities out of a deleted account instead of deleting them", () => {
    const next = edit.deleteElements(smallDesign(), ["prod"]);
    expect(next.identities[0].account).toBeUndefined();
  });

  it("renames an id everywhere it is referenced", () => {
    const design = smallDesign();
    const orders = design.components.find((c) => c.id === "orders")!;
    const next = edit.replaceElement(design, "orders", { type: "component", value: { ...orders, id: "checkout" } });
    expect(next.flows.find((f) => f.id === "alb-orders")?.target).toBe("checkout");
    expect(next.flows.find((f) => f.id === "orders-db-flow")?.source).toBe("checkout");
    expect(next.layout.nodes.checkout).toEqual(design.layout.nodes.orders);
    expect(next.layout.nodes.orders).toBeUndefined();
  });

  it("moves a component into another segment", () => {
    const next = edit.reparent(smallDesign(), "orders-db", "public", { x: 5, y: 6 });
    expect(next.components.find((c) => c.id === "orders-db")?.segment).toBe("public");
    expect(next.layout.nodes["orders-db"]).toEqual({ x: 5, y: 6 });
  });

  it("pastes copies with fresh ids, the flows between them, and offset boxes", () => {
    const design = smallDesign();
    const clipboard = edit.copyElements(design, ["orders", "orders-db"]);
    expect(clipboard.flows.map((f) => f.id)).toEqual(["orders-db-flow"]);
    const [next, ids] = edit.pasteClipboard(design, clipboard);
    expect(ids).toEqual(["orders-copy", "orders-db-copy"]);
    const flow = next.flows.find((f) => f.id === "orders-db-flow-copy")!;
    expect([flow.source, flow.target]).toEqual(["orders-copy", "orders-db-copy"]);
    expect(next.layout.nodes["orders-copy"]).toEqual({ x: 80, y: 120 });
  });
});
