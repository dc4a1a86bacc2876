// What the palette offers and what the canvas needs to know about each kind of element.
//
// Component kinds come from the Rust catalog (crates/model), exported to JSON by the shell's
// tests, so the palette, the loader and the rules read one list. Segments, identities and actors
// are few and fixed; their palette entries live here with the labels people expect.
import catalogJson from "../generated/catalog.json";
import { actorIcons, componentIcons, identityIcons, segmentIcons, subnetIcons } from "./icons";
import type { ActorKind, Category, ComponentKind, IdentityKind, Placement, SegmentKind, Tier } from "./types";

/** One row of the Rust component catalog (`zta_model::component_kind::CATALOG`). */
export interface CatalogEntry {
  kind: ComponentKind;
  label: string;
  category: Category;
  placement: Placement;
  data_store: boolean;
  workload: boolean;
  properties: string[];
}

export const componentCatalog = catalogJson as CatalogEntry[];

const byKind = new Map(componentCatalog.map((entry) => [entry.kind, entry]));

/** The catalog row of a component kind. */
export function kindInfo(kind: ComponentKind): CatalogEntry {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown component kind ${kind}`);
  return info;
}

/** What a palette item creates when it is dropped. */
export type PaletteTemplate =
  | { element: "segment"; kind: SegmentKind; tier?: Tier }
  | { element: "component"; kind: ComponentKind }
  | { element: "identity"; kind: IdentityKind }
  | { element: "actor"; kind: ActorKind };

export interface PaletteItem {
  /** Unique key, also the test id of the palette entry. */
  key: string;
  label: string;
  icon: string;
  template: PaletteTemplate;
}

export interface PaletteGroup {
  title: string;
  items: PaletteItem[];
}

const segmentItems: PaletteItem[] = [
  { key: "segment-account", label: "AWS account", icon: segmentIcons.account, template: { element: "segment", kind: "account" } },
  { key: "segment-region", label: "Region", icon: segmentIcons.region, template: { element: "segment", kind: "region" } },
  { key: "segment-vpc", label: "VPC", icon: segmentIcons.vpc, template: { element: "segment", kind: "vpc" } },
  { key: "segment-subnet-public", label: "Public subnet", icon: subnetIcons.public, template: { element: "segment", kind: "subnet", tier: "public" } },
  { key: "segment-subnet-private", label: "Private subnet", icon: subnetIcons.private, template: { element: "segment", kind: "subnet", tier: "private" } },
  { key: "segment-subnet-isolated", label: "Isolated subnet", icon: subnetIcons.isolated, template: { element: "segment", kind: "subnet", tier: "isolated" } },
  { key: "segment-internet", label: "Internet", icon: segmentIcons.internet, template: { element: "segment", kind: "internet" } },
  { key: "segment-on_premises", label: "On-premises network", icon: segmentIcons.on_premises, template: { element: "segment", kind: "on_premises" } },
  { key: "segment-partner_network", label: "Partner network", icon: segmentIcons.partner_network, template: { element: "segment", kind: "partner_network" } },
];

export const identityLabels: Record<IdentityKind, string> = {
  iam_role: "IAM role",
  iam_user: "IAM user",
  iam_group: "IAM group",
  cognito_user_pool: "Cognito user pool",
  permission_set: "Identity Center permission set",
  identity_provider: "Identity provider",
};

export const actorLabels: Record<ActorKind, string> = {
  customer: "Customer",
  workforce: "Workforce user",
  administrator: "Administrator",
  developer: "Developer",
  partner: "Partner",
  external_system: "External system",
};

export const segmentLabels: Record<SegmentKind, string> = {
  account: "AWS account",
  region: "Region",
  vpc: "VPC",
  subnet: "Subnet",
  internet: "Internet",
  on_premises: "On-premises",
  partner_network: "Partner network",
};

const identityItems: PaletteItem[] = (Object.keys(identityLabels) as IdentityKind[]).map((kind) => ({
  key: `identity-${kind}`,
  label: identityLabels[kind],
  icon: identityIcons[kind],
  template: { element: "identity", kind },
}));

const actorItems: PaletteItem[] = (Object.keys(actorLabels) as ActorKind[]).map((kind) => ({
  key: `actor-${kind}`,
  label: actorLabels[kind],
  icon: actorIcons[kind],
  template: { element: "actor", kind },
}));

const categoryTitles: Record<Category, string> = {
  network: "Network",
  edge: "Edge",
  compute: "Compute",
  data: "Data",
  security_monitoring: "Security & monitoring",
};

function componentItems(category: Category): PaletteItem[] {
  return componentCatalog
    .filter((entry) => entry.category === category)
    .map((entry) => ({
      key: `component-${entry.kind}`,
      label: entry.label,
      icon: componentIcons[entry.kind],
      template: { element: "component", kind: entry.kind },
    }));
}

/** The palette, in the order an architect draws: places, then people, then services. */
export const paletteGroups: PaletteGroup[] = [
  { title: "Network", items: [...segmentItems, ...componentItems("network")] },
  { title: "Identity", items: [...identityItems, ...actorItems] },
  { title: categoryTitles.edge, items: componentItems("edge") },
  { title: categoryTitles.compute, items: componentItems("compute") },
  { title: categoryTitles.data, items: componentItems("data") },
  { title: categoryTitles.security_monitoring, items: componentItems("security_monitoring") },
];

/** The groups with only the items whose label or kind contains the filter text. */
export function filterPalette(groups: PaletteGroup[], text: string): PaletteGroup[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return groups;
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter(
        (item) => item.label.toLowerCase().includes(needle) || item.template.kind.includes(needle),
      ),
    }))
    .filter((group) => group.items.length > 0);
}

/** The segment kinds a component of this kind may sit in, nearest first. */
export function allowedSegmentKinds(kind: ComponentKind): SegmentKind[] {
  switch (kindInfo(kind).placement) {
    case "subnet":
      return ["subnet"];
    case "vpc":
      return ["vpc"];
    case "regional":
      return ["region", "account"];
    case "account":
      return ["account"];
  }
}

/** The segment kinds a segment of this kind may be nested in (mirrors the Rust rule). */
export function allowedParentKinds(kind: SegmentKind): SegmentKind[] {
  switch (kind) {
    case "region":
      return ["account"];
    case "vpc":
      return ["account", "region"];
    case "subnet":
      return ["vpc"];
    default:
      return [];
  }
}
