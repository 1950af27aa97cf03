import { describe, expect, it } from "vitest";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../model/testing/scenario";
import { optimisationChanges } from "./optimisationChanges";
import { OPTIMISED_SCENARIO_ID, optimisedB2bRoadmap } from "./testing/optimisedRoadmap";

const names = (changes: readonly { name: string }[]) => changes.map((c) => c.name);

describe("what the optimiser changed", () => {
  it("groups dropped, less frequent and more or less personal communications, and counts the rest as kept", () => {
    const roadmap = optimisedB2bRoadmap();
    const changes = optimisationChanges(roadmap, OPTIMISED_SCENARIO_ID, "base");
    expect(names(changes.dropped)).toEqual(["Customer conference invitation"]);
    expect(changes.dropped[0]?.before).toBe("once in month 9, By segment");
    expect(changes.lessFrequent.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Core platform tips and tricks", "every month", "every 2 months"],
      ["Monthly customer newsletter", "every month", "every 3 months"],
    ]);
    expect(changes.moreFrequent).toEqual([]);
    expect(changes.morePersonal.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Analytics suite cross-sell campaign", "By segment", "One-to-one"],
    ]);
    expect(names(changes.lessPersonal)).toEqual(["Trial welcome series"]);
    const sent = roadmap.communications.filter((c) => c.status !== "retired").length;
    expect(changes.keptAsIs).toBe(sent - 5);
  });

  it("reads a change against the scenario optimised from, not the base plan", () => {
    const base = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
    const roadmap = {
      ...base,
      scenarios: [
        testScenario({
          id: "monthly",
          name: "Quarterly newsletter",
          communications: { "comm-customer-newsletter": { timing: { kind: "recurring", everyMonths: 3 } } },
        }),
        testScenario({ id: "optimised", name: "Optimised" }),
      ],
    };
    const changes = optimisationChanges(roadmap, "optimised", "monthly");
    expect(changes.moreFrequent.map((c) => [c.name, c.before, c.after])).toEqual([
      ["Monthly customer newsletter", "every 3 months", "every month"],
    ]);
    expect(changes.lessFrequent).toEqual([]);
  });
});
