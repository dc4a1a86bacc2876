// A quick, deterministic layout for elements that have no box yet (a design written by hand or
// imported from a template): children in a grid, child segments side by side, every segment
// grown to hold what it contains. Elk's auto-layout is the slower, prettier alternative that
// the user asks for explicitly.
import { parentOf } from "../model/edit";
import type { Design, NodeBox, Segment } from "../model/types";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, NODE_GAP, SEGMENT_HEADER, SEGMENT_PADDING } from "./geometry";

const LEAF_COLUMNS = 3;
const tierOrder = { public: 0, private: 1, isolated: 2 } as const;

interface Placed {
  width: number;
  height: number;
}

/** The design's layout with a box for every element that lacked one; existing boxes stay. */
export function completeLayout(design: Design): Design {
  const missing = [...design.segments, ...design.components, ...design.identities, ...design.actors].some(
    (element) => !design.layout.nodes[element.id],
  );
  if (!missing) return design;

  const boxes: Record<string, NodeBox> = { ...design.layout.nodes };
  const segmentIds = new Set(design.segments.map((s) => s.id));
  const children = new Map<string | null, string[]>();
  const leaves = [...design.components, ...design.identities, ...design.actors].map((e) => e.id);
  for (const id of [...design.segments.map((s) => s.id), ...leaves]) {
    const parent = parentOf(design, id);
    const key = parent && segmentIds.has(parent) ? parent : null;
    children.set(key, [...(children.get(key) ?? []), id]);
  }
  const segmentsById = new Map(design.segments.map((s) => [s.id, s]));

  const place = (parent: string | null): Placed => {
    const ids = children.get(parent) ?? [];
    const leafIds = ids.filter((id) => !segmentIds.has(id));
    const childSegments = ids
      .filter((id) => segmentIds.has(id))
      .map((id) => segmentsById.get(id) as Segment)
      .sort((a, b) => (a.tier ? tierOrder[a.tier] : -1) - (b.tier ? tierOrder[b.tier] : -1));
    const top = parent ? SEGMENT_HEADER : 0;
    const left = parent ? SEGMENT_PADDING : 0;
    let width = 0;
    let height = top;

    leafIds.forEach((id, index) => {
      const column = index % LEAF_COLUMNS;
      const row = Math.floor(index / LEAF_COLUMNS);
      const x = left + column * (COMPONENT_WIDTH + NODE_GAP);
      const y = top + row * (COMPONENT_HEIGHT + NODE_GAP);
      if (!boxes[id]) boxes[id] = { x, y };
      width = Math.max(width, x + COMPONENT_WIDTH);
      height = Math.max(height, y + COMPONENT_HEIGHT + NODE_GAP);
    });

    let x = left;
    const rowTop = height;
    for (const segment of childSegments) {
      const inner = place(segment.id);
      const existing = boxes[segment.id];
      const segWidth = existing?.width ?? Math.max(inner.width + SEGMENT_PADDING, 220);
      const segHeight = existing?.height ?? Math.max(inner.height + SEGMENT_PADDING, 140);
      if (!existing) boxes[segment.id] = { x, y: rowTop, width: segWidth, height: segHeight };
      const box = boxes[segment.id];
      width = Math.max(width, box.x + (box.width ?? segWidth));
      height = Math.max(height, box.y + (box.height ?? segHeight) + NODE_GAP);
      x += segWidth + (parent ? NODE_GAP : NODE_GAP * 3);
    }
    return { width, height };
  };
  place(null);
  return { ...design, layout: { ...design.layout, nodes: boxes } };
}
