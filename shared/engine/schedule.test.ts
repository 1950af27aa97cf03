import { describe, expect, it } from "vitest";
import type { Communication, Roadmap } from "../model/schema";
import { simulateCustomerFlow } from "./flow";
import { returnOnInvestment, scheduleCommunication } from "./schedule";
import { blankPhase, communication, emptyRoadmap, segment } from "./testing/randomRoadmaps";

/**
 * Phase A: 1000 customers, 100 arrivals a month, 10 % churn, 20 % a month on to B.
 * Phase B: 200 customers, 50 % churn. Entries into B: 200, 160, 132, 112.4, …;
 * customers in A at the start of each month: 1000, 800, 660, 562, …
 */
function chain(horizonMonths = 4): Roadmap {
  return {
    ...emptyRoadmap(),
    horizonMonths,
    phases: [
      {
        ...blankPhase("a"),
        initialCustomers: { "segment-1": 1000 },
        arrivalsPerMonth: { "segment-1": 100 },
        churnRate: 0.1,
      },
      { ...blankPhase("b"), initialCustomers: { "segment-1": 200 }, churnRate: 0.5 },
    ],
    transitions: [{ id: "a-to-b", from: "a", to: "b", rate: 0.2, rateBySegment: {}, trigger: "", markedAsLoop: false }],
  };
}

function schedule(roadmap: Roadmap, sent: Communication) {
  // The test roadmaps' communications set their costs, so no channel is needed.
  return scheduleCommunication(simulateCustomerFlow(roadmap), sent);
}

const close = (values: number[]) => values.map((value) => expect.closeTo(value, 9));

