// Turns a design into React Flow nodes and edges. Segments become nested group nodes (parents
// listed before their children, as React Flow requires); components, identities and actors
// become nodes inside them; flows become edges.
import { MarkerType, Position, type Edge, type Node } from "@xyflow/react";

import { parentOf } from "../model/edit";
import { flowStroke } from "../model/flows";
import type { Severity } from "../generated/app";
import type { Actor, Component, Design, Flow, Identity, Segment } from "../model/types";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, segmentDepth } from "./geometry";

export type { Severity };

/** The most severe open finding per element id. */
export type Badges = Record<string, { severity: Severity; count: number }>;

export type SegmentNode = Node<{ segment: Segment; badge?: Badges[string]; summary: string }, "segment">;
export type ComponentNode = Node<{ component: Component; badge?: Badges[string] }, "component">;
export type IdentityNode = Node<{ identity: Identity; badge?: Badges[string] }, "identity">;
export type ActorNode = Node<{ actor: Actor; badge?: Badges[string] }, "actor">;
export type DesignNode = SegmentNode | ComponentNode | IdentityNode | ActorNode;
export type FlowEdge = Edge<{ flow: Flow; badge?: Badges[string] }, "flow">;

/** A relation the canvas can show over the flows: what a workload runs as, what a WAF or shield protects, which key encrypts a store. */
export type Overlay = "runs-as" | "protects" | "uses-key";
export const overlayLabels: Record<Overlay, string> = { "runs-as": "runs as", protects: "protects", "uses-key": "uses key" };
export type RelationEdge = Edge<{ relation: Overlay }, "relation">;
export type CanvasEdge = FlowEdge | RelationEdge;

/**
 * Elements are drawn at a fixed size; saying so lets React Flow place them, and decide which are
 * in view, before it has measured them (when a design opens, every node is new).
 */
const leafSize = { width: COMPONENT_WIDTH, height: COMPONENT_HEIGHT };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The sides of two boxes that face each other: left and right when they are further apart
 * across than up and down (measured in their own sizes, so a wide segment next to a node still
 * counts as beside it), top and bottom otherwise.
 */
export function facingSides(source: Box, target: Box): [Position, Position] {
  const dx = target.x + target.width / 2 - (source.x + source.width / 2);
  const dy = target.y + target.height / 2 - (source.y + source.height / 2);
  const across = Math.abs(dx) / ((source.width + target.width) / 2);
  const down = Math.abs(dy) / ((source.height + target.height) / 2);
  if (across >= down) return dx >= 0 ? [Position.Right, Position.Left] : [Position.Left, Position.Right];
  return dy >= 0 ? [Position.Bottom, Position.Top] : [Position.Top, Position.Bottom];
}

