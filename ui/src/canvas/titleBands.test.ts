import { describe, expect, it } from "vitest";

import { setBoxes } from "../model/edit";
import { smallDesign } from "../test/fixture";
import type { ElkResult } from "./elkGraph";
import { pieceCrosses, routesClearOfTitles, titleRect } from "./titleBands";

describe("routes clear of the segments' titles", () => {
  // ELK ends a route on its element's border or a fraction of a pixel inside it.
  it.each([230, 230.29])("steps a flow entering a segment from above around the segment's title (end at y %s)", (endY) => {
    // The isolated subnet at (940, 150), 500 wide; its database at (980, 230).
    const design = setBoxes(smallDesign(), { isolated: { x: 620, y: 50, width: 500, height: 300 } });
    const orders = { x: 680, y: 230, width: 168, height: 60 };
    const database = { x: 980, y: 230, width: 168, height: 60 };
    const points = [
      { x: 764, y: 230 },
      { x: 764, y: 120 },
      { x: 1000, y: 120 },
      { x: 1000, y: endY },
    ];
    const result: ElkResult = {
      boxes: {},
      rects: { orders, "orders-db": database },
      routes: { "orders-db-flow": { points, label: { x: 880, y: 120 }, from: orders, to: database } },
    };
    const title = titleRect(design, design.segments.find((s) => s.id === "isolated")!);
    expect(pieceCrosses(points[2], points[3], title)).toBe(true);

    const mended = routesClearOfTitles(design, result).routes["orders-db-flow"];
    expect(mended.points[0]).toEqual(points[0]);
    expect(mended.points.at(-1)).toEqual(points.at(-1));
    mended.points.slice(1).forEach((point, i) => {
      const previous = mended.points[i];
      expect(point.x === previous.x || point.y === previous.y).toBe(true);
      for (const segment of design.segments) expect(pieceCrosses(previous, point, titleRect(design, segment))).toBe(false);
    });
    expect(mended.label).toEqual({ x: 880, y: 120 });
  });
});
