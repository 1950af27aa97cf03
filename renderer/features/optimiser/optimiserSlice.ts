import type { OptimisationRun, SolveProgress } from "../../../shared/optimise/types";
import type { SliceContext } from "../../app/appStore";
import type { OptimiserRunning } from "./optimiserService";

export interface OptimiserState {
  status: "idle" | "running" | "done" | "failed";
  /** The running solve's last report; the finished run's last one once it is done. */
  progress: SolveProgress | null;
  /** The last run, infeasible ones included (their conflict is shown); null while running or after a failure. */
  run: OptimisationRun | null;
  /** Why the last run gave nothing, in words for the user. */
  error: string | null;
  /** The scenario the last run was written as. */
  writtenScenarioId: string | null;
}

/** The campaign optimiser as the Optimise tab drives it. */
export interface OptimiserSlice {
  optimiser: OptimiserState;
  /** Whether a run also works out the efficient frontier (ten more solves). */
  optimiseWithFrontier: boolean;
  setOptimiseWithFrontier(on: boolean): void;
  /**
   * Optimises the scenario shown with the roadmap's optimiser settings. A plan
   * found (a stopped run's best plan too) is written as a new scenario, one
   * undo step, after a "Before optimisation" version is kept; the Compare tab
   * then shows it beside the scenario it came from. Never throws.
   */
  runOptimiser(): Promise<void>;
  /** Stops the run under way; the best plan found so far is kept, as a run stopped early. */
  cancelOptimiser(): void;
}

const IDLE: OptimiserState = { status: "idle", progress: null, run: null, error: null, writtenScenarioId: null };

export function createOptimiserSlice({ set, get, services }: SliceContext): OptimiserSlice {
  let current: OptimiserRunning | null = null;
  /** The run whose answer counts: an answer to an older one (stopped by a newer run) is dropped. */
  let latest = 0;

  const update = (changes: Partial<OptimiserState>) => set({ optimiser: { ...get().optimiser, ...changes } });

  return {
    optimiser: IDLE,
    optimiseWithFrontier: true,
    setOptimiseWithFrontier: (optimiseWithFrontier) => set({ optimiseWithFrontier }),

    runOptimiser: async () => {
      const document = get().document;
      if (!document || get().refuseEditWhileReadOnly()) return;
      const scenarioId = get().activeScenarioId;
      const token = ++latest;
      set({ optimiser: { ...IDLE, status: "running" } });
      const running = services.optimiser.run(
        { document, scenarioId, settings: document.optimiser, withFrontier: get().optimiseWithFrontier },
        (progress) => {
          if (token === latest) update({ progress });
        },
      );
      current = running;
      const result = await running.result;
      if (token !== latest) return;
      current = null;
      if (!result.ok) {
        update({ status: "failed", error: result.error });
        return;
      }
      const run = result.value;
      if (get().document?.id !== document.id) {
        // The roadmap was closed or another one opened meanwhile: nothing to write it into.
        set({ optimiser: IDLE });
        return;
      }
      if (run.outcome.status === "infeasible") {
        update({ status: "done", run });
        return;
      }
      // The writer's code (and the model's it reads) loads with the first plan to write, not with the app.
      const [{ writeOptimisedScenario }] = await Promise.all([
        import("../../../shared/optimise/optimisedScenario"),
        get().keepAutomaticVersion("beforeOptimisation"),
      ]);
      const open = get().document;
      if (token !== latest || open?.id !== document.id) return;
      const readOnly = get().readOnlyVersion;
      if (readOnly) {
        update({
          status: "failed",
          error: `The optimised plan was not written: “${readOnly.name}” is open read only. Go back to the roadmap and run the optimiser again.`,
        });
        return;
      }
      const written = writeOptimisedScenario(open, run, { now: services.now() });
      if (!written.ok) {
        update({ status: "failed", error: written.error });
        return;
      }
      get().edit(() => written.value.roadmap, { document: {} });
      update({ status: "done", run, writtenScenarioId: written.value.scenarioId });
      get().openComparison([run.scenarioId, written.value.scenarioId]);
    },

    cancelOptimiser: () => current?.cancel(),
  };
}
