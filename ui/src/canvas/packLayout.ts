// A quick, deterministic layout for elements that have no box yet (a design written by hand or
// imported from a template). Inside out: a segment's child segments sit in rows that wrap to
// keep it close to the proportions of a screen, and its own elements form a strip along its
// top; at the top level, zones and accounts stand in columns. The whole then fits the window at
// a usable zoom. Elk's auto-layout is the slower alternative, ordered by flows, that the user
// asks for explicitly.
import { parentOf } from "../model/edit";
import type { Design, NodeBox, Segment } from "../model/types";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, NODE_GAP, SEGMENT_HEADER, SEGMENT_PADDING } from "./geometry";

const tierOrder = { public: 0, private: 1, isolated: 2 } as const;

/**
 * Width over height that the whole design aims for (about a window's canvas), and that the rows
 * inside a segment aim for: wider, since subnets and VPCs read best side by side.
 */
const ASPECT = 1.5;
const ROW_ASPECT = 2.4;
/** The space between blocks, wider at the top level where accounts and zones sit. */
const BLOCK_GAP = NODE_GAP * 1.5;
const ROOT_GAP = NODE_GAP * 3;
const MIN_SEGMENT = { width: 250, height: 120 };

interface Size {
  width: number;
  height: number;
}

interface Block extends Size {
  /** Puts the block's top-left corner at (x, y), relative to its segment. */
  place: (x: number, y: number) => void;
}

/** Columns for a grid of `count` elements: roughly square on screen, since an element is wider than tall. */
export function gridColumns(count: number): number {
  return Math.max(1, Math.min(count, Math.round(Math.sqrt(count * 1.2))));
}

/** The width at which rows of these blocks wrap so that the whole is roughly `ROW_ASPECT` wide, never narrower than the widest block. */
function wrapWidth(blocks: Size[], gap: number): number {
  const area = blocks.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  return Math.max(Math.max(...blocks.map((b) => b.width)), Math.sqrt(area * ROW_ASPECT));
}

/**
 * Packs blocks in lines that wrap at `wrapAt`: left to right in rows stacked downwards, or, for
 * `columns`, top to bottom in columns stacked rightwards. Returns the size they cover.
 */
function packLines(blocks: Block[], gap: number, wrapAt: number, columns: boolean): Size {
  let along = 0;
  let across = 0;
  let lineDepth = 0;
  let extent = 0;
  for (const block of blocks) {
    const length = columns ? block.height : block.width;
    if (along > 0 && along + length > wrapAt) {
      along = 0;
      across += lineDepth + gap;
      lineDepth = 0;
    }
    if (columns) block.place(across, along);
    else block.place(along, across);
    along += length + gap;
    lineDepth = Math.max(lineDepth, columns ? block.width : block.height);
    extent = Math.max(extent, along - gap);
  }
  const depth = across + lineDepth;
  return columns ? { width: depth, height: extent } : { width: extent, height: depth };
}

/** Packs blocks left to right in rows that wrap at `wrapAt`; returns the size they cover. */
export function packRows(blocks: Block[], gap: number, wrapAt = wrapWidth(blocks, gap)): Size {
  return packLines(blocks, gap, wrapAt, false);
}

/**
 * Packs blocks top to bottom in columns that wrap at a height giving the whole roughly `ASPECT`
 * proportions: the arrangement for the top level, where a few large accounts sit beside each
 * other and smaller zones stack up next to them.
 */
