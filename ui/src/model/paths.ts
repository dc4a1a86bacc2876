// Every end-to-end data path of a design: from where data enters (an actor, or a component in an
// internet, on-premises or partner zone) along the drawn flows to a data store, with the data
// classes its flows carry. The exposure paths the rule engine reports are the ones it judges
// risky; this is the whole map, for tracing what reaches each store.
import { kindInfo } from "./catalog";
import { mostSensitive } from "./flows";
import type { DataClass, Design } from "./types";

export interface DataPath {
  /** The elements from source to store. */
  nodes: string[];
  /** The flows between them, one fewer than the nodes. */
  flows: string[];
  /** Every data class a flow of the path carries, most sensitive first. */
  data: DataClass[];
}

const zoneKinds = new Set(["internet", "on_premises", "partner_network"]);
const sensitivity: DataClass[] = ["cardholder", "pii", "confidential", "internal", "public"];

/**
 * The simple paths (no element twice) from every source to every data store, shortest first;
 * at most `limit` of them and `maxHops` flows each, so that a dense design lists in bounded time.
 * `truncated` says when the limit cut the list short.
 */
export function dataPaths(design: Design, limit = 500, maxHops = 12): { paths: DataPath[]; truncated: boolean } {
  const stores = new Set(design.components.filter((c) => kindInfo(c.kind).data_store).map((c) => c.id));
  const zones = new Set(design.segments.filter((s) => zoneKinds.has(s.kind)).map((s) => s.id));
  const sources = [
    ...design.actors.map((a) => a.id),
    ...design.components.filter((c) => zones.has(c.segment) && !stores.has(c.id)).map((c) => c.id),
  ];
  const outgoing = new Map<string, Design["flows"]>();
  for (const flow of design.flows) outgoing.set(flow.source, [...(outgoing.get(flow.source) ?? []), flow]);
  const paths: DataPath[] = [];
  let truncated = false;
  // Breadth first, so that the shortest paths come first and survive the limit.
  const queue: { nodes: string[]; flows: string[] }[] = sources.map((id) => ({ nodes: [id], flows: [] }));
  while (queue.length > 0) {
    const { nodes, flows } = queue.shift()!;
    const here = nodes[nodes.length - 1];
    if (flows.length > 0 && stores.has(here)) {
      if (paths.length >= limit) {
        truncated = true;
        break;
      }
      const carried = new Set(flows.flatMap((id) => design.flows.find((f) => f.id === id)?.data ?? []));
      paths.push({ nodes, flows, data: sensitivity.filter((c) => carried.has(c)) });
    }
    if (flows.length >= maxHops) continue;
    for (const flow of outgoing.get(here) ?? []) {
      if (nodes.includes(flow.target)) continue;
      queue.push({ nodes: [...nodes, flow.target], flows: [...flows, flow.id] });
    }
  }
  return { paths, truncated };
}

/** The most sensitive class a path carries, for its colour; null when it carries none named. */
export function pathSensitivity(path: DataPath): DataClass | null {
  return mostSensitive(path.data);
}
