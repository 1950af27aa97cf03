import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { drawRoadmapDiagram } from "../../../shared/export/roadmapDiagram";
import {
  createRoadmap,
  describeMovedOneOffs,
  type NewRoadmapField,
  prepareNewRoadmap,
  type Roadmap,
  type RoadmapTemplate,
} from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { useNumberLocale } from "../../ui/numberLocale";
import { type NumberRules, readNumberInput, showNumber } from "../inspector/numberInput";

const HORIZON_RULES: NumberRules = { label: "Horizon", min: 1, max: 600, integer: true, unit: "months" };

/** One card of the gallery: a template, or the blank roadmap (id null). */
interface StartingPoint {
  id: string | null;
  name: string;
  industry: string;
  description: string;
  create: (now?: Date) => Roadmap;
}

const BLANK: StartingPoint = {
  id: null,
  name: "Blank roadmap",
  industry: "Any industry",
  description: "The standard lifecycle stages and channels, no phases yet.",
  create: (now) => createRoadmap({ now }),
};

/** Previews are drawn once per template and session: the drawing depends on nothing the user changes. */
const previews = new Map<string, string>();

function previewOf(point: StartingPoint): string | null {
  if (point.id === null) return null;
  let url = previews.get(point.id);
  if (url === undefined) {
    const { svg } = drawRoadmapDiagram(point.create());
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    previews.set(point.id, url);
  }
  return url;
}

type Drafts = Partial<Record<"currency" | "startMonth" | "horizon", string>>;

/** One text field of the dialog: what it shows, where a change goes, and how its input is constrained. */
interface FieldSpec {
  key: NewRoadmapField;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  inputMode?: "numeric";
}

/**
 * A gallery of starting points (blank or a template, each with a preview of
 * its lifecycle) and the roadmap's client, currency, start month and horizon.
 * What is typed stays a draft until Create, when it is checked by the
 * roadmap's own rules; a problem is named beside its field once the field has
 * been left or Create pressed, and nothing is created while one remains.
 */
