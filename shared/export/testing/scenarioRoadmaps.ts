import type { Roadmap } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../../model/testing/scenario";

/**
 * The B2B template with its base plan named "To-be" and two scenarios: "As-is",
 * today's communications only (the proposed ones left out), and "Lean", the
 * plan with every paid channel's cost per contact doubled and half the churn
 * in the phases it names — so the three differ in budget, value and customers.
 */
export function asIsAndToBeRoadmap(now = new Date("2027-01-15T00:00:00Z")): Roadmap {
  const roadmap = createB2bSubscriptionRoadmap(now);
  const proposed = roadmap.communications.filter((c) => c.status !== "existing").map((c) => c.id);
  const churning = roadmap.phases.filter((phase) => phase.churnRate > 0);
  return {
    ...roadmap,
    baseScenario: { ...roadmap.baseScenario, name: "To-be" },
    scenarios: [
      testScenario({ id: "as-is", name: "As-is", excludedCommunicationIds: proposed }),
      testScenario({
        id: "lean",
        name: "Lean",
        excludedCommunicationIds: proposed.slice(0, Math.ceil(proposed.length / 2)),
        communications: Object.fromEntries(
          roadmap.communications.slice(0, 3).map((c) => [c.id, { costPerContact: 2 * (c.costPerContact ?? 1) }]),
        ),
        phases: Object.fromEntries(churning.map((phase) => [phase.id, { churnRate: phase.churnRate / 2 }])),
      }),
    ],
  };
}
