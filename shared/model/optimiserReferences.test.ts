import { describe, expect, it } from "vitest";
import { deleteElements } from "./edits";
import { describeIssue } from "./issues";
import { deleteCommunication, removeOwner } from "./organisation";
import { parseRoadmap } from "./parse";
import { type OptimiserSettings, type Roadmap, RoadmapSchema } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

const FREE = { everyMonths: [], personalisation: [], lock: "free" as const };

/** The sample with a second communication, a second owner, and optimiser settings that name all of them. */
function optimised(patch: Partial<OptimiserSettings> = {}): Roadmap {
  const roadmap = sampleRoadmap();
  const [welcome] = roadmap.communications;
  if (!welcome) throw new Error("the sample has a communication");
  return {
    ...roadmap,
    owners: [...roadmap.owners, { id: "owner-sales", name: "Sales", kind: "sales", partnerType: null }],
    communications: [
      welcome,
      {
        ...welcome,
        id: "comm-call",
        name: "Welcome call",
        phaseId: "phase-active",
        ownerId: "owner-sales",
        purpose: "retention",
      },
      { ...welcome, id: "comm-letter", name: "Welcome letter", purpose: "retention" },
    ],
    optimiser: {
      ...roadmap.optimiser,
      yearBudgets: [{ year: 0, budget: 1000 }],
      ownerBudgets: [
        { ownerId: "owner-marketing", budget: 500 },
        { ownerId: "owner-sales", budget: 300 },
      ],
      communications: {
        "comm-welcome": { ...FREE, lock: "in" },
        "comm-call": { ...FREE, everyMonths: [2] },
      },
      purposeCoverage: [
        { id: "retain-active", purposes: ["retention"], phaseIds: ["phase-active"] },
        { id: "retain-both", purposes: ["retention"], phaseIds: ["phase-new", "phase-active"] },
        { id: "retain-anywhere", purposes: ["retention"], phaseIds: [] },
      ],
      exclusiveGroups: [
        { id: "welcomes", name: "One welcome", communicationIds: ["comm-welcome", "comm-call", "comm-letter"] },
        { id: "pair", name: "Call or letter", communicationIds: ["comm-call", "comm-letter"] },
      ],
      ...patch,
    },
  };
}

/** The lines the user is shown for the roadmap read back from a file. */
function problemsOf(roadmap: Roadmap): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
  return result.ok ? [] : result.error.map(describeIssue);
}

describe("the optimiser's settings in a file", () => {
  it("are valid when they name only what the roadmap has", () => {
    expect(problemsOf(optimised())).toEqual([]);
  });

  it.each<[string, Partial<OptimiserSettings>, string]>([
    [
      "options of an unknown communication",
      { communications: { "comm-gone": FREE } },
      'optimiser.communications["comm-gone"]: refers to communication "comm-gone", which does not exist',
    ],
    [
      "a budget of an unknown owner",
      { ownerBudgets: [{ ownerId: "owner-gone", budget: 5 }] },
      'optimiser.ownerBudgets[0].ownerId: refers to owner "owner-gone", which does not exist',
    ],
    [
      "an owner budgeted twice",
      {
        ownerBudgets: [
          { ownerId: "owner-sales", budget: 5 },
          { ownerId: "owner-sales", budget: 6 },
        ],
      },
      'optimiser.ownerBudgets[1].ownerId: repeats owner "owner-sales", budgeted earlier',
    ],
    [
      "a year after the horizon",
      { yearBudgets: [{ year: 1, budget: 5 }] },
      "optimiser.yearBudgets[0].year: must be a year of the 1-year horizon (0 to 0)",
    ],
    [
      "a year budgeted twice",
      {
        yearBudgets: [
          { year: 0, budget: 5 },
          { year: 0, budget: 6 },
        ],
      },
      "optimiser.yearBudgets[1].year: repeats year 0, budgeted earlier",
    ],
    [
      "a coverage rule in an unknown phase",
      { purposeCoverage: [{ id: "rule", purposes: ["retention"], phaseIds: ["phase-active", "phase-gone"] }] },
      'optimiser.purposeCoverage[0].phaseIds[1]: refers to phase "phase-gone", which does not exist',
    ],
    [
      "two coverage rules with one id",
      {
        purposeCoverage: [
          { id: "rule", purposes: ["retention"], phaseIds: [] },
          { id: "rule", purposes: ["welcome"], phaseIds: [] },
        ],
      },
      'optimiser.purposeCoverage[1].id: repeats the id "rule" used earlier in optimiser.purposeCoverage',
    ],
    [
      "an alternative that does not exist",
      { exclusiveGroups: [{ id: "group", name: "Group", communicationIds: ["comm-welcome", "comm-gone"] }] },
      'optimiser.exclusiveGroups[0].communicationIds[1]: refers to communication "comm-gone", which does not exist',
    ],
    [
      "two groups with one id",
      {
        exclusiveGroups: [
          { id: "group", name: "A", communicationIds: ["comm-welcome", "comm-call"] },
          { id: "group", name: "B", communicationIds: ["comm-call", "comm-letter"] },
        ],
      },
      'optimiser.exclusiveGroups[1].id: repeats the id "group" used earlier in optimiser.exclusiveGroups',
    ],
  ])("refuse %s, naming the field and the value", (_, patch, shown) => {
    expect(problemsOf(optimised(patch))).toEqual([shown]);
  });
});

