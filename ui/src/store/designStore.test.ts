import { beforeEach, describe, expect, it } from "vitest";

import * as edit from "../model/edit";
import { smallDesign } from "../test/fixture";
import { isDirty, redo, undo, useDesignStore } from "./designStore";
import { commitFrom, setPendingEdit } from "./pendingEdits";

const state = () => useDesignStore.getState();

describe("design store", () => {
  beforeEach(() => state().load(smallDesign(), "shop.zta.yaml"));

  it("starts clean with no history after a load", () => {
    expect(isDirty(state())).toBe(false);
    expect(useDesignStore.temporal.getState().pastStates).toHaveLength(0);
    expect(state().nodes).toHaveLength(6 + 3 + 1 + 1);
  });

  it("makes each change one undo step and is clean again after undoing it", () => {
    state().change((d) => edit.addComponent(d, "rds", "public", { x: 0, y: 0 })[0], ["rds"]);
    expect(isDirty(state())).toBe(true);
    expect(state().selection).toEqual(["rds"]);
    expect(state().nodes.some((n) => n.id === "rds")).toBe(true);
    undo();
    expect(state().design.components.some((c) => c.id === "rds")).toBe(false);
    expect(state().nodes.some((n) => n.id === "rds")).toBe(false);
    expect(state().selection).toEqual([]);
    expect(isDirty(state())).toBe(false);
    redo();
    expect(state().nodes.some((n) => n.id === "rds")).toBe(true);
  });

  it("does not record selection as history", () => {
    state().select(["alb"]);
    expect(useDesignStore.temporal.getState().pastStates).toHaveLength(0);
    expect(state().nodes.find((n) => n.id === "alb")?.selected).toBe(true);
  });

  it("is clean after a save and dirty after the next change", () => {
    state().change((d) => ({ ...d, name: "Shop v2" }));
    state().markSaved("shop-v2.zta.yaml");
    expect(isDirty(state())).toBe(false);
    expect(state().fileName).toBe("shop-v2.zta.yaml");
    state().change((d) => ({ ...d, name: "Shop v3" }));
    expect(isDirty(state())).toBe(true);
  });

  it("keeps a recovered design dirty so it gets saved", () => {
    state().load(smallDesign(), null, { dirty: true });
    expect(isDirty(state())).toBe(true);
  });

  it("deletes the selection, then copies and pastes", () => {
    state().select(["orders-db"]);
    state().deleteSelection();
    expect(state().design.components.map((c) => c.id)).toEqual(["alb", "orders"]);
    expect(state().design.flows.map((f) => f.id)).toEqual(["shopper-alb", "alb-orders"]);
    state().select(["alb"]);
    state().copySelection();
    state().paste();
    expect(state().selection).toEqual(["alb-copy"]);
    state().paste();
    expect(state().design.components.map((c) => c.id)).toEqual(["alb", "orders", "alb-copy", "alb-copy-copy"]);
  });

  it("records the size of a resized segment when the resize ends", () => {
    state().onNodesChange([{ id: "public", type: "dimensions", resizing: true, dimensions: { width: 400, height: 320 } }]);
    expect(state().design.layout.nodes.public.width).toBe(280);
    state().onNodesChange([{ id: "public", type: "dimensions", resizing: false, dimensions: { width: 400, height: 320 } }]);
    expect(state().design.layout.nodes.public).toMatchObject({ width: 400, height: 320 });
  });

  it("keeps the size React Flow measured across edits, so that flows do not blink", () => {
    state().onNodesChange([{ type: "dimensions", id: "alb", dimensions: { width: 168, height: 60 } }]);
    expect(state().nodes.find((n) => n.id === "alb")?.measured).toEqual({ width: 168, height: 60 });
    state().change((d) => ({ ...d, name: "Shop v2" }));
    state().select(["orders"]);
    expect(state().nodes.find((n) => n.id === "alb")?.measured).toEqual({ width: 168, height: 60 });
  });

  it("keeps the objects of nodes and flows an edit or a validation does not change", () => {
    const before = { nodes: state().nodes, edges: state().edges };
    const orders = state().design.components.find((c) => c.id === "orders")!;
    state().change((d) => edit.replaceElement(d, "orders", { type: "component", value: { ...orders, name: "Order service" } }));
    const changed = new Set(state().nodes.filter((n) => !before.nodes.includes(n)).map((n) => n.id));
    expect([...changed]).toEqual(["orders"]);
    expect(state().edges.every((e) => before.edges.includes(e))).toBe(true);

    const afterEdit = state().nodes;
    state().setBadges({ alb: { severity: "high", count: 1 } });
    expect(state().nodes.filter((n) => !afterEdit.includes(n)).map((n) => n.id)).toEqual(["alb"]);
    const afterBadge = state().nodes;
    state().setBadges({ alb: { severity: "high", count: 1 } });
    expect(state().nodes).toEqual(afterBadge);
    expect(state().nodes.every((n, i) => n === afterBadge[i])).toBe(true);
  });

  it("commits text still being typed before another edit, as its own undo step", () => {
    const field = {};
    setPendingEdit(field, () => state().change((d) => ({ ...d, name: "Typed" })));
    state().change((d) => edit.addComponent(d, "rds", "public", { x: 0, y: 0 })[0], ["rds"]);
    expect(state().design.name).toBe("Typed");
    undo();
    expect(state().design.components.some((c) => c.id === "rds")).toBe(false);
    expect(state().design.name).toBe("Typed");
    undo();
    expect(state().design.name).toBe("Shop");
  });

  it("commits text still being typed before the selection moves on", () => {
    setPendingEdit({}, () => state().change((d) => ({ ...d, name: "Typed" })));
    state().select(["alb"]);
    expect(state().design.name).toBe("Typed");
    expect(state().selection).toEqual(["alb"]);
  });

  it("makes a nudge from the canvas one undo step that marks the design dirty", () => {
    state().onNodesChange([{ id: "alb", type: "position", position: { x: 50, y: 80 }, dragging: false }]);
    expect(state().design.layout.nodes.alb).toMatchObject({ x: 50, y: 80 });
    expect(isDirty(state())).toBe(true);
    undo();
    expect(state().design.layout.nodes.alb).toMatchObject({ x: 40, y: 80 });
    expect(state().nodes.find((n) => n.id === "alb")?.position).toEqual({ x: 40, y: 80 });
    redo();
    expect(state().design.layout.nodes.alb).toMatchObject({ x: 50, y: 80 });
  });

  it("leaves the design alone while a node is being dragged", () => {
    state().onNodesChange([{ id: "alb", type: "position", position: { x: 90, y: 80 }, dragging: true }]);
    expect(state().design.layout.nodes.alb).toMatchObject({ x: 40, y: 80 });
    expect(isDirty(state())).toBe(false);
  });

  it("says where a move took an element", () => {
    const notices: string[] = [];
    useDesignStore.setState({ onReparent: (text) => notices.push(text) });
    state().onNodesChange([{ id: "orders-db", type: "position", position: { x: 40 - 600, y: 80 }, dragging: false }]);
    expect(notices).toEqual(["Moved orders-db from Isolated into Public."]);
    useDesignStore.setState({ onReparent: null });
  });

  it("makes a burst of commits from one field one undo step, and a later edit a step of its own", () => {
    const field = {};
    commitFrom(field, () => state().change((d) => ({ ...d, name: "S" })));
    commitFrom(field, () => state().change((d) => ({ ...d, name: "Sh" })));
    commitFrom(field, () => state().change((d) => ({ ...d, name: "Shop 2" })));
    state().change((d) => ({ ...d, version: "2" }));
    commitFrom(field, () => state().change((d) => ({ ...d, name: "Shop 3" })));
    expect(useDesignStore.temporal.getState().pastStates).toHaveLength(3);
    undo();
    expect(state().design.name).toBe("Shop 2");
    undo();
    undo();
    expect(state().design.name).toBe("Shop");
  });

  it("makes a commit of a field whose own draft is still pending one undo step, not two", () => {
    const field = {};
    const commit = () => commitFrom(field, () => state().change((d) => ({ ...d, name: "Typed" })));
    // The field's draft is still registered as pending when it commits, so the store's flush
    // commits it once more inside the commit; both belong to the same burst.
    setPendingEdit(field, commit);
    commit();
    expect(useDesignStore.temporal.getState().pastStates).toHaveLength(1);
    undo();
    expect(state().design.name).toBe("Shop");
  });
});
