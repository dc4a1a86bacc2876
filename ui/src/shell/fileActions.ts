// File commands of the window: new, open, open recent, save, save as. They keep the store and
// the shell in step and ask before unsaved work would be lost.
import { withRoutes } from "../canvas/routing";
import { isDirty, useDesignStore } from "../store/designStore";
import { flushPendingEdits } from "../store/pendingEdits";
import { ask, useUiStore } from "../store/uiStore";
import * as api from "./api";

function report(error: unknown) {
  useUiStore.getState().notify({ kind: "error", text: api.errorMessage(error) });
}

/** Resolves true when there is nothing unsaved, or the user agrees to lose it. */
export async function mayDiscardChanges(): Promise<boolean> {
  flushPendingEdits();
  const state = useDesignStore.getState();
  if (!isDirty(state)) return true;
  return ask(
    "Unsaved changes",
    `${state.fileName ?? "This design"} has changes that are not saved. Discard them?`,
    "Discard changes",
  );
}

function show(opened: api.OpenedDesign) {
  useDesignStore.getState().load(opened.design, opened.fileName, { dirty: opened.recovered });
  useUiStore.getState().notify(
    opened.recovered
      ? { kind: "info", text: "Recovered unsaved work from the last session. Save it to keep it." }
      : null,
  );
  requestAnimationFrame(() => useUiStore.getState().fitAll?.());
}

export async function newFile(example: string | null) {
  if (!(await mayDiscardChanges())) return;
  try {
    const design = await api.newDesign(example);
    useDesignStore.getState().load(design, null);
    await api.discardRecovery();
    requestAnimationFrame(() => useUiStore.getState().fitAll?.());
  } catch (error) {
    report(error);
  }
}

export async function openFile() {
  if (!(await mayDiscardChanges())) return;
  try {
    const opened = await api.openDesign();
    if (opened) show(opened);
  } catch (error) {
    report(error);
  }
}

export async function openRecentFile(path: string) {
  if (!(await mayDiscardChanges())) return;
  try {
    show(await api.openRecent(path));
  } catch (error) {
    report(error);
  }
}

export async function saveAs(): Promise<boolean> {
  flushPendingEdits();
  const { design } = useDesignStore.getState();
  try {
    const fileName = await api.saveDesignAs(withRoutes(design));
    if (fileName === null) return false;
    useDesignStore.getState().markSaved(fileName);
    useUiStore.getState().notify({ kind: "info", text: `Saved ${fileName}.` });
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

export async function save(): Promise<boolean> {
  flushPendingEdits();
  const { design } = useDesignStore.getState();
  try {
    const fileName = await api.saveDesign(withRoutes(design));
    useDesignStore.getState().markSaved(fileName);
    useUiStore.getState().notify({ kind: "info", text: `Saved ${fileName}.` });
    return true;
  } catch (error) {
    if (api.isAppError(error) && error.code === "no_file") return saveAs();
    report(error);
    return false;
  }
}
