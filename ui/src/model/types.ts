// The design model's TypeScript types. The generated module (from the Rust types of
// crates/model, by ts-rs) describes the JSON exactly, where empty lists may be left out; the UI
// fills those in once on the way in (see normalize.ts) and works with the types below, in which
// the lists are always present.
import type * as Generated from "../generated/model";

export type {
  ActorKind,
  Auth,
  Category,
  ComponentKind,
  ComponentProperties,
  DataClass,
  Effect,
  FlowRoute,
  IdentityKind,
  NodeBox,
  OrganizationRole,
  Placement,
  PolicyStatement,
  Principal,
  PrincipalKind,
  Protocol,
  SegmentKind,
  Suppression,
  Tier,
  Tls,
  TrustConditions,
} from "../generated/model";

type WithLists<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

export type Segment = WithLists<Generated.Segment, "suppress">;
export type Component = WithLists<Generated.Component, "stores" | "properties" | "tags" | "suppress">;
export type Identity = WithLists<Generated.Identity, "suppress">;
export type Actor = WithLists<Generated.Actor, "suppress">;
export type Flow = WithLists<Generated.Flow, "ports" | "data" | "actions" | "via" | "suppress">;
export type Layout = WithLists<Generated.Layout, "nodes">;

export type Design = Omit<
  Generated.Design,
  "segments" | "components" | "identities" | "actors" | "flows" | "carried_cloudformation" | "layout"
> & {
  segments: Segment[];
  components: Component[];
  identities: Identity[];
  actors: Actor[];
  flows: Flow[];
  carried_cloudformation: Record<string, unknown>;
  layout: Layout;
};

/** The design exactly as the shell sends it. */
export type RawDesign = Generated.Design;
