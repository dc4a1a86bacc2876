// The palette: every kind of element, grouped, with its AWS icon, filterable by typing. Items are
// dragged with pointer events rather than HTML drag and drop, which the webview handles poorly
// and WebDriver cannot drive; the canvas takes the drop through `dropOnCanvas`.
import { useMemo, useState, type PointerEvent as ReactPointerEvent } from "react";

import { filterPalette, paletteGroups, type PaletteItem } from "../model/catalog";
import { useUiStore } from "../store/uiStore";

/** Movement (in pixels) under which a press counts as a click, not a drag. */
const DRAG_THRESHOLD = 4;

export function Palette() {
  const [filter, setFilter] = useState("");
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const groups = useMemo(() => filterPalette(paletteGroups, filter), [filter]);
  const dragging = useUiStore((s) => s.dragging);

  // The listeners live for one drag, from the press to the release. (Registered from an effect
  // on each pointer move, a release between two renders went unheard under load: the element
  // was never added and its ghost stayed on the pointer.)
  const startDrag = (item: PaletteItem) => (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const start = { x: event.clientX, y: event.clientY };
    let started = false;
    const move = (moved: PointerEvent) => {
      if (!started && Math.hypot(moved.clientX - start.x, moved.clientY - start.y) < DRAG_THRESHOLD) return;
      started = true;
      useUiStore.setState({ dragging: { item, x: moved.clientX, y: moved.clientY } });
    };
    const up = (released: PointerEvent) => {
      window.removeEventListener("pointermove", move);
      if (!started) return;
      useUiStore.setState({ dragging: null });
      useUiStore.getState().dropOnCanvas?.(item, { x: released.clientX, y: released.clientY });
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up, { once: true });
  };

  return (
    <aside className="palette" aria-label="Palette">
      <input
        className="palette-filter"
        placeholder="Filter components…"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        data-testid="palette-filter"
      />
      <div className="palette-groups">
        {groups.map((group) => (
          <section key={group.title} className="palette-group">
            <button
              className="palette-group-title"
              onClick={() => setCollapsed({ ...collapsed, [group.title]: !collapsed[group.title] })}
              aria-expanded={!collapsed[group.title]}
            >
              <span className="chevron">{collapsed[group.title] ? "▸" : "▾"}</span>
              {group.title}
              <span className="count">{group.items.length}</span>
            </button>
            {!collapsed[group.title] && (
              <div className="palette-items">
                {group.items.map((item) => (
                  <div
                    key={item.key}
                    className="palette-item"
                    onPointerDown={startDrag(item)}
                    data-testid={`palette-${item.key}`}
                    title={`Drag ${item.label} onto the canvas`}
                  >
                    <img src={item.icon} alt="" draggable={false} />
                    <span>{item.label}</span>
                  </div>
                ))}
              </div>
            )}
          </section>
        ))}
      </div>
      {dragging && (
        <div className="drag-ghost" style={{ left: dragging.x, top: dragging.y }}>
          <img src={dragging.item.icon} alt="" />
          {dragging.item.label}
        </div>
      )}
    </aside>
  );
}
