// Keyboard shortcuts of the window. They stay out of the way while the user types in a field.
import { redo, undo, useDesignStore } from "./store/designStore";
import { useUiStore } from "./store/uiStore";
import { newFile, openFile, save, saveAs } from "./shell/fileActions";
import { runAutoLayout } from "./topbar/TopBar";
import { align, distribute, type AlignMode } from "./canvas/placement";

/** The shortcuts sheet (`?`): every key the window answers to, in the order a user meets them. */
export const shortcutList: [string, string][] = [
  ["Ctrl+N", "New design"],
  ["Ctrl+O", "Open a design"],
  ["Ctrl+S", "Save"],
  ["Ctrl+Shift+S", "Save as"],
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z, Ctrl+Y", "Redo"],
  ["Ctrl+C", "Copy the selection"],
  ["Ctrl+V", "Paste"],
  ["Ctrl+D", "Duplicate the selection"],
  ["Ctrl+A", "Select every node"],
  ["Shift+click", "Add to the selection, or take out of it"],
  ["Shift+drag", "Select the nodes in a box"],
  ["Arrow keys", "Nudge the selected nodes (Shift: further)"],
  ["Alt+A, Alt+D", "Align the selected nodes' left or right edges"],
  ["Alt+W, Alt+S", "Align the selected nodes' top or bottom edges"],
  ["Alt+H, Alt+V", "Align the selected nodes' centres across or down"],
  ["Alt+Shift+H, Alt+Shift+V", "Distribute the selected nodes evenly across or down"],
  ["Delete, Backspace", "Delete the selection"],
  ["F", "Frame the selection, or everything"],
  ["Ctrl+0", "Zoom to fit"],
  ["Ctrl+1", "Zoom to 100%"],
  ["Ctrl+L", "Auto-layout"],
  ["Ctrl+F", "Search the design"],
  ["Right-click", "Commands for an element, a flow or the canvas"],
  ["Escape", "Clear the selection, close a menu"],
  ["?", "This sheet"],
];

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.tagName === "INPUT" || element.tagName === "TEXTAREA" || element.tagName === "SELECT" || element.isContentEditable);
}

export function handleShortcut(event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const store = useDesignStore.getState();
  if (mod && key === "s") {
    void (event.shiftKey ? saveAs() : save());
    return true;
  }
  if (mod && key === "o") {
    void openFile();
    return true;
  }
  if (mod && key === "n") {
    void newFile(null);
    return true;
  }
  // Reloading the web view would drop unsaved work and the undo history; the window has no use for it.
  if (key === "f5" || (mod && key === "r")) return true;
  if (mod && key === "f") {
    document.getElementById("search-box")?.focus();
    return true;
  }
  if (typing(event.target)) return false;
  if (event.altKey && !mod) {
    // By physical key, since Alt changes the character some layouts produce.
    const letter = event.code.startsWith("Key") ? event.code.slice(3).toLowerCase() : key;
    if (event.shiftKey && (letter === "h" || letter === "v")) {
      store.change((d) => distribute(d, store.selection, letter === "h" ? "horizontal" : "vertical"));
      return true;
    }
    const modes: Record<string, AlignMode> = { a: "left", d: "right", w: "top", s: "bottom", h: "centre", v: "middle" };
    const mode = event.shiftKey ? undefined : modes[letter];
    if (mode) {
      store.change((d) => align(d, store.selection, mode));
      return true;
    }
  }
  if (mod && key === "z") {
    if (event.shiftKey) redo();
    else undo();
    return true;
  }
  if (mod && key === "y") {
    redo();
    return true;
  }
  if (mod && key === "c") {
    store.copySelection();
    return true;
  }
  if (mod && key === "v") {
    store.paste();
    return true;
  }
  if (mod && key === "d") {
    store.copySelection();
    store.paste();
    return true;
  }
  if (event.key === "?") {
    useUiStore.setState({ shortcutsOpen: !useUiStore.getState().shortcutsOpen });
    return true;
  }
  if (mod && key === "a") {
    store.select(store.nodes.map((n) => n.id));
    return true;
  }
  if (mod && key === "l") {
    void runAutoLayout();
    return true;
  }
  if (mod && key === "0") {
    useUiStore.getState().fitAll?.();
    return true;
  }
  if (mod && key === "1") {
    useUiStore.getState().actualSize?.();
    return true;
  }
  if (key === "delete" || key === "backspace") {
    store.deleteSelection();
    return true;
  }
  if (key === "f" && !mod) {
    // Frames the selection, or everything when nothing is selected.
    if (store.selection.length > 0) useUiStore.getState().frameElements?.(store.selection);
    else useUiStore.getState().fitAll?.();
    return true;
  }
  if (key === "escape") {
    useUiStore.setState({ shortcutsOpen: false, contextMenu: null });
    store.select([]);
    return true;
  }
  return false;
}

/**
 * Whether the web view's own context menu may open for this target: only in text fields, where
 * it offers the clipboard. Elsewhere it offers Back, Reload and Inspect Element, which have no
 * place in a desktop app; the canvas opens the window's own menus instead.
 */
export function nativeMenuAllowed(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.tagName === "INPUT" || element.tagName === "TEXTAREA") && !(element as HTMLInputElement).readOnly;
}

export function installShortcuts(): () => void {
  const listener = (event: KeyboardEvent) => {
    if (handleShortcut(event)) event.preventDefault();
  };
  const menu = (event: MouseEvent) => {
    if (!nativeMenuAllowed(event.target)) event.preventDefault();
  };
  window.addEventListener("keydown", listener);
  window.addEventListener("contextmenu", menu);
  return () => {
    window.removeEventListener("keydown", listener);
    window.removeEventListener("contextmenu", menu);
  };
}
