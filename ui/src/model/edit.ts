// Pure edits of a design: each takes a design and returns a new one, never mutating its input,
// so that the undo history can keep the old values by reference.
import { allowedSegmentKinds } from "./catalog";
import { defaultPorts, defaultProtocolFor } from "./flows";
import type {
  Actor,
  ActorKind,
  Component,
  ComponentKind,
  Design,
  Flow,
  Identity,
  IdentityKind,
  NodeBox,
  Segment,
  SegmentKind,
  Tier,
} from "./types";

export type ElementType = "segment" | "component" | "identity" | "actor" | "flow";

export type Element =
  | { type: "segment"; value: Segment }
  | { type: "component"; value: Component }
  | { type: "identity"; value: Identity }
  | { type: "actor"; value: Actor }
  | { type: "flow"; value: Flow };

/** A blank design. */
export function emptyDesign(name = "Untitled design"): Design {
  return {
    schema_version: 1,
    name,
    segments: [],
    components: [],
    identities: [],
    actors: [],
    flows: [],
    carried_cloudformation: {},
    layout: { nodes: {} },
  } as Design;
}

/** The element with this id, of whatever type. */
export function findElement(design: Design, id: string): Element | null {
  const segment = design.segments.find((s) => s.id === id);
  if (segment) return { type: "segment", value: segment };
  const component = design.components.find((c) => c.id === id);
  if (component) return { type: "component", value: component };
  const identity = design.identities.find((i) => i.id === id);
  if (identity) return { type: "identity", value: identity };
  const actor = design.actors.find((a) => a.id === id);
  if (actor) return { type: "actor", value: actor };
  const flow = design.flows.find((f) => f.id === id);
  if (flow) return { type: "flow", value: flow };
  return null;
}

/** Every id in use. */
export function allIds(design: Design): Set<string> {
  return new Set([
    ...design.segments.map((s) => s.id),
    ...design.components.map((c) => c.id),
    ...design.identities.map((i) => i.id),
    ...design.actors.map((a) => a.id),
    ...design.flows.map((f) => f.id),
  ]);
}

/** An id derived from `base` that no element uses yet: `orders-db`, `orders-db-2`, ... */
export function uniqueId(taken: Set<string>, base: string): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "element";
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The parent segment of the node that draws this element, or null for top-level nodes. */
export function parentOf(design: Design, id: string): string | null {
  const element = findElement(design, id);
  if (!element) return null;
  switch (element.type) {
    case "segment":
      return element.value.parent ?? null;
    case "component":
      return element.value.segment;
    case "identity":
      return element.value.account ?? null;
    case "actor":
      return element.value.zone ?? null;
    case "flow":
      return null;
  }
}

function withBox(design: Design, id: string, box: NodeBox): Design {
  return { ...design, layout: { ...design.layout, nodes: { ...design.layout.nodes, [id]: box } } };
}

const segmentBaseIds: Record<SegmentKind, string> = {
  account: "account",
  region: "region",
  vpc: "vpc",
  subnet: "subnet",
  internet: "internet",
  on_premises: "on-premises",
  partner_network: "partner-network",
};

const defaultSegmentSizes: Record<SegmentKind, [number, number]> = {
  account: [900, 600],
  region: [820, 520],
  vpc: [760, 460],
  subnet: [240, 180],
  internet: [240, 300],
  on_premises: [240, 200],
  partner_network: [240, 200],
};

/** Adds a segment at `box` (relative to its parent), returning the design and the new id. */
export function addSegment(
  design: Design,
  kind: SegmentKind,
  parent: string | null,
  position: { x: number; y: number },
  tier?: Tier,
): [Design, string] {
  const base = kind === "subnet" && tier ? `${tier}-subnet` : segmentBaseIds[kind];
  const id = uniqueId(allIds(design), base);
  const name = kind === "subnet" && tier ? `${tier[0].toUpperCase()}${tier.slice(1)} subnet` : defaultSegmentName(kind);
  const segment = { id, kind, name, suppress: [] } as unknown as Segment;
  if (parent) segment.parent = parent;
  if (kind === "subnet") segment.tier = tier ?? "private";
  const [width, height] = defaultSegmentSizes[kind];
  const next = { ...design, segments: [...design.segments, segment] };
  return [withBox(next, id, { x: position.x, y: position.y, width, height }), id];
}

