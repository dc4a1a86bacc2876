// Placement of nodes: the 10 px grid, free spots for dropped elements, alignment guides while
// dragging, and the align and distribute commands. Pure functions over the design (or over
// rectangles), so that the canvas, the store and the tests share them.
import * as edit from "../model/edit";
import type { Design, NodeBox } from "../model/types";
import { SEGMENT_HEADER, SEGMENT_PADDING, absoluteRect, nodeSize, type Rect } from "./geometry";

export const GRID = 10;
/** The room kept between a dropped element and its neighbours. */
const CLEARANCE = 10;
/** How close (in canvas pixels) an edge or centre must come to another's to snap to it. */
export const GUIDE_THRESHOLD = 6;

export const snap = (value: number) => Math.round(value / GRID) * GRID;

const overlaps = (a: Rect, b: Rect, gap = 0) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/** The rectangles, relative to `parent`, of the other nodes directly inside it. */
function siblingRects(design: Design, parent: string | null, except: string): Rect[] {
  const ids = [...design.segments, ...design.components, ...design.identities, ...design.actors]
    .map((e) => e.id)
    .filter((id) => id !== except && edit.parentOf(design, id) === parent && design.layout.nodes[id]);
  return ids.map((id) => {
    const box = design.layout.nodes[id];
    return { x: box.x, y: box.y, ...nodeSize(design, id) };
  });
}

/**
 * Moves the node `id` to the free spot nearest its box, on the grid and inside its parent's
 * content area, clear of its parent's border and header and of every node beside it; where the
 * parent has no such spot left, the node goes below the others and the parent grows to hold it.
 * A dropped node then never hides another or hangs across a border.
 */
export function settle(design: Design, id: string): Design {
  const box = design.layout.nodes[id];
  if (!box) return design;
  const parent = edit.parentOf(design, id);
  const size = nodeSize(design, id);
  const others = siblingRects(design, parent, id);
  const outer = parent ? nodeSize(design, parent) : null;
  const low = { x: parent ? SEGMENT_PADDING : -Infinity, y: parent ? SEGMENT_HEADER + GRID : -Infinity };
  const high = outer
    ? { x: outer.width - size.width - SEGMENT_PADDING, y: outer.height - size.height - SEGMENT_PADDING }
    : { x: Infinity, y: Infinity };
  const fits = (x: number, y: number) =>
    x >= low.x && y >= low.y && x <= high.x && y <= high.y && !others.some((o) => overlaps({ x, y, ...size }, o, CLEARANCE));
  const start = { x: snap(Math.min(Math.max(box.x, low.x), Math.max(low.x, high.x))), y: snap(Math.min(Math.max(box.y, low.y), Math.max(low.y, high.y))) };
  const place = (x: number, y: number) => edit.setBoxes(design, { [id]: { ...box, x, y } });
  if (fits(start.x, start.y)) return place(start.x, start.y);
  // Rings of growing radius around the drop point, nearest first.
  const reach = outer ? Math.max(outer.width, outer.height) : 2000;
  for (let radius = GRID; radius <= reach; radius += GRID) {
    let best: { x: number; y: number; d: number } | null = null;
    for (let dx = -radius; dx <= radius; dx += GRID) {
      for (const dy of Math.abs(dx) === radius ? range(-radius, radius) : [-radius, radius]) {
        const [x, y] = [start.x + dx, start.y + dy];
        const d = Math.hypot(dx, dy);
        if ((!best || d < best.d) && fits(x, y)) best = { x, y, d };
      }
    }
    if (best) return place(best.x, best.y);
  }
  // No room: below everything else in the parent, which grows to hold it.
  const y = snap(Math.max(low.y, ...others.map((o) => o.y + o.height + CLEARANCE)));
  const x = parent ? SEGMENT_PADDING : start.x;
  return holdInSegments(place(x, y), id);
}

/**
 * Grows each segment around `id`, from its parent outwards, to hold what it holds, so that a
 * grown subnet does not hang across its VPC's border; stops at the first that already does.
 */
function holdInSegments(design: Design, id: string): Design {
  let next = design;
  const seen = new Set<string>([id]);
  let child = id;
  for (let parent = edit.parentOf(next, child); parent && !seen.has(parent); parent = edit.parentOf(next, parent)) {
    seen.add(parent);
    const box = next.layout.nodes[parent];
    const inner = next.layout.nodes[child];
    if (!box || !inner) break;
    const outer = nodeSize(next, parent);
    const size = nodeSize(next, child);
    const width = Math.max(outer.width, inner.x + size.width + SEGMENT_PADDING);
    const height = Math.max(outer.height, inner.y + size.height + SEGMENT_PADDING);
    if (width === outer.width && height === outer.height) break;
    next = edit.setBoxes(next, { [parent]: { ...box, width, height } });
    child = parent;
  }
  return next;
}

function range(from: number, to: number): number[] {
  const values = [];
  for (let v = from; v <= to; v += GRID) values.push(v);
  return values;
}

export type AlignMode = "left" | "centre" | "right" | "top" | "middle" | "bottom";

