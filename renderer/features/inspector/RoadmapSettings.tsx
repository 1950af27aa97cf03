import { planCalendar } from "../../../shared/engine";
import { type Roadmap, RoadmapObjectSchema } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { WalkOrderEditor } from "../presentation/WalkOrderEditor";
import { NumberField, TextField } from "./fields";

type Settings = Pick<
  Roadmap,
  | "name"
  | "client"
  | "preparedBy"
  | "currency"
  | "startMonth"
  | "horizonMonths"
  | "annualDiscountRate"
  | "contactCap"
  | "notes"
>;

/** The rule of the roadmap schema for one field, as a sentence naming the field. */
const rule =
  (field: "name" | "currency" | "startMonth", label: string) =>
  (value: string): string | null => {
    const checked = RoadmapObjectSchema.shape[field].safeParse(value);
    return checked.success ? null : `${label} ${checked.error.issues[0]?.message ?? "is not valid"}.`;
  };

/** What applies to the whole roadmap; shown when nothing on the canvas is selected. */
export function RoadmapSettings({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const change = <K extends keyof Settings>(field: K, value: Settings[K]) =>
    store.getState().edit((r) => ({ ...r, [field]: value }));

  return (
    <div className="inspector-body">
      <h2 className="inspector-title">Roadmap</h2>
      <TextField
        label="Name"
        value={roadmap.name}
        maxLength={200}
        validate={rule("name", "Name")}
        onCommit={(v) => change("name", v.trim())}
      />
      <TextField label="Client" value={roadmap.client} maxLength={200} onCommit={(v) => change("client", v)} />
      <TextField
        label="Prepared by"
        value={roadmap.preparedBy}
        maxLength={200}
        onCommit={(v) => change("preparedBy", v)}
      />
      <div className="field-pair">
        <TextField
          label="Currency"
          value={roadmap.currency}
          maxLength={3}
          validate={rule("currency", "Currency")}
          onCommit={(v) => change("currency", v)}
        />
        <TextField
          label="Plan starts"
          value={roadmap.startMonth}
          maxLength={7}
          hint="Year and month, e.g. 2027-01."
          validate={rule("startMonth", "Plan start")}
          onCommit={(v) => change("startMonth", v)}
        />
      </div>
      <div className="field-pair">
        <NumberField
          label="Horizon"
          unit="months"
          integer
          min={1}
          max={600}
          value={roadmap.horizonMonths}
          validate={(months) => horizonProblem(roadmap, months)}
          onCommit={(v) => v !== null && change("horizonMonths", v)}
        />
        <NumberField
          label="Contact cap"
          unit="a month"
          integer
          min={1}
          max={100}
          value={roadmap.contactCap}
          hint="Communications per customer a month before it counts as a collision."
          onCommit={(v) => v !== null && change("contactCap", v)}
        />
      </div>
      <NumberField
        label="Discount rate"
        percent
        min={0}
        max={1}
        value={roadmap.annualDiscountRate}
        hint="Yearly, for customer lifetime value."
        onCommit={(v) => change("annualDiscountRate", v ?? 0)}
      />
      <TextField
        label="Notes"
        multiline
        value={roadmap.notes}
        maxLength={50_000}
        onCommit={(v) => change("notes", v)}
      />
      <button type="button" className="button" onClick={() => store.getState().openDialog({ kind: "stages" })}>
        Edit lifecycle stages…
      </button>
      <WalkOrderEditor roadmap={roadmap} />
    </div>
  );
}

/** Why a horizon would leave a one-off communication after its end, naming the latest one; null when none would be. */
function horizonProblem(roadmap: Roadmap, months: number): string | null {
  const [latest] = roadmap.communications
    .flatMap((c) =>
      c.timing.kind === "oneOff" && c.timing.month >= months ? [{ name: c.name, month: c.timing.month }] : [],
    )
    .sort((a, b) => b.month - a.month);
  if (!latest) return null;
  const when = planCalendar(roadmap.startMonth, latest.month + 1).months[latest.month]?.label;
  return `“${latest.name}” is planned once, in ${when}: the horizon must be at least ${latest.month + 1} months to reach it, not ${months}.`;
}
