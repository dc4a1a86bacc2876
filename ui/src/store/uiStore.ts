// State of the window that is not part of the design and never enters the undo history: the
// palette item being dragged, the notice line, the open bottom tab and dialogs, and the canvas's
// hooks.
import { create } from "zustand";

import type { PaletteItem } from "../model/catalog";

export type BottomTab = "findings" | "compliance" | "paths";

export interface Notice {
  kind: "info" | "error";
  text: string;
  /** A follow-up the notice offers, such as opening the report just written. */
  action?: { label: string; run: () => void };
}

/** A longer text the window shows in a modal, such as the account of an import. */
export interface TextDocument {
  title: string;
  summary: string;
  text: string;
}

/** The window's own context menu: what was right-clicked, and where on the screen. */
export interface ContextMenu {
  kind: "element" | "flow" | "canvas";
  /** The element or flow right-clicked; none for the canvas. */
  id?: string;
  x: number;
  y: number;
}

export interface UiState {
  dragging: { item: PaletteItem; x: number; y: number } | null;
  notice: Notice | null;
  document: TextDocument | null;
  /** Whether the deploy dialog is open. */
  deploying: boolean;
  bottomTab: BottomTab;
  contextMenu: ContextMenu | null;
  /**
   * Whether the minimap shows. It starts hidden: in the corner of the canvas it covers part of
   * the design, and most designs fit the window.
   */
  minimapOpen: boolean;
  /** Whether the keyboard shortcuts sheet is open. */
  shortcutsOpen: boolean;
  /** The height of the results panel in pixels; the user drags its top edge to change it. */
  bottomHeight: number;
  /** Set by the canvas: drops a palette item at a screen point; false when it was not over it. */
  dropOnCanvas: ((item: PaletteItem, screen: { x: number; y: number }) => boolean) | null;
  /** Set by the canvas: frames the given elements in the viewport. */
  frameElements: ((ids: string[]) => void) | null;
  /** Set by the canvas: fits the whole design in the viewport. */
  fitAll: (() => void) | null;
  /** Set by the canvas: shows the design at its actual size, keeping the centre of the view. */
  actualSize: (() => void) | null;
  notify: (notice: Notice | null) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  dragging: null,
  notice: null,
  document: null,
  deploying: false,
  bottomTab: "findings",
  contextMenu: null,
  shortcutsOpen: false,
  minimapOpen: false,
  bottomHeight: 240,
  dropOnCanvas: null,
  frameElements: null,
  fitAll: null,
  actualSize: null,
  notify: (notice) => set({ notice }),
}));

/** A question the window asks in a modal, answered by one of its buttons. */
export interface Question {
  title: string;
  text: string;
  confirm: string;
  answer: (confirmed: boolean) => void;
}

export const useQuestionStore = create<{ question: Question | null }>()(() => ({ question: null }));

/** Asks a yes/no question in the window and resolves with the answer. */
export function ask(title: string, text: string, confirm: string): Promise<boolean> {
  return new Promise((resolve) => {
    useQuestionStore.setState({
      question: {
        title,
        text,
        confirm,
        answer: (confirmed) => {
          useQuestionStore.setState({ question: null });
          resolve(confirmed);
        },
      },
    });
  });
}
