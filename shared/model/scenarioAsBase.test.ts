import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import { serializeRoadmap } from "./roadmapFile";
import { scenarioAsBase } from "./scenarioAsBase";
import { asIsFromExisting, editInScenario } from "./scenarioEdits";
import { resolveScenario, scenarioChoices } from "./scenarios";
import { BASE_SCENARIO_ID, type Roadmap } from "./schema";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";

/** The template with As-is (existing communications only) and Lean (a cheaper welcome, lower churn, one send fewer). */
function threeScenarios(): Roadmap {
  const template = createB2bSubscriptionRoadmap(new Date("2027-01-01T00:00:00Z"));
  const asIs = asIsFromExisting(template);
  if (!asIs.ok) throw new Error(asIs.error);
  const withLean: Roadmap = {
    ...asIs.value.roadmap,
    scenarios: [
      ...asIs.value.roadmap.scenarios,
      {
        id: "lean",
        name: "Lean",
        notes: "",
        excludedCommunicationIds: [template.communications[1]?.id ?? ""],
        communications: { [template.communications[0]?.id ?? ""]: { costPerContact: 0, responseRate: 0.2 } },
        transitions: { [template.transitions[0]?.id ?? ""]: { rate: 0.5 } },
        phases: { [template.phases[2]?.id ?? ""]: { churnRate: 0.001 } },
        optimisation: null,
      },
    ],
  };
  return withLean;
}

describe("scenarioAsBase", () => {
  it("makes the chosen scenario the base, and every scenario still plans what it planned", () => {
    const document = threeScenarios();
    for (const { id } of scenarioChoices(document)) {
      const rebased = scenarioAsBase(document, id);
      const parsed = parseRoadmap(JSON.parse(serializeRoadmap(rebased)));
      if (!parsed.ok) throw new Error(parsed.error.map(describeIssue).join("\n"));
      expect(resolveScenario(rebased, BASE_SCENARIO_ID).communications).toEqual(
        resolveScenario(document, id).communications,
      );
      const before = scenarioChoices(document).map((choice) => ({
        name: choice.name,
        budget: planRoadmap(resolveScenario(document, choice.id)).budget.totalCost,
      }));
      const after = scenarioChoices(rebased).map((choice) => ({
        name: choice.name,
        budget: planRoadmap(resolveScenario(rebased, choice.id)).budget.totalCost,
      }));
      expect(new Set(after.map((a) => JSON.stringify(a)))).toEqual(new Set(before.map((b) => JSON.stringify(b))));
      expect(after[0]?.name).toBe(scenarioChoices(document).find((choice) => choice.id === id)?.name);
    }
  });

  it("gives the document itself for the base plan", () => {
    const document = threeScenarios();
    expect(scenarioAsBase(document, BASE_SCENARIO_ID)).toBe(document);
  });

  it(
    "keeps each scenario's plan for random edits made inside random scenarios",
    () => {
      const document = threeScenarios();
      const ids = scenarioChoices(document).map((choice) => choice.id);
      fc.assert(
        fc.property(
          fc.constantFrom(...ids),
          fc.constantFrom(...ids),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (editedIn, shown, rate) => {
            const view = resolveScenario(document, editedIn);
            const edited = editInScenario(document, editedIn, view, {
              ...view,
              communications: view.communications.map((c, i) => (i === 0 ? { ...c, responseRate: rate } : c)),
            });
            const rebased = scenarioAsBase(edited, shown);
            for (const choice of scenarioChoices(edited)) {
              const same = scenarioChoices(rebased).find((other) => other.name === choice.name);
              expect(same).toBeDefined();
              expect(resolveScenario(rebased, same?.id ?? "").communications).toEqual(
                resolveScenario(edited, choice.id).communications,
              );
            }
          },
        ),
        propertyRuns(40),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("scenarioAsBase and optimisation records", () => {
  it("keeps the chosen scenario's record on the base, and each record still names the scenario it was optimised from", () => {
    const document = threeScenarios();
    const record = {
      createdAt: "2027-01-02T00:00:00.000Z",
      fromScenarioId: BASE_SCENARIO_ID,
      fromScenarioName: document.baseScenario.name,
      settings: document.optimiser,
      status: "optimal" as const,
      gap: 0,
      objective: 1,
      cost: 1,
      value: 2,
      planCost: 2,
      planValue: 3,
      frontier: [],
      marginalBudget: null,
      marginalContact: null,
      binding: [],
      reasons: {},
    };
    const fromLean = { ...record, fromScenarioId: "lean" };
    const optimised: Roadmap = {
      ...document,
      scenarios: [
        ...document.scenarios.map((scenario) =>
          scenario.id === "lean" ? scenario : { ...scenario, optimisation: fromLean },
        ),
        {
          ...(document.scenarios.find((s) => s.id === "lean") as Roadmap["scenarios"][number]),
          id: "opt",
          name: "Opt",
          optimisation: record,
        },
      ],
    };
    const rebased = scenarioAsBase(optimised, "opt");
    expect(rebased.baseScenario.optimisation?.fromScenarioId).toBe("former-base");
    expect(rebased.scenarios.find((s) => s.id === "former-base")?.name).toBe(document.baseScenario.name);
    const fromLeanAfter = rebased.scenarios.find((s) => s.optimisation?.fromScenarioId === "lean");
    expect(fromLeanAfter).toBeDefined();
    const fromOpt = scenarioAsBase(
      {
        ...optimised,
        scenarios: optimised.scenarios.map((s) =>
          s.id === "lean" ? { ...s, optimisation: { ...record, fromScenarioId: "opt" } } : s,
        ),
      },
      "opt",
    );
    expect(fromOpt.scenarios.find((s) => s.id === "lean")?.optimisation?.fromScenarioId).toBe(BASE_SCENARIO_ID);
    expect(parseRoadmap(JSON.parse(serializeRoadmap(rebased))).ok).toBe(true);
  });
});
