import { beforeEach, describe, expect, it } from "vitest";

import { menuEntries } from "./canvas/ContextMenu";
import { handleShortcut, nativeMenuAllowed, shortcutList } from "./shortcuts";
import { useDesignStore } from "./store/designStore";
import { useUiStore } from "./store/uiStore";
import { smallDesign } from "./test/fixture";

/** A key press as the window's listener receives it, on the canvas rather than in a field. */
function key(k: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean; code?: string } = {}): KeyboardEvent {
  return { key: k, code: "", ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: { tagName: "DIV" }, ...mods } as unknown as KeyboardEvent;
}

describe("desktop keys and menus", () => {
  beforeEach(() => {
    useDesignStore.getState().load(smallDesign(), "shop.zta.yaml");
    useDesignStore.setState({ clipboard: null });
    useUiStore.setState({ shortcutsOpen: false, contextMenu: null });
  });

  it("opens and closes the shortcuts sheet with ? and lists the keys it answers to", () => {
    expect(handleShortcut(key("?", { shiftKey: true }))).toBe(true);
    expect(useUiStore.getState().shortcutsOpen).toBe(true);
    expect(handleShortcut(key("Escape"))).toBe(true);
    expect(useUiStore.getState().shortcutsOpen).toBe(false);
    expect(shortcutList.map(([keys]) => keys)).toEqual(expect.arrayContaining(["?", "Shift+click", "Shift+drag", "Right-click"]));
  });

  it("swallows the web view's reload keys, which would drop unsaved work", () => {
    expect(handleShortcut(key("F5"))).toBe(true);
    expect(handleShortcut(key("r", { ctrlKey: true }))).toBe(true);
    expect(handleShortcut(key("R", { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it("aligns the selection's tops with Alt+W in one undo step", async () => {
    const { absoluteRect } = await import("./canvas/geometry");
    const { undo } = await import("./store/designStore");
    const before = useDesignStore.getState().design;
    useDesignStore.getState().select(["alb", "orders-db"]);
    useDesignStore.getState().change((d) => ({ ...d, layout: { nodes: { ...d.layout.nodes, alb: { x: 40, y: 130 } } } }));
    expect(handleShortcut(key("∑", { altKey: true, code: "KeyW" }))).toBe(true);
    const design = useDesignStore.getState().design;
    expect(absoluteRect(design, "alb").y).toBe(absoluteRect(design, "orders-db").y);
    undo();
    expect(useDesignStore.getState().design.layout.nodes.alb).toEqual({ x: 40, y: 130 });
    undo();
    expect(useDesignStore.getState().design).toBe(before);
  });

  it("duplicates the selection with Ctrl+D", () => {
    useDesignStore.getState().select(["alb"]);
    handleShortcut(key("d", { ctrlKey: true }));
    expect(useDesignStore.getState().design.components.filter((c) => c.kind === "alb")).toHaveLength(2);
  });

  it("keeps the web view's menu for text fields only", () => {
    expect(nativeMenuAllowed({ tagName: "INPUT" } as unknown as EventTarget)).toBe(true);
    expect(nativeMenuAllowed({ tagName: "TEXTAREA" } as unknown as EventTarget)).toBe(true);
    expect(nativeMenuAllowed({ tagName: "DIV" } as unknown as EventTarget)).toBe(false);
    expect(nativeMenuAllowed(null)).toBe(false);
  });

  it("offers commands fitting what was right-clicked", () => {
    const ids = (kind: "element" | "flow" | "canvas", id?: string) => menuEntries({ kind, id, x: 0, y: 0 }).map((e) => e.id);
    expect(ids("canvas")).toEqual(["paste", "select-all", "auto-layout", "fit", "shortcuts"]);
    expect(menuEntries({ kind: "canvas", x: 0, y: 0 })[0].disabled).toBe(true);
    useDesignStore.getState().select(["orders-db"]);
    expect(ids("element", "orders-db")).toEqual(["frame", "copy", "duplicate", "select-parent", "delete"]);
    useDesignStore.getState().select(["alb-orders"]);
    expect(ids("flow", "alb-orders")).toEqual(["frame", "show-source", "show-target", "delete"]);
  });

  it("deletes what was right-clicked from its menu", () => {
    useDesignStore.getState().select(["orders-db"]);
    menuEntries({ kind: "element", id: "orders-db", x: 0, y: 0 }).find((e) => e.id === "delete")!.run();
    expect(useDesignStore.getState().design.components.some((c) => c.id === "orders-db")).toBe(false);
  });
});
