// Keeps the flows' routes off the segments' titles. ELK lays a segment's children out below a
// top padding that holds its header, but a flow entering or leaving a segment from above
// crosses the segment's top border where ELK put the segment's port, which may be right over
// the title (a database first in its subnet, reached from the service above). ELK has no
// obstacles other than nodes, so each such crossing is mended after ELK has routed: the piece
// that crosses moves sideways clear of the title's right end, its neighbours stretching to
// meet it, when that keeps it off every element and on its end's side; otherwise it steps
// around the title's right end and back. Pieces are only moved, never removed, so a route
// stays orthogonal and joins the same two sides.
import { segmentLabels } from "../model/catalog";
import type { Design, Segment } from "../model/types";
import type { ElkResult, Route } from "./elkGraph";
import { absoluteRect, SEGMENT_HEADER, type Rect } from "./geometry";

/** How far a route keeps from a title. */
export const CLEARANCE = 8;

/** What a segment's header shows after its icon and name: its kind and one detail. */
export function segmentHeaderText(segment: Segment): { kind: string; detail: string } {
  const tier = segment.kind === "subnet" ? (segment.tier ?? "private") : null;
  return {
    kind: tier ? `${tier} subnet` : segmentLabels[segment.kind],
    detail: segment.cidr ?? segment.region ?? segment.account_id ?? segment.az ?? "",
  };
}

/**
 * The width of a segment's title: icon, name, kind and detail, each estimated from its text to
 * err wide (13 px semibold names, 10 px upper-case kinds with letter spacing, 10 px monospace
 * details) as `labelWidth` does for flow labels, so that the answer is the same in the window
 * and in the tests. ELK makes every segment wider than this, with room beside the title.
 */
export function titleWidth(segment: Segment): number {
  const { kind, detail } = segmentHeaderText(segment);
  const text = 22 + 6 + segment.name.length * 8 + 6 + kind.length * 7.6 + (detail ? 6 + detail.length * 6.2 : 0);
  return 8 + text + 8;
}

/** The part of a segment's header band its title covers. */
export function titleRect(design: Design, segment: Segment): Rect {
  const box = absoluteRect(design, segment.id);
  return { x: box.x, y: box.y, width: Math.min(box.width, titleWidth(segment)), height: SEGMENT_HEADER };
}

type Point = { x: number; y: number };

/** Whether the horizontal or vertical piece from `a` to `b` passes through `rect`. */
export function pieceCrosses(a: Point, b: Point, rect: Rect): boolean {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return left < rect.x + rect.width && right > rect.x && top < rect.y + rect.height && bottom > rect.y;
}

function clear(points: Point[], obstacles: Rect[]): boolean {
  return points.every((point, i) => i === 0 || obstacles.every((rect) => !pieceCrosses(points[i - 1], point, rect)));
}

/** The route with every vertical piece across one of `titles` moved or detoured clear of it. */
function mend(route: Route, titles: Rect[], obstacles: (ends: boolean) => Rect[], ends: [Rect, Rect]): Route {
  let points = route.points.map((p) => ({ ...p }));
  let label = route.label ? { ...route.label } : null;
  for (const title of titles) {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      if (Math.abs(a.x - b.x) > 0.5 || !pieceCrosses(a, b, title)) continue;
      const x = title.x + title.width + CLEARANCE;
      const first = i === 1;
      const last = i === points.length - 1;
      // An end piece may slide only along its element's side.
      const onSide = (rect: Rect) => x >= rect.x + 10 && x <= rect.x + rect.width - 10;
      const moved = points.map((p, j) => (j === i - 1 || j === i ? { x, y: p.y } : p));
      if ((!first || onSide(ends[0])) && (!last || onSide(ends[1])) && clear(moved, [...obstacles(false), ...titles])) {
        if (label && Math.abs(label.x - a.x) < 1 && label.y >= Math.min(a.y, b.y) && label.y <= Math.max(a.y, b.y)) {
          label = { ...label, x };
        }
        points = moved;
        continue;
      }
      // Step around the title's right end: out above it, down past it, and back.
      const down = b.y > a.y;
      const before = down ? title.y - CLEARANCE : title.y + title.height + CLEARANCE;
      const after = down ? title.y + title.height + CLEARANCE : title.y - CLEARANCE;
      const within = (y: number) => (down ? y > a.y && y < b.y : y < a.y && y > b.y);
      if (!within(before) || !within(after)) continue;
      const detour = [
        { x: a.x, y: before },
        { x, y: before },
        { x, y: after },
        { x: a.x, y: after },
      ];
      const candidate = [...points.slice(0, i), ...detour, ...points.slice(i)];
      if (clear(candidate, obstacles(true))) {
        points = candidate;
        i += detour.length;
      }
    }
  }
  return { ...route, points, label };
}

/**
 * ELK's result with every route moved off the segments' titles, where it can be without
 * crossing an element. `design` must already stand where ELK put it.
 */
export function routesClearOfTitles(design: Design, result: ElkResult): ElkResult {
  const titles = design.segments.map((segment) => titleRect(design, segment));
  const leaves = [...design.components, ...design.identities, ...design.actors];
  const routes: Record<string, Route> = {};
  for (const flow of design.flows) {
    const route = result.routes[flow.id];
    if (!route) continue;
    const ends: [Rect, Rect] = [result.rects[flow.source], result.rects[flow.target]];
    if (!ends[0] || !ends[1]) {
      routes[flow.id] = route;
      continue;
    }
    const others = leaves.filter((leaf) => leaf.id !== flow.source && leaf.id !== flow.target).map((leaf) => result.rects[leaf.id]);
    // ELK ends a route up to a fraction of a pixel inside its element, so a detour keeps off
    // the ends' insides only.
    const inside = (rect: Rect) => ({ x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2 });
    const obstacles = (withEnds: boolean) => (withEnds ? [...others, ...ends.map(inside)] : others).filter(Boolean);
    routes[flow.id] = mend(route, titles, obstacles, ends);
  }
  return { ...result, routes };
}
