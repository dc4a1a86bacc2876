// The Rust side leaves empty lists and absent options out of the JSON it sends (the file format
// does the same), so the UI fills them in once on the way in and can then rely on them.
import type { Design, RawDesign } from "./types";

/** A design with every list present, as the rest of the UI expects. */
export function normalizeDesign(raw: RawDesign): Design {
  return {
    ...raw,
    schema_version: raw.schema_version ?? 1,
    segments: (raw.segments ?? []).map((s) => ({ ...s, suppress: s.suppress ?? [] })),
    components: (raw.components ?? []).map((c) => ({
      ...c,
      stores: c.stores ?? [],
      properties: c.properties ?? {},
      tags: c.tags ?? {},
      suppress: c.suppress ?? [],
    })),
    identities: (raw.identities ?? []).map((i) => ({ ...i, suppress: i.suppress ?? [] })),
    actors: (raw.actors ?? []).map((a) => ({ ...a, suppress: a.suppress ?? [] })),
    flows: (raw.flows ?? []).map((f) => ({
      ...f,
      ports: f.ports ?? [],
      data: f.data ?? [],
      actions: f.actions ?? [],
      via: f.via ?? [],
      suppress: f.suppress ?? [],
    })),
    carried_cloudformation: raw.carried_cloudformation ?? {},
    layout: { nodes: { ...(raw.layout?.nodes ?? {}) } },
  } as Design;
}
