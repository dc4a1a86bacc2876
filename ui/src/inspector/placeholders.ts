// Placeholders derived from where an element sits, so that the hint in an empty field is a value
// that would fit there (a free /24 inside the subnet's VPC, a zone of the enclosing region)
// rather than a fixed example that looks like a real value and is wrong in this design.
import type { Design, Segment } from "../model/types";

function ancestors(design: Design, segment: Segment): Segment[] {
  const chain: Segment[] = [];
  let parent = segment.parent;
  while (parent) {
    const next = design.segments.find((s) => s.id === parent);
    if (!next || chain.includes(next)) break;
    chain.push(next);
    parent = next.parent;
  }
  return chain;
}

function ipv4(text: string): [number, number] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return null;
  return [((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0, prefix];
}

function dotted(address: number, prefix: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}/${prefix}`;
}

/**
 * A CIDR block for `segment` that fits: for a subnet, the first /24 (or the VPC's own size plus
 * one bit, for a VPC smaller than a /23) inside its VPC that no sibling subnet uses; for a VPC, a
 * 10.x.0.0/16 no other VPC uses. Null when the VPC has no CIDR to carve from.
 */
export function cidrPlaceholder(design: Design, segment: Segment): string | null {
  if (segment.kind === "vpc") {
    const used = new Set(design.segments.filter((s) => s.kind === "vpc" && s.id !== segment.id && s.cidr).map((s) => s.cidr!.trim()));
    for (let second = 0; second < 256; second++) {
      const candidate = `10.${second}.0.0/16`;
      if (!used.has(candidate)) return candidate;
    }
    return null;
  }
  if (segment.kind !== "subnet") return null;
  const vpc = ancestors(design, segment).find((s) => s.kind === "vpc");
  const block = vpc?.cidr ? ipv4(vpc.cidr) : null;
  if (!block) return null;
  const [base, prefix] = block;
  const size = Math.min(32, Math.max(prefix + 1, 24));
  const siblings = design.segments
    .filter((s) => s.kind === "subnet" && s.id !== segment.id && s.cidr && ancestors(design, s).includes(vpc!))
    .flatMap((s) => {
      const parsed = ipv4(s.cidr!);
      return parsed ? [parsed] : [];
    });
  const step = 2 ** (32 - size);
  const count = 2 ** (size - prefix);
  const network = prefix === 0 ? 0 : (base & (~0 << (32 - prefix))) >>> 0;
  for (let i = 0; i < count; i++) {
    const start = network + i * step;
    const end = start + step - 1;
    const overlaps = siblings.some(([other, otherPrefix]) => {
      const otherEnd = other + 2 ** (32 - otherPrefix) - 1;
      return start <= otherEnd && other <= end;
    });
    if (!overlaps) return dotted(start, size);
  }
  return null;
}

/** The availability zone a subnet would take first: zone `a` of its region, when one is named. */
export function availabilityZonePlaceholder(design: Design, segment: Segment): string | null {
  const region = ancestors(design, segment).find((s) => s.kind === "region" && s.region);
  return region?.region ? `${region.region}a` : null;
}
