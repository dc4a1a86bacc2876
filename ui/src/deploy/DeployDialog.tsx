// The deploy dialog: the AWS profile, region and stack name; then, stack by stack, the change
// set to review (approve or decline) and CloudFormation's progress as it streams in.
import { Channel, invoke } from "@tauri-apps/api/core";
import { useEffect, useRef, useState } from "react";
import { create } from "zustand";

import type { DeployEvent, AccountPlan, DeployTarget, StackManifestOutcome } from "../generated/app";
import {
  applyDeployEvent,
  changeCounts,
  designPlacement,
  failDeploy,
  finishDeploy,
  initialDeploy,
  parameterValues,
  planned,
  type DeployState,
} from "../model/deploy";
import { errorMessage } from "../shell/api";
import { ensureSaved } from "../shell/exports";
import { isDirty, useDesignStore } from "../store/designStore";
import { flushPendingEdits } from "../store/pendingEdits";
import { ask, useUiStore } from "../store/uiStore";
import { ManualSteps } from "./ManualSteps";

export const useDeployStore = create<DeployState>()(() => initialDeploy);

/**
 * Opens the dialog once the design is saved (deploy reads the design file, like export). Saving
 * is asked first, not done behind the user's back: deploying is not a reason they chose to
 * overwrite the file.
 */
export async function openDeployDialog() {
  flushPendingEdits();
  const state = useDesignStore.getState();
  if (state.fileName === null || isDirty(state)) {
    const name = state.fileName ?? "This design";
    const text = `Deploy reads the design from its file. ${name} has ${state.fileName === null ? "never been saved" : "unsaved changes"}; save it now?`;
    if (!(await ask("Save before deploying", text, "Save and continue"))) return;
  }
  if (!(await ensureSaved())) return;
  useDeployStore.setState(initialDeploy, true);
  useUiStore.setState({ deploying: true });
}

/** The target the form chose, kept for the deployment that follows the plan. */
let chosen: DeployTarget | null = null;

async function plan(target: DeployTarget) {
  chosen = target;
  useDeployStore.setState({ ...initialDeploy, phase: "planning" }, true);
  try {
    const view = await invoke<AccountPlan>("plan_deployment", { target });
    useDeployStore.setState(planned(useDeployStore.getState(), view), true);
  } catch (error) {
    useDeployStore.setState(failDeploy(useDeployStore.getState(), errorMessage(error)), true);
  }
}

async function deploy(parameters: Record<string, string>) {
  if (!chosen) return;
  useDeployStore.setState({ phase: "running" });
  const channel = new Channel<DeployEvent>();
  channel.onmessage = (event) => useDeployStore.setState(applyDeployEvent(useDeployStore.getState(), event), true);
  try {
    const summary = await invoke<StackManifestOutcome>("deploy_design", { target: chosen, parameters, onEvent: channel });
    useDeployStore.setState(finishDeploy(useDeployStore.getState(), summary.declined_at), true);
  } catch (error) {
    useDeployStore.setState(failDeploy(useDeployStore.getState(), errorMessage(error)), true);
  }
}

function answer(approve: boolean) {
  useDeployStore.setState({ review: null, phase: "running" });
  void invoke("answer_change_set", { approve }).catch((error) =>
    useDeployStore.setState(failDeploy(useDeployStore.getState(), errorMessage(error)), true),
  );
}

function DeployForm() {
  const fileName = useDesignStore((s) => s.fileName);
  const stem = (fileName ?? "design").replace(/\.zta\.(ya?ml|json)$/i, "").replace(/[^A-Za-z0-9-]/g, "-");
  const design = useDesignStore((s) => s.design);
  const [placement] = useState(() => designPlacement(design));
  const [profile, setProfile] = useState("");
  // The design's region when it names one; with several, each stack's own region wins anyway.
  const [region, setRegion] = useState(placement.regions.length === 1 ? placement.regions[0] : "");
  const [stackName, setStackName] = useState(stem);
  const valid = /^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName);
  return (
    <form
      className="deploy-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void plan({ profile: profile.trim() || null, region: region.trim() || null, stack_name: stackName });
      }}
    >
      <label className="field">
        <span className="field-label">AWS profile</span>
        <input value={profile} onChange={(e) => setProfile(e.target.value)} placeholder="default credential chain" data-testid="deploy-profile" />
      </label>
      <label className="field">
        <span className="field-label">Region</span>
        <input value={region} onChange={(e) => setRegion(e.target.value)} placeholder="the profile's region" data-testid="deploy-region" />
      </label>
      {placement.regions.length > 1 && <p className="muted" data-testid="deploy-regions">The design spans {placement.regions.join(", ")}.</p>}
      {placement.accounts.length > 0 && (
        <p className="muted" data-testid="deploy-accounts">
          Accounts in the design: {placement.accounts.map((a) => `${a.name} (${a.id ?? "no account id"})`).join(", ")}. The
          credentials decide which account's stacks deploy now; the others wait for their own.
        </p>
      )}
      <label className={`field${valid ? "" : " invalid"}`}>
        <span className="field-label">Stack name (when the design is one stack)</span>
        <input value={stackName} onChange={(e) => setStackName(e.target.value)} data-testid="deploy-stack-name" />
        {!valid && <span className="field-error">Letters, digits and dashes, starting with a letter.</span>}
      </label>
      <p className="muted">
        Each stack gets a change set to review before anything changes in the account. Credentials come from the AWS
        profile (or the environment) and never leave this machine.
      </p>
      <div className="modal-buttons">
        <button type="button" onClick={() => useUiStore.setState({ deploying: false })}>Cancel</button>
        <button type="submit" className="primary" disabled={!valid} data-testid="deploy-connect">Sign in and plan</button>
      </div>
    </form>
  );
}

