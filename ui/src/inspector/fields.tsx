// The inspector's editors. Text editors validate on every keystroke and commit on Enter or when
// they lose focus, so one edit of a field is one undo step and an invalid value never reaches
// the design.
import { useState, type ReactNode } from "react";

import type { Validator } from "./validate";

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
}

/** A text input that shows problems as the user types and commits only valid text. */
export function TextField(props: TextFieldProps) {
  // Remounting on a new value (key below) resets the draft when the element or undo changes it.
  return <TextFieldDraft key={props.value} {...props} />;
}

function TextFieldDraft({ label, value, onCommit, validate, placeholder, multiline, hint, testId }: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const error = validate ? validate(draft) : null;
  const commit = () => {
    if (!error && draft !== value) onCommit(draft);
  };
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
        <textarea {...common} rows={4} spellCheck={false} />
      ) : (
        <input
          {...common}
          spellCheck={false}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
            if (event.key === "Escape") setDraft(value);
          }}
        />
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
