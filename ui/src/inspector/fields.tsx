// The inspector's editors. Text editors validate on every keystroke and commit a valid draft a
// moment after the last keystroke, on Enter, when they lose focus, and before anything else
// changes the design or the selection (see store/pendingEdits), so nothing typed is lost and a
// burst of typing is one undo step. An invalid draft never reaches the design.
import { useEffect, useEffectEvent, useId, useState, type ReactNode } from "react";

import { commitFrom, setPendingEdit } from "../store/pendingEdits";
import type { Validator } from "./validate";

/** How long after the last keystroke a text field commits its draft. */
export const COMMIT_DELAY_MS = 400;

interface RowProps {
  label: string;
  hint?: string;
  children: ReactNode;
  error?: string | null;
}

export function Row({ label, hint, children, error }: RowProps) {
  return (
    <label className={`field${error ? " invalid" : ""}`} title={hint}>
      <span className="field-label">{label}</span>
      {children}
      {error && <span className="field-error" role="alert">{error}</span>}
    </label>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  validate?: Validator;
  placeholder?: string;
  multiline?: boolean;
  hint?: string;
  testId?: string;
  rows?: number;
  /** Values offered as the user types (the browser's completion list). */
  suggestions?: string[];
  /** Values offered for what has been typed so far, for completions that depend on it. */
  complete?: (draft: string) => string[];
}

/** A text input that shows problems as the user types and commits only valid text. */
export function TextField({ label, value, onCommit, validate, placeholder, multiline, hint, testId, rows, suggestions: fixed, complete }: TextFieldProps) {
  const listId = useId();
  const [draft, setDraft] = useState(value);
  // The value the draft was last brought in line with, and the draft last committed: a new value
  // that our own commit produced leaves the draft as typed (a list field would otherwise drop a
  // trailing comma while the user pauses), a new value from anywhere else (undo, another editor)
  // replaces it.
  const [shown, setShown] = useState(value);
  const [committed, setCommitted] = useState<string | null>(null);
  const [token] = useState(() => ({}));
  if (value !== shown) {
    setShown(value);
    if (committed === null) setDraft(value);
    setCommitted(null);
  }
  const error = validate ? validate(draft) : null;
  const suggestions = complete ? complete(draft) : fixed;
  const commit = () => {
    if (error || draft === value || draft === committed) return;
    // The store commits pending drafts before each change; this one is on its way already.
    setPendingEdit(token, null);
    setCommitted(draft);
    commitFrom(token, () => onCommit(draft));
  };
  const commitLatest = useEffectEvent(commit);
  useEffect(() => {
    if (draft === shown) return;
    const timer = setTimeout(() => {
      setPendingEdit(token, null);
      commitLatest();
    }, COMMIT_DELAY_MS);
    setPendingEdit(token, () => {
      clearTimeout(timer);
      commitLatest();
    });
    return () => {
      clearTimeout(timer);
      setPendingEdit(token, null);
    };
  }, [draft, shown, token]);
  const common = {
    value: draft,
    placeholder,
    "aria-invalid": !!error,
    "data-testid": testId,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
  };
  return (
    <Row label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea {...common} rows={rows ?? 4} spellCheck={false} />
      ) : (
        <input
          {...common}
          list={suggestions ? listId : undefined}
          spellCheck={false}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
            if (event.key === "Escape") setDraft(value);
          }}
        />
      )}
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => <option key={s} value={s} />)}
        </datalist>
      )}
    </Row>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | null | undefined;
  options: [T, string][];
  onCommit: (value: T | null) => void;
  /** The label of the empty choice, when the field may be left unset. */
  unset?: string;
  hint?: string;
  testId?: string;
}

export function SelectField<T extends string>({ label, value, options, onCommit, unset, hint, testId }: SelectFieldProps<T>) {
  return (
    <Row label={label} hint={hint}>
      <select
        value={value ?? ""}
        data-testid={testId}
        onChange={(event) => onCommit(event.target.value === "" ? null : (event.target.value as T))}
      >
        {unset !== undefined && <option value="">{unset}</option>}
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** An optional yes/no: unset means the zero-trust default the exporter applies. */
export function BoolField({ label, value, onCommit }: { label: string; value: boolean | null | undefined; onCommit: (value: boolean | null) => void }) {
  return (
    <SelectField
      label={label}
      value={value === true ? "yes" : value === false ? "no" : null}
      options={[
        ["yes", "Yes"],
        ["no", "No"],
      ]}
      unset="Default (secure)"
      onCommit={(choice) => onCommit(choice === null ? null : choice === "yes")}
    />
  );
}

interface ChecklistProps<T extends string> {
  label: string;
  values: T[];
  options: [T, string][];
  onCommit: (values: T[]) => void;
  testId?: string;
}

/** Several choices out of a short list (data classes, referenced elements). */
export function Checklist<T extends string>({ label, values, options, onCommit, testId }: ChecklistProps<T>) {
  const chosen = new Set(values);
  return (
    <div className="field" data-testid={testId}>
      <span className="field-label">{label}</span>
      <div className="checklist">
        {options.length === 0 && <span className="muted">Nothing to choose yet</span>}
        {options.map(([option, text]) => (
          <label key={option} className="check">
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(event) =>
                onCommit(
                  event.target.checked
                    ? options.map(([o]) => o).filter((o) => chosen.has(o) || o === option)
                    : values.filter((v) => v !== option),
                )
              }
            />
            {text}
          </label>
        ))}
      </div>
    </div>
  );
}
