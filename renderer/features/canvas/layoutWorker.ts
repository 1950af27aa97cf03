import type { Point } from "../../../shared/model";
import { answerRequests } from "../../workers/workerCall";
import { layOutSafely } from "./layOutSafely";
import type { LayoutRequest } from "./layoutService";

/** The layout's thread: elkjs runs here, so the window stays responsive while a large roadmap is arranged. */
answerRequests<LayoutRequest, Map<string, Point>>(layOutSafely);
