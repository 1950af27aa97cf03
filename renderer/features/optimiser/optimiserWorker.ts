import loadHighs, { type Highs } from "highs";
import wasmUrl from "highs/runtime?url";
import { optimisationModel, optimise } from "./optimiser";
import { type OptimiserCommand, type OptimiserMessage, solverNotLoaded } from "./optimiserService";

/**
 * The optimiser's thread, started with the first run. HiGHS's WebAssembly (a
 * file of the build, fetched from the app's own origin) is compiled then, and
 * stays for the runs after it; a request for the programme alone never loads
 * it. While it solves, the solver holds this thread: a stop ends the worker
 * rather than asking it.
 */
let highs: Promise<Highs> | undefined;

const say = (message: OptimiserMessage) => self.postMessage(message);

self.addEventListener("message", async (event: MessageEvent<OptimiserCommand>) => {
  const command = event.data;
  if (command.kind === "model") {
    say({ kind: "model", result: optimisationModel(command.request) });
    return;
  }
  let solver: Highs;
  try {
    highs ??= loadHighs({ locateFile: () => wasmUrl });
    solver = await highs;
  } catch (error) {
    highs = undefined;
    say({ kind: "finished", result: { ok: false, error: solverNotLoaded(error) } });
    return;
  }
  const result = optimise(solver, command.request, {
    onProgress: (progress) => say({ kind: "progress", progress }),
    onImprovingSolution: (outcome) => say({ kind: "improving", outcome }),
    shouldStop: () => false,
  });
  say({ kind: "finished", result });
});
