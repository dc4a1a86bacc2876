// The window's own context menus, for an element, a flow and the empty canvas. They replace the
// web view's menu, whose Back and Reload would throw away unsaved work.
import { useEffect } from "react";

import * as edit from "../model/edit";
import { runAutoLayout } from "../topbar/TopBar";
import { align, distribute } from "./placement";
import { useDesignStore } from "../store/designStore";
import { useUiStore, type ContextMenu as Menu } from "../store/uiStore";

interface Entry {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
  disabled?: boolean;
}

/** The entries of a menu; exported for the unit test. */
export function menuEntries(menu: Menu): Entry[] {
  const store = useDesignStore.getState();
  const ui = useUiStore.getState();
  const frame = (ids: string[]) => ui.frameElements?.(ids);
  if (menu.kind === "canvas") {
    return [
      { id: "paste", label: "Paste", hint: "Ctrl+V", run: store.paste, disabled: !store.clipboard },
      { id: "select-all", label: "Select all", hint: "Ctrl+A", run: () => store.select(store.nodes.map((n) => n.id)) },
      { id: "auto-layout", label: "Auto-layout", hint: "Ctrl+L", run: () => void runAutoLayout() },
      { id: "fit", label: "Zoom to fit", hint: "Ctrl+0", run: () => ui.fitAll?.() },
      { id: "shortcuts", label: "Keyboard shortcuts", hint: "?", run: () => useUiStore.setState({ shortcutsOpen: true }) },
    ];
  }
  const selection = store.selection;
  const element = menu.id ? edit.findElement(store.design, menu.id) : null;
  const count = selection.length;
  const what = count > 1 ? `${count} elements` : menu.kind === "flow" ? "flow" : "element";
  const entries: Entry[] = [{ id: "frame", label: "Frame", hint: "F", run: () => frame(selection) }];
  if (menu.kind === "flow" && element?.type === "flow") {
    const flow = element.value;
    entries.push({ id: "show-source", label: "Go to source", run: () => { store.select([flow.source]); frame([flow.source]); } });
    entries.push({ id: "show-target", label: "Go to target", run: () => { store.select([flow.target]); frame([flow.target]); } });
  } else {
    entries.push({ id: "copy", label: "Copy", hint: "Ctrl+C", run: store.copySelection });
    entries.push({ id: "duplicate", label: "Duplicate", hint: "Ctrl+D", run: () => { store.copySelection(); store.paste(); } });
    const parent = menu.id ? edit.parentOf(store.design, menu.id) : null;
    if (parent && count === 1) entries.push({ id: "select-parent", label: "Select the segment it is in", run: () => store.select([parent]) });
    if (count >= 2) {
      const change = (update: typeof align) => (mode: Parameters<typeof align>[2]) => () => store.change((d) => update(d, selection, mode));
      const aligned = change(align);
      entries.push({ id: "align-left", label: "Align left edges", hint: "Alt+A", run: aligned("left") });
      entries.push({ id: "align-top", label: "Align top edges", hint: "Alt+W", run: aligned("top") });
      entries.push({ id: "align-centre", label: "Align centres across", hint: "Alt+H", run: aligned("centre") });
      entries.push({ id: "align-middle", label: "Align centres down", hint: "Alt+V", run: aligned("middle") });
    }
    if (count >= 3) {
      entries.push({ id: "distribute-h", label: "Distribute across", hint: "Alt+Shift+H", run: () => store.change((d) => distribute(d, selection, "horizontal")) });
      entries.push({ id: "distribute-v", label: "Distribute down", hint: "Alt+Shift+V", run: () => store.change((d) => distribute(d, selection, "vertical")) });
    }
  }
  entries.push({ id: "delete", label: `Delete ${what}`, hint: "Del", run: store.deleteSelection });
  return entries;
}

export function ContextMenu() {
  const menu = useUiStore((s) => s.contextMenu);
  useEffect(() => {
    if (!menu) return;
    const close = () => useUiStore.setState({ contextMenu: null });
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && close();
    window.addEventListener("keydown", onKey);
    window.addEventListener("blur", close);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("blur", close);
    };
  }, [menu]);
  if (!menu) return null;
  const close = () => useUiStore.setState({ contextMenu: null });
  // Kept on screen near the window's right and bottom edges.
  const left = Math.min(menu.x, window.innerWidth - 250);
  const top = Math.min(menu.y, window.innerHeight - 220);
  return (
    <div className="context-backdrop" onMouseDown={close} onContextMenu={(event) => { event.preventDefault(); close(); }}>
      <div className="menu-items context-menu" role="menu" data-testid={`context-menu-${menu.kind}`} style={{ left, top }}
        onMouseDown={(event) => event.stopPropagation()}>
        {menuEntries(menu).map((entry) => (
          <button key={entry.id} role="menuitem" data-testid={`context-${entry.id}`} disabled={entry.disabled}
            onClick={() => { close(); entry.run(); }}>
            <span>{entry.label}</span>
            {entry.hint && <kbd>{entry.hint}</kbd>}
          </button>
        ))}
      </div>
    </div>
  );
}
