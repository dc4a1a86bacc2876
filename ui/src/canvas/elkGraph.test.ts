import { describe, expect, it } from "vitest";

import { normalizeDesign } from "../model/normalize";
import { smallDesign } from "../test/fixture";
import { elkLayout } from "./autoLayout";
import { labelText, labelWidth, LABEL_HEIGHT, routePath, segmentMinimumWidth } from "./elkGraph";
import { absoluteRect, type Rect } from "./geometry";
import { acceptResult, activeRoutes, structureKey, withRoutes } from "./routing";
import { pieceCrosses, titleRect } from "./titleBands";
import { setBoxes } from "../model/edit";

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The small shop with ten more services in the private subnet that no flow touches. */
function shopWithLooseServices() {
  const design = smallDesign();
  const extra = Array.from({ length: 10 }, (_, i) => ({ id: `lambda-${i}`, kind: "lambda_function" as const, name: `job ${i}`, segment: "private" }));
  return normalizeDesign({ ...design, components: [...design.components, ...extra], layout: { nodes: {} } });
}

describe("ELK layout", () => {
  it("routes every flow orthogonally, with its label clear of every element", async () => {
    // With an empty subnet too, which ELK sizes as a leaf.
    const shop = shopWithLooseServices();
    const empty = { id: "spare", kind: "subnet" as const, name: "Spare subnet for a later tier", parent: "vpc", tier: "isolated" as const };
    const design = normalizeDesign({ ...shop, segments: [...shop.segments, empty] });
    const result = await elkLayout(design);
    const laidOut = setBoxes(design, result.boxes);
    const leaves = [...laidOut.components, ...laidOut.identities, ...laidOut.actors].map((e) => absoluteRect(laidOut, e.id));
    for (const [i, a] of leaves.entries()) for (const b of leaves.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    // Every segment is as wide as asked, with room beside its title for a flow from above.
    for (const segment of laidOut.segments) expect(absoluteRect(laidOut, segment.id).width, segment.id).toBeGreaterThanOrEqual(segmentMinimumWidth(segment));
    for (const flow of laidOut.flows) {
      const route = result.routes[flow.id];
      expect(route, flow.id).toBeDefined();
      route.points.slice(1).forEach((point, i) => {
        const previous = route.points[i];
        // Orthogonal: every piece is horizontal or vertical.
        expect(Math.min(Math.abs(point.x - previous.x), Math.abs(point.y - previous.y))).toBeLessThan(0.5);
        for (const segment of laidOut.segments) {
          expect(pieceCrosses(previous, point, titleRect(laidOut, segment)), `${flow.id} over ${segment.id}'s title`).toBe(false);
        }
      });
      const width = labelWidth(labelText(flow));
      const label = { x: route.label!.x - width / 2, y: route.label!.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
      for (const leaf of leaves) expect(overlap(label, leaf), `${flow.id} label over an element`).toBe(false);
    }
    expect(Object.keys(activeRoutes(laidOut, result)).sort()).toEqual(laidOut.flows.map((f) => f.id).sort());
  });

  it("packs the elements no flow touches into a grid, not a column", async () => {
    const design = shopWithLooseServices();
    const result = await elkLayout(design);
    const laidOut = setBoxes(design, result.boxes);
    const loose = laidOut.components.filter((c) => c.id.startsWith("lambda-")).map((c) => absoluteRect(laidOut, c.id));
    const columns = new Set(loose.map((r) => r.x)).size;
    const rows = new Set(loose.map((r) => r.y)).size;
    expect(columns).toBeGreaterThanOrEqual(3);
    expect(rows).toBeLessThanOrEqual(4);
    // The subnet holds them: its frame is at least as wide as their grid.
    const subnet = absoluteRect(laidOut, "private");
    for (const rect of loose) expect(rect.x + rect.width).toBeLessThanOrEqual(subnet.x + subnet.width);
  });

  it("drops the route of a flow whose end moved, and keeps the others", async () => {
    const design = smallDesign();
    const result = await elkLayout(design);
    const laidOut = setBoxes(design, result.boxes);
    const box = laidOut.layout.nodes["orders-db"];
    const moved = setBoxes(laidOut, { "orders-db": { ...box, x: box.x + 40 } });
    const active = activeRoutes(moved, result);
    expect(active["orders-db-flow"]).toBeUndefined();
    expect(active["shopper-alb"]).toBeDefined();
    // Moving a node is no change of structure: routing does not run again for it.
    expect(structureKey(moved)).toBe(structureKey(laidOut));

    // The file keeps the routes that hold, in whole pixels, for the PDF report to draw.
    acceptResult(moved, result);
    const saved = withRoutes(moved).layout.routes ?? {};
    expect(Object.keys(saved).sort()).toEqual(Object.keys(active).sort());
    for (const route of Object.values(saved)) for (const p of route.points) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it("draws a route with rounded corners through its points", () => {
    expect(routePath([{ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 20, y: 20 }])).toBe("M 0 0 L 14 0 Q 20 0 20 6 L 20 20");
  });
});
