import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { resolveScenario } from "../model/scenarios";
import { BASE_SCENARIO_ID, type Roadmap, type Scenario } from "../model/schema";
import { ROADMAP_TEMPLATES } from "../model/templates";
import { testScenario } from "../model/testing/scenario";
import { createPlanEngine, planRoadmap } from "./planEngine";
import { compareScenarios, type ScenarioFigures } from "./scenarioComparison";
import { generatedRoadmaps } from "./testing/randomRoadmaps";

const FAST_CHECK = propertyRuns(60);
const NOW = new Date("2026-11-23T10:00:00Z");

/** The B2B template with an As-is (its existing communications), a Lean variant and a copy of the base. */
function templateWithScenarios(): Roadmap {
  const b2b = ROADMAP_TEMPLATES[0];
  if (!b2b) throw new Error("no template");
  const roadmap = b2b.create(NOW);
  const notExisting = roadmap.communications.filter((c) => c.status !== "existing").map((c) => c.id);
  const [first, second] = roadmap.communications;
  const [transition] = roadmap.transitions;
  const churning = roadmap.phases.find((phase) => phase.churnRate > 0);
  if (!first || !second || !transition || !churning) throw new Error("the template lacks what the test needs");
  return {
    ...roadmap,
    scenarios: [
      testScenario({ id: "as-is", name: "As-is", excludedCommunicationIds: notExisting }),
      testScenario({
        id: "lean",
        name: "Lean",
        excludedCommunicationIds: [second.id],
        communications: { [first.id]: { costPerContact: 0.01, responseRate: 0.5 } },
        transitions: { [transition.id]: { rate: transition.rate / 2 } },
        phases: { [churning.id]: { churnRate: churning.churnRate / 2 } },
      }),
      testScenario({ id: "same", name: "Same as the plan" }),
    ],
  };
}

const cents = (amount: number) => Math.round(amount * 100);
const sumOf = (rows: readonly { cost: number; value: number }[], field: "cost" | "value") =>
  rows.reduce((sum, row) => sum + row[field], 0);

