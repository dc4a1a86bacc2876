// The one store of the UI: the design being edited (the only state undo/redo tracks), the file
// it belongs to, the selection, the React Flow nodes and edges derived from the design, and the
// results of the last validation.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { temporal } from "zundo";
import { create } from "zustand";

import { designToFlow, type Badges, type CanvasEdge, type DesignNode, type Overlay } from "../canvas/toFlow";
import { commitMoves, reparentNotice } from "../canvas/drop";
import { completeLayout } from "../canvas/packLayout";
import * as edit from "../model/edit";
import type { Design, NodeBox } from "../model/types";
import { continuesBurst, endBurst, flushPendingEdits } from "./pendingEdits";

export interface DesignState {
  /** The design as it is now. */
  design: Design;
  /**
   * The design as it was last opened or saved; the file is dirty when they differ. Null for
   * recovered work, which is unsaved whatever it holds.
   */
  savedDesign: Design | null;
  /** The file name shown in the title bar, or null for a design never saved. */
  fileName: string | null;
  /** Ids of the selected elements (nodes and flows). */
  selection: string[];
  nodes: DesignNode[];
  edges: CanvasEdge[];
  /** The relations drawn over the flows (not part of the design, so not undone). */
  overlays: Overlay[];
  badges: Badges;
  clipboard: edit.Clipboard | null;

  /** Replaces the whole document (open, new, recover); clears the undo history. */
  load: (design: Design, fileName: string | null, options?: { dirty?: boolean }) => void;
  /** Records that the current design is what the file on disk holds. */
  markSaved: (fileName: string) => void;
  /** Applies an edit to the design: one undo step. */
  change: (update: (design: Design) => Design, select?: string[]) => void;
  select: (ids: string[]) => void;
  onNodesChange: (changes: NodeChange<DesignNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  setOverlays: (overlays: Overlay[]) => void;
  setBadges: (badges: Badges) => void;
  /** Set by the window: tells the user that a move took elements into another segment. */
  onReparent: ((notice: string) => void) | null;
  deleteSelection: () => void;
  copySelection: () => void;
  paste: () => void;
}

/** Whether the design differs from what was last saved. */
export function isDirty(state: Pick<DesignState, "design" | "savedDesign">): boolean {
  return state.design !== state.savedDesign;
}

/**
 * The nodes and edges for the design. A node or edge that draws exactly as before keeps its
 * previous object, so React Flow re-renders only what an edit or a validation changed (on a
 * design of a thousand elements, re-rendering every node on each keystroke and each set of
 * findings kept the main thread busy for tens of milliseconds). A changed node keeps the size
 * React Flow measured: without it React Flow treats the node as new, and hides its flows until it
 * has measured the node again, so every edit would make the edges blink.
 */
function derive(
  design: Design,
  selection: string[],
  badges: Badges,
  previous: { nodes: DesignNode[]; edges: CanvasEdge[]; overlays?: Overlay[] } = { nodes: [], edges: [] },
) {
  const flow = designToFlow(design, new Set(selection), badges, previous.overlays ?? []);
  if (previous.nodes.length === 0 && previous.edges.length === 0) return flow;
  const nodesBefore = new Map(previous.nodes.map((n) => [n.id, n]));
  const nodes = flow.nodes.map((node) => {
    const before = nodesBefore.get(node.id);
    if (!before) return node;
    if (sameNode(node, before)) return before;
    if (before.measured) node.measured = before.measured;
    return node;
  });
  const edgesBefore = new Map(previous.edges.map((e) => [e.id, e]));
  const edges = flow.edges.map((edge) => {
    const before = edgesBefore.get(edge.id);
    return before && sameEdge(edge, before) ? before : edge;
  });
  return { nodes, edges };
}

function sameNode(next: DesignNode, before: DesignNode): boolean {
  return (
    next.type === before.type &&
    next.position.x === before.position.x &&
    next.position.y === before.position.y &&
    next.parentId === before.parentId &&
    next.width === before.width &&
    next.height === before.height &&
    next.zIndex === before.zIndex &&
    !!next.selected === !!before.selected &&
    sameData(next.data, before.data)
  );
}

function sameEdge(next: CanvasEdge, before: CanvasEdge): boolean {
  return (
    next.source === before.source &&
    next.target === before.target &&
    next.sourceHandle === before.sourceHandle &&
    next.targetHandle === before.targetHandle &&
    !!next.selected === !!before.selected &&
    next.data !== undefined &&
    before.data !== undefined &&
    sameData(next.data as Record<string, unknown>, before.data as Record<string, unknown>)
  );
}

/** The same element object (the design shares unchanged ones between versions) and badge. */
function sameData(next: Record<string, unknown>, before: Record<string, unknown>): boolean {
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(before).length) return false;
  return keys.every((key) => {
    if (key !== "badge") return next[key] === before[key];
    const [a, b] = [next.badge as Badges[string] | undefined, before.badge as Badges[string] | undefined];
    return a === b || (!!a && !!b && a.severity === b.severity && a.count === b.count);
  });
}

