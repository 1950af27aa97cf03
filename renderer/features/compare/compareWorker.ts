import type { ScenarioComparison } from "../../../shared/engine";
import { answerRequests } from "../../workers/workerCall";
import { createComparer } from "./comparer";
import type { CompareRequest } from "./compareService";

/** The comparison's thread: every scenario is planned here, so the window stays responsive meanwhile. */
const compare = createComparer();
answerRequests<CompareRequest, ScenarioComparison>(async (request) => compare(request));
