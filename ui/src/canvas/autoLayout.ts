// Runs ELK on the design: in a web worker in the window, so that laying out a large design never
// holds up the canvas, and in the same thread under Node (the unit tests), where there is no
// worker; the window's bundle leaves that second copy of ELK out. ELK is loaded the first time
// it is needed, not at start-up.
import type { ELK, ElkNode } from "elkjs/lib/elk-api.js";

import { setBoxes } from "../model/edit";
import type { Design } from "../model/types";
import { fromElkGraph, toElkGraph, type ElkResult } from "./elkGraph";
import { routesClearOfTitles } from "./titleBands";

let elk: Promise<ELK> | null = null;

async function loadElk(): Promise<ELK> {
  if (!import.meta.env.SSR) {
    const [{ default: ElkApi }, { default: workerUrl }] = await Promise.all([
      import("elkjs/lib/elk-api.js"),
      import("elkjs/lib/elk-worker.min.js?url"),
    ]);
    return new ElkApi({ workerFactory: () => new Worker(workerUrl) });
  }
  const { default: ElkBundled } = await import("elkjs/lib/elk.bundled.js");
  return new ElkBundled();
}

/**
 * Lays the whole design out with ELK: a box for every element and a route for every flow, each
 * route kept off the segments' titles.
 */
export async function elkLayout(design: Design): Promise<ElkResult> {
  const { graph, grids } = toElkGraph(design);
  if (!elk) {
    elk = loadElk();
    // A worker that failed to start is not kept: the next layout tries again.
    elk.catch(() => (elk = null));
  }
  const laidOut: ElkNode = await (await elk).layout(graph);
  const result = fromElkGraph(laidOut, grids, new Set(design.segments.map((s) => s.id)));
  return routesClearOfTitles(setBoxes(design, result.boxes), result);
}
