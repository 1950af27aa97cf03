import { describe, expect, it } from "vitest";
import { planRoadmap } from "../engine/planEngine";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import { serializeRoadmap } from "./roadmapFile";
import { resolveScenario, scenarioChoices, scenarioIdByName } from "./scenarios";
import { BASE_SCENARIO_ID, type Communication, type Roadmap, type Scenario } from "./schema";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";
import { sampleRoadmap } from "./testing/sampleRoadmap";
import { testScenario } from "./testing/scenario";
import { settleWorkshopReferences } from "./workshopReferences";

function withScenarios(roadmap: Roadmap, scenarios: Scenario[]): Roadmap {
  return { ...roadmap, scenarios };
}

const newsletter: Communication = {
  ...(sampleRoadmap().communications[0] as Communication),
  id: "comm-newsletter",
  name: "Newsletter",
  phaseId: "phase-active",
  timing: { kind: "recurring", everyMonths: 1 },
  status: "proposed",
};

function twoCommunications(): Roadmap {
  const roadmap = sampleRoadmap();
  return { ...roadmap, communications: [...roadmap.communications, newsletter] };
}

describe("resolveScenario", () => {
  it("gives the roadmap itself for the base plan when it leaves nothing out", () => {
    const roadmap = twoCommunications();
    expect(resolveScenario(roadmap, BASE_SCENARIO_ID)).toBe(roadmap);
  });

  it("leaves out of the base plan the communications added in another scenario only", () => {
    const roadmap = {
      ...twoCommunications(),
      baseScenario: { name: "Plan", notes: "", excludedCommunicationIds: ["comm-newsletter"], optimisation: null },
    };
    expect(resolveScenario(roadmap, BASE_SCENARIO_ID).communications.map((c) => c.id)).toEqual(["comm-welcome"]);
  });

  it("inherits every field the scenario does not set, and overrides the ones it does", () => {
    const roadmap = withScenarios(twoCommunications(), [
      testScenario({
        id: "lean",
        name: "Lean",
        communications: { "comm-newsletter": { timing: { kind: "recurring", everyMonths: 3 }, costPerContact: 0 } },
        transitions: { "tr-settles": { rate: 0.5 } },
        phases: { "phase-active": { churnRate: 0.01 } },
      }),
    ]);
    const lean = resolveScenario(roadmap, "lean");
    const leanNewsletter = lean.communications.find((c) => c.id === "comm-newsletter");
    expect(leanNewsletter).toEqual({ ...newsletter, timing: { kind: "recurring", everyMonths: 3 }, costPerContact: 0 });
    expect(lean.communications[0]).toBe(roadmap.communications[0]);
    expect(lean.transitions[0]).toEqual({ ...roadmap.transitions[0], rate: 0.5 });
    expect(lean.phases.find((p) => p.id === "phase-active")?.churnRate).toBe(0.01);
    expect(lean.phases.find((p) => p.id === "phase-new")).toBe(roadmap.phases.find((p) => p.id === "phase-new"));
  });

  it("sets a cost back to the channel's default when the scenario says null", () => {
    const base = twoCommunications();
    const roadmap = withScenarios(
      { ...base, communications: base.communications.map((c) => ({ ...c, fixedCost: 99 })) },
      [testScenario({ id: "s", name: "Channel costs", communications: { "comm-welcome": { fixedCost: null } } })],
    );
    expect(resolveScenario(roadmap, "s").communications[0]?.fixedCost).toBeNull();
    expect(resolveScenario(roadmap, "s").communications[1]?.fixedCost).toBe(99);
  });

  it("leaves out what the scenario leaves out and follows later edits of what it inherits", () => {
    const roadmap = withScenarios(twoCommunications(), [
      testScenario({ id: "as-is", name: "As-is", excludedCommunicationIds: ["comm-newsletter"] }),
    ]);
    expect(resolveScenario(roadmap, "as-is").communications.map((c) => c.id)).toEqual(["comm-welcome"]);
    const edited = {
      ...roadmap,
      communications: roadmap.communications.map((c) => (c.id === "comm-welcome" ? { ...c, responseRate: 0.3 } : c)),
    };
    expect(resolveScenario(edited, "as-is").communications[0]?.responseRate).toBe(0.3);
  });

  it("gives the same objects again for the same document, so planning reuses its work", () => {
    const roadmap = withScenarios(twoCommunications(), [
      testScenario({ id: "s", name: "S", communications: { "comm-welcome": { responseRate: 0.5 } } }),
    ]);
    const first = resolveScenario(roadmap, "s");
    expect(resolveScenario(roadmap, "s")).toBe(first);
    const renamed = { ...roadmap, name: "Renamed" };
    expect(resolveScenario(renamed, "s").communications[0]).toBe(first.communications[0]);
  });

  it("plans a scenario's own figures: fewer communications cost less", () => {
    const template = createB2bSubscriptionRoadmap(new Date("2027-01-01T00:00:00Z"));
    const kept = template.communications.filter((c) => c.status === "existing").map((c) => c.id);
    const dropped = template.communications.map((c) => c.id).filter((id) => !kept.includes(id));
    const roadmap = withScenarios(template, [
      testScenario({ id: "as-is", name: "As-is", excludedCommunicationIds: dropped }),
    ]);
    const base = planRoadmap(resolveScenario(roadmap, BASE_SCENARIO_ID));
    const asIs = planRoadmap(resolveScenario(roadmap, "as-is"));
    expect(asIs.communications).toHaveLength(kept.length);
    expect(asIs.budget.totalCost).toBeLessThan(base.budget.totalCost);
    expect(asIs.customers.atEnd).toBeCloseTo(base.customers.atEnd, 9);
  });

  it("resolves an unknown scenario id to the base plan", () => {
    const roadmap = twoCommunications();
    expect(resolveScenario(roadmap, "gone")).toEqual(roadmap);
  });
});

