// Paths: the internet paths and reachability the rule engine found that involve the selected
// elements, each listed hop by hop.
import { useShallow } from "zustand/react/shallow";

import * as edit from "../model/edit";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { useValidationStore } from "../shell/validation";

export function PathsPanel() {
  const { design, selection } = useDesignStore(useShallow((s) => ({ design: s.design, selection: s.selection })));
  const findings = useValidationStore((s) => s.findings);
  const chosen = new Set(selection);
  const withPaths = findings.filter((f) => f.path.length > 1 && (chosen.size === 0 || f.path.some((id) => chosen.has(id))));
  const name = (id: string) => {
    const element = edit.findElement(design, id);
    return element && element.type !== "flow" ? element.value.name : id;
  };
  if (withPaths.length === 0) {
    return (
      <div className="panel-empty">
        {chosen.size === 0 ? "No exposure paths in this design." : "No exposure path passes through the selection."}
      </div>
    );
  }
  return (
    <ul className="paths">
      {withPaths.map((finding) => (
        <li key={`${finding.rule}:${finding.path.join(">")}`}>
          <button
            className="path"
            onClick={() => {
              useDesignStore.getState().select(finding.path.filter((id) => edit.findElement(design, id)));
              useUiStore.getState().frameElements?.(finding.path);
            }}
          >
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
  );
}
