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

/**
 * Where a problem is, in the words of the canvas: the element's name and id, then the field
 * (`orders-db (rds) · segment` rather than `components[2].segment`). Paths outside any element
 * are shown as they are.
 */
export function describePath(design: Design, path: string): string {
  const id = elementOfPath(design, path);
  if (id === null) return path;
  const list = /^(\w+)\[\d+\]/.exec(path);
  const element = list ? design[list[1] as (typeof lists)[number]].find((e) => e.id === id) : null;
  const name = element && "name" in element && element.name && element.name !== id ? `${element.name} (${id})` : id;
  const field = list ? path.slice(list[0].length).replace(/^\./, "") : "position on the canvas";
  return field ? `${name} · ${field}` : name;
}
