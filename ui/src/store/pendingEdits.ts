// Text typed into the inspector that has not reached the design yet. A field commits its draft a
// moment after the last keystroke, but a click elsewhere does not always take the focus away from
// it (the palette and the canvas keep the focus where it was while they drag), so the store
// commits every pending draft first, before any other edit, selection or load, and nothing typed
// is lost when the user moves on.

const pending = new Map<object, () => void>();

/** Registers (or, with null, withdraws) the commit of a field's uncommitted draft. */
export function setPendingEdit(field: object, commit: (() => void) | null) {
  if (commit) pending.set(field, commit);
  else pending.delete(field);
}

/** Commits every pending draft, in the order they were typed. */
export function flushPendingEdits() {
  if (pending.size === 0) return;
  const commits = [...pending.values()];
  pending.clear();
  for (const commit of commits) commit();
}

// Typing in one field is one undo step however often the field commits on the way (after each
// pause, on Enter): a commit from the field that made the last change replaces that change in
// the history instead of adding a step. Any other change, an undo or a redo ends the burst.
let committing: object | null = null;
let lastBurst: object | null = null;

/** Runs a field's commit, marking the change it makes as coming from that field. */
export function commitFrom(field: object, commit: () => void) {
  const outer = committing;
  committing = field;
  try {
    commit();
  } finally {
    committing = outer;
  }
}

/** Called by the store for each change: whether it continues the last change's typing burst. */
export function continuesBurst(): boolean {
  const continues = committing !== null && committing === lastBurst;
  lastBurst = committing;
  return continues;
}

/** Ends the typing burst, so that the next commit is a step of its own. */
export function endBurst() {
  lastBurst = null;
}
