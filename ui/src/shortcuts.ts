// Keyboard shortcuts of the window. They stay out of the way while the user types in a field.
import { redo, undo, useDesignStore } from "./store/designStore";
import { useUiStore } from "./store/uiStore";
import { newFile, openFile, save, saveAs } from "./shell/fileActions";
import { runAutoLayout } from "./topbar/TopBar";

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
  if (mod && key === "f") {
    document.getElementById("search-box")?.focus();
    return true;
  }
  if (typing(event.target)) return false;
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
    store.select([]);
    return true;
  }
  return false;
}

export function installShortcuts(): () => void {
  const listener = (event: KeyboardEvent) => {
    if (handleShortcut(event)) event.preventDefault();
  };
  window.addEventListener("keydown", listener);
  return () => window.removeEventListener("keydown", listener);
}
