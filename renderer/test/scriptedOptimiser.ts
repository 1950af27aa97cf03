import { buildOptimisationModel, evaluateChoice } from "../../shared/optimise/optimisationModel";
import type { OptimisationOutcome, OptimisationRun, SolveProgress } from "../../shared/optimise/types";
import { ok, type Result } from "../../shared/result";
import type { OptimiserRequest, OptimiserService } from "../features/optimiser/optimiserService";

/**
 * An optimiser whose answer the test decides: the real programme of the
 * scenario asked for, with a plan the test picks rather than the solver's,
 * so the store's part is tested apart from HiGHS's.
 */
export function scriptedOptimiser(answer: (request: OptimiserRequest) => Result<OptimisationRun, string>) {
  const requests: OptimiserRequest[] = [];
  const cancelled: number[] = [];
  let report: (progress: SolveProgress) => void = () => {};
  let finish: () => void = () => {};
  const service: OptimiserService = {
    run: (request, onProgress) => {
      requests.push(request);
      report = onProgress;
      const result = new Promise<Result<OptimisationRun, string>>((resolve) => {
        finish = () => resolve(answer(request));
      });
      return { result, cancel: () => cancelled.push(requests.length) };
    },
  };
  return {
    service,
    requests,
    cancelled,
    report: (progress: SolveProgress) => report(progress),
    finish: () => finish(),
  };
}

/** The plan without its first communication: what the scripted solver "found". */
export function withoutFirst(request: OptimiserRequest, status: OptimisationOutcome["status"] = "optimal") {
  const model = buildOptimisationModel(request.document, request.scenarioId, request.settings);
  if (!model.ok) throw new Error(model.error);
  const choice = model.value.candidates.map((candidate, i) =>
    i === 0 ? -1 : (model.value.planOptionIndices.find((o) => candidate.optionIndices.includes(o)) ?? -1),
  );
  const figures = evaluateChoice(model.value, choice);
  const outcome: OptimisationOutcome = {
    status,
    objective: figures.objective,
    value: figures.value,
    cost: figures.cost,
    roi: figures.cost > 0 ? (figures.value - figures.cost) / figures.cost : null,
    gap: 0,
    choice,
    binding: [],
    conflict: [],
    seconds: 1,
  };
  return ok({ model: model.value, outcome, frontier: null, scenarioId: request.scenarioId });
}
