import { scenarioChoices } from "../../../shared/model";
import type { SolveProgress } from "../../../shared/optimise/types";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { commandTitle, findCommand, runCommand } from "../../app/commands";
import { formatDecimal, formatPercent } from "../../ui/format";
import { OptimiserResultPanel } from "./OptimiserResultPanel";
import { OptimiserSettingsPanel } from "./OptimiserSettingsPanel";

/**
 * The Optimise tab: the settings on the left, the last run's result on the
 * right, and above them what runs it — on the scenario shown, which the
 * button names — with its progress and a way to stop it early.
 */
export function OptimiserTab() {
  const store = useAppStoreApi();
  const status = useAppState((state) => state.optimiser.status);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || store.getState().optimiser.status !== "running") return;
    event.preventDefault();
    runCommand("optimise.cancel", store.getState());
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Esc anywhere in the tab stops a run, as the Stop button does.
    <div className="plan-view optimiser-tab" onKeyDown={onKeyDown} aria-busy={status === "running"}>
      <OptimiserRunBar />
      <div className="optimiser-columns">
        <div className="optimiser-column">
          <OptimiserSettingsPanel />
        </div>
        <div className="optimiser-column">
          <OptimiserResultPanel />
        </div>
      </div>
    </div>
  );
}

function OptimiserRunBar() {
  const store = useAppStoreApi();
  const status = useAppState((state) => state.optimiser.status);
  const progress = useAppState((state) => state.optimiser.progress);
  const withFrontier = useAppState((state) => state.optimiseWithFrontier);
  const readOnly = useAppState((state) => state.readOnlyVersion !== null);
  const scenarioName = useAppState((state) => {
    const document = state.document;
    return document && scenarioChoices(document).find((choice) => choice.id === state.activeScenarioId)?.name;
  });
  const running = status === "running";
  return (
    <section className="plan-section optimiser-run-bar" aria-label="Run the optimiser">
      <button
        type="button"
        className="button button-primary"
        disabled={running || readOnly}
        title={commandTitle(findCommand("optimise.run"))}
        onClick={() => runCommand("optimise.run", store.getState())}
      >
        Optimise {scenarioName}
      </button>
      {running && (
        <>
          <button
            type="button"
            className="button"
            title="Stop and keep the best plan found so far (Esc)"
            onClick={() => runCommand("optimise.cancel", store.getState())}
          >
            Stop
          </button>
          <RunProgress progress={progress} />
        </>
      )}
      <label className="inline-field optimiser-frontier-choice">
        <input
          type="checkbox"
          checked={withFrontier}
          disabled={running}
          onChange={(event) => store.getState().setOptimiseWithFrontier(event.target.checked)}
        />
        Also compute the efficient frontier (10 budgets)
      </label>
    </section>
  );
}

/** How far the run is: the frontier by its points, the solve by its gap (no bar can say when a solve will end). */
function RunProgress({ progress }: { progress: SolveProgress | null }) {
  const timeLimit = useAppState((state) => state.document?.optimiser.timeLimitSeconds ?? 0);
  if (!progress || progress.stage === "model")
    return (
      <span className="optimiser-progress" role="status">
        <progress aria-label="Optimiser progress" />
        Preparing the programme…
      </span>
    );
  const frontier = progress.stage === "frontier";
  const value = frontier ? progress.step : Math.min(progress.seconds, timeLimit);
  const max = frontier ? progress.steps : timeLimit;
  const what = frontier ? `Frontier point ${progress.step} of ${progress.steps}` : "Solving";
  const gap = progress.gap === null ? "" : ` · gap ${formatPercent(progress.gap)}`;
  return (
    <span className="optimiser-progress" role="status">
      <progress aria-label="Optimiser progress" value={value} max={max > 0 ? max : undefined} />
      {what}
      {gap} · {formatDecimal(Math.round(progress.seconds * 10) / 10)} s
    </span>
  );
}
