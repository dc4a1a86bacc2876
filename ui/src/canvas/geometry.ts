// Geometry of the canvas: node sizes, absolute positions of nested boxes, and which segment a
// point falls in. Pure functions over the design, so the store and the tests share them.
import { parentOf } from "../model/edit";
import type { Design, NodeBox, Segment, SegmentKind } from "../model/types";

export const COMPONENT_WIDTH = 168;
export const COMPONENT_HEIGHT = 60;
export const SEGMENT_HEADER = 34;
export const SEGMENT_PADDING = 20;
export const NODE_GAP = 24;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size of a node: segments carry theirs in the layout, the others have a fixed size. */
export function nodeSize(design: Design, id: string): { width: number; height: number } {
  const box = design.layout.nodes[id];
  if (design.segments.some((s) => s.id === id)) {
    return { width: box?.width ?? 240, height: box?.height ?? 180 };
  }
  return { width: COMPONENT_WIDTH, height: COMPONENT_HEIGHT };
}

/** The absolute rectangle of a node, adding up its parents' offsets. */
export function absoluteRect(design: Design, id: string): Rect {
  let x = 0;
  let y = 0;
  const seen = new Set<string>();
  let current: string | null = id;
  while (current && !seen.has(current)) {
    seen.add(current);
    const box: NodeBox | undefined = design.layout.nodes[current];
    x += box?.x ?? 0;
    y += box?.y ?? 0;
    current = parentOf(design, current);
  }
  return { x, y, ...nodeSize(design, id) };
}

/** The depth of a segment in the nesting, 0 for a root. */
export function segmentDepth(design: Design, segment: Segment): number {
  let depth = 0;
  let parent = segment.parent;
  const seen = new Set<string>();
  while (parent && !seen.has(parent)) {
    seen.add(parent);
    depth += 1;
    parent = design.segments.find((s) => s.id === parent)?.parent;
  }
  return depth;
}

/**
 * The innermost segment under an absolute point whose kind is one of `kinds`, skipping the
 * segments in `exclude` (a segment being dragged cannot be dropped into itself).
 */
export function segmentAt(
  design: Design,
  point: { x: number; y: number },
  kinds: SegmentKind[] | null,
  exclude: Set<string> = new Set(),
): Segment | null {
  let best: Segment | null = null;
  let bestDepth = -1;
  for (const segment of design.segments) {
    if (exclude.has(segment.id)) continue;
    if (kinds && !kinds.includes(segment.kind)) continue;
    const rect = absoluteRect(design, segment.id);
    const inside =
      point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
    if (!inside) continue;
    const depth = segmentDepth(design, segment);
    if (depth > bestDepth) {
      best = segment;
      bestDepth = depth;
    }
  }
  return best;
}

/** Converts an absolute point into coordinates relative to a parent node (or the canvas). */
export function relativeTo(design: Design, parent: string | null, point: { x: number; y: number }) {
  if (!parent) return point;
  const origin = absoluteRect(design, parent);
  return { x: point.x - origin.x, y: point.y - origin.y };
}
