import type { OptimisationObjective, Roadmap } from "../../../shared/model";
import { findScenario, scenarioChoices } from "../../../shared/model";
import type { SolveProgress } from "../../../shared/optimise/types";
import { formatPercent } from "../../ui/format";
import { useMoneyFormat } from "../../ui/money";
import { OptimisationSummary } from "./OptimisationSummary";
import "./optimiser.css";

/** What the result panel shows, from the optimiser's state in the store. */
export type OptimiserResultState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly progress: SolveProgress | null; readonly objective: OptimisationObjective }
  /** No plan keeps to the settings: the conflicting constraints and what to change, in words. */
  | { readonly kind: "infeasible"; readonly conflict: string }
  | { readonly kind: "failed"; readonly error: string }
  | { readonly kind: "written"; readonly scenarioId: string };

export interface OptimiserResultViewProps {
  readonly state: OptimiserResultState;
  /** The document, not a scenario's view of it. */
  readonly roadmap: Roadmap;
  onShowScenario(scenarioId: string): void;
  onCompare(scenarioIds: readonly [string, string]): void;
}

/**
 * The optimiser's side of the Optimise tab below its Run and Cancel buttons:
 * how far a run has got, and once done the scenario it wrote with how it was
 * found, or why no plan keeps to the settings.
 */
export function OptimiserResultView({ state, roadmap, onShowScenario, onCompare }: OptimiserResultViewProps) {
  return (
    <section className="plan-section optimiser-result" aria-label="Optimiser result">
      {state.kind === "idle" && (
        <p className="muted">
          Run the optimiser to find the best plan for these settings. The result is written as a new scenario beside
          your plan, never over it.
        </p>
      )}
      {state.kind === "running" && <Progress progress={state.progress} objective={state.objective} roadmap={roadmap} />}
      {state.kind === "infeasible" && (
        <div className="optimiser-conflict" role="alert">
          <h3>No plan keeps to these settings</h3>
          <p>{state.conflict}</p>
        </div>
      )}
      {state.kind === "failed" && (
        <p className="plan-message" role="alert">
          The optimiser could not run: {state.error}
        </p>
      )}
      {state.kind === "written" && (
        <Written
          scenarioId={state.scenarioId}
          roadmap={roadmap}
          onShowScenario={onShowScenario}
          onCompare={onCompare}
        />
      )}
    </section>
  );
}

const STAGE_WORDS: Record<SolveProgress["stage"], string> = {
  model: "Building the model from the plan",
  solving: "Searching for the best plan",
  frontier: "Tracing the efficient frontier",
};

/**
 * The run's figures beside the run bar's progress: the stage in words, the
 * frontier's budget being solved, the best plan's value so far, the gap and
 * the time taken. Not a live region: the run bar announces the progress.
 */
function Progress({
  progress,
  objective,
  roadmap,
}: {
  progress: SolveProgress | null;
  objective: OptimisationObjective;
  roadmap: Roadmap;
}) {
  const money = useMoneyFormat(roadmap.currency);
  const stage = progress?.stage ?? "model";
  return (
    <section className="optimiser-progress-detail" aria-label="How the run is going">
      <dl>
        <dt>Stage</dt>
        <dd>
          {STAGE_WORDS[stage]}
          {progress && stage === "frontier" && `: budget ${progress.step} of ${progress.steps}`}
        </dd>
        {progress && money && (
          <>
            <dt>{objective === "net" ? "Best net value so far" : "Best value so far"}</dt>
            <dd>{progress.best === null ? "none yet" : money(progress.best)}</dd>
          </>
        )}
        <dt>Gap</dt>
        <dd>
          {progress?.gap == null || !Number.isFinite(progress.gap)
            ? "not known yet"
            : `within ${formatPercent(progress.gap)} of the best possible`}
        </dd>
        <dt>Elapsed</dt>
        <dd>{Math.round(progress?.seconds ?? 0)} s</dd>
      </dl>
    </section>
  );
}

function Written({
  scenarioId,
  roadmap,
  onShowScenario,
  onCompare,
}: {
  scenarioId: string;
  roadmap: Roadmap;
  onShowScenario(scenarioId: string): void;
  onCompare(scenarioIds: readonly [string, string]): void;
}) {
  const scenario = findScenario(roadmap, scenarioId);
  const record = scenario?.optimisation;
  if (!scenario || !record) {
    return <p className="muted">The optimised scenario is no longer in this roadmap (undone or deleted).</p>;
  }
  const from = scenarioChoices(roadmap).find((choice) => choice.id === record.fromScenarioId);
  return (
    <>
      <div className="optimiser-written">
        <p>Written as scenario “{scenario.name}”</p>
        {from && (
          <button type="button" className="button" onClick={() => onCompare([from.id, scenario.id])}>
            Compare with {from.name}
          </button>
        )}
        <button type="button" className="button" onClick={() => onShowScenario(scenario.id)}>
          Show this scenario
        </button>
      </div>
      <OptimisationSummary record={record} roadmap={roadmap} scenarioId={scenario.id} />
    </>
  );
}
