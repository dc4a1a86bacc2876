import { describe, expect, it } from "vitest";

import { parentOf } from "../model/edit";
import { normalizeDesign } from "../model/normalize";
import type { Design } from "../model/types";
import { absoluteRect } from "./geometry";
import { completeLayout, gridColumns } from "./packLayout";

/** An account with many account-level services beside a VPC of five subnets, and an internet zone. */
function wideDesign(): Design {
  const subnets = ["public", "private", "private", "isolated", "isolated"].map((tier, i) => ({
    id: `subnet-${i}`,
    kind: "subnet" as const,
    name: `Subnet ${i}`,
    parent: "vpc",
    tier: tier as "public" | "private" | "isolated",
  }));
  return normalizeDesign({
    schema_version: 1,
    name: "Wide",
    segments: [
      { id: "internet", kind: "internet", name: "Internet" },
      { id: "acct", kind: "account", name: "Account" },
      { id: "region", kind: "region", name: "Region", parent: "acct" },
      { id: "vpc", kind: "vpc", name: "VPC", parent: "region" },
      ...subnets,
    ],
    components: [
      ...Array.from({ length: 16 }, (_, i) => ({ id: `bucket-${i}`, kind: "s3_bucket" as const, name: `bucket ${i}`, segment: "region" })),
      ...Array.from({ length: 7 }, (_, i) => ({ id: `endpoint-${i}`, kind: "vpc_endpoint" as const, name: `endpoint ${i}`, segment: "subnet-3" })),
    ],
    actors: [{ id: "customer", kind: "customer", name: "Customer", zone: "internet" }],
  } as never);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("pack layout", () => {
  const design = completeLayout(wideDesign());
  const ids = Object.keys(design.layout.nodes);

  it("puts every element inside its segment, clear of its siblings", () => {
    for (const id of ids) {
      const rect = absoluteRect(design, id);
      const parentId = parentOf(design, id);
      if (parentId) {
        const outer = absoluteRect(design, parentId);
        expect(rect.x, id).toBeGreaterThanOrEqual(outer.x);
        expect(rect.y, id).toBeGreaterThanOrEqual(outer.y);
        expect(rect.x + rect.width, id).toBeLessThanOrEqual(outer.x + outer.width);
        expect(rect.y + rect.height, id).toBeLessThanOrEqual(outer.y + outer.height);
      }
      for (const other of ids) {
        if (other !== id && parentOf(design, other) === parentId) expect(overlaps(rect, absoluteRect(design, other)), `${id} and ${other}`).toBe(false);
      }
    }
  });

  it("keeps the whole design near the proportions of a screen, outside zones first", () => {
    const roots = ["internet", "acct"].map((id) => absoluteRect(design, id));
    const width = Math.max(...roots.map((r) => r.x + r.width));
    const height = Math.max(...roots.map((r) => r.y + r.height));
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(2.6);
    expect(roots[0].x).toBe(0);
  });

  it("grids elements about as wide on screen as they are tall", () => {
    expect([1, 2, 3, 7, 16].map(gridColumns)).toEqual([1, 2, 2, 3, 4]);
  });
});
