import { createPlanner, type PlanRequestMessage, type PlanResponseMessage } from "./planService";

/** The planning engine's thread: documents in, plans out, so typing never waits for the numbers. */
const plan = createPlanner();

self.addEventListener("message", (event: MessageEvent<PlanRequestMessage>) => {
  const { seq, roadmap } = event.data;
  const response: PlanResponseMessage = { seq, ...plan(roadmap) };
  self.postMessage(response);
});
