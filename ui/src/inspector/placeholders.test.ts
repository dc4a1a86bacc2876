import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import type { Design, Segment } from "../model/types";
import { availabilityZonePlaceholder, cidrPlaceholder } from "./placeholders";

const segment = (design: Design, id: string) => design.segments.find((s) => s.id === id)!;

describe("placeholders from context", () => {
  it("suggests the first /24 of the VPC that no other subnet uses, never the VPC's own block", () => {
    const design = smallDesign();
    // public, private and isolated hold 10.0.0.0/24 to 10.0.2.0/24.
    const fresh = { id: "new", kind: "subnet", name: "New", parent: "vpc", tier: "private" } as Segment;
    design.segments.push(fresh);
    expect(cidrPlaceholder(design, fresh)).toBe("10.0.3.0/24");
    expect(cidrPlaceholder(design, segment(design, "public"))).toBe("10.0.0.0/24");
  });

  it("suggests nothing when the VPC has no block to carve from", () => {
    const design = smallDesign();
    segment(design, "vpc").cidr = undefined;
    expect(cidrPlaceholder(design, segment(design, "public"))).toBeNull();
  });

  it("suggests a VPC block no other VPC uses", () => {
    const design = smallDesign();
    const second = { id: "vpc2", kind: "vpc", name: "Second", parent: "prod" } as Segment;
    design.segments.push(second);
    expect(cidrPlaceholder(design, second)).toBe("10.1.0.0/16");
  });

  it("takes the availability zone from the enclosing region", () => {
    const design = smallDesign();
    expect(availabilityZonePlaceholder(design, segment(design, "public"))).toBeNull();
    design.segments.push({ id: "use1", kind: "region", name: "N. Virginia", parent: "prod", region: "us-east-1" } as Segment);
    segment(design, "vpc").parent = "use1";
    expect(availabilityZonePlaceholder(design, segment(design, "public"))).toBe("us-east-1a");
  });
});
