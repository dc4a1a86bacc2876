// A deployment as the deploy dialog follows it: the events the shell streams (the plan, each
// change set to review, CloudFormation's progress) folded into one state the dialog draws.
import type { ChangeSetReview, DeployEvent, AccountPlan, DeployProgress, ManualStep } from "../generated/app";
import type { Design } from "./types";

export type { DeployProgress };

export type StackPhase = "waiting" | "preparing" | "review" | "executing" | "complete" | "failed" | "declined" | "elsewhere";

export interface StackProgress {
  name: string;
  account: string | null;
  phase: StackPhase;
  status: string | null;
  /** Resources settled so far and how many the change set touches, for the progress bar. */
  settled: number;
  total: number;
}

export interface LogLine {
  stack: string;
  text: string;
  failed: boolean;
}

export interface DeployState {
  /**
   * `form` asks where to deploy, `planning` signs in, `planned` shows the stacks and asks for
   * their parameters, then the deployment runs, waits at each change set, and ends.
   */
  phase: "form" | "planning" | "planned" | "running" | "review" | "done" | "failed";
  plan: AccountPlan | null;
  account: string | null;
  region: string | null;
  stacks: StackProgress[];
  manualSteps: ManualStep[];
  /** The change set waiting for the user's answer. */
  review: ChangeSetReview | null;
  log: LogLine[];
  error: string | null;
}

export const initialDeploy: DeployState = {
  phase: "form",
  plan: null,
  account: null,
  region: null,
  stacks: [],
  manualSteps: [],
  review: null,
  log: [],
  error: null,
};

/** How many log lines the dialog keeps; a large stack reports thousands of events. */
export const LOG_LIMIT = 500;

function updateStack(state: DeployState, name: string, patch: (stack: StackProgress) => Partial<StackProgress>): StackProgress[] {
  return state.stacks.map((stack) => (stack.name === name ? { ...stack, ...patch(stack) } : stack));
}

function withLog(state: DeployState, line: LogLine): LogLine[] {
  const log = [...state.log, line];
  return log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log;
}

function applyProgress(state: DeployState, progress: DeployProgress): DeployState {
  switch (progress.kind) {
    case "validating":
      return {
        ...state,
        phase: "running",
        stacks: updateStack(state, progress.stack_name, () => ({ phase: "preparing" })),
        log: withLog(state, { stack: progress.stack_name, text: `Validating the template (${progress.template_bytes} bytes)`, failed: false }),
      };
    case "template_staged":
      return { ...state, log: withLog(state, { stack: progress.stack_name, text: `Staged the template at s3://${progress.bucket}/${progress.key}`, failed: false }) };
    case "creating_change_set":
      return {
        ...state,
        log: withLog(state, { stack: progress.stack_name, text: `Creating a ${progress.change_set_type} change set`, failed: false }),
      };
    case "change_set_ready":
      return {
        ...state,
        log: withLog(state, { stack: progress.stack_name, text: `Change set ready: ${progress.resource_changes} resource changes`, failed: false }),
      };
    case "executing":
      return {
        ...state,
        phase: "running",
        review: null,
        stacks: updateStack(state, progress.stack_name, () => ({ phase: "executing", total: progress.resource_changes, settled: 0 })),
        log: withLog(state, { stack: progress.stack_name, text: "Executing the change set", failed: false }),
      };
    case "stack_event": {
      const failed = progress.status.endsWith("_FAILED");
      const resource = progress.logical_id !== progress.stack_name;
      const settled = resource && !progress.status.endsWith("_IN_PROGRESS");
      const reason = progress.reason ? `: ${progress.reason}` : "";
      return {
        ...state,
        stacks: updateStack(state, progress.stack_name, (stack) => ({
          status: resource ? stack.status : progress.status,
          settled: settled ? Math.min(stack.total, stack.settled + 1) : stack.settled,
        })),
        log: withLog(state, {
          stack: progress.stack_name,
          text: `${progress.logical_id} (${progress.resource_type}) ${progress.status}${reason}`,
          failed,
        }),
      };
    }
    case "finished":
      return {
        ...state,
        stacks: updateStack(state, progress.stack_name, (stack) => ({
          phase: progress.succeeded ? "complete" : "failed",
          status: progress.status,
          settled: progress.succeeded ? stack.total : stack.settled,
        })),
        log: withLog(state, { stack: progress.stack_name, text: `Finished: ${progress.status}`, failed: !progress.succeeded }),
      };
    case "stack_set_operation":
      return {
        ...state,
        log: withLog(state, { stack: progress.stack_set_name, text: `StackSet operation ${progress.operation_id}: ${progress.status}`, failed: progress.status === "FAILED" }),
      };
  }
}

/** The state once the shell has planned the deployment: this account's stacks wait their turn. */
export function planned(state: DeployState, plan: AccountPlan): DeployState {
  const stack = (phase: StackPhase) => (s: AccountPlan["stacks"][number]): StackProgress => ({
    name: s.name,
    account: s.account_id,
    phase,
    status: null,
    settled: 0,
    total: 0,
  });
  return {
    ...state,
    phase: "planned",
    plan,
    account: plan.account_id,
    region: plan.region,
    manualSteps: plan.manual_steps,
    stacks: [...plan.stacks.map(stack("waiting")), ...plan.elsewhere.map(stack("elsewhere"))],
  };
}

/**
 * The parameter values to send: `KEY=VALUE` per filled field, empty ones left out so that a
 * template's default applies.
 */
export function parameterValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ""));
}

/** The state after one event from the shell. */
export function applyDeployEvent(state: DeployState, event: DeployEvent): DeployState {
  switch (event.kind) {
    case "review":
      return {
        ...state,
        phase: "review",
        review: event.change_set,
        stacks: updateStack(state, event.change_set.stack_name, () => ({ phase: "review" })),
      };
    case "progress":
      return applyProgress(state, event.progress);
  }
}

/** The state once the deployment command returned: done, or stopped at a declined change set. */
export function finishDeploy(state: DeployState, declinedAt: string | null): DeployState {
  return {
    ...state,
    phase: "done",
    review: null,
    stacks: state.stacks.map((stack) =>
      stack.name === declinedAt ? { ...stack, phase: "declined" } : stack,
    ),
  };
}

/** The state after the command failed (no credentials, a failed stack, a refused template). */
export function failDeploy(state: DeployState, message: string): DeployState {
  return {
    ...state,
    phase: "failed",
    review: null,
    error: message,
    stacks: state.stacks.map((stack) => (stack.phase === "preparing" || stack.phase === "executing" || stack.phase === "review" ? { ...stack, phase: "failed" } : stack)),
  };
}

/** The counts of a change set by action, for its headline. */
export function changeCounts(changeSet: ChangeSetReview): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of changeSet.changes) counts[change.action] = (counts[change.action] ?? 0) + 1;
  return counts;
}

/**
 * Where the design says it runs: the regions its region segments name and its accounts with
 * their ids, so that the deploy form starts from the design rather than from blank fields.
 */
export function designPlacement(design: Design): { regions: string[]; accounts: { name: string; id: string | null }[] } {
  const regions = [...new Set(design.segments.flatMap((s) => (s.kind === "region" && s.region ? [s.region] : [])))];
  const accounts = design.segments.filter((s) => s.kind === "account").map((s) => ({ name: s.name, id: s.account_id ?? null }));
  return { regions, accounts };
}