export function packColumns(blocks: Block[], gap: number): Size {
  if (blocks.length === 0) return { width: 0, height: 0 };
  const area = blocks.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  const wrapAt = Math.max(Math.max(...blocks.map((b) => b.height)), Math.sqrt(area / ASPECT));
  return packLines(blocks, gap, wrapAt, true);
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
  const setBox = (id: string, box: NodeBox) => {
    if (!boxes[id]) boxes[id] = box;
  };

  /** The grid of elements `ids` in `columns` columns, as a block placed relative to `origin`. */
  const leafGrid = (ids: string[], columns: number, origin: { x: number; y: number }): Block => {
    const rows = Math.ceil(ids.length / columns);
    return {
      width: columns * COMPONENT_WIDTH + (columns - 1) * NODE_GAP,
      height: rows * COMPONENT_HEIGHT + (rows - 1) * NODE_GAP,
      place: (x, y) =>
        ids.forEach((id, index) =>
          setBox(id, {
            x: origin.x + x + (index % columns) * (COMPONENT_WIDTH + NODE_GAP),
            y: origin.y + y + Math.floor(index / columns) * (COMPONENT_HEIGHT + NODE_GAP),
          }),
        ),
    };
  };

  /** Lays out what `parent` holds, relative to the corner of its content area; returns the content's size. */
  const layOut = (parent: string | null, origin: { x: number; y: number }): Size => {
    const ids = children.get(parent) ?? [];
    const leafIds = ids.filter((id) => !segmentIds.has(id));
    const childSegments = ids
      .filter((id) => segmentIds.has(id))
      .map((id) => segmentsById.get(id) as Segment)
      .sort((a, b) => (a.tier ? tierOrder[a.tier] : -1) - (b.tier ? tierOrder[b.tier] : -1));
    // Outside zones come first, so that traffic reads from left to right.
    const outside = childSegments.filter((s) => s.kind === "internet" || s.kind === "on_premises" || s.kind === "partner_network");
    const inside = childSegments.filter((s) => !outside.includes(s));

    const segmentBlock = (segment: Segment): Block => {
      const inner = layOut(segment.id, { x: SEGMENT_PADDING, y: SEGMENT_HEADER + NODE_GAP / 2 });
      const existing = boxes[segment.id];
      const width = existing?.width ?? Math.max(inner.width + 2 * SEGMENT_PADDING, MIN_SEGMENT.width);
      const height = existing?.height ?? Math.max(inner.height + SEGMENT_HEADER + NODE_GAP / 2 + SEGMENT_PADDING, MIN_SEGMENT.height);
      return { width, height, place: (x, y) => setBox(segment.id, { x: origin.x + x, y: origin.y + y, width, height }) };
    };
    const segmentBlocks = [...outside, ...inside].map(segmentBlock);

    if (!parent) {
      // The top level: zones and accounts in columns, with the elements that belong to no
      // segment (people, identity providers) as one more block after the outside zones.
      const loose = leafIds.length > 0 ? [leafGrid(leafIds, gridColumns(leafIds.length), origin)] : [];
      return packColumns([...segmentBlocks.slice(0, outside.length), ...loose, ...segmentBlocks.slice(outside.length)], ROOT_GAP);
    }

    // Inside a segment: the child segments in rows, and the segment's own elements as a strip
    // along the top, as wide as the rows below it.
    if (leafIds.length === 0) return packRows(segmentBlocks, BLOCK_GAP);
    const measured = packRows(
      segmentBlocks.map((block) => ({ ...block, place: () => {} })),
      BLOCK_GAP,
    );
    const fit = Math.floor((measured.width + NODE_GAP) / (COMPONENT_WIDTH + NODE_GAP));
    const strip = leafGrid(leafIds, Math.max(Math.min(leafIds.length, fit), gridColumns(leafIds.length)), origin);
    strip.place(0, 0);
    if (segmentBlocks.length === 0) return strip;
    const shift = strip.height + BLOCK_GAP;
    const below = packRows(
      segmentBlocks.map((block) => ({ ...block, place: (x: number, y: number) => block.place(x, y + shift) })),
      BLOCK_GAP,
    );
    return { width: Math.max(strip.width, below.width), height: shift + below.height };
  };
  layOut(null, { x: 0, y: 0 });
  return { ...design, layout: { ...design.layout, nodes: boxes } };
}
