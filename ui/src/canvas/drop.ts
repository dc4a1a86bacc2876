// Where a dropped or moved element lands: which segment takes it and at what relative position.
import { allowedParentKinds, allowedSegmentKinds, type PaletteTemplate } from "../model/catalog";
import * as edit from "../model/edit";
import type { Design, SegmentKind } from "../model/types";
import { SEGMENT_HEADER, SEGMENT_PADDING, absoluteRect, nodeSize, relativeTo, segmentAt } from "./geometry";
import { GRID, settle } from "./placement";

const outsideZones: SegmentKind[] = ["internet", "on_premises", "partner_network"];

/** The segment kinds that may hold an element made from this template; null means any place. */
function hostKinds(template: PaletteTemplate): SegmentKind[] | null {
  switch (template.element) {
    case "segment":
      return allowedParentKinds(template.kind);
    case "component":
      return allowedSegmentKinds(template.kind);
    case "identity":
      return ["account"];
    case "actor":
      return outsideZones;
  }
}

/** Whether an element made from this template must sit inside a host segment. */
function needsHost(template: PaletteTemplate): boolean {
  return template.element === "component" || (template.element === "segment" && hostKinds(template)!.length > 0);
}

const hostNames: Record<string, string> = {
  subnet: "a subnet",
  vpc: "a VPC",
  region: "a region or an account",
  account: "an account",
};

/**
 * Adds an element from a palette template centred on `point` (canvas coordinates), then moves it
 * to the nearest free spot on the grid inside its segment (see `settle`).
 */
export function dropTemplate(
  design: Design,
  template: PaletteTemplate,
  point: { x: number; y: number },
): { design: Design; id: string } | { error: string } {
  const added = addTemplate(design, template, point);
  return "error" in added ? added : { design: settle(added.design, added.id), id: added.id };
}

function addTemplate(
  design: Design,
  template: PaletteTemplate,
  point: { x: number; y: number },
): { design: Design; id: string } | { error: string } {
  const kinds = hostKinds(template);
  const host = kinds && kinds.length > 0 ? segmentAt(design, point, kinds) : null;
  if (!host && needsHost(template)) {
    const where = hostNames[(kinds ?? [])[0]] ?? "a segment";
    return { error: `Drop it into ${where}.` };
  }
  const parent = host?.id ?? null;
  const origin = relativeTo(design, parent, point);
  switch (template.element) {
    case "segment": {
      const [next, id] = edit.addSegment(design, template.kind, parent, { x: origin.x - 20, y: origin.y - 17 }, template.tier);
      return { design: next, id };
    }
    case "component": {
      const [next, id] = edit.addComponent(design, template.kind, parent!, { x: origin.x - 84, y: origin.y - 30 });
      return { design: next, id };
    }
    case "identity": {
      const [next, id] = edit.addIdentity(design, template.kind, parent, { x: origin.x - 84, y: origin.y - 30 });
      return { design: next, id };
    }
    case "actor": {
      const [next, id] = edit.addActor(design, template.kind, parent, { x: origin.x - 84, y: origin.y - 30 });
      return { design: next, id };
    }
  }
}

/** The segment kinds that may hold an existing element, or null when it may sit anywhere. */
function hostKindsOf(design: Design, id: string): SegmentKind[] | null {
  const element = edit.findElement(design, id);
  if (!element) return null;
  switch (element.type) {
    case "segment":
      return allowedParentKinds(element.value.kind);
    case "component":
      return allowedSegmentKinds(element.value.kind);
    case "identity":
      return ["account"];
    case "actor":
      return outsideZones;
    case "flow":
      return null;
  }
}

/**
 * Keeps a box of `size` at `position` (relative to segment `parent`) inside the parent's content
 * area, below its header, so that a node dropped across the edge of a segment does not hang out
 * of the segment it now belongs to. A node larger than the segment goes to its top-left corner.
 */
