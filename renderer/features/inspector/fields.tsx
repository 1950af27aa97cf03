import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * Inspector fields validate as the user types: a valid value is applied to
 * the roadmap at once (typing in one field is one undo step), an invalid one
 * shows why beside the field and changes nothing.
 */

interface FieldShellProps {
  label: string;
  problem: string | null;
  hint?: ReactNode;
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
}

function FieldShell({ label, problem, hint, children }: FieldShellProps) {
  const inputId = useId();
  const problemId = useId();
  const hintId = useId();
  const describedBy = [problem ? problemId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy })}
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {hint && !problem && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * The text in a field. While the user types it is theirs (the document may
 * store it normalised, e.g. trimmed, and must not rewrite it under the
 * cursor); otherwise it follows the document (undo, edits from other views).
 */
function useFieldText(formatted: string) {
  const [text, setText] = useState(formatted);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = useRef(false);
  const latest = useRef(formatted);
  latest.current = formatted;
  useEffect(() => {
    if (editing.current) return;
    setText(formatted);
    setProblem(null);
  }, [formatted]);
  const focusHandlers = {
    onFocus: () => {
      editing.current = true;
    },
    onBlur: () => {
      editing.current = false;
      setText(latest.current);
      setProblem(null);
    },
  };
  return { text, setText, problem, setProblem, focusHandlers };
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Returns why the text is not acceptable, or null. */
  validate?: (value: string) => string | null;
  multiline?: boolean;
  hint?: ReactNode;
  maxLength?: number;
}

export function TextField({ label, value, onCommit, validate, multiline, hint, maxLength = 10_000 }: TextFieldProps) {
  const { text, setText, problem, setProblem, focusHandlers } = useFieldText(value);
  const change = (next: string) => {
    setText(next);
    const reason = validate?.(next) ?? null;
    setProblem(reason);
    if (reason === null) onCommit(next);
  };
  return (
    <FieldShell label={label} problem={problem} hint={hint}>
      {({ inputId, describedBy }) =>
        multiline ? (
          <textarea
            id={inputId}
            value={text}
            rows={3}
            maxLength={maxLength}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            {...focusHandlers}
            onChange={(event) => change(event.target.value)}
          />
        ) : (
          <input
            id={inputId}
            value={text}
            maxLength={maxLength}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            {...focusHandlers}
            onChange={(event) => change(event.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

interface NumberFieldProps {
  label: string;
  /** Null shows an empty field (for optional values). */
  value: number | null;
  onCommit: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Stored as a share 0–1, shown and typed as a percentage. */
  percent?: boolean;
  integer?: boolean;
  /** An empty field is allowed and commits null. */
  optional?: boolean;
  unit?: string;
  hint?: ReactNode;
}

export function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  percent,
  integer,
  optional,
  unit,
  hint,
}: NumberFieldProps) {
  const shown = value === null ? "" : formatNumber(percent ? value * 100 : value);
  const { text, setText, problem, setProblem, focusHandlers } = useFieldText(shown);
  const suffix = percent ? " %" : unit ? ` ${unit}` : "";
  const change = (next: string) => {
    setText(next);
    const parsed = parseNumber(next);
    if (parsed === null) {
      if (optional && next.trim() === "") {
        setProblem(null);
        onCommit(null);
      } else setProblem(next.trim() === "" ? `${label} is required.` : `${label} must be a number, not “${next}”.`);
      return;
    }
    const tooLow = min !== undefined && parsed < min;
    const tooHigh = max !== undefined && parsed > max;
    if (tooLow || tooHigh) {
      const range =
        min !== undefined && max !== undefined
          ? `between ${formatNumber(min)}${suffix} and ${formatNumber(max)}${suffix}`
          : tooLow
            ? `at least ${formatNumber(min ?? 0)}${suffix}`
            : `at most ${formatNumber(max ?? 0)}${suffix}`;
      setProblem(`${label} must be ${range}.`);
      return;
    }
    if (integer && !Number.isInteger(parsed)) {
      setProblem(`${label} must be a whole number.`);
      return;
    }
    setProblem(null);
    onCommit(percent ? roundShare(parsed / 100) : parsed);
  };
  return (
    <FieldShell label={label} problem={problem} hint={hint}>
      {({ inputId, describedBy }) => (
        <div className="number-input">
          <input
            id={inputId}
            inputMode="decimal"
            value={text}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            {...focusHandlers}
            onChange={(event) => change(event.target.value)}
          />
          {suffix && <span className="number-suffix">{suffix.trim()}</span>}
        </div>
      )}
    </FieldShell>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onCommit: (value: T) => void;
}

export function SelectField<T extends string>({ label, value, options, onCommit }: SelectFieldProps<T>) {
  return (
    <FieldShell label={label} problem={null}>
      {({ inputId }) => (
        <select id={inputId} value={value} onChange={(event) => onCommit(event.target.value as T)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Accepts "12.5", "12,5" and "1 200"; null for anything else. */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** 12.3 % typed becomes 0.123 exactly, not 0.12300000000000001. */
function roundShare(share: number): number {
  return Math.round(share * 1e9) / 1e9;
}
