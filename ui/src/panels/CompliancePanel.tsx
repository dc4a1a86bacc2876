// Compliance: the ZTMM stage per pillar on the left; on the right, per framework (PCI DSS,
// GDPR, ISO/IEC 27001), the totals and every control with its status. Clicking a control that
// has findings selects and frames the elements they name.
import { useState } from "react";

import type { ControlAssessment, ControlStatus } from "../generated/app";
import {
  controlDetail,
  elementsOfControl,
  groupControls,
  satisfiedShare,
  stageLabels,
  stageLevel,
  statusLabels,
  statusMeanings,
  statusOrder,
  statusTotal,
} from "../model/compliance";
import * as edit from "../model/edit";
import { useComplianceStore } from "../shell/compliance";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";

function Pillars() {
  const pillars = useComplianceStore((s) => s.view?.zero_trust.pillars ?? []);
  return (
    <section className="ztmm" aria-label="Zero Trust Maturity Model" data-testid="ztmm">
      <h4>CISA ZTMM stage</h4>
      <ul>
        {pillars.map((pillar) => (
          <li key={pillar.id} title={pillar.rationale} data-testid={`pillar-${pillar.id}`} data-stage={pillar.stage}>
            <span className={`pillar-name${pillar.cross_cutting ? " cross-cutting" : ""}`}>{pillar.name}</span>
            <span className="stage-bar" aria-hidden>
              {[1, 2, 3, 4].map((level) => (
                <span key={level} className={level <= stageLevel(pillar.stage) ? `filled stage-${pillar.stage}` : ""} />
              ))}
            </span>
            <span className={`stage-label stage-${pillar.stage}`}>{stageLabels[pillar.stage]}</span>
            <span className="pillar-rules muted" title={`${pillar.rules_passing} passing of ${pillar.rules_evaluated} evaluated (${pillar.rules} mapped)`}>
              {pillar.rules_passing}/{pillar.rules_evaluated}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ControlRow({ control }: { control: ControlAssessment }) {
  const findings = useComplianceStore((s) => s.view?.findings ?? []);
  const elements = elementsOfControl(control, findings);
  const focus = () => {
    const design = useDesignStore.getState().design;
    const present = elements.filter((id) => edit.findElement(design, id));
    if (present.length === 0) return;
    useDesignStore.getState().select(present);
    useUiStore.getState().frameElements?.(present);
  };
  return (
    <li className={`control status-${control.status}`} data-testid="control" data-control={control.id} data-status={control.status}>
      <button className="control-main" onClick={focus} disabled={elements.length === 0} title={control.rationale}>
        <span className={`status-chip status-${control.status}`}>{statusLabels[control.status]}</span>
        <code>{control.id}</code>
        <span className="control-title">{control.title}</span>
      </button>
      <span className="control-detail muted" data-testid="control-detail">
        {controlDetail(control)}
      </span>
    </li>
  );
}

export function CompliancePanel() {
  const { view, error, running } = useComplianceStore();
  const [framework, setFramework] = useState(0);
  const [shown, setShown] = useState<Set<ControlStatus>>(new Set());
  if (error) return <div className="panel-empty error">{error}</div>;
  if (!view) return <div className="panel-empty">{running ? "Assessing…" : "No assessment yet."}</div>;
  const current = view.frameworks[Math.min(framework, view.frameworks.length - 1)];
  const share = satisfiedShare(current);
  const toggle = (status: ControlStatus) => {
    const next = new Set(shown);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    setShown(next);
  };
  return (
    <div className="compliance" data-testid="compliance">
      <Pillars />
      <section className="frameworks">
        <div className="framework-bar">
          <div className="segmented" role="tablist" aria-label="Framework">
            {view.frameworks.map((f, index) => (
              <button key={f.framework} role="tab" aria-selected={index === framework} className={index === framework ? "active" : ""}
                data-testid={`framework-${f.framework}`} onClick={() => setFramework(index)}>
                {f.title}
              </button>
            ))}
          </div>
          <div className="status-filters">
            {statusOrder.map((status) => (
              <button key={status} className={`status-chip status-${status}${shown.has(status) ? " chosen" : ""}`}
                onClick={() => toggle(status)} aria-pressed={shown.has(status)} data-testid={`filter-${status}`}
                title={statusMeanings[status]}>
                {statusLabels[status]} {statusTotal(current.totals, status)}
              </button>
            ))}
          </div>
          {share !== null && <span className="muted share">{Math.round(share * 100)}% of applicable controls satisfied by the design alone</span>}
        </div>
        {current.not_applicable && <p className="framework-note">{current.not_applicable}</p>}
        <div className="controls">
          {groupControls(current.controls, shown).map((group) => (
            <section key={group.group}>
              <h5>{group.group}</h5>
              <ul>
                {group.controls.map((control) => (
                  <ControlRow key={control.id} control={control} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </div>
  );
}
