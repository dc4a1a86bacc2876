// The routes ELK gives the flows, kept beside the design (they are not saved) and drawn while
// the nodes stand where ELK put them. ELK lays out and routes in one step, so a route is only
// good for the layout it came from: a flow whose end moved, or whose route now crosses a node
// that moved, falls back to a step edge drawn between the facing sides of its ends. Routing runs
// again whenever the design's structure (elements, parents, flows and their labels) changes;
// moving nodes only changes which routes still hold.
import { create } from "zustand";

import { parentOf } from "../model/edit";
import type { Design, FlowRoute } from "../model/types";
import { elkLayout } from "./autoLayout";
import { labelText, type ElkResult, type Route } from "./elkGraph";
import { absoluteRect, type Rect } from "./geometry";

interface RouteState {
  /** The structure the last ELK run laid out, its result, and the routes that hold now. */
  key: string;
  result: ElkResult | null;
  active: Record<string, Route>;
  /** Why the last ELK run failed, when it did (the flows are then step edges). */
  error: string | null;
}

export const useRouteStore = create<RouteState>()(() => ({ key: "", result: null, active: {}, error: null }));

/** What ELK's answer depends on: every element with its parent, and every flow with its ends and label. */
export function structureKey(design: Design): string {
  const elements = [...design.segments, ...design.components, ...design.identities, ...design.actors].map(
    (element) => `${element.id}<${parentOf(design, element.id) ?? ""}`,
  );
  const flows = design.flows.map((flow) => `${flow.id}:${flow.source}>${flow.target}:${labelText(flow)}`);
  return `${elements.join("|")}#${flows.join("|")}`;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1;
const sameRect = (a: Rect, b: Rect) => near(a.x, b.x) && near(a.y, b.y) && near(a.width, b.width) && near(a.height, b.height);

/** Whether the segment from `a` to `b` (horizontal or vertical, as ELK's are) passes through `rect`. */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, rect: Rect): boolean {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return left < rect.x + rect.width && right > rect.x && top < rect.y + rect.height && bottom > rect.y;
}

/**
 * The routes of `result` that still hold in `design`: both ends where ELK put them, and no
 * element that moved since standing across the route. Moved segments count only where the
 * route enters or leaves them through a border that moved, which the ends' check covers, so only
 * moved leaves are obstacles.
 */
export function activeRoutes(design: Design, result: ElkResult): Record<string, Route> {
  const segmentIds = new Set(design.segments.map((s) => s.id));
  const current = new Map<string, Rect>();
  const moved: Rect[] = [];
  for (const id of Object.keys(result.rects)) {
    if (!design.layout.nodes[id]) continue;
    const rect = absoluteRect(design, id);
    current.set(id, rect);
    if (!sameRect(rect, result.rects[id]) && !segmentIds.has(id)) moved.push(rect);
  }
  const active: Record<string, Route> = {};
  for (const flow of design.flows) {
    const route = result.routes[flow.id];
    if (!route) continue;
    const [from, to] = [current.get(flow.source), current.get(flow.target)];
    if (!from || !to || !sameRect(from, result.rects[flow.source]) || !sameRect(to, result.rects[flow.target])) continue;
    const blocked = moved.some((rect) => route.points.some((point, i) => i > 0 && crosses(route.points[i - 1], point, rect)));
    if (!blocked) active[flow.id] = route;
  }
  return active;
}

/** Records an ELK result for `design` (from routing or from an auto-layout) and what holds of it. */
export function acceptResult(design: Design, result: ElkResult) {
  useRouteStore.setState({ key: structureKey(design), result, active: activeRoutes(design, result), error: null });
}

/**
 * The design as it is saved: its layout carries the routes that hold for its boxes now, in
 * whole pixels, so that the PDF report draws each flow where the canvas does. Routes of another
 * structure (ELK has not answered since the last change) are left out; the report then routes
 * those flows itself.
 */
export function withRoutes(design: Design): Design {
  const { key, result } = useRouteStore.getState();
  const routes: Record<string, FlowRoute> = {};
  if (result && key === structureKey(design)) {
    const whole = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) });
    for (const [id, route] of Object.entries(activeRoutes(design, result))) {
      routes[id] = { points: route.points.map(whole), ...(route.label ? { label: whole(route.label) } : {}) };
    }
  }
  const { nodes } = design.layout;
  return { ...design, layout: Object.keys(routes).length > 0 ? { nodes, routes } : { nodes } };
}

let pending: ReturnType<typeof setTimeout> | null = null;
let running = 0;

/**
 * Brings the routes up to date with `design`: at once for a move, after a short pause for a
 * change of structure (typing a flow's port changes its label, and so the layout, on every
 * keystroke).
 */
export function updateRoutes(design: Design, getDesign: () => Design) {
  const state = useRouteStore.getState();
  const key = structureKey(design);
  if (key === state.key) {
    if (state.result) useRouteStore.setState({ active: activeRoutes(design, state.result) });
    return;
  }
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    const run = ++running;
    const laidOut = getDesign();
    elkLayout(laidOut).then(
      (result) => {
        if (run !== running) return;
        const now = getDesign();
        if (structureKey(now) === structureKey(laidOut)) acceptResult(now, result);
      },
      (error: unknown) => {
        if (run !== running) return;
        useRouteStore.setState({ key: structureKey(laidOut), result: null, active: {}, error: String(error) });
      },
    );
  }, 200);
}
