import { describe, expect, it } from "vitest";
import { optimisedRoadmap } from "../export/testing/optimisedRoadmap";
import type { OptimisationRecord } from "../model/schema";
import { nameWithoutBudget, optimisedScenarioName } from "./scenarioName";

function recordWith(settings: Partial<OptimisationRecord["settings"]>): OptimisationRecord {
  const record = optimisedRoadmap().scenarios[0]?.optimisation;
  if (!record) throw new Error("the fixture has an optimised scenario");
  return { ...record, settings: { ...record.settings, ...settings } };
}

describe("nameWithoutBudget", () => {
  it("drops the budget from the name the optimiser gave, keeping what made it unique", () => {
    const value = recordWith({ objective: "value", budget: 291_603 });
    expect(optimisedScenarioName("value", 291_603, "EUR")).toBe("Optimised for value, budget €291.6K");
    expect(nameWithoutBudget("Optimised for value, budget €291.6K", value, "EUR")).toBe("Optimised for value");
    expect(nameWithoutBudget("Optimised for value, budget €291.6K 2", value, "EUR")).toBe("Optimised for value 2");
    const net = recordWith({ objective: "net", budget: 1_200_000 });
    expect(nameWithoutBudget("Optimised, budget €1.2M", net, "EUR")).toBe("Optimised");
  });

  it("keeps a name the user wrote, a scenario the optimiser did not make, and a run without a budget", () => {
    const value = recordWith({ objective: "value", budget: 291_603 });
    expect(nameWithoutBudget("Lean year, budget €250K", value, "EUR")).toBe("Lean year, budget €250K");
    expect(nameWithoutBudget("Optimised for value, budget €291.6K", null, "EUR")).toBe(
      "Optimised for value, budget €291.6K",
    );
    const unlimited = recordWith({ objective: "net", budget: null });
    expect(nameWithoutBudget("Optimised, no budget limit", unlimited, "EUR")).toBe("Optimised, no budget limit");
  });
});