describe("compareScenarios", () => {
  it("gives each scenario the figures the plan engine gives its resolved roadmap", () => {
    const roadmap = templateWithScenarios();
    const comparison = compareScenarios(roadmap, [BASE_SCENARIO_ID, "as-is", "lean"]);

    expect(comparison.scenarios.map((s) => [s.scenarioId, s.name])).toEqual([
      [BASE_SCENARIO_ID, roadmap.baseScenario.name],
      ["as-is", "As-is"],
      ["lean", "Lean"],
    ]);
    for (const figures of comparison.scenarios) {
      const plan = planRoadmap(resolveScenario(roadmap, figures.scenarioId));
      expect(figures.totals).toEqual({
        budget: plan.budget.totalCost,
        value: plan.budget.totalValue,
        roi: plan.budget.roi,
        customersAtStart: plan.customers.atStart,
        arrivals: plan.customers.arrivals,
        churned: plan.customers.churned,
        customersKept: plan.customers.atEnd,
        collisions: plan.pressure.collisions.length,
      });
    }
    // The overrides make a difference the comparison shows.
    const [base, asIs, lean] = comparison.scenarios as ScenarioFigures[];
    expect(lean?.totals.budget).not.toBe(base?.totals.budget);
    expect(lean?.totals.customersKept).not.toBe(base?.totals.customersKept);
    expect(asIs?.totals.budget).not.toBe(base?.totals.budget);
  });

  it("gives a scenario that changes nothing the base plan's figures", () => {
    const comparison = compareScenarios(templateWithScenarios(), [BASE_SCENARIO_ID, "same"]);
    const [base, same] = comparison.scenarios as ScenarioFigures[];
    const { scenarioId: _b, name: _bn, ...baseFigures } = base as ScenarioFigures;
    const { scenarioId: _s, name: _sn, ...sameFigures } = same as ScenarioFigures;
    expect(sameFigures).toEqual(baseFigures);
  });

  it("costs no more as-is, with the existing communications only, than the whole plan", () => {
    const comparison = compareScenarios(templateWithScenarios(), [BASE_SCENARIO_ID, "as-is"]);
    const [base, asIs] = comparison.scenarios as ScenarioFigures[];
    expect(asIs?.totals.budget).toBeLessThanOrEqual(base?.totals.budget ?? 0);
    for (const row of asIs?.byChannel ?? []) {
      expect(row.cost).toBeLessThanOrEqual(base?.byChannel.find((b) => b.id === row.id)?.cost ?? 0);
    }
  });

  it("splits each scenario's budget by year to the cent, one row per year of the horizon", () => {
    const roadmap = templateWithScenarios();
    for (const figures of compareScenarios(roadmap, [BASE_SCENARIO_ID, "as-is", "lean"]).scenarios) {
      expect(figures.byYear.map((row) => row.label)).toEqual(
        planRoadmap(resolveScenario(roadmap, figures.scenarioId)).calendar.years.map((year) => year.label),
      );
      expect(cents(sumOf(figures.byYear, "cost"))).toBe(cents(figures.totals.budget));
      expect(cents(sumOf(figures.byYear, "value"))).toBe(cents(figures.totals.value));
    }
  });

  it("names stages, owners, channels and segments as the roadmap does", () => {
    const roadmap = templateWithScenarios();
    const [base] = compareScenarios(roadmap, [BASE_SCENARIO_ID]).scenarios as ScenarioFigures[];
    expect(base?.byStage.map((row) => row.label)).toEqual(roadmap.stages.map((stage) => stage.name));
    expect(base?.byOwner.map((row) => row.label)).toEqual(roadmap.owners.map((owner) => owner.name));
    expect(base?.byChannel.map((row) => row.label)).toEqual(roadmap.channels.map((channel) => channel.name));
    expect(base?.bySegment.map((row) => row.name)).toEqual(roadmap.segments.map((segment) => segment.name));
  });

  it("shows per segment that lower churn keeps more customers, each worth more over the horizon", () => {
    const roadmap = templateWithScenarios();
    const churning = roadmap.phases.filter((phase) => phase.churnRate > 0);
    const retained: Roadmap = {
      ...roadmap,
      scenarios: [
        testScenario({
          id: "retention",
          name: "Retention",
          phases: Object.fromEntries(churning.map((phase) => [phase.id, { churnRate: 0 }])),
        }),
      ],
    };
    const [base, retention] = compareScenarios(retained, [BASE_SCENARIO_ID, "retention"])
      .scenarios as ScenarioFigures[];
    retained.segments.forEach((segment, s) => {
      const before = base?.bySegment[s];
      const after = retention?.bySegment[s];
      expect(after?.segmentId).toBe(segment.id);
      expect(after?.customersKept).toBeGreaterThan(before?.customersKept ?? Infinity);
      if (segment.annualValue > 0) {
        expect(after?.lifetimeValue).toBeGreaterThan(before?.lifetimeValue ?? Infinity);
      }
    });
  });

  it("counts a segment's collisions and its worst month when a scenario sends too much", () => {
    const roadmap = templateWithScenarios();
    const crowded: Roadmap = {
      ...roadmap,
      contactCap: 1,
      scenarios: [
        testScenario({
          id: "monthly",
          name: "Everything monthly",
          communications: Object.fromEntries(
            roadmap.communications.map((c) => [c.id, { timing: { kind: "recurring", everyMonths: 1 } as const }]),
          ),
        }),
      ],
    };
    const [base, monthly] = compareScenarios(crowded, [BASE_SCENARIO_ID, "monthly"]).scenarios as ScenarioFigures[];
    const segmentCollisions = (figures: ScenarioFigures | undefined) =>
      (figures?.bySegment ?? []).reduce((sum, segment) => sum + segment.collisions, 0);
    expect(monthly?.totals.collisions).toBeGreaterThan(base?.totals.collisions ?? Infinity);
    expect(segmentCollisions(monthly)).toBe(monthly?.totals.collisions);
    expect(segmentCollisions(base)).toBe(base?.totals.collisions);
    expect(Math.max(...(monthly?.bySegment ?? []).map((s) => s.worstContactsPerMonth))).toBeGreaterThan(1);
  });

  it("lists, for each scenario after the first, what its plan says differently from the first's", () => {
    const roadmap = templateWithScenarios();
    const [first, second] = roadmap.communications;
    const comparison = compareScenarios(roadmap, [BASE_SCENARIO_ID, "lean", "same"]);
    expect(comparison.differences.map(({ from, to }) => [from, to])).toEqual([
      [BASE_SCENARIO_ID, "lean"],
      [BASE_SCENARIO_ID, "same"],
    ]);
    const [lean, same] = comparison.differences;
    const said = (lean?.changes ?? []).map((change) => [change.kind, change.collection, change.id, change.field]);
    expect(said).toContainEqual(["removed", "communications", second?.id, null]);
    expect(said).toContainEqual(["changed", "communications", first?.id, "costPerContact"]);
    expect(said).toContainEqual(["changed", "communications", first?.id, "responseRate"]);
    expect(said.filter(([, collection]) => collection === "transitions")).toHaveLength(1);
    expect(said.filter(([, collection]) => collection === "phases")).toHaveLength(1);
    expect(same?.changes).toEqual([]);
    expect(compareScenarios(roadmap, ["lean"]).differences).toEqual([]);
  });

  it("simulates the customer flow once for scenarios that share it", () => {
    const roadmap = templateWithScenarios();
    const engine = createPlanEngine();
    compareScenarios(roadmap, [BASE_SCENARIO_ID, "as-is", "same"], engine);
    expect(engine.stats.runs).toBe(3);
    expect(engine.stats.flowSimulations).toBe(1);
  });

  it("plans each scenario with its own engine when given one per scenario, to the same figures", () => {
    const roadmap = templateWithScenarios();
    const engines = new Map([BASE_SCENARIO_ID, "as-is", "lean"].map((id) => [id, createPlanEngine()]));
    const own = compareScenarios(
      roadmap,
      [BASE_SCENARIO_ID, "as-is", "lean"],
      (id) => engines.get(id) ?? createPlanEngine(),
    );
    expect([...engines.values()].map((engine) => engine.stats.runs)).toEqual([1, 1, 1]);
    expect(own).toEqual(compareScenarios(roadmap, [BASE_SCENARIO_ID, "as-is", "lean"]));
  });

  it("treats an id the roadmap does not have as a bug of the caller", () => {
    expect(() => compareScenarios(templateWithScenarios(), [BASE_SCENARIO_ID, "nowhere"])).toThrow(/nowhere/);
  });

  it(
    "adds every breakdown up to the scenario's totals, for random roadmaps and scenarios",
    () => {
      fc.assert(
        fc.property(
          generatedRoadmaps.chain((roadmap) => fc.tuple(fc.constant(roadmap), randomScenarios(roadmap))),
          ([base, scenarios]) => {
            const roadmap = { ...base, scenarios };
            const comparison = compareScenarios(roadmap, [BASE_SCENARIO_ID, ...scenarios.map((s) => s.id)]);
            for (const figures of comparison.scenarios) {
              const { totals } = figures;
              const breakdowns: readonly (readonly { cost: number; value: number }[])[] = [
                figures.byYear,
                figures.byStage,
                figures.byOwner,
                figures.byChannel,
                figures.bySegment,
              ];
              for (const rows of breakdowns) {
                expect(sumOf(rows, "cost")).toBeCloseTo(totals.budget, 6);
                expect(sumOf(rows, "value")).toBeCloseTo(totals.value, 6);
              }
              const kept = figures.bySegment.reduce((sum, segment) => sum + segment.customersKept, 0);
              expect(kept).toBeCloseTo(totals.customersKept, 6);
              expect(figures.bySegment.reduce((sum, segment) => sum + segment.collisions, 0)).toBe(totals.collisions);
            }
          },
        ),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

/** Up to three scenarios, each leaving out some communications and overriding some values of the rest. */
function randomScenarios(roadmap: Roadmap): fc.Arbitrary<Scenario[]> {
  const communicationIds = roadmap.communications.map((c) => c.id);
  const some = (ids: readonly string[]): fc.Arbitrary<string[]> =>
    ids.length === 0 ? fc.constant([]) : fc.subarray([...ids]);
  const oneScenario = (index: number) =>
    fc
      .record({
        excluded: some(communicationIds),
        overridden: some(communicationIds),
        costPerContact: fc.double({ min: 0, max: 50, noNaN: true }),
        responseRate: fc.double({ min: 0, max: 1, noNaN: true }),
        everyMonths: fc.integer({ min: 1, max: 12 }),
        transitions: some(roadmap.transitions.map((t) => t.id)),
        rateFactor: fc.double({ min: 0, max: 1, noNaN: true }),
        phases: some(roadmap.phases.map((p) => p.id)),
        churnRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      })
      .map(
        (drawn): Scenario =>
          testScenario({
            id: `scenario-${index}`,
            name: `Scenario ${index}`,
            excludedCommunicationIds: drawn.excluded,
            communications: Object.fromEntries(
              drawn.overridden.map((id, i) => [
                id,
                i % 2 === 0
                  ? { costPerContact: drawn.costPerContact, responseRate: drawn.responseRate }
                  : { timing: { kind: "recurring", everyMonths: drawn.everyMonths } },
              ]),
            ),
            transitions: Object.fromEntries(
              drawn.transitions.map((id) => {
                const rate = roadmap.transitions.find((t) => t.id === id)?.rate ?? 0;
                return [id, { rate: rate * drawn.rateFactor }];
              }),
            ),
            phases: Object.fromEntries(drawn.phases.map((id) => [id, { churnRate: drawn.churnRate }])),
          }),
      );
  return fc
    .integer({ min: 1, max: 3 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => oneScenario(i + 1))));
}
