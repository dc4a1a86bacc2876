// Integrity problems name a document path such as `components[3].segment`; the element it is
// about is the list entry at the start of the path.
import type { Design } from "../model/types";

const lists = ["segments", "components", "identities", "actors", "flows"] as const;

/** The id of the element a document path points into, or null for design-level paths. */
export function elementOfPath(design: Design, path: string): string | null {
  const match = /^(\w+)\[(\d+)\]/.exec(path);
  if (match && (lists as readonly string[]).includes(match[1])) {
    const list = design[match[1] as (typeof lists)[number]];
    return list[Number(match[2])]?.id ?? null;
  }
  const layout = /^layout\.nodes\.(.+)$/.exec(path);
  return layout ? layout[1] : null;
}
