/**
 * The planning engine: from a roadmap document to what the plan costs and
 * buys. Pure functions over the document; `createPlanEngine` is the entry
 * point for the app, the rest is exported for reports and tests.
 */
export * from "./budget";
export * from "./calendar";
export * from "./diagnostics";
export * from "./flow";
export * from "./lifetimeValue";
export * from "./planEngine";
export * from "./pressure";
export * from "./schedule";
