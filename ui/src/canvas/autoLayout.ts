// Auto-layout with elkjs: the segment tree becomes a compound graph (subnets inside VPCs inside
// accounts), flows become edges, and ELK's layered algorithm places everything left to right
// in the direction traffic flows. Positions come back relative to each parent, as the layout
// stores them.
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk.bundled.js";

import { parentOf } from "../model/edit";
import type { Design, NodeBox } from "../model/types";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, SEGMENT_HEADER, SEGMENT_PADDING } from "./geometry";

/** ELK is large; it is loaded the first time the user asks for a layout, not at start-up. */
async function loadElk() {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  return new ELK();
}

const rootOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.layered.spacing.nodeNodeBetweenLayers": "70",
  "elk.spacing.nodeNode": "36",
  "elk.spacing.componentComponent": "60",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

const segmentOptions = {
  "elk.padding": `[top=${SEGMENT_HEADER + 14},left=${SEGMENT_PADDING},bottom=${SEGMENT_PADDING},right=${SEGMENT_PADDING}]`,
};

/** Computes a fresh layout for every element of the design. */
export async function autoLayout(design: Design): Promise<Record<string, NodeBox>> {
  const segmentIds = new Set(design.segments.map((s) => s.id));
  const elkNodes = new Map<string, ElkNode>();
  for (const segment of design.segments) {
    elkNodes.set(segment.id, { id: segment.id, children: [], layoutOptions: segmentOptions, width: 220, height: 120 });
  }
  for (const element of [...design.components, ...design.identities, ...design.actors]) {
    elkNodes.set(element.id, { id: element.id, width: COMPONENT_WIDTH, height: COMPONENT_HEIGHT });
  }
  const root: ElkNode = { id: "__root", layoutOptions: rootOptions, children: [], edges: [] };
  for (const [id, node] of elkNodes) {
    const parent = parentOf(design, id);
    const host = parent && segmentIds.has(parent) ? elkNodes.get(parent) : undefined;
    (host ?? root).children!.push(node);
  }
  root.edges = design.flows
    .filter((flow) => elkNodes.has(flow.source) && elkNodes.has(flow.target) && flow.source !== flow.target)
    .map<ElkExtendedEdge>((flow) => ({ id: flow.id, sources: [flow.source], targets: [flow.target] }));

  const elk = await loadElk();
  const laidOut = await elk.layout(root);
  const boxes: Record<string, NodeBox> = {};
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      const box: NodeBox = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
      if (segmentIds.has(child.id)) {
        box.width = Math.round(child.width ?? 220);
        box.height = Math.round(child.height ?? 120);
      }
      boxes[child.id] = box;
      visit(child);
    }
  };
  visit(laidOut);
  return boxes;
}
