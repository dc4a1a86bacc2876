// The bottom panel: Findings, Compliance and Paths tabs, with the counts of open findings; its
// top edge drags to resize it.
import { summarize } from "../model/findings";
import { useUiStore, type BottomTab } from "../store/uiStore";
import { useValidationStore } from "../shell/validation";
import { CompliancePanel } from "./CompliancePanel";
import { FindingsPanel } from "./FindingsPanel";
import { PathsPanel } from "./PathsPanel";

/** The panel's height for a drag of its top edge to `pointerY`, within sensible limits of the window. */
export function panelHeight(pointerY: number, windowHeight: number): number {
  return Math.round(Math.min(Math.max(windowHeight - pointerY, 120), windowHeight * 0.7));
}

function startResize(event: React.PointerEvent) {
  event.preventDefault();
  const move = (e: PointerEvent) => useUiStore.setState({ bottomHeight: panelHeight(e.clientY, window.innerHeight) });
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", () => window.removeEventListener("pointermove", move), { once: true });
}

export function BottomPanel() {
  const tab = useUiStore((s) => s.bottomTab);
  const height = useUiStore((s) => s.bottomHeight);
  const { findings, roundTripMs, running } = useValidationStore();
  const counts = summarize(findings);
  const tabs: [BottomTab, string][] = [
    ["findings", "Findings"],
    ["compliance", "Compliance"],
    ["paths", "Paths"],
  ];
  return (
    <section className="bottom-panel" aria-label="Results" style={{ height }}>
      <div className="panel-resizer" onPointerDown={startResize} role="separator" aria-orientation="horizontal" title="Drag to resize" />
      <div className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? "active" : ""}
            data-testid={`tab-${id}`} onClick={() => useUiStore.setState({ bottomTab: id })}>
            {label}
            {id === "findings" && (
              <span className="tab-counts">
                {(["critical", "high", "medium", "low"] as const).map((s) =>
                  counts[s] > 0 ? <span key={s} className={`pill sev-${s}`}>{counts[s]}</span> : null,
                )}
              </span>
            )}
          </button>
        ))}
        <span className="validation-status" data-testid="validation-status">
          {running ? "Validating…" : roundTripMs !== null ? `Validated in ${roundTripMs.toFixed(0)} ms` : ""}
        </span>
      </div>
      <div className="tab-body">
        {tab === "findings" && <FindingsPanel />}
        {tab === "compliance" && <CompliancePanel />}
        {tab === "paths" && <PathsPanel />}
      </div>
    </section>
  );
}