function defaultSegmentName(kind: SegmentKind): string {
  switch (kind) {
    case "account":
      return "AWS account";
    case "region":
      return "Region";
    case "vpc":
      return "VPC";
    case "internet":
      return "Internet";
    case "on_premises":
      return "On-premises";
    case "partner_network":
      return "Partner network";
    case "subnet":
      return "Subnet";
  }
}

/** Adds a component in `segment` at `position` (relative to the segment). */
export function addComponent(
  design: Design,
  kind: ComponentKind,
  segment: string,
  position: { x: number; y: number },
): [Design, string] {
  const id = uniqueId(allIds(design), kind.replace(/_/g, "-"));
  const component = {
    id,
    kind,
    name: id,
    segment,
    stores: [],
    properties: {},
    tags: {},
    suppress: [],
  } as unknown as Component;
  const next = { ...design, components: [...design.components, component] };
  return [withBox(next, id, { x: position.x, y: position.y }), id];
}

/** Adds an identity, in an account when one is given. */
export function addIdentity(
  design: Design,
  kind: IdentityKind,
  account: string | null,
  position: { x: number; y: number },
): [Design, string] {
  const id = uniqueId(allIds(design), kind.replace(/_/g, "-"));
  const identity = { id, kind, name: id, suppress: [] } as unknown as Identity;
  if (account) identity.account = account;
  const next = { ...design, identities: [...design.identities, identity] };
  return [withBox(next, id, { x: position.x, y: position.y }), id];
}

/** Adds an actor, in an outside zone when one is given. */
export function addActor(
  design: Design,
  kind: ActorKind,
  zone: string | null,
  position: { x: number; y: number },
): [Design, string] {
  const id = uniqueId(allIds(design), kind.replace(/_/g, "-"));
  const actor = { id, kind, name: id, suppress: [] } as unknown as Actor;
  if (zone) actor.zone = zone;
  const next = { ...design, actors: [...design.actors, actor] };
  return [withBox(next, id, { x: position.x, y: position.y }), id];
}

/** Adds a flow from `source` to `target` with the defaults the target suggests. */
export function addFlow(design: Design, source: string, target: string): [Design, string] {
  const targetComponent = design.components.find((c) => c.id === target);
  const protocol = defaultProtocolFor(targetComponent?.kind ?? null);
  const port = defaultPorts[protocol];
  const id = uniqueId(allIds(design), `${source}-to-${target}`);
  const flow = {
    id,
    source,
    target,
    protocol,
    ports: port === undefined ? [] : [port],
    tls: "1.2",
    auth: protocol === "aws_api" ? "iam" : "none",
    data: [],
    actions: [],
    via: [],
    suppress: [],
  } as unknown as Flow;
  return [{ ...design, flows: [...design.flows, flow] }, id];
}

/** Replaces the element whose id is `id` with `value` (which may carry a new id). */
export function replaceElement(design: Design, id: string, element: Element): Design {
  const swap = <T extends { id: string }>(list: T[], value: T) =>
    list.map((item) => (item.id === id ? value : item));
  let next: Design;
  switch (element.type) {
    case "segment":
      next = { ...design, segments: swap(design.segments, element.value) };
      break;
    case "component":
      next = { ...design, components: swap(design.components, element.value) };
      break;
    case "identity":
      next = { ...design, identities: swap(design.identities, element.value) };
      break;
    case "actor":
      next = { ...design, actors: swap(design.actors, element.value) };
      break;
    case "flow":
      next = { ...design, flows: swap(design.flows, element.value) };
      break;
  }
  return element.value.id === id ? next : renameReferences(next, id, element.value.id);
}

