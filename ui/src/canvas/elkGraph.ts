// The design as an ELK graph, and ELK's answer read back as the canvas's boxes and flow routes.
// Segments become compound nodes (subnets inside VPCs inside accounts), flows become edges with
// a label as large as the one the canvas draws, and ELK's layered algorithm places everything
// from top to bottom in the direction traffic flows (the internet above the edge, the data
// below, as AWS diagrams read; left to right stacked a VPC's unconnected subnets into one narrow
// column), routing every flow orthogonally around the nodes and giving its label a place of its
// own. Elements that no flow touches would all land in
// ELK's first layer, one tall column per segment; they are packed instead into a grid that ELK
// places as one block.
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";

import { parentOf } from "../model/edit";
import { flowLabel } from "../model/flows";
import type { Design, Flow, NodeBox, Segment } from "../model/types";
import { gridColumns } from "./packLayout";
import { COMPONENT_HEIGHT, COMPONENT_WIDTH, NODE_GAP, SEGMENT_HEADER, SEGMENT_PADDING, type Rect } from "./geometry";
import { CLEARANCE, titleWidth } from "./titleBands";

/** The height of a flow label on the canvas (10 px text, padding and border). */
export const LABEL_HEIGHT = 18;
const GRID_PREFIX = "__grid:";

const rootOptions: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.json.edgeCoords": "ROOT",
  "elk.edgeLabels.placement": "CENTER",
  "elk.layered.edgeLabels.centerLabelPlacementStrategy": "TAIL_LAYER",
  "elk.spacing.edgeLabel": "4",
  "elk.spacing.edgeNode": "18",
  "elk.spacing.edgeEdge": "12",
  "elk.spacing.nodeNode": "36",
  "elk.spacing.componentComponent": "60",
  "elk.layered.spacing.nodeNodeBetweenLayers": "60",
  "elk.layered.spacing.edgeNodeBetweenLayers": "20",
  "elk.layered.spacing.edgeEdgeBetweenLayers": "12",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  // The longest-path layering put every element of a long chain of flows in a layer of its own,
  // so the reference came out as one tall column read at a fit zoom of 0.18. Coffman-Graham with
  // a bound of four elements per layer folds such chains into rows, and Brandes-Koepf places
  // each row's nodes straight under their neighbours, which keeps the orthogonal routes short.
  "elk.layered.layering.strategy": "COFFMAN_GRAHAM",
  "elk.layered.layering.coffmanGraham.layerBound": "4",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
};

/** The height of a segment with nothing in it. */
const EMPTY_SEGMENT_HEIGHT = 120;

/** How wide ELK makes a segment at least: its title and, beside it, a way in for a flow from above. */
export function segmentMinimumWidth(segment: Segment): number {
  return Math.max(250, Math.ceil(titleWidth(segment)) + 2 * CLEARANCE + 24);
}

/**
 * The layout options of a segment at least `width` wide. With the direction DOWN, ELK Layered
 * turns a compound node's minimum size on its side before applying it, and a leaf's not
 * (https://github.com/eclipse-elk/elk/issues/1033): a minimum width written first came out as
 * the segment's height, leaving subnets narrower than their titles and tall. So a segment with
 * children is given its minimum turned, and an empty one, which ELK sizes as a leaf, keeps the
 * size it is given. The ELK test checks that the laid-out segments are as wide as asked.
 */
function segmentOptions(width: number, hasChildren: boolean): Record<string, string> {
  const padding = `[top=${SEGMENT_HEADER + 16},left=${SEGMENT_PADDING},bottom=${SEGMENT_PADDING},right=${SEGMENT_PADDING}]`;
  if (!hasChildren) return { "elk.padding": padding };
  return { "elk.padding": padding, "elk.nodeSize.constraints": "MINIMUM_SIZE", "elk.nodeSize.minimum": `(${EMPTY_SEGMENT_HEIGHT}, ${width})` };
}

/** The route ELK gave a flow, in absolute canvas coordinates, and where its two ends stood. */
export interface Route {
  points: { x: number; y: number }[];
  /** The centre of the flow's label. */
  label: { x: number; y: number } | null;
  /** The absolute top-left corners of the flow's source and target when it was routed. */
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface ElkResult {
  /** A box per element, relative to its parent segment, as the layout stores them. */
  boxes: Record<string, NodeBox>;
  /** The absolute rectangle ELK gave each element. */
  rects: Record<string, Rect>;
  /** A route per flow ELK could route. */
  routes: Record<string, Route>;
}

/**
 * The room ELK keeps for a flow label: the canvas draws it in 10 px semibold with 6 px padding
 * each side and a border. The width is estimated from the text, not measured with the window's
 * font, so that the layout is the same in the window, in the tests and in the layout saved with
 * an example (a route is drawn only while the nodes stand where ELK put them); the estimate
 * errs wide, since 10 px semibold averages under 6.6 px a character.
 */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.6) + 16;
}

/** The text a flow's label shows. */
export function labelText(flow: Flow): string {
  return flow.name ?? flowLabel(flow);
}

/** The ids of the elements that a flow between two different elements touches. */
function connected(design: Design): Set<string> {
  const ids = new Set<string>();
  for (const flow of design.flows) {
    if (flow.source === flow.target) continue;
    ids.add(flow.source);
    ids.add(flow.target);
  }
  return ids;
}