describe("deleting what the optimiser's settings name", () => {
  it("drops a deleted communication's options and alternatives; a group left with one member goes", () => {
    const next = deleteCommunication(optimised(), "comm-letter");
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
    expect(Object.keys(next.optimiser.communications)).toEqual(["comm-welcome", "comm-call"]);
    expect(next.optimiser.exclusiveGroups).toEqual([
      { id: "welcomes", name: "One welcome", communicationIds: ["comm-welcome", "comm-call"] },
    ]);
    const withoutCall = deleteCommunication(next, "comm-call");
    expect(withoutCall.optimiser.communications).toEqual({ "comm-welcome": { ...FREE, lock: "in" } });
    expect(withoutCall.optimiser.exclusiveGroups).toEqual([]);
    expect(problemsOf(withoutCall)).toEqual([]);
  });

  it("drops a removed owner's budget, whether their communications go or move", () => {
    const removed = removeOwner(optimised(), "owner-sales", { kind: "delete" });
    expect(removed.optimiser.ownerBudgets).toEqual([{ ownerId: "owner-marketing", budget: 500 }]);
    expect(Object.keys(removed.optimiser.communications)).toEqual(["comm-welcome"]);
    expect(problemsOf(removed)).toEqual([]);
    const moved = removeOwner(optimised(), "owner-sales", { kind: "reassign", to: "owner-marketing" });
    expect(moved.optimiser.ownerBudgets).toEqual([{ ownerId: "owner-marketing", budget: 500 }]);
    expect(Object.keys(moved.optimiser.communications)).toEqual(["comm-welcome", "comm-call"]);
  });

  it("drops a deleted phase from coverage rules; a rule left with no phase goes rather than cover every phase", () => {
    const next = deleteElements(optimised(), { phaseIds: ["phase-active"], transitionIds: [] });
    expect(next.optimiser.purposeCoverage).toEqual([
      { id: "retain-both", purposes: ["retention"], phaseIds: ["phase-new"] },
      { id: "retain-anywhere", purposes: ["retention"], phaseIds: [] },
    ]);
    // The call went with its phase, and its options and alternatives with it.
    expect(Object.keys(next.optimiser.communications)).toEqual(["comm-welcome"]);
    expect(next.optimiser.exclusiveGroups.map((group) => group.communicationIds)).toEqual([
      ["comm-welcome", "comm-letter"],
    ]);
    expect(problemsOf(next)).toEqual([]);
  });

  it("keeps the very same settings when nothing they name went", () => {
    const roadmap = optimised();
    const next = deleteElements(roadmap, { phaseIds: [], transitionIds: ["tr-settles"] });
    expect(next.optimiser).toBe(roadmap.optimiser);
  });
});
