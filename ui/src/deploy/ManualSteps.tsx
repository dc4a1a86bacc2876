// The steps CloudFormation cannot take, as the export lists them, each with the AWS CLI
// command, console path or template edit that takes it. Some must come before the stacks (a
// Shield subscription, a stored password), so the dialog shows them from the plan on.
import type { ManualStep, StepAction } from "../generated/app";

const LABELS: Record<StepAction["kind"], string> = { command: "Run", console: "Console", template: "Template" };

export function ManualSteps({ steps, open }: { steps: ManualStep[]; open: boolean }) {
  if (steps.length === 0) return null;
  return (
    <details className="manual-steps" open={open} data-testid="manual-steps">
      <summary>
        {steps.length} manual step{steps.length === 1 ? "" : "s"} CloudFormation cannot take
      </summary>
      <ol>
        {steps.map((step, index) => (
          <li key={`${step.element}:${index}`}>
            <strong>{step.title}</strong>{" "}
            <span className="muted">
              ({step.element}, account {step.account})
            </span>
            <p>{step.instructions}</p>
            <ul className="step-actions">
              {step.actions.map((action, actionIndex) => (
                <li key={actionIndex}>
                  <span className="step-action-kind">{LABELS[action.kind]}</span>{" "}
                  {action.kind === "command" ? <code>{action.text}</code> : action.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
