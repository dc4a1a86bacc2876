// Keeps the shell informed about the session: the dirty marker in the title bar (and the prompt
// on close), and an autosaved copy of unsaved work a few seconds after each change.
import { isDirty, useDesignStore } from "../store/designStore";
import { autosave, discardRecovery, setDirty } from "./api";

/** How long after the last change the autosave runs, in milliseconds. */
export const AUTOSAVE_DELAY_MS = 2000;

export function startSessionSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDirty: boolean | null = null;
  let lastName: string | null | undefined;
  const sync = () => {
    const state = useDesignStore.getState();
    const dirty = isDirty(state);
    if (dirty !== lastDirty || state.fileName !== lastName) {
      lastDirty = dirty;
      lastName = state.fileName;
      void setDirty(dirty, state.fileName);
      if (!dirty) void discardRecovery();
    }
  };
  sync();
  const unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.design === previous.design && state.savedDesign === previous.savedDesign && state.fileName === previous.fileName) return;
    sync();
    clearTimeout(timer);
    if (isDirty(state)) {
      timer = setTimeout(() => {
        const current = useDesignStore.getState();
        if (isDirty(current)) void autosave(current.design);
      }, AUTOSAVE_DELAY_MS);
    }
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
