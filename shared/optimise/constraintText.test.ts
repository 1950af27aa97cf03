import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Roadmap } from "../model/schema";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { describeConflict, describeConstraint } from "./constraintText";
import { solveOptimisation } from "./solveOptimisation";
import { handModel } from "./testing/handModel";
import type { ConstraintRef, OptimisationModel } from "./types";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

/** The sample roadmap (starting Jan 2027) with more communications, a retention rule and a group of alternatives. */
function roadmap(): Roadmap {
  const sample = sampleRoadmap();
  const welcome = sample.communications[0] as Roadmap["communications"][number];
  const names: [string, string][] = [
    ["comm-call", "Welcome call"],
    ["comm-visit", "Renewal visit"],
    ["comm-loyalty", "Loyalty mail"],
    ["comm-renewal", "Renewal call"],
  ];
  return {
    ...sample,
    owners: [...sample.owners, { id: "owner-sales", name: "Sales", kind: "sales", partnerType: null }],
    communications: [...sample.communications, ...names.map(([id, name]) => ({ ...welcome, id, name }))],
    optimiser: {
      ...sample.optimiser,
      purposeCoverage: [{ id: "rule-retention", purposes: ["retention", "loyalty"], phaseIds: [] }],
      exclusiveGroups: [
        { id: "group-welcome", name: "First welcome", communicationIds: ["comm-welcome", "comm-call"] },
      ],
    },
  };
}

const cap: ConstraintRef = {
  kind: "contactCap",
  capOf: "roadmap",
  cap: 4,
  segmentId: "smb",
  phaseId: "phase-new",
  month: 4,
  entryMonth: 2,
};

describe("describeConstraint", () => {
  it.each<[ConstraintRef, string]>([
    [{ kind: "budget", budget: 1_200_000 }, "the budget of €1,200,000"],
    [{ kind: "ownerBudget", ownerId: "owner-sales", budget: 300_000 }, "Sales's budget of €300,000"],
    [
      { kind: "yearBudget", year: 0, budget: 50_000.5 },
      "the budget of €50,000.50 for year 1 of the plan (Jan 2027 to Dec 2027)",
    ],
    [
      cap,
      "the contact cap of 4 a month for Small business customers who entered New customer in Mar 2027, in May 2027",
    ],
    [
      { ...cap, capOf: "email", cap: 2, entryMonth: null },
      "the Email contact cap of 2 a month for Small business customers in New customer at the plan's start, in May 2027",
    ],
    [{ kind: "oneOption", communicationId: "comm-welcome", lock: "in" }, "Welcome email is locked in"],
    [{ kind: "oneOption", communicationId: "comm-call", lock: "out" }, "Welcome call is locked out"],
    [
      { kind: "purposeCoverage", ruleId: "rule-retention", phaseId: "phase-active" },
      "the rule that Active keeps at least one Retention or Loyalty communication",
    ],
    [
      { kind: "exclusiveGroup", groupId: "group-welcome" },
      "the alternatives “First welcome” (at most one of Welcome email and Welcome call)",
    ],
  ])("%j reads %s", (ref, text) => {
    expect(describeConstraint(ref, roadmap())).toBe(text);
  });
});

/** Solves and explains; the settings must be infeasible. */
function explain(model: OptimisationModel): string {
  const outcome = solveOptimisation(highs, model, { timeLimitSeconds: 60, gapTolerance: 0 });
  expect(outcome.status).toBe("infeasible");
  return describeConflict(outcome.conflict, model, roadmap());
}

