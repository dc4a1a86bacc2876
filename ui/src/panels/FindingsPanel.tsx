// The findings of the last validation, grouped by severity. Clicking one selects its elements
// (and its path) and frames them; a finding can be accepted as a risk with a reason.
import { useState } from "react";

import { groupFindings, severityLabels, type Finding } from "../model/findings";
import * as edit from "../model/edit";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { useValidationStore } from "../shell/validation";
import { describePath, elementOfPath } from "./problems";

function focus(finding: Finding) {
  const ids = [...new Set([...finding.elements, ...finding.path])];
  const design = useDesignStore.getState().design;
  const present = ids.filter((id) => edit.findElement(design, id));
  useDesignStore.getState().select(present);
  useUiStore.getState().frameElements?.(present);
}

/** Adds a suppression of the finding's rule, with the reason, to the finding's first element. */
function suppress(finding: Finding, reason: string) {
  const target = finding.elements[0];
  useDesignStore.getState().change((design) => {
    const element = edit.findElement(design, target);
    if (!element) return design;
    const existing = element.value.suppress ?? [];
    const value = { ...element.value, suppress: [...existing.filter((s) => s.rule !== finding.rule), { rule: finding.rule, reason }] };
    return edit.replaceElement(design, target, { ...element, value } as edit.Element);
  });
}

function ProblemList() {
  const problems = useValidationStore((s) => s.problems);
  const design = useDesignStore((s) => s.design);
  if (problems.length === 0) return null;
  const choose = (path: string) => {
    const id = elementOfPath(design, path);
    if (id && edit.findElement(design, id)) {
      useDesignStore.getState().select([id]);
      useUiStore.getState().frameElements?.([id]);
    }
  };
  return (
    <section className="finding-group">
      <h4 className="sev-critical">
        Design problems <span className="count">{problems.length}</span>
      </h4>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`} className="finding" data-testid="problem">
            <button className="finding-main" onClick={() => choose(problem.path)}>
              <span className="sev-dot sev-critical" />
              <code title={problem.path}>{describePath(design, problem.path)}</code>
              <span className="finding-message">{problem.message}</span>
            </button>
            {problem.help && <span className="finding-fix">{problem.help}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FindingsPanel() {
  const { findings, problems, error } = useValidationStore();
  const [suppressing, setSuppressing] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const groups = groupFindings(findings);
  const suppressed = findings.filter((f) => f.suppressed);
  const key = (f: Finding) => `${f.rule}:${f.elements.join(",")}`;

  if (error) return <div className="panel-empty error">Validation failed: {error}</div>;
  if (groups.length === 0 && suppressed.length === 0 && problems.length === 0) {
    return <div className="panel-empty" data-testid="findings-empty">No findings: every rule passes on this design.</div>;
  }
  return (
    <div className="findings" data-testid="findings">
      <ProblemList />
      {groups.map((group) => (
        <section key={group.severity} className="finding-group">
          <h4 className={`sev-${group.severity}`}>
            {severityLabels[group.severity]} <span className="count">{group.findings.length}</span>
          </h4>
          <ul>
            {group.findings.map((finding) => (
              <li key={key(finding)} className="finding" data-testid="finding" data-rule={finding.rule} data-elements={finding.elements.join(" ")}>
                <button className="finding-main" onClick={() => focus(finding)} title={finding.remediation}>
                  <span className={`sev-dot sev-${finding.severity}`} />
                  <code>{finding.rule}</code>
                  <span className="finding-message">{finding.message}</span>
                </button>
                <span className="finding-fix">{finding.remediation}</span>
                {suppressing === key(finding) ? (
                  <form
                    className="suppress-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      if (!reason.trim()) return;
                      suppress(finding, reason.trim());
                      setSuppressing(null);
                      setReason("");
                    }}
                  >
                    <input autoFocus placeholder="Why is this risk accepted?" value={reason} onChange={(e) => setReason(e.target.value)} />
                    <button type="submit" disabled={!reason.trim()}>Accept risk</button>
                    <button type="button" onClick={() => setSuppressing(null)}>Cancel</button>
                  </form>
                ) : (
                  <button className="link" onClick={() => setSuppressing(key(finding))}>Suppress…</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {suppressed.length > 0 && (
        <section className="finding-group">
          <h4 className="sev-suppressed">Accepted risks <span className="count">{suppressed.length}</span></h4>
          <ul>
            {suppressed.map((finding) => (
              <li key={key(finding)} className="finding suppressed">
                <button className="finding-main" onClick={() => focus(finding)}>
                  <code>{finding.rule}</code>
                  <span className="finding-message">{finding.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