export function clampInto(design: Design, parent: string | null, position: { x: number; y: number }, size: { width: number; height: number }) {
  if (!parent) return position;
  const outer = nodeSize(design, parent);
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));
  // The bounds are rounded inwards to the grid, so that a node pulled back inside stays on it.
  const up = (value: number) => Math.ceil(value / GRID) * GRID;
  const down = (value: number) => Math.floor(value / GRID) * GRID;
  return {
    x: clamp(position.x, up(SEGMENT_PADDING / 2), down(outer.width - size.width - SEGMENT_PADDING / 2)),
    y: clamp(position.y, up(SEGMENT_HEADER), down(outer.height - size.height - SEGMENT_PADDING / 2)),
  };
}

/**
 * Commits a node moved to `position` (relative to its current parent): when its centre now lies
 * in another segment that may hold it, it moves into that segment; otherwise it stays where it
 * belongs and only its box changes.
 */
export function moveNode(design: Design, id: string, position: { x: number; y: number }): Design {
  const currentParent = edit.parentOf(design, id);
  const parentOrigin = currentParent ? absoluteRect(design, currentParent) : { x: 0, y: 0 };
  const size = nodeSize(design, id);
  const absolute = { x: parentOrigin.x + position.x, y: parentOrigin.y + position.y };
  const centre = { x: absolute.x + size.width / 2, y: absolute.y + size.height / 2 };
  const kinds = hostKindsOf(design, id);
  const box = design.layout.nodes[id] ?? { x: 0, y: 0 };
  const element = edit.findElement(design, id);
  const exclude = element?.type === "segment" ? edit.descendants(design, id) : new Set<string>();
  const host = kinds && kinds.length > 0 ? segmentAt(design, centre, kinds, exclude) : null;
  // Identities and actors may also leave every segment and sit on the bare canvas.
  const mayFloat = element?.type === "identity" || element?.type === "actor" || (element?.type === "segment" && kinds?.length === 0);
  const target = host ? host.id : mayFloat ? null : currentParent;
  if (target === currentParent) {
    const kept = clampInto(design, target, position, size);
    return edit.setBoxes(design, { [id]: { ...box, x: Math.round(kept.x), y: Math.round(kept.y) } });
  }
  const relative = clampInto(design, target, relativeTo(design, target, absolute), size);
  return edit.reparent(design, id, target, { ...box, x: Math.round(relative.x), y: Math.round(relative.y) });
}

/**
 * Commits the nodes React Flow reports at rest after a drag or an arrow-key nudge (positions
 * relative to their current parents). A node whose box did not change leaves the design as it
 * was, so a drag that was aborted or a click that did not move anything is no edit.
 */
export function commitMoves(design: Design, moves: { id: string; position: { x: number; y: number } }[]): Design {
  return moves.reduce((next, { id, position }) => {
    const box = next.layout.nodes[id];
    if (box && box.x === Math.round(position.x) && box.y === Math.round(position.y)) return next;
    return moveNode(next, id, position);
  }, design);
}

/**
 * What to tell the user when a move took elements into another segment: a drag or a nudge across
 * a border changes what the design means (a WAF in the account instead of the region), so it is
 * said, not left to be noticed. Null when every element stayed where it was.
 */
export function reparentNotice(before: Design, after: Design, ids: string[]): string | null {
  const name = (design: Design, id: string | null) => {
    if (id === null) return "the canvas";
    const element = edit.findElement(design, id);
    return element && element.type !== "flow" ? element.value.name : id;
  };
  const moved = ids
    .filter((id) => edit.findElement(after, id) && edit.parentOf(before, id) !== edit.parentOf(after, id))
    .map((id) => `${name(after, id)} from ${name(before, edit.parentOf(before, id))} into ${name(after, edit.parentOf(after, id))}`);
  return moved.length === 0 ? null : `Moved ${moved.join("; ")}.`;
}