/** The selected nodes with a box (segments and elements, not flows), with their absolute rectangles. */
function placed(design: Design, ids: string[]): { id: string; rect: Rect }[] {
  return ids
    .filter((id) => design.layout.nodes[id] && edit.findElement(design, id)?.type !== "flow")
    .map((id) => ({ id, rect: absoluteRect(design, id) }));
}

/** Moves nodes to absolute corners, keeping each in its own parent. */
function moveTo(design: Design, targets: { id: string; x: number; y: number }[]): Design {
  const boxes: Record<string, NodeBox> = {};
  for (const { id, x, y } of targets) {
    const parent = edit.parentOf(design, id);
    const origin = parent ? absoluteRect(design, parent) : { x: 0, y: 0 };
    const box = design.layout.nodes[id];
    const nx = Math.round(x - origin.x);
    const ny = Math.round(y - origin.y);
    if (nx !== box.x || ny !== box.y) boxes[id] = { ...box, x: nx, y: ny };
  }
  return Object.keys(boxes).length === 0 ? design : edit.setBoxes(design, boxes);
}

/** Lines the selected nodes up on the edge or centre of the extreme one (two nodes at least). */
export function align(design: Design, ids: string[], mode: AlignMode): Design {
  const nodes = placed(design, ids);
  if (nodes.length < 2) return design;
  const rects = nodes.map((n) => n.rect);
  const left = Math.min(...rects.map((r) => r.x));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const top = Math.min(...rects.map((r) => r.y));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return moveTo(
    design,
    nodes.map(({ id, rect }) => {
      switch (mode) {
        case "left":
          return { id, x: left, y: rect.y };
        case "right":
          return { id, x: right - rect.width, y: rect.y };
        case "centre":
          return { id, x: (left + right) / 2 - rect.width / 2, y: rect.y };
        case "top":
          return { id, x: rect.x, y: top };
        case "bottom":
          return { id, x: rect.x, y: bottom - rect.height };
        case "middle":
          return { id, x: rect.x, y: (top + bottom) / 2 - rect.height / 2 };
      }
    }),
  );
}

/** Spaces the selected nodes evenly between the two outermost along an axis (three nodes at least). */
export function distribute(design: Design, ids: string[], axis: "horizontal" | "vertical"): Design {
  const nodes = placed(design, ids);
  if (nodes.length < 3) return design;
  const horizontal = axis === "horizontal";
  const start = (r: Rect) => (horizontal ? r.x : r.y);
  const length = (r: Rect) => (horizontal ? r.width : r.height);
  const sorted = [...nodes].sort((a, b) => start(a.rect) - start(b.rect) || a.id.localeCompare(b.id));
  const first = sorted[0].rect;
  const last = sorted[sorted.length - 1].rect;
  const total = sorted.reduce((sum, n) => sum + length(n.rect), 0);
  const gap = (start(last) + length(last) - start(first) - total) / (sorted.length - 1);
  let cursor = start(first);
  return moveTo(
    design,
    sorted.map(({ id, rect }) => {
      const at = cursor;
      cursor += length(rect) + gap;
      return horizontal ? { id, x: at, y: rect.y } : { id, x: rect.x, y: at };
    }),
  );
}

/** A guide line drawn while dragging: vertical at `x` or horizontal at `y`, from `from` to `to`. */
export interface Guide {
  axis: "x" | "y";
  at: number;
  from: number;
  to: number;
}

/**
 * Snaps a rectangle being dragged to the edges and centres of the rectangles beside it (all in
 * one coordinate space), each axis separately when within `GUIDE_THRESHOLD`; returns the
 * corrected corner and the guide lines to draw.
 */
export function guides(moving: Rect, others: Rect[]): { x: number; y: number; lines: Guide[] } {
  const lines: Guide[] = [];
  const axis = (key: "x" | "y") => {
    const size = key === "x" ? moving.width : moving.height;
    const own = [0, size / 2, size];
    let best: { delta: number; at: number } | null = null;
    for (const other of others) {
      const otherSize = key === "x" ? other.width : other.height;
      for (const mark of [other[key], other[key] + otherSize / 2, other[key] + otherSize]) {
        for (const offset of own) {
          const delta = mark - (moving[key] + offset);
          if (Math.abs(delta) <= GUIDE_THRESHOLD && (!best || Math.abs(delta) < Math.abs(best.delta))) best = { delta, at: mark };
        }
      }
    }
    if (!best) return moving[key];
    const corner = moving[key] + best.delta;
    const snapped = { ...moving, [key]: corner };
    // The line runs across every rectangle it aligns with and the moving one.
    const cross = key === "x" ? "y" : "x";
    const crossSize = (r: Rect) => (cross === "x" ? r.width : r.height);
    const touching = [snapped, ...others].filter((r) => {
      const size = key === "x" ? r.width : r.height;
      return [r[key], r[key] + size / 2, r[key] + size].some((m) => Math.abs(m - best!.at) < 0.5);
    });
    lines.push({
      axis: key,
      at: best.at,
      from: Math.min(...touching.map((r) => r[cross])),
      to: Math.max(...touching.map((r) => r[cross] + crossSize(r))),
    });
    return corner;
  };
  const x = axis("x");
  const y = axis("y");
  return { x, y, lines };
}
