import { answerRequests } from "../../workers/workerCall";
import { compareRoadmapsSafely, type RoadmapComparison, type RoadmapComparisonRequest } from "./compareRoadmaps";

/** The comparisons' thread: two roadmaps in, their differences and how their totals moved out. */
answerRequests<RoadmapComparisonRequest, RoadmapComparison>(compareRoadmapsSafely);
