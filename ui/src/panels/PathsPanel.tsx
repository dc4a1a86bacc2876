// Paths: every end-to-end data path of the design (from an actor or an outside zone to a data
// store, with the data classes it carries), and the exposure paths the rule engine found. With a
// selection, only the paths through it. Clicking a path selects its elements and its flows, so
// the canvas highlights the route, and frames it.
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";

import * as edit from "../model/edit";
import { dataClassColors, dataClassLabels } from "../model/flows";
import { dataPaths } from "../model/paths";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { useValidationStore } from "../shell/validation";

function show(design: ReturnType<typeof useDesignStore.getState>["design"], ids: string[]) {
  useDesignStore.getState().select(ids.filter((id) => edit.findElement(design, id)));
  useUiStore.getState().frameElements?.(ids);
}

export function PathsPanel() {
  const { design, selection } = useDesignStore(useShallow((s) => ({ design: s.design, selection: s.selection })));
  const findings = useValidationStore((s) => s.findings);
  const all = useMemo(() => dataPaths(design), [design]);
  const chosen = new Set(selection);
  const through = (ids: string[]) => chosen.size === 0 || ids.some((id) => chosen.has(id));
  // A path clicked selects exactly its own elements; it stays listed rather than filtering itself.
  const selectedPath = all.paths.find((p) => p.nodes.length + p.flows.length === chosen.size && [...p.nodes, ...p.flows].every((id) => chosen.has(id)));
  const data = selectedPath ? all.paths : all.paths.filter((p) => through([...p.nodes, ...p.flows]));
  const exposures = findings.filter((f) => f.path.length > 1 && (selectedPath || through(f.path)));
  const name = (id: string) => {
    const element = edit.findElement(design, id);
    return element && element.type !== "flow" ? element.value.name : id;
  };
  return (
    <div className="paths-panel">
      <h4 className="paths-title">
        Data paths <span className="count">{data.length}</span>
        {all.truncated && <span className="muted"> (the first {all.paths.length}; the design has more)</span>}
      </h4>
      {data.length === 0 && (
        <div className="panel-empty">
          {chosen.size === 0 ? "No flow leads from an actor or an outside zone to a data store." : "No data path passes through the selection."}
        </div>
      )}
      <ul className="paths">
        {data.map((path) => (
          <li key={path.flows.join(">")}>
            <button className={`path${path === selectedPath ? " chosen" : ""}`} data-testid="data-path" data-flows={path.flows.join(" ")}
              onClick={() => show(design, [...path.nodes, ...path.flows])}>
              {path.nodes.map((id, index) => (
                <span key={`${id}-${index}`} className="hop">
                  {index > 0 && <span className="arrow">→</span>}
                  {name(id)}
                </span>
              ))}
              {path.data.map((c) => (
                <span key={c} className="data-class" style={{ borderColor: dataClassColors[c], color: dataClassColors[c] }}>{dataClassLabels[c]}</span>
              ))}
            </button>
          </li>
        ))}
      </ul>
      <h4 className="paths-title">
        Exposure paths <span className="count">{exposures.length}</span>
      </h4>
      {exposures.length === 0 && <div className="panel-empty">No exposure paths{chosen.size === 0 ? " in this design" : " through the selection"}.</div>}
      <ul className="paths">
        {exposures.map((finding) => (
          <li key={`${finding.rule}:${finding.path.join(">")}`}>
            <button className="path" onClick={() => show(design, finding.path)}>
              <code>{finding.rule}</code>
              {finding.path.map((id, index) => (
                <span key={`${id}-${index}`} className="hop">
                  {index > 0 && <span className="arrow">→</span>}
                  {name(id)}
                </span>
              ))}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