/** Points every reference to `from` at `to`, so renaming an id keeps the design whole. */
export function renameReferences(design: Design, from: string, to: string): Design {
  const ref = (value: string | null | undefined) => (value === from ? to : value);
  const refs = (values: string[]) => values.map((value) => (value === from ? to : value));
  const nodes = { ...design.layout.nodes };
  if (nodes[from]) {
    nodes[to] = nodes[from];
    delete nodes[from];
  }
  return {
    ...design,
    segments: design.segments.map((s) => ({ ...s, parent: ref(s.parent) })),
    components: design.components.map((c) => ({
      ...c,
      segment: c.segment === from ? to : c.segment,
      identity: ref(c.identity),
      encryption_key: ref(c.encryption_key),
      properties: {
        ...c.properties,
        certificate: ref(c.properties.certificate),
        protects: c.properties.protects ? refs(c.properties.protects) : c.properties.protects,
        attachments: c.properties.attachments ? refs(c.properties.attachments) : c.properties.attachments,
        shares: c.properties.shares ? refs(c.properties.shares) : c.properties.shares,
        share_with: c.properties.share_with ? refs(c.properties.share_with) : c.properties.share_with,
      },
    })),
    identities: design.identities.map((i) => ({
      ...i,
      account: ref(i.account),
      groups: i.groups ? refs(i.groups) : i.groups,
      federation: i.federation ? refs(i.federation) : i.federation,
      assigned_accounts: i.assigned_accounts ? refs(i.assigned_accounts) : i.assigned_accounts,
    })),
    actors: design.actors.map((a) => ({ ...a, zone: ref(a.zone), signs_in_with: ref(a.signs_in_with) })),
    flows: design.flows.map((f) => ({
      ...f,
      source: f.source === from ? to : f.source,
      target: f.target === from ? to : f.target,
      via: refs(f.via),
    })),
    layout: { ...design.layout, nodes },
  } as Design;
}

/** Sets the boxes of several nodes at once (a drag or a resize). */
export function setBoxes(design: Design, boxes: Record<string, NodeBox>): Design {
  return { ...design, layout: { ...design.layout, nodes: { ...design.layout.nodes, ...boxes } } };
}

/** Moves an element into another parent segment, with its box relative to the new parent. */
export function reparent(design: Design, id: string, parent: string | null, box: NodeBox): Design {
  const element = findElement(design, id);
  if (!element) return design;
  let next = design;
  switch (element.type) {
    case "segment":
      next = replaceElement(design, id, { type: "segment", value: withOptional(element.value, "parent", parent) });
      break;
    case "component":
      if (!parent) return design;
      next = replaceElement(design, id, { type: "component", value: { ...element.value, segment: parent } });
      break;
    case "identity":
      next = replaceElement(design, id, { type: "identity", value: withOptional(element.value, "account", parent) });
      break;
    case "actor":
      next = replaceElement(design, id, { type: "actor", value: withOptional(element.value, "zone", parent) });
      break;
    case "flow":
      return design;
  }
  return setBoxes(next, { [id]: box });
}

function withOptional<T extends object, K extends keyof T>(value: T, key: K, field: T[K] | null): T {
  const copy = { ...value };
  if (field === null || field === undefined) delete copy[key];
  else copy[key] = field;
  return copy;
}

/** The ids of a segment and everything drawn inside it, at any depth. */
export function descendants(design: Design, id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    const add = (childId: string, parent: string | null | undefined) => {
      if (parent && found.has(parent) && !found.has(childId)) {
        found.add(childId);
        grew = true;
      }
    };
    design.segments.forEach((s) => add(s.id, s.parent));
    design.components.forEach((c) => add(c.id, c.segment));
  }
  return found;
}