describe("describeConflict: the infeasible settings the issue names", () => {
  it("locked-in sends above the budget", () => {
    const model = handModel({
      budget: 40_000,
      candidates: [
        { id: "comm-welcome", options: [{ cost: 1_000, value: 5_000 }] },
        {
          id: "comm-call",
          lock: "in",
          options: [
            { cost: 30_000, value: 1 },
            { cost: 32_000, value: 2 },
          ],
        },
        { id: "comm-visit", lock: "in", options: [{ cost: 22_000, value: 1 }] },
      ],
    });
    expect(explain(model)).toBe(
      "The communications locked in cost at least €52,000, more than the budget of €40,000. Raise the budget or unlock one of: Welcome call, Renewal visit.",
    );
  });

  it("an owner's budget below its locked-in sends", () => {
    const owner = { kind: "ownerBudget", ownerId: "owner-sales", budget: 10_000 } as const;
    const model = handModel({
      candidates: [
        { id: "comm-call", lock: "in", options: [{ cost: 12_000, value: 1 }] },
        { id: "comm-visit", options: [{ cost: 5_000, value: 10_000 }] },
      ],
      rows: [{ constraint: owner, upper: 10_000, terms: { "comm-call": 12_000, "comm-visit": 5_000 } }],
    });
    expect(explain(model)).toBe(
      "The communications locked in cost €12,000, more than Sales's budget of €10,000. Raise that budget or unlock one of: Welcome call.",
    );
  });

  it("a contact cap below the locked-in sends", () => {
    const firstMonth = { ...cap, cap: 1, month: 0, entryMonth: 0 };
    const model = handModel({
      candidates: [
        { id: "comm-welcome", lock: "in", options: [{ cost: 1, value: 2 }] },
        { id: "comm-call", lock: "in", options: [{ cost: 1, value: 2 }] },
        { id: "comm-visit", options: [{ cost: 1, value: 2 }] },
      ],
      rows: [{ constraint: firstMonth, upper: 1, terms: { "comm-welcome": 1, "comm-call": 1, "comm-visit": 1 } }],
    });
    expect(explain(model)).toBe(
      "Welcome email and Welcome call are locked in but both reach Small business customers in their first month in New customer (Jan 2027): 2 sends, over the contact cap of 1 a month. Raise the cap, stop respecting contact caps or unlock one of them.",
    );
  });

  it("a contact cap below the locked-in sends a cohort gets months after it entered, naming every send", () => {
    const later = { ...cap, cap: 1 };
    const ids = ["comm-welcome", "comm-call", "comm-visit", "comm-loyalty", "comm-renewal"];
    const model = handModel({
      candidates: ids.map((id) => ({ id, lock: "in" as const, options: [{ cost: 1, value: 2 }] })),
      rows: [{ constraint: later, upper: 1, terms: Object.fromEntries(ids.map((id) => [id, 1])) }],
    });
    expect(explain(model)).toBe(
      "Welcome email, Welcome call, Renewal visit, Loyalty mail and Renewal call are locked in but all reach Small business customers who entered New customer in Mar 2027, in May 2027: 5 sends, over the contact cap of 1 a month. Raise the cap, stop respecting contact caps or unlock some of them.",
    );
  });

  it("a coverage rule for a phase whose every such send is locked out", () => {
    const model = handModel({
      candidates: [
        { id: "comm-loyalty", lock: "out", options: [{ cost: 1, value: 2 }] },
        { id: "comm-renewal", lock: "out", options: [{ cost: 1, value: 2 }] },
        { id: "comm-welcome", options: [{ cost: 1, value: 2 }] },
      ],
      rows: [
        {
          constraint: { kind: "purposeCoverage", ruleId: "rule-retention", phaseId: "phase-active" },
          lower: 1,
          terms: { "comm-loyalty": 1, "comm-renewal": 1 },
        },
      ],
    });
    expect(explain(model)).toBe(
      "The rule that Active keeps at least one Retention or Loyalty communication cannot hold: every such communication there is locked out (Loyalty mail and Renewal call). Unlock one of them or take the phase out of the rule.",
    );
  });

  it("two locked-in members of one group of alternatives", () => {
    const model = handModel({
      candidates: [
        { id: "comm-welcome", lock: "in", options: [{ cost: 1, value: 2 }] },
        { id: "comm-call", lock: "in", options: [{ cost: 1, value: 2 }] },
      ],
      rows: [
        {
          constraint: { kind: "exclusiveGroup", groupId: "group-welcome" },
          upper: 1,
          terms: { "comm-welcome": 1, "comm-call": 1 },
        },
      ],
    });
    expect(explain(model)).toBe(
      "Welcome email and Welcome call are both locked in, but they are alternatives in “First welcome”, which keeps at most one. Unlock all but one of them or take them out of the group.",
    );
  });

  it("rows that clash only for whole sends (alternatives and coverage in an odd cycle) are found and listed", () => {
    // Each pair must keep exactly one send: fine half-sent, impossible with whole ones.
    const pairs: [string, string, string][] = [
      ["comm-welcome", "comm-call", "g1"],
      ["comm-call", "comm-visit", "g2"],
      ["comm-welcome", "comm-visit", "g3"],
    ];
    const model = handModel({
      candidates: ["comm-welcome", "comm-call", "comm-visit"].map((id) => ({ id, options: [{ cost: 1, value: 2 }] })),
      rows: pairs.flatMap(([a, b, group]) => [
        { constraint: { kind: "exclusiveGroup", groupId: group } as const, upper: 1, terms: { [a]: 1, [b]: 1 } },
        {
          constraint: { kind: "purposeCoverage", ruleId: "rule-retention", phaseId: group } as const,
          lower: 1,
          terms: { [a]: 1, [b]: 1 },
        },
      ]),
    });
    const outcome = solveOptimisation(highs, model, { timeLimitSeconds: 60, gapTolerance: 0 });
    expect(outcome.status).toBe("infeasible");
    expect(outcome.conflict).toHaveLength(6);
    expect(describeConflict(outcome.conflict, model, roadmap())).toMatch(
      /^No plan keeps to all of these at once: a removed group of alternatives; .*; and 1 more\. Relax one of them\.$/,
    );
  });
});
