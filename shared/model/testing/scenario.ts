import type { Scenario } from "../schema";

/** A scenario for a test: nothing left out or set differently, unless `fields` says so. */
export function testScenario(fields: Partial<Scenario> & Pick<Scenario, "id" | "name">): Scenario {
  return {
    notes: "",
    excludedCommunicationIds: [],
    communications: {},
    transitions: {},
    phases: {},
    optimisation: null,
    ...fields,
  };
}
