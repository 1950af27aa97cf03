import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { numberAffix } from "../../../shared/format/localeNumber";
import { CostsHidden, useShowCosts } from "../../ui/money";
import { useNumberLocale } from "../../ui/numberLocale";
import { describeNumber, type NumberReading, type NumberRules, readNumberInput, showNumber } from "./numberInput";

/**
 * Fields of the inspector and the Audiences view. What the user types is a
 * draft until they press Enter or leave the field: only then is it read,
 * checked and, if good, written to the roadmap as one undo step. Esc puts
 * back the value the roadmap has. A draft that cannot be taken stays in the
 * field with the reason beside it (and the roadmap keeps its value) until
 * the user fixes it or presses Esc: leaving the field never throws away
 * what they typed without a word.
 */

/** Commits the draft of the field being typed in; commands (Save, Export…) run this first so they see what was typed. */
let commitFocusedDraft: (() => void) | null = null;

export function commitFieldBeingEdited(): void {
  commitFocusedDraft?.();
}

type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * The draft, its problem and the handlers of a field showing `shown` for the
 * stored value. `commit` gets every good reading and decides whether it
 * changes anything.
 */
function useDraft<T>({
  shown,
  read,
  commit,
  multiline = false,
}: {
  shown: string;
  read: (text: string) => Reading<T>;
  commit: (value: T) => void;
  multiline?: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [base, setBase] = useState(shown);
  if (base !== shown) {
    setBase(shown);
    // The roadmap changed under a field the user is not in (undo, another view): a leftover draft is about a value that is gone.
    if (!focused) {
      setDraft(null);
      setProblem(null);
    }
  }

  const attempt = () => {
    if (draft === null) return;
    const reading = read(draft);
    if (!reading.ok) {
      setProblem(reading.problem);
      return;
    }
    commit(reading.value);
    setDraft(null);
    setProblem(null);
  };
  const latestAttempt = useRef(attempt);
  latestAttempt.current = attempt;
  const commitThisField = useRef(() => latestAttempt.current());
  // A field taken away while focused (another roadmap opened) must not be committed later into what replaced it.
  useEffect(
    () => () => {
      if (commitFocusedDraft === commitThisField.current) commitFocusedDraft = null;
    },
    [],
  );

  const revert = () => {
    setDraft(null);
    setProblem(null);
  };

  return {
    text: draft ?? shown,
    problem,
    handlers: {
      onFocus: () => {
        setFocused(true);
        commitFocusedDraft = commitThisField.current;
      },
      onBlur: () => {
        setFocused(false);
        if (commitFocusedDraft === commitThisField.current) commitFocusedDraft = null;
        attempt();
      },
      onChange: (event: { target: { value: string } }) => {
        const next = event.target.value;
        setDraft(next);
        // A message goes as soon as the text is right, but never appears while the user is still typing.
        if (problem !== null && read(next).ok) setProblem(null);
      },
      onKeyDown: (event: KeyboardEvent) => {
        // Enter that picks a word in an input method (Japanese, Chinese…) is not the user's Enter.
        if (event.nativeEvent.isComposing) return;
        if (event.key === "Enter" && (!multiline || event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          attempt();
        } else if (event.key === "Escape" && draft !== null) {
          // Esc here only puts the value back; it must not also close or deselect what the field belongs to.
          event.preventDefault();
          event.stopPropagation();
          revert();
        }
      },
    },
  };
}

interface FieldShellProps {
  label: string;
  problem: string | null;
  /** Says what the roadmap still has while a draft is refused. */
  kept?: string;
  hint?: ReactNode;
  /** Ids of more text that describes the input, such as its unit. */
  describedBy?: string[];
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
}

function FieldShell({ label, problem, kept, hint, describedBy = [], children }: FieldShellProps) {
  const inputId = useId();
  const problemId = useId();
  const hintId = useId();
  const described =
    [...describedBy, problem ? problemId : null, hint && !problem ? hintId : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy: described })}
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {problem} <span className="field-kept">{kept}</span>
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

/** Text committed on Enter (Ctrl/Cmd+Enter when multiline) or on leaving the field. */
export function TextField({ label, value, onCommit, validate, multiline, hint, maxLength = 10_000 }: TextFieldProps) {
  const { text, problem, handlers } = useDraft<string>({
    shown: value,
    multiline,
    read: (next) => {
      const reason = validate?.(next) ?? null;
      return reason === null ? { ok: true, value: next } : { ok: false, problem: reason };
    },
    commit: (next) => {
      if (next !== value) onCommit(next);
    },
  });
  return (
    <FieldShell label={label} problem={problem} kept="Not saved; Esc restores the saved text." hint={hint}>
      {({ inputId, describedBy }) =>
        multiline ? (
          <textarea
            id={inputId}
            value={text}
            rows={3}
            maxLength={maxLength}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            {...handlers}
          />
        ) : (
          <input
            id={inputId}
            value={text}
            maxLength={maxLength}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            {...handlers}
          />
        )
      }
    </FieldShell>
  );
}

interface NumberFieldProps extends NumberRules {
  /** Null shows an empty field (for optional values). */
  value: number | null;
  /** Money the field does not write as such (a KPI target in "€k"): hidden with costs all the same. */
  money?: boolean;
  onCommit: (value: number | null) => void;
  hint?: ReactNode;
}

/**
 * A number typed and shown in the user's locale ("30,000" or "30.000"),
 * committed on Enter or on leaving the field. A percent field shows "%"
 * and takes "15", "15 %" or "15%" for 15 %; a money field shows the
 * currency, or "Costs are hidden" while the user hides costs. `min` and
 * `max` are in stored units (a share 0–1 for percents).
 */
export function NumberField(props: NumberFieldProps) {
  const showCosts = useShowCosts();
  // Money is hidden here, once, so no view that edits an amount can forget to hide it.
  if ((props.currency !== undefined || props.money) && !showCosts) {
    return (
      <div className="field">
        <span>{props.label}</span>
        <CostsHidden />
      </div>
    );
  }
  return <ShownNumberField {...props} />;
}

function ShownNumberField({ value, onCommit, hint, money: _money, ...rules }: NumberFieldProps) {
  const locale = useNumberLocale();
  const affixId = useId();
  const { text, problem, handlers } = useDraft<number | null>({
    shown: showNumber(value, rules, locale),
    read: (next): NumberReading => readNumberInput(next, rules, locale),
    commit: (next) => {
      if (next !== value) onCommit(next);
    },
  });
  const affix = numberAffix(locale, rules);
  const sign = affix?.text ?? rules.unit;
  const before = affix?.position === "before";
  const marker = sign && (
    <span id={affixId} className="number-affix">
      {sign}
    </span>
  );
  return (
    <FieldShell
      label={rules.label}
      problem={problem}
      kept={`Not saved — still ${describeNumber(value, rules, locale)}. Esc restores it.`}
      hint={hint}
      describedBy={sign ? [affixId] : []}
    >
      {({ inputId, describedBy }) => (
        <div className="number-input">
          {before && marker}
          <input
            id={inputId}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={text}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            {...handlers}
          />
          {!before && marker}
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