/** Deletes elements, everything inside deleted segments, and flows that lose an end. */
export function deleteElements(design: Design, ids: string[]): Design {
  const doomed = new Set<string>();
  for (const id of ids) {
    const element = findElement(design, id);
    if (element?.type === "segment") descendants(design, id).forEach((d) => doomed.add(d));
    else if (element) doomed.add(id);
  }
  // Identities and actors inside a deleted segment stay in the design, lifted to the top level,
  // because they often stand for people and roles that outlive the network they sat in.
  const nodes = Object.fromEntries(Object.entries(design.layout.nodes).filter(([id]) => !doomed.has(id)));
  return {
    ...design,
    segments: design.segments.filter((s) => !doomed.has(s.id)),
    components: design.components.filter((c) => !doomed.has(c.id)),
    identities: design.identities
      .filter((i) => !doomed.has(i.id))
      .map((i) => (i.account && doomed.has(i.account) ? withOptional(i, "account", null) : i)),
    actors: design.actors
      .filter((a) => !doomed.has(a.id))
      .map((a) => (a.zone && doomed.has(a.zone) ? withOptional(a, "zone", null) : a)),
    flows: design.flows
      .filter((f) => !doomed.has(f.id) && !doomed.has(f.source) && !doomed.has(f.target))
      .map((f) => ({ ...f, via: f.via.filter((v) => !doomed.has(v)) })),
    layout: { ...design.layout, nodes },
  };
}

/** A copied part of a design, ready to paste. */
export interface Clipboard {
  components: Component[];
  identities: Identity[];
  actors: Actor[];
  flows: Flow[];
  boxes: Record<string, NodeBox>;
}

/** Copies the components, identities and actors among `ids`, and the flows between them. */
export function copyElements(design: Design, ids: string[]): Clipboard {
  const chosen = new Set(ids);
  const components = design.components.filter((c) => chosen.has(c.id));
  const identities = design.identities.filter((i) => chosen.has(i.id));
  const actors = design.actors.filter((a) => chosen.has(a.id));
  const nodeIds = new Set([...components, ...identities, ...actors].map((e) => e.id));
  const flows = design.flows.filter((f) => nodeIds.has(f.source) && nodeIds.has(f.target));
  const boxes = Object.fromEntries([...nodeIds].flatMap((id) => (design.layout.nodes[id] ? [[id, design.layout.nodes[id]]] : [])));
  return { components, identities, actors, flows, boxes };
}

/** Pastes a clipboard with fresh ids, offset so the copies do not hide the originals. */
export function pasteClipboard(design: Design, clipboard: Clipboard, offset = 40): [Design, string[]] {
  const taken = allIds(design);
  const renamed = new Map<string, string>();
  const fresh = (id: string) => {
    const next = uniqueId(taken, `${id}-copy`);
    taken.add(next);
    renamed.set(id, next);
    return next;
  };
  const components = clipboard.components.map((c) => ({ ...c, id: fresh(c.id), name: `${c.name} copy` }));
  const identities = clipboard.identities.map((i) => ({ ...i, id: fresh(i.id), name: `${i.name} copy` }));
  const actors = clipboard.actors.map((a) => ({ ...a, id: fresh(a.id), name: `${a.name} copy` }));
  const flows = clipboard.flows.map((f) => ({
    ...f,
    id: fresh(f.id),
    source: renamed.get(f.source) ?? f.source,
    target: renamed.get(f.target) ?? f.target,
  }));
  const boxes: Record<string, NodeBox> = {};
  for (const [id, box] of Object.entries(clipboard.boxes)) {
    const to = renamed.get(id);
    if (to) boxes[to] = { ...box, x: box.x + offset, y: box.y + offset };
  }
  const next = setBoxes(
    {
      ...design,
      components: [...design.components, ...components],
      identities: [...design.identities, ...identities],
      actors: [...design.actors, ...actors],
      flows: [...design.flows, ...flows],
    },
    boxes,
  );
  return [next, [...components, ...identities, ...actors].map((e) => e.id)];
}

/** Whether a component of this kind may sit directly in this segment. */
export function canHoldComponent(segment: Segment, kind: ComponentKind): boolean {
  return allowedSegmentKinds(kind).includes(segment.kind);
}
