// Live validation: every change of the design is sent to the rule engine after a short pause,
// and the findings come back to the panel and the badges. A newer change makes older answers
// stale; they are dropped rather than shown out of order.
import { invoke } from "@tauri-apps/api/core";
import { create } from "zustand";

import type { DesignProblem, DesignValidation } from "../generated/app";
import { badgesFor, type Finding } from "../model/findings";
import type { Design } from "../model/types";
import { useDesignStore } from "../store/designStore";
import { errorMessage } from "./api";

/** The pause after the last change before validating, in milliseconds. */
export const VALIDATION_DEBOUNCE_MS = 150;

interface Validation {
  findings: Finding[];
  /** Integrity problems: what would stop the file from loading. */
  problems: DesignProblem[];
  /** How long the last round trip took (command call to answer), in milliseconds. */
  roundTripMs: number | null;
  error: string | null;
  running: boolean;
}

export const useValidationStore = create<Validation>()(() => ({ findings: [], problems: [], roundTripMs: null, error: null, running: false }));

let generation = 0;

/** Validates `design` now and publishes the result unless a newer design was sent meanwhile. */
export async function validateNow(design: Design) {
  const mine = ++generation;
  useValidationStore.setState({ running: true });
  const started = performance.now();
  try {
    const result = await invoke<DesignValidation>("validate_design", { design });
    if (mine !== generation) return;
    const roundTripMs = performance.now() - started;
    const findings = result.findings;
    useValidationStore.setState({ findings, problems: result.problems, roundTripMs, error: null, running: false });
    useDesignStore.getState().setBadges(badgesFor(findings));
  } catch (error) {
    if (mine !== generation) return;
    useValidationStore.setState({ error: errorMessage(error), running: false });
  }
}

/** Starts validating on every change; returns the function that stops it. */
export function startLiveValidation(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  void validateNow(useDesignStore.getState().design);
  const unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    clearTimeout(timer);
    timer = setTimeout(() => void validateNow(useDesignStore.getState().design), VALIDATION_DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
