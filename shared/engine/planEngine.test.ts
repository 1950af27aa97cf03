import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { communicationCosts } from "../model/costs";
import { movePhases, updatePhase } from "../model/edits";
import type { Communication, Roadmap } from "../model/schema";
import { ROADMAP_TEMPLATES } from "../model/templates";
import { BUDGET_DIMENSIONS, type BudgetTable, budgetRow } from "./budget";
import { flowIndex, populationIndex } from "./flow";
import { lifetimeValueOf } from "./lifetimeValue";
import { COSTLIEST_COMMUNICATIONS, createPlanEngine, planRoadmap } from "./planEngine";
import { contactsBySendNumber } from "./schedule";
import { naivePlan } from "./testing/naivePlan";
import { fingerprint } from "./testing/planComparison";
import { blankPhase, communication, emptyRoadmap, randomRoadmaps, segment } from "./testing/randomRoadmaps";

const FAST_CHECK = propertyRuns(100);

const NOW = new Date("2026-11-23T10:00:00Z");

function template(): Roadmap {
  const b2b = ROADMAP_TEMPLATES[0];
  if (!b2b) throw new Error("no template");
  return b2b.create(NOW);
}

/** Equal to 1e-9 of the larger of the two, or of `scale` for figures close to 0. */
function expectClose(actual: number, expected: number, scale: number, what: string): void {
  const tolerance = 1e-9 * Math.max(Math.abs(actual), Math.abs(expected), scale);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${what}: ${actual} is not ${expected} (±${tolerance})`);
  }
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
}

function largest(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) max = Math.max(max, Math.abs(value));
  return max;
}

function withCommunication(roadmap: Roadmap, index: number, patch: Partial<Communication>): Roadmap {
  return {
    ...roadmap,
    communications: roadmap.communications.map((c, i) => (i === index ? { ...c, ...patch } : c)),
  };
}

describe("the plan's money", () => {
  it(
    "is never negative, and the total is the sum over communications and over months",
    () => {
      fc.assert(
        fc.property(randomRoadmaps, (roadmap) => {
          const { budget, communications } = planRoadmap(roadmap);
          for (const schedule of communications) {
            expect([...schedule.cost].every((cost) => cost >= 0)).toBe(true);
            expectClose(sum(schedule.cost), schedule.totalCost, 1, "a communication's months");
          }
          const scale = Math.max(1, budget.totalCost);
          expectClose(sum(communications.map((s) => s.totalCost)), budget.totalCost, scale, "communications");
          expectClose(sum(budget.overall.byMonth.cost), budget.totalCost, scale, "months");
          expectClose(sum(budget.overall.byQuarter.cost), budget.totalCost, scale, "quarters");
          expectClose(sum(budget.overall.byYear.cost), budget.totalCost, scale, "years");
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "adds up to the totals along every breakdown, by month, quarter and year",
    () => {
      fc.assert(
        fc.property(randomRoadmaps, (roadmap) => {
          const { budget } = planRoadmap(roadmap);
          const costScale = Math.max(1, budget.totalCost);
          const valueScale = Math.max(1, budget.totalValue);
          for (const dimension of BUDGET_DIMENSIONS) {
            const breakdown = budget.byDimension[dimension];
            expectClose(sum(breakdown.totalCost), budget.totalCost, costScale, `${dimension} cost`);
            expectClose(sum(breakdown.totalValue), budget.totalValue, valueScale, `${dimension} value`);
            for (const table of [breakdown.byMonth, breakdown.byQuarter, breakdown.byYear]) {
              expect(table.cost.length).toBe(breakdown.keys.length * table.periods.length);
              expectClose(sum(table.cost), budget.totalCost, costScale, `${dimension} cost by period`);
              expectClose(sum(table.value), budget.totalValue, valueScale, `${dimension} value by period`);
            }
          }
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("a naive second implementation", () => {
  /** Each of `expected` close to `actual(t)`; a missing list fails, so a lookup by the wrong id cannot pass. */
  function expectSeries(
    actual: (t: number) => number,
    expected: readonly number[] | undefined,
    scale: number,
    what: string,
  ) {
    if (!expected) expect.fail(`${what}: missing`);
    for (let t = 0; t < expected.length; t++) expectClose(actual(t), expected[t] ?? NaN, scale, `${what}, month ${t}`);
  }

  it(
    "agrees with the engine on populations, reach, responses, cost, value, contact pressure and lifetime value",
    () => {
      fc.assert(
        fc.property(randomRoadmaps, (roadmap) => {
          const fast = planRoadmap(roadmap);
          const naive = naivePlan(roadmap);
          const { flow } = fast;
          const P = flow.phaseIds.length;
          const people = largest([...flow.population, ...flow.entries]);
          roadmap.segments.forEach((s, si) => {
            roadmap.phases.forEach((p, pi) => {
              const cell = `${s.id} in ${p.id}`;
              const population = (t: number) => flow.population[populationIndex(flow, si, pi, t)] ?? NaN;
              expectSeries(population, naive.population.get(s.id)?.get(p.id), people, `N of ${cell}`);
              const entries = (t: number) => flow.entries[flowIndex(flow, si, pi, t)] ?? NaN;
              expectSeries(entries, naive.entries.get(s.id)?.get(p.id), people, `E of ${cell}`);
              const churned = (t: number) => flow.churned[flowIndex(flow, si, pi, t)] ?? NaN;
              expectSeries(churned, naive.churned.get(s.id)?.get(p.id), people, `churn of ${cell}`);
              const counts = Array.from(
                { length: flow.months },
                (_, t) => fast.pressure.counts[(si * P + pi) * flow.months + t],
              );
              expect(counts, `pressure on ${cell}`).toEqual(naive.pressure.get(s.id)?.get(p.id));
              const clv = fast.lifetimeValue.values[si * P + pi] ?? NaN;
              expectClose(clv, naive.lifetimeValue.get(s.id)?.get(p.id) ?? NaN, s.annualValue, `CLV of ${cell}`);
            });
          });
          const money = largest(fast.communications.flatMap((c) => [...c.cost, ...c.value]));
          roadmap.communications.forEach((c, ci) => {
            const schedule = fast.communications[ci];
            expectSeries((t) => schedule?.reach[t] ?? NaN, naive.reach.get(c.id), people, `reach of ${c.id}`);
            expectSeries(
              (t) => schedule?.customersReached[t] ?? NaN,
              naive.customersReached.get(c.id),
              people,
              `customers reached by ${c.id}`,
            );
            expectSeries(
              (t) => schedule?.responses[t] ?? NaN,
              naive.responses.get(c.id),
              people,
              `responses to ${c.id}`,
            );
            expectSeries((t) => schedule?.cost[t] ?? NaN, naive.cost.get(c.id), money, `cost of ${c.id}`);
            expectSeries((t) => schedule?.value[t] ?? NaN, naive.value.get(c.id), money, `value of ${c.id}`);
          });
          const overCap = (
            counts: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>> | undefined,
            cap: number,
            capOf: string,
          ) =>
            roadmap.segments.flatMap((s) =>
              roadmap.phases.flatMap((p) =>
                (counts?.get(s.id)?.get(p.id) ?? []).flatMap((count, month) =>
                  count > cap ? [{ segmentId: s.id, phaseId: p.id, month, capOf, count }] : [],
                ),
              ),
            );
          const expectedCollisions = [
            ...overCap(naive.pressure, roadmap.contactCap, "roadmap"),
            ...roadmap.channels.flatMap((channel) =>
              channel.contactCap === null
                ? []
                : overCap(naive.channelPressure.get(channel.id), channel.contactCap, channel.id),
            ),
          ];
          const key = (c: { segmentId: string; phaseId: string; month: number; capOf: string; count: number }) =>
            `${c.segmentId} ${c.phaseId} ${c.month} ${c.capOf} ${c.count}`;
          expect(fast.pressure.collisions.map(key).sort()).toEqual(expectedCollisions.map(key).sort());
          for (const collision of fast.pressure.collisions.filter((c) => c.capOf === "roadmap")) {
            const entry = naive.pressureEntry.get(collision.segmentId)?.get(collision.phaseId)?.[collision.month];
            expect(collision.entryMonth, `cohort of ${key(collision)}`).toBe(entry);
          }
        }),
        { ...FAST_CHECK, numRuns: 60 },
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("responses", () => {
  it(
    "never exceed the customers reached, who never exceed the contacts made",
    () => {
      fc.assert(
        fc.property(randomRoadmaps, (roadmap) => {
          const { communications, budget } = planRoadmap(roadmap);
          let customersReached = 0;
          for (const schedule of communications) {
            const what = `communication ${schedule.communicationId}`;
            expect(schedule.totalResponses, what).toBeLessThanOrEqual(schedule.totalCustomersReached * (1 + 1e-12));
            expect(schedule.totalCustomersReached, what).toBeLessThanOrEqual(schedule.totalReach * (1 + 1e-12));
            customersReached += schedule.totalCustomersReached;
          }
          expect(budget.totalResponses).toBeLessThanOrEqual(customersReached * (1 + 1e-12));
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("createPlanEngine", () => {
  it(
    "after a change of one cost per contact by δ, changes the total by Σ reach × δ without re-simulating",
    () => {
      const edit = fc
        .record({
          roadmap: randomRoadmaps.filter((roadmap) => roadmap.communications.length > 0),
          which: fc.nat(),
          delta: fc.integer({ min: 1, max: 100_000 }).map((n) => n / 1000),
        })
        .map(({ roadmap, which, delta }) => ({ roadmap, index: which % roadmap.communications.length, delta }));
      fc.assert(
        fc.property(edit, ({ roadmap, index, delta }) => {
          const engine = createPlanEngine();
          const before = engine.run(roadmap);
          const { flowSimulations, communicationSchedules } = engine.stats;
          const changed = roadmap.communications[index] as Communication;
          const channel = roadmap.channels.find((c) => c.id === changed.channelId);
          const costPerContact = communicationCosts(changed, channel).costPerContact + delta;
          const edited = withCommunication(roadmap, index, { costPerContact });
          const after = engine.run(edited);

          const reach = before.communications[index]?.reach ?? new Float64Array();
          const expected = sum(reach) * delta;
          expectClose(after.budget.totalCost - before.budget.totalCost, expected, 1e-6 * before.budget.totalCost, "Δ");
          expect(engine.stats.flowSimulations).toBe(flowSimulations);
          expect(after.flow).toBe(before.flow);
          expect(engine.stats.communicationSchedules).toBe(communicationSchedules + 1);
          expect(fingerprint(after)).toBe(fingerprint(planRoadmap(edited)));
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "gives identical results, bit for bit, for deep copies of a roadmap",
    () => {
      fc.assert(
        fc.property(randomRoadmaps, (roadmap) => {
          const engine = createPlanEngine();
          const first = fingerprint(engine.run(structuredClone(roadmap)));
          expect(fingerprint(engine.run(structuredClone(roadmap)))).toBe(first);
          expect(fingerprint(createPlanEngine().run(structuredClone(roadmap)))).toBe(first);
        }),
        { ...FAST_CHECK, numRuns: 50 },
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("does not re-simulate the flow when a phase only moves on the canvas", () => {
    const engine = createPlanEngine();
    const roadmap = template();
    const before = engine.run(roadmap);
    const after = engine.run(movePhases(roadmap, new Map([["phase-trial", { x: 40, y: 400 }]])));
    expect(engine.stats.flowSimulations).toBe(1);
    expect(engine.stats.budgetRollUps).toBe(1);
    expect(after.flow).toBe(before.flow);
    expect(after.budget).toBe(before.budget);
  });

  it("re-simulates and reschedules everything when the flow changes", () => {
    const engine = createPlanEngine();
    const roadmap = template();
    const before = engine.run(roadmap);
    const after = engine.run(updatePhase(roadmap, "phase-trial", { churnRate: 0.3 }));
    expect(engine.stats.flowSimulations).toBe(2);
    expect(engine.stats.communicationSchedules).toBe(2 * roadmap.communications.length);
    expect(after.budget.totalCost).not.toBe(before.budget.totalCost);
  });

  it("updates the phase summaries when the flow changes, also without communications", () => {
    const engine = createPlanEngine();
    const roadmap: Roadmap = { ...template(), communications: [] };
    const before = engine.run(roadmap);
    const after = engine.run(updatePhase(roadmap, "phase-trial", { initialCustomers: { enterprise: 1 } }));
    expect(after.phases[0]?.customersAtStart).toBe(1);
    expect(before.phases[0]?.customersAtStart).toBe(371);
  });

  it("recomputes only what reads a changed figure", () => {
    const engine = createPlanEngine();
    const roadmap = template();
    engine.run(roadmap);
    const countsAfter = (next: Roadmap) => {
      engine.run(next);
      return { ...engine.stats };
    };
    const stricter = { ...roadmap, contactCap: 3 };
    expect(countsAfter(stricter)).toMatchObject({
      flowSimulations: 1,
      pressureMeasurements: 2,
      lifetimeValueCalculations: 1,
    });
    const richer = { ...stricter, segments: stricter.segments.map((s) => ({ ...s, annualValue: s.annualValue * 2 })) };
    expect(countsAfter(richer)).toMatchObject({
      flowSimulations: 1,
      pressureMeasurements: 2,
      lifetimeValueCalculations: 2,
    });
    expect(countsAfter(withCommunication(richer, 0, { name: "Renamed" }))).toMatchObject({
      flowSimulations: 1,
      communicationSchedules: roadmap.communications.length + 1,
      pressureMeasurements: 2,
    });
    expect(countsAfter(withCommunication(richer, 0, { timing: { kind: "recurring", everyMonths: 2 } }))).toMatchObject({
      communicationSchedules: roadmap.communications.length + 2,
      pressureMeasurements: 3,
    });
  });
});

describe("the budget's breakdowns", () => {
  /** 300 small and 100 large customers in one phase. */
  const oneSend = (patch: Partial<Communication>): Roadmap => ({
    ...emptyRoadmap(),
    horizonMonths: 1,
    segments: [segment("small", 0), segment("large", 0)],
    phases: [{ ...blankPhase("a"), initialCustomers: { small: 300, large: 100 } }],
    communications: [communication("mail", "a", patch)],
  });

  it("splits a send's cost, fixed cost included, between segments by the customers reached in each", () => {
    const { budget } = planRoadmap(
      oneSend({ fixedCost: 400, costPerContact: 1, responseRate: 0.1, valuePerResponse: 10 }),
    );
    // 400 + 1 · 400 = 800: three quarters for small business, one quarter for large.
    expect([...budget.byDimension.segment.totalCost]).toEqual([600, 200]);
    expect([...budget.byDimension.segment.totalValue]).toEqual([300, 100]);
  });

  it("adds a stage up from its phases, and lists stages without phases at 0", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 2,
      phases: [
        { ...blankPhase("a"), stageId: "onboard", initialCustomers: { "segment-1": 10 } },
        { ...blankPhase("b"), stageId: "onboard", initialCustomers: { "segment-1": 20 } },
        { ...blankPhase("c"), stageId: "retain", initialCustomers: { "segment-1": 40 } },
      ],
      communications: ["a", "b", "c"].map((phaseId) =>
        communication(`mail-${phaseId}`, phaseId, { costPerContact: 1 }),
      ),
    };
    const stages = planRoadmap(roadmap).budget.byDimension.stage;
    expect(stages.keys).toEqual(["acquire", "onboard", "develop", "retain", "atRisk", "winBack"]);
    expect([...stages.totalCost]).toEqual([0, 60, 0, 80, 0, 0]);
  });

  it("keeps a communication's money in the breakdown even when its channel or owner is not listed", () => {
    const roadmap = oneSend({ costPerContact: 1, channelId: "carrier-pigeon", ownerId: "owner-gone" });
    const { byDimension } = planRoadmap(roadmap).budget;
    expect(byDimension.channel.keys.at(-1)).toBe("carrier-pigeon");
    expect(byDimension.channel.totalCost.at(-1)).toBe(400);
    expect(byDimension.owner.keys.at(-1)).toBe("owner-gone");
  });

  it("hands out one key's row of a table", () => {
    const { byDimension } = planRoadmap(oneSend({ costPerContact: 1 })).budget;
    expect(budgetRow(byDimension.segment.byMonth, "large")).toEqual({
      cost: Float64Array.of(100),
      value: Float64Array.of(0),
    });
    expect(budgetRow(byDimension.segment.byMonth, "medium")).toBeUndefined();
  });

  it("lists purposes in the schema's order", () => {
    const { keys } = planRoadmap(oneSend({})).budget.byDimension.purpose;
    expect(keys.slice(0, 3)).toEqual(["welcome", "education", "crossSell"]);
  });
});

describe("the plan's summaries", () => {
  it("lists the costliest communications, most expensive first, ties in document order, free ones left out", () => {
    const costs = [5, 0, 30, 12, 30, 1, 2, 3, 4, 6, 7, 8, 9];
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 1,
      phases: [{ ...blankPhase("a"), initialCustomers: { "segment-1": 1 } }],
      communications: costs.map((cost, i) => communication(`c${i}`, "a", { fixedCost: cost })),
    };
    const ids = planRoadmap(roadmap).costliestCommunications.map((c) => c.communicationId);
    expect(ids).toEqual(["c2", "c4", "c3", "c12", "c11", "c10", "c9", "c0", "c8", "c7"]);
    expect(ids).toHaveLength(COSTLIEST_COMMUNICATIONS);
  });

  it("gives each phase its average customers and average monthly cost", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 4,
      phases: [
        {
          ...blankPhase("a"),
          initialCustomers: { "segment-1": 1000 },
          arrivalsPerMonth: { "segment-1": 100 },
          churnRate: 0.1,
        },
        { ...blankPhase("b"), initialCustomers: { "segment-1": 200 }, churnRate: 0.5 },
      ],
      transitions: [
        { id: "a-to-b", from: "a", to: "b", rate: 0.2, rateBySegment: {}, trigger: "", markedAsLoop: false },
      ],
      communications: [communication("tips", "a", { fixedCost: 10, costPerContact: 1 })],
    };
    const [a, b] = planRoadmap(roadmap).phases;
    // Customers in A at the start of months 0–3: 1000, 800, 660, 562; cost 10 + 1 per customer each month.
    expect(a?.averageCustomers).toBeCloseTo(755.5, 9);
    expect(a?.averageMonthlyCost).toBeCloseTo(765.5, 9);
    expect(a?.customersAtEnd).toBeCloseTo(493.4, 9);
    expect(a?.entries).toBeCloseTo(400, 9);
    expect(b?.averageCustomers).toBeCloseTo(274.25, 9);
    expect(b?.totalCost).toBe(0);
  });

  it("counts customers kept: at the start, arriving, churned and left at the end", () => {
    const { customers } = planRoadmap(template());
    expect(customers.atStart).toBe(6666);
    expect(customers.arrivals).toBe(24 * 238);
    expect(customers.atEnd + customers.churned).toBeCloseTo(customers.atStart + customers.arrivals, 6);
    expect(customers.bySegment.map((s) => s.segmentId)).toEqual(["enterprise", "midMarket", "smallBusiness"]);
  });
});

describe("the B2B subscription template", () => {
  const plan = planRoadmap(template());

  it("costs and brings something, finitely", () => {
    for (const figure of [plan.budget.totalCost, plan.budget.totalValue, plan.budget.roi ?? NaN]) {
      expect(Number.isFinite(figure) && figure > 0).toBe(true);
    }
  });

  it("has no diagnostics", () => {
    expect(plan.diagnostics).toEqual([]);
  });

  it("flags responses worth more than a customer's year when a segment's value drops, and not once it is back", () => {
    const engine = createPlanEngine();
    const roadmap = template();
    engine.run(roadmap);
    const cheaper = {
      ...roadmap,
      segments: roadmap.segments.map((s) => (s.id === "smallBusiness" ? { ...s, annualValue: 100 } : s)),
    };
    const flagged = engine.run(cheaper).diagnostics.filter((d) => d.kind === "valueAboveAnnualValue");
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((d) => "segmentIds" in d && d.segmentIds.join() === "smallBusiness")).toBe(true);
    expect(engine.run(roadmap).diagnostics).toEqual([]);
    expect(engine.stats.communicationSchedules).toBe(roadmap.communications.length);
  });

  it("collides in Active single-product for small businesses, with four owners involved", () => {
    const collisions = plan.pressure.collisions.filter(
      (c) => c.phaseId === "phase-active-single" && c.segmentId === "smallBusiness",
    );
    expect(collisions.length).toBeGreaterThan(0);
    expect(collisions[0]?.month).toBe(0);
    expect(collisions[0]?.count).toBe(5);
    expect(collisions[0]?.ownerIds).toHaveLength(4);
    expect(collisions[0]?.communications.map((c) => c.communicationId)).toContain("comm-reseller-seat-expansion");
  });

  it("values an enterprise customer above a mid-market one above a small business, from every phase", () => {
    const { values, phaseIds, segmentIds, entryPhaseIds } = plan.lifetimeValue;
    expect(segmentIds).toEqual(["enterprise", "midMarket", "smallBusiness"]);
    expect(lifetimeValueOf(plan.lifetimeValue, "enterprise", "phase-trial")).toBe(values[0]);
    expect(lifetimeValueOf(plan.lifetimeValue, "enterprise", "no-such-phase")).toBeUndefined();
    expect(entryPhaseIds).toEqual(["phase-trial", "phase-first-90-days"]);
    const P = phaseIds.length;
    phaseIds.forEach((phaseId, p) => {
      const [enterprise, midMarket, smallBusiness] = [0, 1, 2].map((s) => values[s * P + p] ?? NaN);
      expect(enterprise, phaseId).toBeGreaterThan(midMarket ?? NaN);
      expect(midMarket, phaseId).toBeGreaterThan(smallBusiness ?? NaN);
    });
  });

  it("rolls up by calendar quarter, the first one partial", () => {
    const quarters: BudgetTable = plan.budget.overall.byQuarter;
    expect(quarters.periods[0]).toEqual({ label: "2026 Q4", firstMonth: 0, monthCount: 1 });
    expect(quarters.cost[0]).toBe(plan.budget.overall.byMonth.cost[0]);
  });
});

describe("contactsBySendNumber", () => {
  it(
    "splits every communication's contacts by how often the customer had it, giving its customers and responses back",
    () => {
      fc.assert(
        fc.property(randomRoadmaps, (roadmap) => {
          const plan = planRoadmap(roadmap);
          roadmap.communications.forEach((communication, c) => {
            const schedule = plan.communications[c];
            if (!schedule) expect.fail(`no schedule for ${communication.id}`);
            const bySend = contactsBySendNumber(plan.flow, communication, schedule);
            const rate = communication.responseRate;
            const scale = Math.max(1, schedule.totalReach);
            expectClose(sum(bySend), schedule.totalReach, scale, `contacts of ${communication.id}`);
            expectClose(bySend[0] ?? 0, schedule.totalCustomersReached, scale, `customers of ${communication.id}`);
            const responses = sum(bySend.map((contacts, i) => contacts * rate * (1 - rate) ** i));
            expectClose(responses, schedule.totalResponses, scale, `responses to ${communication.id}`);
          });
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