/** The nodes and edges that draw `design`, with `selected` set for the ids in `selection`. */
export function designToFlow(
  design: Design,
  selection: ReadonlySet<string> = new Set(),
  badges: Badges = {},
  overlays: readonly Overlay[] = [],
): { nodes: DesignNode[]; edges: CanvasEdge[] } {
  const segmentIds = new Set(design.segments.map((s) => s.id));
  const position = (id: string) => {
    const box = design.layout.nodes[id];
    return { x: box?.x ?? 0, y: box?.y ?? 0 };
  };
  const parent = (id: string) => {
    const p = parentOf(design, id);
    return p && segmentIds.has(p) ? { parentId: p } : {};
  };

  // What each segment holds, shown instead of its contents when the view is zoomed far out.
  const held = new Map<string, number>();
  for (const element of [...design.components, ...design.identities, ...design.actors]) {
    const seen = new Set<string>();
    for (let p = parentOf(design, element.id); p && segmentIds.has(p) && !seen.has(p); p = parentOf(design, p)) {
      seen.add(p);
      held.set(p, (held.get(p) ?? 0) + 1);
    }
  }
  // Only the outermost segments (accounts, zones) and the innermost (subnets) carry a summary:
  // drawn at a size that reads when zoomed out, those of the segments between would cover
  // the summaries of the segments inside them.
  const hasChildSegment = new Set(design.segments.flatMap((s) => (s.parent && segmentIds.has(s.parent) ? [s.parent] : [])));
  const summary = (segment: Segment) => {
    const root = !segment.parent || !segmentIds.has(segment.parent);
    if (!root && hasChildSegment.has(segment.id)) return "";
    const count = held.get(segment.id) ?? 0;
    return count === 0 ? "empty" : `${count} element${count === 1 ? "" : "s"}`;
  };

  const segments = [...design.segments]
    .map((segment) => ({ segment, depth: segmentDepth(design, segment) }))
    .sort((a, b) => a.depth - b.depth);

  const nodes: DesignNode[] = segments.map(({ segment, depth }) => {
    const box = design.layout.nodes[segment.id];
    return {
      id: segment.id,
      type: "segment",
      position: position(segment.id),
      ...parent(segment.id),
      width: box?.width ?? 240,
      height: box?.height ?? 180,
      zIndex: depth,
      selected: selection.has(segment.id),
      dragHandle: ".segment-header",
      data: { segment, badge: badges[segment.id], summary: summary(segment) },
    };
  });
  for (const component of design.components) {
    nodes.push({
      id: component.id,
      type: "component",
      position: position(component.id),
      ...parent(component.id),
      ...leafSize,
      zIndex: 100,
      selected: selection.has(component.id),
      data: { component, badge: badges[component.id] },
    });
  }
  for (const identity of design.identities) {
    nodes.push({
      id: identity.id,
      type: "identity",
      position: position(identity.id),
      ...parent(identity.id),
      ...leafSize,
      zIndex: 100,
      selected: selection.has(identity.id),
      data: { identity, badge: badges[identity.id] },
    });
  }
  for (const actor of design.actors) {
    nodes.push({
      id: actor.id,
      type: "actor",
      position: position(actor.id),
      ...parent(actor.id),
      ...leafSize,
      zIndex: 100,
      selected: selection.has(actor.id),
      data: { actor, badge: badges[actor.id] },
    });
  }

  // Absolute boxes, from the nodes' relative positions, once per node.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = new Map<string, Box>();
  const boxOf = (id: string, depth = 0): Box | null => {
    const known = absolute.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node) return null;
    const parentBox = node.parentId && depth < 64 ? boxOf(node.parentId, depth + 1) : null;
    const box = {
      x: node.position.x + (parentBox?.x ?? 0),
      y: node.position.y + (parentBox?.y ?? 0),
      width: node.width ?? COMPONENT_WIDTH,
      height: node.height ?? COMPONENT_HEIGHT,
    };
    absolute.set(id, box);
    return box;
  };

  const edges: FlowEdge[] = design.flows.map((flow) => {
    const stroke = flowStroke(flow);
    const [from, to] = [boxOf(flow.source), boxOf(flow.target)];
    const [sourceHandle, targetHandle] = from && to ? facingSides(from, to) : [Position.Right, Position.Left];
    return {
      id: flow.id,
      type: "flow",
      source: flow.source,
      target: flow.target,
      sourceHandle,
      targetHandle,
      selected: selection.has(flow.id),
      zIndex: 200,
      markerEnd: { type: MarkerType.ArrowClosed, color: stroke.color, width: 18, height: 18 },
      data: { flow, badge: badges[flow.id] },
    };
  });
  // Relations drawn on request; they are not elements, so they can be neither selected nor deleted.
  const relations: RelationEdge[] = [];
  const relate = (relation: Overlay, source: string, target: string | null | undefined) => {
    if (!target || !byId.has(source) || !byId.has(target)) return;
    const [sourceHandle, targetHandle] = facingSides(boxOf(source)!, boxOf(target)!);
    relations.push({
      id: `${relation}:${source}:${target}`,
      type: "relation",
      source,
      target,
      sourceHandle,
      targetHandle,
      selectable: false,
      deletable: false,
      focusable: false,
      zIndex: 190,
      data: { relation },
    });
  };
  for (const component of design.components) {
    if (overlays.includes("runs-as")) relate("runs-as", component.id, component.identity);
    if (overlays.includes("uses-key")) relate("uses-key", component.id, component.encryption_key);
    if (overlays.includes("protects")) for (const target of component.properties.protects ?? []) relate("protects", component.id, target);
  }
  return { nodes, edges: [...edges, ...relations] };
}
