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
