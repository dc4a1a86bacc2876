// The search box: finds any element or flow by name or id (a flow also by its label, such as
// "PostgreSQL 5432") and selects and frames it.
import { useMemo, useState } from "react";

import * as edit from "../model/edit";
import { flowLabel } from "../model/flows";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";

/** How well an element matches: its exact id first, then names that start with the query, then the rest. */
function rank(element: { id: string; name: string }, needle: string): number {
  if (element.id.toLowerCase() === needle) return 0;
  return element.name.toLowerCase().startsWith(needle) ? 1 : 2;
}

/** Elements and flows whose name or id contains the query, best matches (exact id, then name prefix) first. */
export function searchElements(design: ReturnType<typeof useDesignStore.getState>["design"], query: string, limit = 8) {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const all = [
    ...[...design.segments, ...design.components, ...design.identities, ...design.actors].map((e) => ({ id: e.id, name: e.name })),
    ...design.flows.map((f) => ({ id: f.id, name: f.name ?? flowLabel(f) })),
  ];
  return all
    .filter((e) => e.id.toLowerCase().includes(needle) || e.name.toLowerCase().includes(needle))
    .sort((a, b) => rank(a, needle) - rank(b, needle))
    .slice(0, limit);
}

export function Search() {
  const design = useDesignStore((s) => s.design);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const results = useMemo(() => searchElements(design, query), [design, query]);
  const choose = (id: string) => {
    if (!edit.findElement(useDesignStore.getState().design, id)) return;
    useDesignStore.getState().select([id]);
    useUiStore.getState().frameElements?.([id]);
    setOpen(false);
    setQuery("");
  };
  return (
    <div className="search">
      <input
        id="search-box"
        type="search"
        placeholder="Find element…  (Ctrl+F)"
        value={query}
        data-testid="search"
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && results[0]) choose(results[0].id);
          if (event.key === "Escape") setOpen(false);
        }}
      />
      {open && results.length > 0 && (
        <ul className="search-results">
          {results.map((r) => (
            <li key={r.id}>
              <button onMouseDown={() => choose(r.id)}>
                <span>{r.name}</span>
                <code>{r.id}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