describe("scenario choices", () => {
  it("lists the base plan first, then the scenarios, and finds them by name", () => {
    const roadmap = withScenarios(twoCommunications(), [testScenario({ id: "as-is", name: "As-is" })]);
    expect(scenarioChoices(roadmap)).toEqual([
      { id: BASE_SCENARIO_ID, name: "Plan" },
      { id: "as-is", name: "As-is" },
    ]);
    expect(scenarioIdByName(roadmap, " as-IS ")).toBe("as-is");
    expect(scenarioIdByName(roadmap, "plan")).toBe(BASE_SCENARIO_ID);
    expect(scenarioIdByName(roadmap, "Lean")).toBeUndefined();
  });
});

describe("scenarios in the file", () => {
  it("round-trip through the file format", () => {
    const roadmap = withScenarios(twoCommunications(), [
      testScenario({
        id: "lean",
        name: "Lean",
        excludedCommunicationIds: ["comm-welcome"],
        communications: { "comm-newsletter": { personalisation: "oneToOne", fixedCost: null } },
        transitions: { "tr-settles": { rateBySegment: { smb: 0.2 } } },
      }),
    ]);
    const parsed = parseRoadmap(JSON.parse(serializeRoadmap(roadmap)));
    if (!parsed.ok) throw new Error(parsed.error.map(describeIssue).join("\n"));
    expect(parsed.value.roadmap.scenarios).toEqual(roadmap.scenarios);
  });

  it("refuses a scenario naming what the roadmap does not have, and says where", () => {
    const roadmap = withScenarios(twoCommunications(), [
      testScenario({
        id: "lean",
        name: "Lean",
        excludedCommunicationIds: ["comm-ghost"],
        communications: { "comm-gone": { responseRate: 0.2 } },
        transitions: { "tr-settles": { rateBySegment: { enterprise: 0.2 } } },
        phases: { "phase-x": { churnRate: 0.1 } },
      }),
      testScenario({ id: "base", name: "plan" }),
    ]);
    const parsed = parseRoadmap(JSON.parse(serializeRoadmap(roadmap)));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map(describeIssue)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('refers to communication "comm-ghost", which does not exist'),
        expect.stringContaining('overrides communication "comm-gone", which does not exist'),
        expect.stringContaining('overrides the rate of segment "enterprise", which does not exist'),
        expect.stringContaining('overrides phase "phase-x", which does not exist'),
        expect.stringContaining('must not be "base"'),
        expect.stringContaining('repeats the scenario name "plan"'),
      ]),
    );
  });

  it("forget what they said about a deleted communication, transition, phase or segment", () => {
    const before = withScenarios(twoCommunications(), [
      testScenario({
        id: "lean",
        name: "Lean",
        excludedCommunicationIds: ["comm-newsletter"],
        communications: { "comm-newsletter": { responseRate: 0.2 }, "comm-welcome": { responseRate: 0.4 } },
        transitions: { "tr-settles": { rate: 0.1 } },
        phases: { "phase-active": { churnRate: 0.1 }, "phase-new": { churnRate: 0.2 } },
      }),
    ]);
    const after: Roadmap = {
      ...before,
      phases: before.phases.filter((p) => p.id !== "phase-active"),
      transitions: [],
      communications: before.communications.filter((c) => c.id !== "comm-newsletter"),
    };
    const settled = settleWorkshopReferences(before, after);
    expect(settled.scenarios[0]).toEqual(
      testScenario({
        id: "lean",
        name: "Lean",
        communications: { "comm-welcome": { responseRate: 0.4 } },
        phases: { "phase-new": { churnRate: 0.2 } },
      }),
    );
    expect(parseRoadmap(JSON.parse(serializeRoadmap(settled))).ok).toBe(true);
  });

  it("are left the same objects by a deletion that touches nothing they name", () => {
    const before = withScenarios(twoCommunications(), [
      testScenario({ id: "lean", name: "Lean", communications: { "comm-welcome": { responseRate: 0.4 } } }),
    ]);
    const after = { ...before, communications: before.communications.filter((c) => c.id !== "comm-newsletter") };
    expect(settleWorkshopReferences(before, after).scenarios).toBe(before.scenarios);
  });
});