describe("scheduleCommunication", () => {
  it("reaches, on entry, the customers who entered the phase offsetMonths earlier, times the audience share", () => {
    const sent = communication("welcome", "b", {
      timing: { kind: "onEntry", offsetMonths: 1 },
      audience: { segmentIds: [], roleIds: [], share: 0.5 },
    });
    const plan = schedule(chain(), sent);
    expect([...plan.reach]).toEqual(close([0, 100, 80, 66]));
    expect([...plan.fires]).toEqual([0, 1, 1, 1]);
  });

  it("reaches, on entry with a longer offset, only the customers of that month's entrants still in the phase", () => {
    // B keeps half its customers a month (50 % churn): of 200 entrants in month 0, 100 are left in month 2, 50 in month 3.
    const sent = communication("check-in", "b", { timing: { kind: "onEntry", offsetMonths: 3 } });
    expect([...schedule(chain(), sent).reach]).toEqual(close([0, 0, 0, 50]));
    const twoMonths = communication("check-in", "b", { timing: { kind: "onEntry", offsetMonths: 2 } });
    expect([...schedule(chain(), twoMonths).reach]).toEqual(close([0, 0, 100, 80]));
  });

  it("sends on entry in the month of entry when the offset is 0", () => {
    const sent = communication("welcome", "b", { timing: { kind: "onEntry", offsetMonths: 0 } });
    expect([...schedule(chain(), sent).reach]).toEqual(close([200, 160, 132, 112.4]));
  });

  it("reaches, recurring every k months, the phase's customers in months 0, k, 2k…", () => {
    const roadmap = chain(7);
    const flow = simulateCustomerFlow(roadmap);
    const plan = scheduleCommunication(
      flow,
      communication("tips", "a", { timing: { kind: "recurring", everyMonths: 3 } }),
    );
    expect([...plan.fires]).toEqual([1, 0, 0, 1, 0, 0, 1]);
    expect(plan.reach[3]).toBeCloseTo(562, 9);
    expect(plan.sends).toBe(3);
  });

  it("reaches, one-off, the phase's customers in its month only", () => {
    const sent = communication("event", "a", { timing: { kind: "oneOff", month: 2 } });
    expect([...schedule(chain(), sent).reach]).toEqual(close([0, 0, 660, 0]));
  });

  it("counts only the segments of the audience", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 1,
      segments: [segment("small", 0), segment("large", 0)],
      phases: [{ ...blankPhase("a"), initialCustomers: { small: 300, large: 20 } }],
    };
    const all = communication("all", "a");
    const large = communication("large", "a", { audience: { segmentIds: ["large"], roleIds: [], share: 1 } });
    expect(schedule(roadmap, all).reach[0]).toBe(320);
    expect(schedule(roadmap, large).reach[0]).toBe(20);
    expect([...schedule(roadmap, large).segmentIndices]).toEqual([1]);
  });

  it("charges the fixed cost once for each month it fires, plus the cost per contact", () => {
    const sent = communication("tips", "a", { fixedCost: 150, costPerContact: 0.5 });
    const plan = schedule(chain(), sent);
    expect([...plan.cost]).toEqual(close([650, 550, 480, 431]));
    expect(plan.totalCost).toBeCloseTo(2111, 9);
  });

  it("costs nothing in a month with no one to reach, fixed cost included", () => {
    const roadmap: Roadmap = { ...chain(), phases: [...chain().phases, blankPhase("empty")] };
    const plan = schedule(roadmap, communication("unread", "empty", { fixedCost: 500, costPerContact: 1 }));
    expect(plan.sends).toBe(0);
    expect(plan.totalCost).toBe(0);
    expect(plan.roi).toBeNull();
  });

  it("never sends a retired communication", () => {
    const plan = schedule(chain(), communication("old", "a", { status: "retired", fixedCost: 500 }));
    expect([...plan.reach]).toEqual([0, 0, 0, 0]);
    expect(plan.totalCost).toBe(0);
  });

  it("earns from each customer at most once per stay: a monthly send reaches those who have not responded yet", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 3,
      phases: [{ ...blankPhase("a"), initialCustomers: { "segment-1": 100 } }],
    };
    const plan = schedule(
      roadmap,
      communication("offer", "a", { costPerContact: 1, responseRate: 0.2, valuePerResponse: 10 }),
    );
    expect([...plan.reach]).toEqual([100, 100, 100]);
    expect([...plan.customersReached]).toEqual([100, 0, 0]);
    expect([...plan.responses]).toEqual(close([20, 16, 12.8]));
    expect(plan.totalResponses).toBeCloseTo(48.8, 9);
    expect(plan.totalValue).toBeCloseTo(488, 9);
    expect(plan.totalCost).toBe(300);
  });

  it("counts customers who enter between two sends as newly reached, and ready to respond", () => {
    // A: 1000 at the start, 100 arrivals a month; 70 % stay. Every 2 months: months 0 and 2.
    const plan = schedule(
      chain(3),
      communication("offer", "a", { timing: { kind: "recurring", everyMonths: 2 }, responseRate: 0.5 }),
    );
    // Month 2: the 1000 reached in month 0 are 490 now (half answered), plus 100·0.7 + 100 who entered since.
    expect([...plan.customersReached]).toEqual(close([1000, 0, 170]));
    expect([...plan.responses]).toEqual(close([500, 0, 0.5 * (500 * 0.49 + 170)]));
  });

  it("expects reach × response rate responses, each worth the value per response", () => {
    const sent = communication("offer", "a", {
      timing: { kind: "oneOff", month: 0 },
      fixedCost: 100,
      costPerContact: 1,
      responseRate: 0.05,
      valuePerResponse: 40,
    });
    const plan = schedule(chain(), sent);
    expect(plan.totalResponses).toBeCloseTo(50, 9);
    expect(plan.totalValue).toBeCloseTo(2000, 9);
    expect(plan.roi).toBeCloseTo((2000 - 1100) / 1100, 12);
  });
});

describe("returnOnInvestment", () => {
  it("is (value − cost) / cost, and null when nothing is spent", () => {
    expect(returnOnInvestment(300, 100)).toBe(2);
    expect(returnOnInvestment(50, 100)).toBe(-0.5);
    expect(returnOnInvestment(50, 0)).toBeNull();
  });
});
