import { describe, expect, it } from "vitest";
import { updateCommunication, updatePhase, updateTransition } from "./edits";
import { describeDifference, differenceParts, diffRoadmaps, type RoadmapDifference } from "./roadmapDiff";
import type { Roadmap } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";
import { testScenario } from "./testing/scenario";

function sentences(before: Roadmap, after: Roadmap, format?: Parameters<typeof describeDifference>[2]): string[] {
  return diffRoadmaps(before, after).map((d) => describeDifference(d, after, format));
}

const roadmap = sampleRoadmap();

describe("describeDifference", () => {
  it("says what was added and removed, naming the item", () => {
    const after: Roadmap = {
      ...roadmap,
      phases: [
        ...roadmap.phases,
        { ...(roadmap.phases[0] as Roadmap["phases"][number]), id: "p-on", name: "Onboarding" },
      ],
      communications: [],
    };
    expect(sentences(roadmap, after)).toEqual([
      "Added the phase Onboarding",
      "Removed the communication Welcome email",
    ]);
  });

  it("writes rates as percentages and names the field in words", () => {
    const after = updateCommunication(roadmap, "comm-welcome", { responseRate: 0.12, personalisation: "oneToOne" });
    expect(sentences(roadmap, after)).toEqual([
      "Changed the personalisation of Welcome email from Mass to One-to-one",
      "Changed the response rate of Welcome email from 10 % to 12 %",
    ]);
  });

  it("writes timings as the capture table does, whether the kind or only a number changed", () => {
    const recurring = updateCommunication(roadmap, "comm-welcome", { timing: { kind: "recurring", everyMonths: 3 } });
    expect(sentences(roadmap, recurring)).toEqual([
      "Changed the timing of Welcome email from on entry to every 3 months",
    ]);
    const slower = updateCommunication(recurring, "comm-welcome", { timing: { kind: "recurring", everyMonths: 6 } });
    expect(sentences(recurring, slower)).toEqual([
      "Changed the timing of Welcome email from every 3 months to every 6 months",
    ]);
  });

  it("writes money with the formatter given, with the currency code otherwise, and leaves amounts out while costs are hidden", () => {
    const after = updateCommunication(roadmap, "comm-welcome", { fixedCost: 250, valuePerResponse: 30 });
    const money = (value: number) => `€${value.toFixed(2)}`;
    expect(sentences(roadmap, after, { money })).toEqual([
      "Changed the fixed cost of Welcome email from the channel's default to €250.00",
      "Changed the value per response of Welcome email from €20.00 to €30.00",
    ]);
    expect(sentences(roadmap, after)).toEqual([
      "Changed the fixed cost of Welcome email from the channel's default to 250 EUR",
      "Changed the value per response of Welcome email from 20 EUR to 30 EUR",
    ]);
    expect(sentences(roadmap, after, { money: null })).toEqual([
      "Changed the fixed cost of Welcome email",
      "Changed the value per response of Welcome email",
    ]);
  });

  it("names the segments, phases, channels and stages that ids stand for", () => {
    let after = updateTransition(roadmap, "tr-settles", { rateBySegment: { smb: 0.25 } });
    after = updatePhase(after, "phase-new", { stageId: "acquire", initialCustomers: { smb: 120 } });
    after = updateCommunication(after, "comm-welcome", {
      audience: { segmentIds: [], roleIds: ["role-admin"], share: 1 },
    });
    expect(sentences(roadmap, after)).toEqual([
      "Changed the stage of New customer from Onboard to Acquire",
      "Changed the customers at the start in Small business of New customer from 100 to 120",
      "Set the rate for Small business of New customer → Active to 25 %",
      "Changed the segments reached of Welcome email from Small business to all segments",
    ]);
  });

  it("describes settings, the survey and the sticky notes in words", () => {
    const after: Roadmap = { ...roadmap, contactCap: 6, horizonMonths: 24, annualDiscountRate: 0.08, name: "Renewal" };
    expect(sentences(roadmap, after)).toEqual([
      "Changed the name from “Sample roadmap” to “Renewal”",
      "Changed the horizon from 12 months to 24 months",
      "Changed the annual discount rate from 10 % to 8 %",
      "Changed the contact cap from 4 to 6",
    ]);
    const notes: RoadmapDifference = {
      kind: "changed",
      collection: "settings",
      id: null,
      label: "Sticky notes",
      field: "stickyNotes",
      before: { notes: 1, open: 1 },
      after: { notes: 4, open: 2 },
    };
    expect(describeDifference(notes)).toBe("Changed the sticky notes from 1 note (1 open) to 4 notes (2 open)");
    const waves: RoadmapDifference = {
      ...notes,
      label: "Survey waves",
      field: "survey.waves",
      before: { waves: 2, respondents: 140 },
      after: { waves: 3, respondents: 210 },
    };
    expect(describeDifference(waves)).toBe(
      "Changed the survey waves from 2 waves (140 respondents) to 3 waves (210 respondents)",
    );
  });

  it("says what a scenario sets, clears and leaves out, in that scenario's name", () => {
    const lean = {
      id: "lean",
      name: "Lean",
      notes: "",
      excludedCommunicationIds: [],
      communications: { "comm-welcome": { responseRate: 0.05 } },
      transitions: {},
      phases: {},
      optimisation: null,
    };
    const before: Roadmap = { ...roadmap, scenarios: [lean] };
    const after: Roadmap = {
      ...roadmap,
      scenarios: [
        {
          ...lean,
          excludedCommunicationIds: ["comm-welcome"],
          communications: {},
          transitions: { "tr-settles": { rate: 0.2 } },
        },
      ],
    };
    expect(sentences(before, after)).toEqual([
      "Changed the communications left out in the scenario Lean from none to Welcome email",
      "Cleared the response rate of Welcome email in the scenario Lean (was 5 %)",
      "Set the rate of New customer → Active in the scenario Lean to 20 %",
    ]);
  });

  it("names ids it cannot find by the id, and describes without a roadmap", () => {
    const after = updateCommunication(roadmap, "comm-welcome", { channelId: "gone" });
    const [difference] = diffRoadmaps(roadmap, after);
    if (!difference) throw new Error("expected a difference");
    expect(describeDifference(difference)).toBe("Changed the channel of Welcome email from email to gone");
    expect(describeDifference(difference, roadmap)).toBe("Changed the channel of Welcome email from Email to gone");
  });
});

