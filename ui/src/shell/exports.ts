// What the window makes from a design and what it brings in: CloudFormation export, the PDF
// compliance report, and import of a CloudFormation template. Export and report read the saved
// design file, so unsaved work is saved first: what they produce then matches the file in git.
import { isDirty, useDesignStore } from "../store/designStore";
import { flushPendingEdits } from "../store/pendingEdits";
import { useUiStore } from "../store/uiStore";
import * as api from "./api";
import { mayDiscardChanges, save } from "./fileActions";

function report(error: unknown) {
  useUiStore.getState().notify({ kind: "error", text: api.errorMessage(error) });
}

/** Resolves true once the design is in its file and unchanged since; false when the user cancelled saving. */
export async function ensureSaved(): Promise<boolean> {
  flushPendingEdits();
  const state = useDesignStore.getState();
  if (state.fileName !== null && !isDirty(state)) return true;
  return save();
}

/** The notice after an export: where it went, and what still needs a person. */
export function exportNotice(result: api.CloudFormationExported): string {
  const stacks = result.stacks.length === 1 ? "1 stack" : `${result.stacks.length} stacks`;
  const parts = [`Exported ${stacks} to ${result.location}.`];
  if (result.over_inline_limit.length > 0) {
    parts.push(`Upload to S3 before deploying: ${result.over_inline_limit.join(", ")} exceed the inline template limit.`);
  }
  if (result.manual_steps.length > 0) {
    parts.push(`${result.manual_steps.length} manual step${result.manual_steps.length === 1 ? "" : "s"} remain after deploying.`);
  }
  if (result.warnings.length > 0) parts.push(`${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}.`);
  return parts.join(" ");
}

/** A manual step as the lines of the export's details: title, why, and each way to take it. */
export function manualStepLines(step: api.ManualStep): string[] {
  const how = step.actions.map((action) => `  ${action.kind === "command" ? "Run" : action.kind === "console" ? "Console" : "Template"}: ${action.text}`);
  return [`Manual step (${step.element}, account ${step.account}): ${step.title}. ${step.instructions}`, ...how];
}

export async function exportCloudFormation() {
  if (!(await ensureSaved())) return;
  try {
    const result = await api.exportCloudFormation();
    if (!result) return;
    const details = [...result.warnings.map((w) => `Warning: ${w}`), ...result.manual_steps.flatMap(manualStepLines)];
    useUiStore.getState().notify({
      kind: "info",
      text: exportNotice(result),
      action:
        details.length > 0
          ? {
              label: "Details",
              run: () =>
                useUiStore.setState({
                  document: { title: "CloudFormation export", summary: exportNotice(result), text: [...result.files, "", ...details].join("\n") },
                }),
            }
          : undefined,
    });
  } catch (error) {
    reportExportFailure(error);
  }
}

/**
 * A refused export names the element and the reason, the same words as its finding; the notice
 * offers the Findings tab, where the finding selects the element.
 */
function reportExportFailure(error: unknown) {
  if (api.errorCode(error) !== "export_refused") return report(error);
  useUiStore.getState().notify({
    kind: "error",
    text: api.errorMessage(error),
    action: { label: "Show findings", run: () => useUiStore.setState({ bottomTab: "findings" }) },
  });
}

export async function exportReport() {
  if (!(await ensureSaved())) return;
  try {
    const result = await api.exportReport();
    if (!result) return;
    useUiStore.getState().notify({
      kind: "info",
      text: `Wrote the compliance report ${result.file_name} (PCI DSS, GDPR and ISO/IEC 27001; ${Math.max(1, Math.round(result.bytes / 1024))} KB).`,
      action: { label: "Open", run: () => void api.openReport().catch(report) },
    });
  } catch (error) {
    report(error);
  }
}

export async function importCloudFormation() {
  if (!(await mayDiscardChanges())) return;
  try {
    const imported = await api.importCloudFormation();
    if (!imported) return;
    useDesignStore.getState().load(imported.design, null, { dirty: true });
    requestAnimationFrame(() => useUiStore.getState().fitAll?.());
    useUiStore.getState().notify({
      kind: "info",
      text: `${imported.summary} Save the design to keep it.`,
      action: {
        label: "Import report",
        run: () => useUiStore.setState({ document: { title: "Import report", summary: imported.summary, text: imported.report } }),
      },
    });
  } catch (error) {
    report(error);
  }
}