/** The ELK graph of the design, and the grid blocks standing for elements no flow touches. */
export function toElkGraph(design: Design): { graph: ElkNode; grids: Map<string, string[]> } {
  const segmentIds = new Set(design.segments.map((s) => s.id));
  const linked = connected(design);
  const nodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: "__root", layoutOptions: rootOptions, children: [], edges: [] };
  for (const segment of design.segments) {
    nodes.set(segment.id, { id: segment.id, children: [], width: segmentMinimumWidth(segment), height: EMPTY_SEGMENT_HEIGHT });
  }
  const hostOf = (id: string): ElkNode => {
    const parent = parentOf(design, id);
    return (parent && segmentIds.has(parent) ? nodes.get(parent) : undefined) ?? root;
  };
  for (const segment of design.segments) hostOf(segment.id).children!.push(nodes.get(segment.id)!);

  const loose = new Map<ElkNode, string[]>();
  for (const element of [...design.components, ...design.identities, ...design.actors]) {
    const host = hostOf(element.id);
    if (linked.has(element.id)) {
      const node = { id: element.id, width: COMPONENT_WIDTH, height: COMPONENT_HEIGHT };
      nodes.set(element.id, node);
      host.children!.push(node);
    } else {
      loose.set(host, [...(loose.get(host) ?? []), element.id]);
    }
  }
  const grids = new Map<string, string[]>();
  for (const [host, ids] of loose) {
    const columns = gridColumns(ids.length);
    const rows = Math.ceil(ids.length / columns);
    const id = `${GRID_PREFIX}${host.id}`;
    grids.set(id, ids);
    host.children!.push({
      id,
      width: columns * COMPONENT_WIDTH + (columns - 1) * NODE_GAP,
      height: rows * COMPONENT_HEIGHT + (rows - 1) * NODE_GAP,
    });
  }
  for (const segment of design.segments) {
    const node = nodes.get(segment.id)!;
    node.layoutOptions = segmentOptions(segmentMinimumWidth(segment), node.children!.length > 0);
  }
  root.edges = design.flows
    .filter((flow) => nodes.has(flow.source) && nodes.has(flow.target) && flow.source !== flow.target)
    .map<ElkExtendedEdge>((flow) => ({
      id: flow.id,
      sources: [flow.source],
      targets: [flow.target],
      labels: [{ id: `${flow.id}:label`, text: labelText(flow), width: labelWidth(labelText(flow)), height: LABEL_HEIGHT }],
    }));
  return { graph: root, grids };
}

/** Reads ELK's laid-out graph back as boxes relative to each parent and absolute flow routes. */
export function fromElkGraph(laidOut: ElkNode, grids: Map<string, string[]>, segmentIds: Set<string>): ElkResult {
  const boxes: Record<string, NodeBox> = {};
  const rects: Record<string, Rect> = {};
  const visit = (node: ElkNode, origin: { x: number; y: number }) => {
    for (const child of node.children ?? []) {
      const x = Math.round(child.x ?? 0);
      const y = Math.round(child.y ?? 0);
      const gridIds = grids.get(child.id);
      if (gridIds) {
        const columns = gridColumns(gridIds.length);
        gridIds.forEach((id, index) => {
          const box = {
            x: x + (index % columns) * (COMPONENT_WIDTH + NODE_GAP),
            y: y + Math.floor(index / columns) * (COMPONENT_HEIGHT + NODE_GAP),
          };
          boxes[id] = box;
          rects[id] = { x: origin.x + box.x, y: origin.y + box.y, width: COMPONENT_WIDTH, height: COMPONENT_HEIGHT };
        });
        continue;
      }
      const box: NodeBox = { x, y };
      if (segmentIds.has(child.id)) {
        box.width = Math.round(child.width ?? 250);
        box.height = Math.round(child.height ?? 120);
      }
      boxes[child.id] = box;
      const corner = { x: origin.x + x, y: origin.y + y };
      rects[child.id] = { ...corner, width: box.width ?? COMPONENT_WIDTH, height: box.height ?? COMPONENT_HEIGHT };
      visit(child, corner);
    }
  };
  visit(laidOut, { x: 0, y: 0 });

  const routes: Record<string, Route> = {};
  for (const edge of laidOut.edges ?? []) {
    const sections = edge.sections ?? [];
    if (sections.length === 0) continue;
    const points = sections.flatMap((section, index) => [
      ...(index === 0 ? [section.startPoint] : []),
      ...(section.bendPoints ?? []),
      section.endPoint,
    ]);
    const label = edge.labels?.[0];
    const from = rects[edge.sources[0]];
    const to = rects[edge.targets[0]];
    if (!from || !to) continue;
    routes[edge.id] = {
      points: points.map((p) => ({ x: p.x, y: p.y })),
      label:
        label && label.x !== undefined && label.y !== undefined
          ? { x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 }
          : null,
      from: { x: from.x, y: from.y },
      to: { x: to.x, y: to.y },
    };
  }
  return { boxes, rects, routes };
}

/**
 * An SVG path through the route's points with rounded corners, and the middle of its longest
 * segment (where a label goes when ELK placed none).
 */
export function routePath(points: { x: number; y: number }[], radius = 6): string {
  if (points.length === 0) return "";
  let path = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const towards = (p: { x: number; y: number }, q: { x: number; y: number }, d: number) => {
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) / length) * d, y: p.y + ((q.y - p.y) / length) * d };
    };
    const before = towards(b, a, r);
    const after = towards(b, c, r);
    path += ` L ${before.x} ${before.y} Q ${b.x} ${b.y} ${after.x} ${after.y}`;
  }
  const last = points[points.length - 1];
  return `${path} L ${last.x} ${last.y}`;
}