export function NewRoadmapDialog({ templates }: { templates: readonly RoadmapTemplate[] }) {
  const store = useAppStoreApi();
  const locale = useNumberLocale();
  const points = useMemo<StartingPoint[]>(() => [BLANK, ...templates], [templates]);
  const [choice, setChoice] = useState<string | null>(templates[0]?.id ?? null);
  const [name, setName] = useState("");
  const [client, setClient] = useState("");
  // Fields the user has not typed in follow the chosen starting point's own values.
  const [drafts, setDrafts] = useState<Drafts>({});
  const [shown, setShown] = useState<ReadonlySet<NewRoadmapField>>(new Set());
  const [busy, setBusy] = useState(false);
  const cards = useRef<(HTMLInputElement | null)[]>([]);
  const fieldRefs = useRef<Partial<Record<NewRoadmapField, HTMLInputElement | null>>>({});
  const ids = useId();
  const close = () => store.getState().closeDialog();

  const point = points.find((p) => p.id === choice) ?? BLANK;
  const base = useMemo(() => point.create(), [point]);
  const currency = drafts.currency ?? base.currency;
  const startMonth = drafts.startMonth ?? base.startMonth;
  const horizonText = drafts.horizon ?? showNumber(base.horizonMonths, HORIZON_RULES, locale);

  const horizon = readNumberInput(horizonText, HORIZON_RULES, locale);
  const horizonMonths = horizon.ok && horizon.value !== null ? horizon.value : base.horizonMonths;
  const prepared = prepareNewRoadmap(base, { name, client, currency, startMonth, horizonMonths });
  const problems = new Map<NewRoadmapField, string>(prepared.ok ? [] : prepared.error.map((p) => [p.field, p.message]));
  if (!horizon.ok) problems.set("horizonMonths", horizon.problem);
  const moved = prepared.ok ? prepared.value.moved : [];

  const show = (field: NewRoadmapField) => setShown((fields) => new Set(fields).add(field));
  const problemOf = (field: NewRoadmapField) => (shown.has(field) ? problems.get(field) : undefined);

  const create = async () => {
    if (busy) return;
    if (problems.size > 0) {
      setShown(new Set(problems.keys()));
      const [first] = problems.keys();
      if (first) fieldRefs.current[first]?.focus();
      return;
    }
    setBusy(true);
    const state = store.getState();
    const id = await state.createRoadmap({ name, client, templateId: choice, currency, startMonth, horizonMonths });
    state.closeDialog();
    await state.openRoadmap(id);
  };

  const choose = (index: number) => {
    const next = points[(index + points.length) % points.length];
    if (!next) return;
    setChoice(next.id);
    cards.current[(index + points.length) % points.length]?.focus();
  };

  const onCardKey = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: points.length - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      choose(to);
    } else if (event.key === "Enter") {
      event.preventDefault();
      void create();
    }
  };

  const field = ({ key, label, value, onChange, hint, ...input }: FieldSpec) => {
    const problem = problemOf(key);
    const id = `${ids}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          {...input}
          id={id}
          ref={(element) => {
            fieldRefs.current[key] = element;
          }}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => show(key)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : hint ? `${id}-hint` : undefined}
        />
        {problem ? (
          <p className="field-problem" role="alert" id={`${id}-problem`}>
            {problem}
          </p>
        ) : hint ? (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
    );
  };
  const draft = (key: keyof Drafts) => (value: string) => setDrafts((d) => ({ ...d, [key]: value }));

  return (
    <Dialog
      title="New roadmap"
      onClose={close}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-roadmap-form" className="button button-primary" disabled={busy}>
            Create roadmap
          </button>
        </>
      }
    >
      <form
        id="new-roadmap-form"
        className="form new-roadmap-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <div className="field-pair">
          {field({
            key: "name",
            label: "Name",
            value: name,
            onChange: setName,
            maxLength: 200,
            placeholder: base.name,
          })}
          {field({
            key: "client",
            label: "Client",
            value: client,
            onChange: setClient,
            maxLength: 200,
            placeholder: base.client,
          })}
        </div>
        <div className="field-triple">
          {field({
            key: "currency",
            label: "Currency",
            value: currency,
            onChange: draft("currency"),
            maxLength: 8,
            hint: "Three letters, e.g. EUR.",
          })}
          {field({
            key: "startMonth",
            label: "Start month",
            value: startMonth,
            onChange: draft("startMonth"),
            maxLength: 10,
            hint: "Year and month, e.g. 2027-01.",
          })}
          {field({
            key: "horizonMonths",
            label: "Horizon (months)",
            value: horizonText,
            onChange: draft("horizon"),
            inputMode: "numeric",
            hint: "1 to 600 months.",
          })}
        </div>
        {moved.length > 0 ? (
          <p className="notice-inline" role="status">
            {describeMovedOneOffs(moved, horizonMonths)}
          </p>
        ) : null}
        <fieldset className="field template-gallery-field">
          <legend>Start from</legend>
          <div className="template-gallery">
            {points.map((p, index) => {
              const checked = p.id === choice;
              const preview = previewOf(p);
              return (
                <label
                  key={p.id ?? "blank"}
                  className={checked ? "template-card is-checked" : "template-card"}
                  title={p.description}
                >
                  <input
                    ref={(element) => {
                      cards.current[index] = element;
                    }}
                    type="radio"
                    name={`${ids}-start-from`}
                    className="template-card-input"
                    checked={checked}
                    aria-label={`${p.name}, ${p.industry}`}
                    aria-describedby={`${ids}-card-${index}`}
                    onChange={() => setChoice(p.id)}
                    onKeyDown={(event) => onCardKey(event, index)}
                  />
                  {preview ? (
                    <img className="template-preview" src={preview} alt={`Preview of the ${p.name} lifecycle`} />
                  ) : (
                    <span className="template-preview template-preview-blank" aria-hidden="true">
                      +
                    </span>
                  )}
                  <strong className="template-name">{p.name}</strong>
                  <span className="template-industry">{p.industry}</span>
                  <span className="muted template-description" id={`${ids}-card-${index}`}>
                    {p.description}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
