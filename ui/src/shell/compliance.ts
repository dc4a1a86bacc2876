// The compliance assessment of the design in the window: PCI DSS, GDPR and ISO/IEC 27001
// controls and the ZTMM stage per pillar, computed by the shell (the same assessment the PDF
// report holds). It runs only while the Compliance tab is open, after a pause in editing like
// live validation, and a newer design makes an older answer stale.
import { invoke } from "@tauri-apps/api/core";
import { create } from "zustand";

import type { ComplianceAssessment } from "../generated/app";
import type { Design } from "../model/types";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { errorMessage } from "./api";
import { VALIDATION_DEBOUNCE_MS } from "./validation";

interface ComplianceState {
  view: ComplianceAssessment | null;
  /** The design the view was computed for; a different one means the view is out of date. */
  assessed: Design | null;
  error: string | null;
  running: boolean;
}

export const useComplianceStore = create<ComplianceState>()(() => ({ view: null, assessed: null, error: null, running: false }));

let generation = 0;

/** Assesses `design` now and publishes the result unless a newer design was sent meanwhile. */
export async function assessNow(design: Design) {
  const mine = ++generation;
  useComplianceStore.setState({ running: true });
  try {
    const view = await invoke<ComplianceAssessment>("assess_compliance", { design });
    if (mine !== generation) return;
    useComplianceStore.setState({ view, assessed: design, error: null, running: false });
  } catch (error) {
    if (mine !== generation) return;
    useComplianceStore.setState({ error: errorMessage(error), running: false });
  }
}

/** Keeps the assessment current while the Compliance tab is open; returns the function that stops it. */
export function startComplianceSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = (delay: number) => {
    clearTimeout(timer);
    const design = useDesignStore.getState().design;
    if (useUiStore.getState().bottomTab !== "compliance" || useComplianceStore.getState().assessed === design) return;
    timer = setTimeout(() => void assessNow(useDesignStore.getState().design), delay);
  };
  refresh(0);
  const stopDesign = useDesignStore.subscribe((state, previous) => {
    if (state.design !== previous.design) refresh(VALIDATION_DEBOUNCE_MS);
  });
  const stopTab = useUiStore.subscribe((state, previous) => {
    if (state.bottomTab !== previous.bottomTab) refresh(0);
  });
  return () => {
    clearTimeout(timer);
    stopDesign();
    stopTab();
  };
}