export const useDesignStore = create<DesignState>()(
  temporal(
    (set, get) => {
      const initial = edit.emptyDesign();
      return {
        design: initial,
        savedDesign: initial,
        fileName: null,
        selection: [],
        ...derive(initial, [], {}),
        badges: {},
        clipboard: null,
        overlays: [],
        onReparent: null,

        load: (raw, fileName, options) => {
          flushPendingEdits();
          endBurst();
          const design = completeLayout(raw);
          set({
            design,
            savedDesign: options?.dirty ? null : design,
            fileName,
            selection: [],
            badges: {},
            ...derive(design, [], {}, { nodes: [], edges: [], overlays: get().overlays }),
          });
          useDesignStore.temporal.getState().clear();
        },

        markSaved: (fileName) => set((state) => ({ savedDesign: state.design, fileName })),

        change: (update, select) => {
          // Text still being typed belongs before this edit, in its own undo step.
          flushPendingEdits();
          const state = get();
          const design = update(state.design);
          if (design === state.design) return;
          const selection = select ?? state.selection.filter((id) => edit.findElement(design, id));
          // A further commit of the field being typed in replaces its last step in the history.
          const temporal = useDesignStore.temporal.getState();
          const merge = continuesBurst() && temporal.pastStates.length > 0;
          if (merge) temporal.pause();
          set({ design, selection, ...derive(design, selection, state.badges, state) });
          if (merge) temporal.resume();
        },

        select: (ids) => {
          flushPendingEdits();
          const state = get();
          set({ selection: ids, ...derive(state.design, ids, state.badges, state) });
        },

        onNodesChange: (changes) => {
          flushPendingEdits();
          const state = get();
          const nodes = applyNodeChanges(changes, state.nodes);
          const selectionChanged = changes.some((c) => c.type === "select");
          // Resizing ends with a dimensions change whose `resizing` flag is false; that is when
          // the new size becomes part of the design (one undo step per resize, not per frame).
          const resized = changes.filter(
            (c): c is Extract<NodeChange<DesignNode>, { type: "dimensions" }> =>
              c.type === "dimensions" && c.resizing === false && !!c.dimensions,
          );
          const patch: Partial<DesignState> = { nodes };
          if (selectionChanged) {
            patch.selection = [
              ...nodes.filter((n) => n.selected).map((n) => n.id),
              ...state.edges.filter((e) => e.selected).map((e) => e.id),
            ];
          }
          set(patch);
          // A node comes to rest (the end of a drag, or an arrow-key nudge, which React Flow
          // reports the same way): its position becomes part of the design, one undo step for
          // all the nodes that moved together.
          const moves = changes.flatMap((c) =>
            c.type === "position" && c.dragging === false && c.position ? [{ id: c.id, position: c.position }] : [],
          );
          if (moves.length > 0) {
            const before = get().design;
            get().change((d) => commitMoves(d, moves));
            const notice = reparentNotice(before, get().design, moves.map((m) => m.id));
            if (notice) get().onReparent?.(notice);
          }
          if (resized.length > 0) {
            const boxes: Record<string, NodeBox> = {};
            for (const change of resized) {
              const node = nodes.find((n) => n.id === change.id);
              if (!node || node.type !== "segment" || !change.dimensions) continue;
              boxes[change.id] = {
                x: node.position.x,
                y: node.position.y,
                width: Math.round(change.dimensions.width),
                height: Math.round(change.dimensions.height),
              };
            }
            if (Object.keys(boxes).length > 0) get().change((d) => edit.setBoxes(d, boxes));
          }
        },

        onEdgesChange: (changes) => {
          flushPendingEdits();
          const state = get();
          const edges = applyEdgeChanges(changes, state.edges);
          if (changes.some((c) => c.type === "select")) {
            set({
              edges,
              selection: [
                ...state.nodes.filter((n) => n.selected).map((n) => n.id),
                ...edges.filter((e) => e.selected).map((e) => e.id),
              ],
            });
          } else {
            set({ edges });
          }
        },

        setOverlays: (overlays) => {
          const state = get();
          set({ overlays, ...derive(state.design, state.selection, state.badges, { ...state, overlays }) });
        },

        setBadges: (badges) => {
          const state = get();
          set({ badges, ...derive(state.design, state.selection, badges, state) });
        },

        deleteSelection: () => {
          const { selection } = get();
          if (selection.length > 0) get().change((d) => edit.deleteElements(d, selection), []);
        },

        copySelection: () => {
          const { design, selection } = get();
          const clipboard = edit.copyElements(design, selection);
          const size = clipboard.components.length + clipboard.identities.length + clipboard.actors.length;
          if (size > 0) set({ clipboard });
        },

        paste: () => {
          const { clipboard } = get();
          if (!clipboard) return;
          let pasted: string[] = [];
          get().change((d) => {
            const [next, ids] = edit.pasteClipboard(d, clipboard);
            pasted = ids;
            return next;
          });
          get().select(pasted);
          // Pasting again offsets from the copies, so repeated pastes fan out instead of stacking.
          set({ clipboard: edit.copyElements(get().design, pasted) });
        },
      };
    },
    {
      // Only the design is history; selection, nodes and badges follow from it.
      partialize: (state) => ({ design: state.design }),
      equality: (past, current) => past.design === current.design,
      limit: 200,
    },
  ),
);

// Undo and redo restore only `design`; the nodes and edges are re-derived from it here.
useDesignStore.subscribe((state, previous) => {
  if (state.design !== previous.design && state.nodes === previous.nodes) {
    const selection = state.selection.filter((id) => edit.findElement(state.design, id));
    useDesignStore.setState({ selection, ...derive(state.design, selection, state.badges, state) });
  }
});

export const undo = () => {
  flushPendingEdits();
  endBurst();
  useDesignStore.temporal.getState().undo();
};
export const redo = () => {
  flushPendingEdits();
  endBurst();
  useDesignStore.temporal.getState().redo();
};
