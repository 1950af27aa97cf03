/**
 * The planning engine: from a roadmap document to what the plan costs and
 * buys. Pure functions over the document; `createPlanEngine` is the entry
 * point for the app, the parts are exported for reports and tests.
 */
export {
  BUDGET_DIMENSIONS,
  type Budget,
  type BudgetDimension,
  type BudgetInputs,
  type BudgetRollUp,
  type BudgetTable,
  budgetRow,
  createBudgetRollUp,
  type DimensionBudget,
  rollUpBudget,
} from "./budget";
export { type Period, type PlanCalendar, planCalendar } from "./calendar";
export {
  describeDiagnostic,
  diagnoseCommunications,
  diagnoseFlow,
  diagnoseRoadmap,
  diagnoseSurvey,
  type PlanDiagnostic,
} from "./diagnostics";
export {
  type CustomerFlow,
  type FlowInputs,
  flowIndex,
  OUTFLOW_TOLERANCE,
  populationIndex,
  sameFlowInputs,
  simulateCustomerFlow,
} from "./flow";
export { type CustomerLifetimeValue, customerLifetimeValue, lifetimeValueOf } from "./lifetimeValue";
export {
  COSTLIEST_COMMUNICATIONS,
  type CustomerCounts,
  type CustomerTotals,
  createPlanEngine,
  type PhaseSummary,
  type PlanEngine,
  type PlanEngineStats,
  type PlanResult,
  planRoadmap,
} from "./planEngine";
export {
  type FigurePeriod,
  figurePeriods,
  type ReachAndCost,
  reachAndCostIn,
  totalReachAndCost,
} from "./planPeriods";
export {
  AT_START,
  type CollidingCommunication,
  type ContactCollision,
  type ContactPressure,
  measureContactPressure,
  type WorstCohort,
  worstCellOf,
  worstCohortOf,
  worstContactPressure,
  worstPressureBySegment,
} from "./pressure";
export { type ReachFigures, type ReachRow, type ReachSummary, summariseReach } from "./reach";
export {
  compareScenarios,
  type ScenarioBreakdownRow,
  type ScenarioComparison,
  type ScenarioFigures,
  type ScenarioSegmentFigures,
  type ScenarioTotals,
  scenarioFigures,
} from "./scenarioComparison";
export {
  type CommunicationSchedule,
  contactsBySendNumber,
  type FlowIndex,
  indexFlow,
  returnOnInvestment,
  type ScheduleOptions,
  scheduleCommunication,
  scheduleCommunications,
} from "./schedule";
export { type StatusFigures, splitByStatus } from "./statusSplit";
