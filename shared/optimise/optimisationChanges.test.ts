import { describe, expect, it } from "vitest";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../model/testing/scenario";
import { optimisationChanges } from "./optimisationChanges";

const names = (changes: readonly { name: string }[]) => changes.map((c) => c.name);

/** The B2B template with an "Optimised" scenario that drops, slows, speeds up and re-personalises sends. */
function optimised(): Roadmap {
  const base = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
  return {
    ...base,
    scenarios: [
      testScenario({
        id: "optimised",
        name: "Optimised",
        excludedCommunicationIds: ["comm-customer-conference"],
        communications: {
          "comm-customer-newsletter": { timing: { kind: "recurring", everyMonths: 3 } },
          "comm-core-tips": { timing: { kind: "recurring", everyMonths: 2 }, personalisation: "oneToOne" },
          "comm-reseller-seat-expansion": { timing: { kind: "recurring", everyMonths: 1 } },
          "comm-trial-welcome-series": { personalisation: "mass" },
        },
      }),
    ],
  };
}

describe("what the optimiser changed", () => {
  it("groups dropped, less or more frequent and more or less personal communications, and counts the rest as kept", () => {
    const roadmap = optimised();
    const changes = optimisationChanges(roadmap, "optimised", "base");
    expect(names(changes.dropped)).toEqual(["Customer conference invitation"]);
    expect(changes.dropped[0]?.before).toBe("once in month 9, By segment");
    expect(changes.lessFrequent.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Core platform tips and tricks", "every month", "every 2 months"],
      ["Monthly customer newsletter", "every month", "every 3 months"],
    ]);
    expect(changes.moreFrequent.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Reseller seat-expansion call", "every 3 months", "every month"],
    ]);
    // One communication can be sent less often and made more personal at once.
    expect(changes.morePersonal.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Core platform tips and tricks", "Mass", "One-to-one"],
    ]);
    expect(changes.lessPersonal.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Trial welcome series", "By segment", "Mass"],
    ]);
    const sent = roadmap.communications.filter((c) => c.status !== "retired").length;
    expect(changes.keptAsIs).toBe(sent - 5);
  });

  it("reads a change against the scenario optimised from, not the base plan", () => {
    const roadmap = optimised();
    const quarterly = testScenario({
      id: "quarterly",
      name: "Quarterly newsletter",
      communications: { "comm-customer-newsletter": { timing: { kind: "recurring", everyMonths: 3 } } },
    });
    const changes = optimisationChanges(
      { ...roadmap, scenarios: [...roadmap.scenarios, quarterly] },
      "optimised",
      "quarterly",
    );
    expect(names(changes.lessFrequent)).toEqual(["Core platform tips and tricks"]);
    expect(names(changes.dropped)).toEqual(["Customer conference invitation"]);
  });
});