describe("describeDifference of the optimiser's settings", () => {
  const money = (value: number) => `€${new Intl.NumberFormat("en").format(value)}`;
  const withOptimiser = (change: Partial<Roadmap["optimiser"]>): Roadmap => ({
    ...roadmap,
    optimiser: { ...roadmap.optimiser, ...change },
  });

  it("says how the budget, objective, caps and solver changed, with no limit for an empty budget", () => {
    const before = withOptimiser({ budget: 1_000_000 });
    const after = withOptimiser({
      budget: 800_000,
      objective: "value",
      respectContactCaps: false,
      timeLimitSeconds: 30,
      gapTolerance: 0.01,
    });
    expect(sentences(before, after, { money })).toEqual([
      "Changed the optimiser's objective from most net value to most value within the budget",
      "Changed the optimiser's budget from €1,000,000 to €800,000",
      "Changed the optimiser's contact caps from kept to not kept",
      "Changed the optimiser's time limit from 10 seconds to 30 seconds",
      "Changed the optimiser's gap tolerance from 0.5 % to 1 %",
    ]);
    expect(sentences(roadmap, before, { money })).toEqual([
      "Changed the optimiser's budget from no limit to €1,000,000",
    ]);
    expect(sentences(before, after, { money: null })[1]).toBe("Changed the optimiser's budget");
  });

  it("names the years, owners, purposes, phases and communications of budgets, rules and alternatives", () => {
    const after = withOptimiser({
      yearBudgets: [{ year: 0, budget: 300_000 }],
      ownerBudgets: [{ ownerId: "owner-marketing", budget: 50_000 }],
      purposeCoverage: [
        { id: "rule-1", purposes: ["retention", "loyalty"], phaseIds: [] },
        { id: "rule-2", purposes: ["welcome"], phaseIds: ["phase-new"] },
      ],
      exclusiveGroups: [{ id: "group-1", name: "Welcome", communicationIds: ["comm-welcome", "comm-gone"] }],
    });
    expect(sentences(roadmap, after, { money })).toEqual([
      "Changed the optimiser's budgets per year from none to year 1: €300,000",
      "Changed the optimiser's budgets per owner from none to Marketing: €50,000",
      "Changed the optimiser's purpose coverage from none to Retention or Loyalty in every phase; Welcome in New customer",
      "Changed the optimiser's alternatives from none to “Welcome”: Welcome email, comm-gone",
    ]);
  });

  it("says a communication was locked in, left out or freed, in a sentence of its own", () => {
    const lock = (value: "free" | "in" | "out") =>
      withOptimiser({ communications: { "comm-welcome": { everyMonths: [], personalisation: [], lock: value } } });
    expect(sentences(roadmap, lock("in"))).toEqual(["Locked Welcome email in for the optimiser"]);
    expect(sentences(lock("in"), lock("out"))).toEqual(["Locked Welcome email out for the optimiser"]);
    expect(sentences(lock("out"), roadmap)).toEqual(["Let the optimiser decide on Welcome email again"]);
    const [difference] = diffRoadmaps(roadmap, lock("in"));
    if (!difference) throw new Error("expected a difference");
    expect(differenceParts(difference, roadmap)).toMatchObject({
      label: "Optimiser's lock on Welcome email",
      before: "free",
      after: "locked in",
    });
  });

  it("sums up one communication's options, and those of many as counts", () => {
    const options = withOptimiser({
      communications: {
        "comm-welcome": {
          everyMonths: [2, 3],
          personalisation: [{ level: "segment", fixedCost: 225, costPerContact: null, responseRate: 0.13 }],
          lock: "free",
        },
      },
    });
    expect(sentences(roadmap, options, { money })).toEqual([
      "Changed the optimiser's options for Welcome email from none to every 2 or 3 months; by segment (€225 a send, its own cost per contact, 13 % response)",
    ]);
    expect(sentences(roadmap, options, { money: null })).toEqual([
      "Changed the optimiser's options for Welcome email from none to every 2 or 3 months; by segment (13 % response)",
    ]);

    const many = {
      ...roadmap,
      communications: Array.from({ length: 12 }, (_, i) => ({
        ...(roadmap.communications[0] as Roadmap["communications"][number]),
        id: `comm-${i}`,
        name: `Send ${i}`,
      })),
    };
    const offered: Roadmap = {
      ...many,
      optimiser: {
        ...many.optimiser,
        communications: Object.fromEntries(
          many.communications.map((c) => [c.id, { everyMonths: [2], personalisation: [], lock: "free" as const }]),
        ),
      },
    };
    expect(sentences(many, offered)).toEqual([
      "Changed the optimiser's options of 12 communications from 0 with other frequencies and 0 with other personalisation to 12 with other frequencies and 0 with other personalisation",
    ]);
  });

  it("says how a scenario was optimised in one line, never field by field", () => {
    const record: NonNullable<Roadmap["scenarios"][number]["optimisation"]> = {
      createdAt: "2026-12-07T03:00:00.000Z",
      fromScenarioId: "base",
      fromScenarioName: "Plan",
      settings: { ...roadmap.optimiser, budget: 800_000 },
      status: "timeLimit",
      gap: 0.012,
      objective: 1,
      cost: 790_000,
      value: 2_000_000,
      planCost: 1_000_000,
      planValue: 2_100_000,
      frontier: [{ budget: 800_000, cost: 790_000, value: 2_000_000, net: 1_210_000, feasible: true }],
      marginalBudget: null,
      marginalContact: null,
      binding: ["the budget of €800,000"],
      reasons: { "comm-welcome": "dropped: €0.40 back per € spent" },
    };
    const optimised = testScenario({ id: "opt", name: "Optimised", optimisation: record });
    const before: Roadmap = { ...roadmap, scenarios: [testScenario({ id: "opt", name: "Optimised" })] };
    const after: Roadmap = { ...roadmap, scenarios: [optimised] };
    expect(sentences(before, after, { money })).toEqual([
      "Optimised the scenario Optimised with a budget of €800,000, for the most net value, stopped early within 1.2 % of the best",
    ]);
    expect(sentences(roadmap, after, { money })).toEqual([
      "Added the scenario Optimised",
      "Optimised the scenario Optimised with a budget of €800,000, for the most net value, stopped early within 1.2 % of the best",
    ]);
    expect(sentences(after, before, { money })).toEqual(["Forgot how the scenario Optimised was optimised"]);
    expect(sentences(before, after, { money: null })).toEqual(["Optimised the scenario Optimised"]);
  });
});

describe("differenceParts", () => {
  it("splits a change into the columns a list shows", () => {
    const [difference] = diffRoadmaps(roadmap, updateCommunication(roadmap, "comm-welcome", { responseRate: 0.12 }));
    if (!difference) throw new Error("expected a difference");
    expect(differenceParts(difference, roadmap)).toEqual({
      verb: "Changed",
      noun: "communication",
      label: "Welcome email",
      field: "response rate",
      before: "10 %",
      after: "12 %",
      hidden: false,
    });
  });
});
