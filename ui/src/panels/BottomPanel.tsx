// The bottom panel: Findings, Compliance and Paths tabs, with the counts of open findings.
import { summarize } from "../model/findings";
import { useUiStore, type BottomTab } from "../store/uiStore";
import { useValidationStore } from "../shell/validation";
import { CompliancePanel } from "./CompliancePanel";
import { FindingsPanel } from "./FindingsPanel";
import { PathsPanel } from "./PathsPanel";

export function BottomPanel() {
  const tab = useUiStore((s) => s.bottomTab);
  const { findings, roundTripMs, running } = useValidationStore();
  const counts = summarize(findings);
  const tabs: [BottomTab, string][] = [
    ["findings", "Findings"],
    ["compliance", "Compliance"],
    ["paths", "Paths"],
  ];
  return (
    <section className="bottom-panel" aria-label="Results">
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
