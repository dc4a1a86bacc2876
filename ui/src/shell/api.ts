// Calls into the desktop shell (src-tauri). Every command answers a value or rejects with
// `{code, message}`; this module turns the raw JSON into the UI's types.
import { invoke } from "@tauri-apps/api/core";

import type {
  CloudFormationExported,
  ErrorPayload,
  ExampleInfo,
  ImportedDesign as RawImportedDesign,
  ManualStep,
  OpenedDesign as RawOpenedDesign,
  RecentFile,
  ReportExported,
} from "../generated/app";
import { normalizeDesign } from "../model/normalize";
import type { Design, RawDesign } from "../model/types";

export type { CloudFormationExported, ExampleInfo, ManualStep, RecentFile, ReportExported };

/** A design imported from a CloudFormation template, with the import's account of what became what. */
export type ImportedDesign = Omit<RawImportedDesign, "design"> & { design: Design };

export interface OpenedDesign {
  fileName: string | null;
  design: Design;
  /** True when this is an autosaved copy recovered after a crash. */
  recovered: boolean;
}

/** Whether a value is the `{code, message}` error every command rejects with. */
export function isAppError(value: unknown): value is ErrorPayload {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** A sentence for any rejection: the shell's message, or the text of a JavaScript error. */
export function errorMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The shell's stable code of a rejection (`export_refused`, `invalid_design`...), if it has one. */
export function errorCode(error: unknown): string | null {
  return isAppError(error) ? error.code : null;
}

function opened(raw: RawOpenedDesign): OpenedDesign {
  return {
    fileName: raw.file_name,
    design: normalizeDesign(raw.design),
    recovered: raw.recovered,
  };
}

/** The design the app was started with: a file named on the command line, or a recovered autosave. */
export async function startupDesign(): Promise<OpenedDesign | null> {
  const raw = await invoke<RawOpenedDesign | null>("startup_design");
  return raw ? opened(raw) : null;
}

/** The bundled examples a new design may start from. */
export async function bundledExamples(): Promise<ExampleInfo[]> {
  return invoke<ExampleInfo[]>("bundled_examples");
}

/** A new design: blank, or a copy of a bundled example such as "reference". */
export async function newDesign(example: string | null): Promise<Design> {
  return normalizeDesign(await invoke<RawDesign>("new_design", { example }));
}

/** Asks for a file and opens it; null when the user cancelled. */
export async function openDesign(): Promise<OpenedDesign | null> {
  const raw = await invoke<RawOpenedDesign | null>("open_design");
  return raw ? opened(raw) : null;
}

/** Opens a file from the recent list. */
export async function openRecent(path: string): Promise<OpenedDesign> {
  return opened(await invoke<RawOpenedDesign>("open_recent", { path }));
}

export function recentFiles(): Promise<RecentFile[]> {
  return invoke<RecentFile[]>("recent_files");
}

/** Saves to the current file; rejects with code `no_file` when there is none yet. */
export function saveDesign(design: Design): Promise<string> {
  return invoke<string>("save_design", { design });
}

/** Asks where to save, then saves there; null when the user cancelled. */
export function saveDesignAs(design: Design): Promise<string | null> {
  return invoke<string | null>("save_design_as", { design });
}

/** Tells the shell whether there are unsaved changes (title bar marker, prompt on close). */
export function setDirty(dirty: boolean, fileName: string | null): Promise<void> {
  return invoke("set_dirty", { dirty, fileName });
}

/** Keeps a copy of unsaved work where the app looks for it after a crash. */
export function autosave(design: Design): Promise<void> {
  return invoke("autosave", { design });
}

/** Removes the autosaved copy once the work is saved or deliberately discarded. */
export function discardRecovery(): Promise<void> {
  return invoke("discard_recovery");
}

/** Imports a CloudFormation or SAM template the user picks; null when they cancelled. */
export async function importCloudFormation(): Promise<ImportedDesign | null> {
  const raw = await invoke<RawImportedDesign | null>("import_cloudformation");
  return raw ? { ...raw, design: normalizeDesign(raw.design) } : null;
}

/** Exports the saved design file to CloudFormation where the user chooses; null when they cancelled. */
export function exportCloudFormation(): Promise<CloudFormationExported | null> {
  return invoke<CloudFormationExported | null>("export_cloudformation");
}

/** Writes the PDF compliance report of the saved design where the user chooses; null when they cancelled. */
export function exportReport(): Promise<ReportExported | null> {
  return invoke<ReportExported | null>("export_report");
}

/** Opens the report exported last in the desktop's PDF viewer. */
export function openReport(): Promise<void> {
  return invoke("open_report");
}
