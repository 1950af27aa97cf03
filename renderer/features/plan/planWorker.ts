import { createPlanRequestHandler, type PlanRequestMessage } from "./planService";

/** The planning engine's thread: documents in, plans out, so typing never waits for the numbers. */
const handle = createPlanRequestHandler();

self.addEventListener("message", (event: MessageEvent<PlanRequestMessage>) => {
  self.postMessage(handle(event.data));
});