function Parameters() {
  const view = useDeployStore((s) => s.plan);
  const [values, setValues] = useState<Record<string, string>>({});
  if (!view) return null;
  const names = [...new Set(view.stacks.flatMap((stack) => stack.parameters))];
  return (
    <form
      className="deploy-parameters"
      onSubmit={(event) => {
        event.preventDefault();
        void deploy(parameterValues(values));
      }}
    >
      {names.length > 0 && (
        <>
          <h3>Parameters</h3>
          <p className="muted">What only the deployer knows. Leave a field empty to use the template's default, if it has one.</p>
          <div className="parameter-grid">
            {names.map((name) => (
              <label key={name} className="field">
                <span className="field-label">{name}</span>
                <input value={values[name] ?? ""} onChange={(e) => setValues({ ...values, [name]: e.target.value })} data-testid={`parameter-${name}`} />
              </label>
            ))}
          </div>
        </>
      )}
      <div className="modal-buttons">
        <button type="button" onClick={() => useUiStore.setState({ deploying: false })}>Cancel</button>
        <button type="submit" className="primary" disabled={view.stacks.length === 0} data-testid="deploy-start">
          Create change sets
        </button>
      </div>
    </form>
  );
}

function Review() {
  const review = useDeployStore((s) => s.review);
  if (!review) return null;
  const counts = changeCounts(review);
  return (
    <section className="change-set" data-testid="change-set">
      <h3>
        Change set for <code>{review.stack_name}</code> ({review.change_set_type.toLowerCase()}):{" "}
        {Object.entries(counts).map(([action, count]) => `${count} ${action}`).join(", ")}
      </h3>
      {review.warnings.map((warning) => (
        <p key={warning} className="warning">{warning}</p>
      ))}
      {review.capabilities.length > 0 && <p className="muted">Acknowledges {review.capabilities.join(", ")}.</p>}
      <div className="change-table">
        <table>
          <thead>
            <tr><th>Action</th><th>Logical id</th><th>Type</th><th>Replacement</th></tr>
          </thead>
          <tbody>
            {review.changes.map((change) => (
              <tr key={`${change.action}:${change.logical_id}`} className={`change-${change.action}`}>
                <td>{change.action}</td>
                <td><code>{change.logical_id}</code></td>
                <td>{change.resource_type}</td>
                <td>{change.replacement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="modal-buttons">
        <button onClick={() => answer(false)} data-testid="decline-change-set">Decline and stop</button>
        <button className="primary" onClick={() => answer(true)} data-testid="execute-change-set">Execute change set</button>
      </div>
    </section>
  );
}

function Progress() {
  const { stacks, log, account, region, manualSteps, phase, error } = useDeployStore();
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "end" }), [log.length]);
  return (
    <>
      {account && (
        <p className="muted">
          Account {account}, {region}.{stacks.every((stack) => stack.phase === "elsewhere") && " No stack of this design belongs in this account."}
        </p>
      )}
      <ul className="deploy-stacks">
        {stacks.map((stack) => (
          <li key={stack.name} className={`stack-${stack.phase}`} data-testid={`deploy-stack-${stack.name}`} data-phase={stack.phase}>
            <code>{stack.name}</code>
            <span className="stack-phase">{stack.phase === "elsewhere" ? `in account ${stack.account}: deploy with its credentials` : stack.status ?? stack.phase}</span>
            {stack.total > 0 && <progress max={stack.total} value={stack.settled} />}
          </li>
        ))}
      </ul>
      {phase === "planned" && <Parameters />}
      <Review />
      {log.length > 0 && (
        <ol className="deploy-log" aria-label="Deployment events">
          {log.map((line, index) => (
            <li key={index} className={line.failed ? "failed" : ""} ref={index === log.length - 1 ? end : undefined}>
              <code>{line.stack}</code> {line.text}
            </li>
          ))}
        </ol>
      )}
      {error && <p className="field-error" data-testid="deploy-error">{error}</p>}
      {(phase === "planned" || phase === "done") && <ManualSteps steps={manualSteps} open={phase === "planned"} />}
      {(phase === "done" || phase === "failed") && (
        <div className="modal-buttons">
          <button className="primary" onClick={() => useUiStore.setState({ deploying: false })} data-testid="deploy-close">Close</button>
        </div>
      )}
    </>
  );
}

export function DeployDialog() {
  const open = useUiStore((s) => s.deploying);
  const phase = useDeployStore((s) => s.phase);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal deploy" role="dialog" aria-modal="true" aria-labelledby="deploy-title" data-testid="deploy-dialog">
        <h2 id="deploy-title">Deploy to AWS</h2>
        {phase === "form" ? <DeployForm /> : phase === "planning" ? <p className="muted">Signing in to AWS and planning the design's stacks…</p> : <Progress />}
      </div>
    </div>
  );
}
