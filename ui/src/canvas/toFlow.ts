// Turns a design into React Flow nodes and edges. Segments become nested group nodes (parents
// listed before their children, as React Flow requires); components, identities and actors
// become nodes inside them; flows become edges.
import { MarkerType, type Edge, type Node } from "@xyflow/react";

import { parentOf } from "../model/edit";
import { flowStroke } from "../model/flows";
import type { Severity } from "../generated/app";
import type { Actor, Component, Design, Flow, Identity, Segment } from "../model/types";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, segmentDepth } from "./geometry";

export type { Severity };

/** The most severe open finding per element id. */
export type Badges = Record<string, { severity: Severity; count: number }>;

export type SegmentNode = Node<{ segment: Segment; badge?: Badges[string] }, "segment">;
export type ComponentNode = Node<{ component: Component; badge?: Badges[string] }, "component">;
export type IdentityNode = Node<{ identity: Identity; badge?: Badges[string] }, "identity">;
export type ActorNode = Node<{ actor: Actor; badge?: Badges[string] }, "actor">;
export type DesignNode = SegmentNode | ComponentNode | IdentityNode | ActorNode;
export type FlowEdge = Edge<{ flow: Flow; badge?: Badges[string] }, "flow">;

/**
 * Elements are drawn at a fixed size; saying so lets React Flow place them, and decide which are
 * in view, before it has measured them (when a design opens, every node is new).
 */
const leafSize = { width: COMPONENT_WIDTH, height: COMPONENT_HEIGHT };

/** The nodes and edges that draw `design`, with `selected` set for the ids in `selection`. */
export function designToFlow(
  design: Design,
  selection: ReadonlySet<string> = new Set(),
  badges: Badges = {},
): { nodes: DesignNode[]; edges: FlowEdge[] } {
  const segmentIds = new Set(design.segments.map((s) => s.id));
  const position = (id: string) => {
    const box = design.layout.nodes[id];
    return { x: box?.x ?? 0, y: box?.y ?? 0 };
  };
  const parent = (id: string) => {
    const p = parentOf(design, id);
    return p && segmentIds.has(p) ? { parentId: p } : {};
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
      data: { segment, badge: badges[segment.id] },
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

  const edges: FlowEdge[] = design.flows.map((flow) => {
    const stroke = flowStroke(flow);
    return {
      id: flow.id,
      type: "flow",
      source: flow.source,
      target: flow.target,
      selected: selection.has(flow.id),
      zIndex: 200,
      markerEnd: { type: MarkerType.ArrowClosed, color: stroke.color, width: 18, height: 18 },
      data: { flow, badge: badges[flow.id] },
    };
  });
  return { nodes, edges };
}
