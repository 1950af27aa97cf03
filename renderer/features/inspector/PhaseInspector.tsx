import {
  createId,
  type Kpi,
  monthlyOutflow,
  type Phase,
  PhaseSchema,
  type Roadmap,
  updatePhase,
} from "../../../shared/model";
import { isMoneyKpi } from "../../../shared/model/kpiUnits";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { formatPercent } from "../../ui/format";
import { PhaseRsiSection } from "../rsi/PhaseRsiSection";
import { useRsi } from "../rsi/useRsi";
import { ScenarioValues } from "../scenarios/ScenarioValues";
import { NumberField, SelectField, TextField } from "./fields";
import { PhaseCommunications } from "./PhaseCommunications";

const nameProblem = (value: string) => {
  const checked = PhaseSchema.shape.name.safeParse(value);
  return checked.success ? null : `Name ${checked.error.issues[0]?.message ?? "is not valid"}.`;
};

/** Each line of a list field within the schema's limit, or why not. */
const linesWithin = (max: number) => (text: string) =>
  lines(text).some((line) => line.length > max) ? `Each line must be at most ${max} characters.` : null;

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

export function PhaseInspector({ roadmap, phase }: { roadmap: Roadmap; phase: Phase }) {
  const store = useAppStoreApi();
  const change = (patch: Partial<Phase>) => store.getState().edit((r) => updatePhase(r, phase.id, patch));
  const setKpis = (kpis: Kpi[]) => change({ kpis });
  const rsi = useRsi();

  return (
    <div className="inspector-body">
      <h2 className="inspector-title">Phase</h2>
      <TextField
        label="Name"
        value={phase.name}
        validate={nameProblem}
        maxLength={200}
        onCommit={(name) => change({ name: name.trim() })}
      />
      <SelectField
        label="Lifecycle stage"
        value={phase.stageId}
        options={roadmap.stages.map((s) => ({ value: s.id, label: s.name }))}
        onCommit={(stageId) => change({ stageId })}
      />
      <TextField
        label="Description"
        multiline
        value={phase.description}
        onCommit={(description) => change({ description })}
      />
      <TextField
        label="Objectives"
        multiline
        hint="One per line."
        validate={linesWithin(1000)}
        value={phase.objectives.join("\n")}
        onCommit={(text) => change({ objectives: lines(text) })}
      />
      <TextField
        label="Products and services held"
        multiline
        hint="One per line."
        validate={linesWithin(200)}
        value={phase.productsHeld.join("\n")}
        onCommit={(text) => change({ productsHeld: lines(text) })}
      />
      <TextField
        label="Customer lifestage"
        value={phase.customerLifestage}
        maxLength={200}
        onCommit={(customerLifestage) => change({ customerLifestage })}
      />

      <h3 className="inspector-section">Communications</h3>
      <PhaseCommunications roadmap={roadmap} phase={phase} />

      <h3 className="inspector-section">Customers</h3>
      <ScenarioValues target={{ kind: "phase", id: phase.id }} />
      <NumberField
        label="Churn per month"
        percent
        min={0}
        max={1}
        value={phase.churnRate}
        hint="Customers who leave for good each month."
        onCommit={(churnRate) => change({ churnRate: churnRate ?? 0 })}
      />
      <OutflowSummary roadmap={roadmap} phase={phase} />
      {roadmap.segments.map((segment) => (
        <div key={segment.id} className="segment-row">
          <span className="segment-name">
            <span className="stage-dot" style={{ background: segment.color }} />
            {segment.name}
          </span>
          <NumberField
            label={`Customers at start — ${segment.name}`}
            min={0}
            optional
            value={phase.initialCustomers[segment.id] ?? null}
            onCommit={(n) => change({ initialCustomers: withCount(phase.initialCustomers, segment.id, n) })}
          />
          <NumberField
            label={`New per month — ${segment.name}`}
            min={0}
            optional
            value={phase.arrivalsPerMonth[segment.id] ?? null}
            onCommit={(n) => change({ arrivalsPerMonth: withCount(phase.arrivalsPerMonth, segment.id, n) })}
          />
        </div>
      ))}

      {rsi ? (
        <PhaseRsiSection roadmap={roadmap} phase={phase} shown={rsi} />
      ) : (
        <TypedRsiFields phase={phase} change={change} />
      )}

      <h3 className="inspector-section">KPIs</h3>
      {phase.kpis.map((kpi, index) => (
        <fieldset key={kpi.id} className="kpi">
          <legend className="visually-hidden">KPI {index + 1}</legend>
          <TextField
            label="KPI"
            value={kpi.name}
            validate={nameProblem}
            onCommit={(name) => setKpis(phase.kpis.map((k) => (k.id === kpi.id ? { ...k, name: name.trim() } : k)))}
          />
          <div className="field-pair">
            <NumberField
              label="Target"
              optional
              money={isMoneyKpi(kpi, roadmap.currency)}
              value={kpi.target}
              onCommit={(target) => setKpis(phase.kpis.map((k) => (k.id === kpi.id ? { ...k, target } : k)))}
            />
            <TextField
              label="Unit"
              value={kpi.unit}
              maxLength={40}
              onCommit={(unit) => setKpis(phase.kpis.map((k) => (k.id === kpi.id ? { ...k, unit } : k)))}
            />
          </div>
          <TextField
            label="Timeframe"
            value={kpi.timeframe}
            maxLength={200}
            onCommit={(timeframe) => setKpis(phase.kpis.map((k) => (k.id === kpi.id ? { ...k, timeframe } : k)))}
          />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setKpis(phase.kpis.filter((k) => k.id !== kpi.id))}
          >
            Remove KPI “{kpi.name}”
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          setKpis([...phase.kpis, { id: createId(), name: "New KPI", target: null, unit: "", timeframe: "" }])
        }
      >
        Add KPI
      </button>
    </div>
  );
}

/** Outgoing rates plus churn, per segment; over 100 % is an error the engine cannot plan with. */
function OutflowSummary({ roadmap, phase }: { roadmap: Roadmap; phase: Phase }) {
  const rows = roadmap.segments.map((segment) => ({ segment, outflow: monthlyOutflow(roadmap, phase.id, segment.id) }));
  const over = rows.filter((row) => row.outflow > 1 + 1e-9);
  const all = rows.map((row) => row.outflow);
  const same = all.every((value) => Math.abs(value - (all[0] ?? 0)) < 1e-9);
  return (
    <div className={over.length > 0 ? "outflow is-over" : "outflow"} role={over.length > 0 ? "alert" : undefined}>
      {over.length > 0 ? (
        <>
          Outflow is over 100 % a month:{" "}
          {over.map((row) => `${row.segment.name} ${formatPercent(row.outflow)}`).join(", ")}. Lower the transition
          rates or the churn.
        </>
      ) : same ? (
        <>Outflow: {formatPercent(all[0] ?? 0)} of the phase's customers leave it each month.</>
      ) : (
        <>Outflow per month: {rows.map((row) => `${row.segment.name} ${formatPercent(row.outflow)}`).join(", ")}.</>
      )}
    </div>
  );
}

function withCount(counts: Record<string, number>, segmentId: string, n: number | null): Record<string, number> {
  const { [segmentId]: _, ...rest } = counts;
  return n === null || n === 0 ? rest : { ...rest, [segmentId]: n };
}

/** The RSI typed by hand, for a roadmap without survey answers (as before the survey existed). */
function TypedRsiFields({ phase, change }: { phase: Phase; change: (patch: Partial<Phase>) => void }) {
  return (
    <>
      <h3 className="inspector-section">Relationship Strength Index</h3>
      <div className="field-pair">
        <NumberField
          label="RSI score"
          min={0}
          max={100}
          optional
          value={phase.relationshipStrength?.score ?? null}
          hint="0–100, from relationship surveys. Import survey answers to have it computed."
          onCommit={(score) =>
            change({
              relationshipStrength:
                score === null ? null : { score, respondents: phase.relationshipStrength?.respondents ?? 0 },
            })
          }
        />
        <NumberField
          label="Respondents"
          min={0}
          max={10_000_000}
          integer
          value={phase.relationshipStrength?.respondents ?? 0}
          validate={() =>
            phase.relationshipStrength ? null : "Enter the RSI score first: respondents are counted for a score."
          }
          onCommit={(respondents) =>
            phase.relationshipStrength &&
            change({
              relationshipStrength: { ...phase.relationshipStrength, respondents: respondents ?? 0 },
            })
          }
        />
      </div>
    </>
  );
}
