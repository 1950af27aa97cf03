import { describe, expect, it } from "vitest";
import type { Roadmap } from "../model/schema";
import { alike, b2bRoadmap, surveyedB2bRoadmap, withWave } from "../survey/testing/insightFixtures";
import { describeDiagnostic, diagnoseRoadmap, diagnoseSurvey, type PlanDiagnostic } from "./diagnostics";
import { simulateCustomerFlow } from "./flow";
import { createPlanEngine, planRoadmap } from "./planEngine";
import { scheduleCommunications } from "./schedule";
import { blankPhase, communication, emptyRoadmap, segment } from "./testing/randomRoadmaps";

function diagnose(roadmap: Roadmap): PlanDiagnostic[] {
  const flow = simulateCustomerFlow(roadmap);
  return diagnoseRoadmap(roadmap, flow, scheduleCommunications(flow, roadmap));
}

/** "start" has customers and leads to "next"; every phase churns a little unless a test says otherwise. */
function lifecycle(patch: Partial<Roadmap> = {}): Roadmap {
  return {
    ...emptyRoadmap(),
    phases: [
      { ...blankPhase("start"), name: "Start", initialCustomers: { "segment-1": 100 }, churnRate: 0.05 },
      { ...blankPhase("next"), name: "Next", churnRate: 0.05 },
    ],
    transitions: [
      { id: "on", from: "start", to: "next", rate: 0.3, rateBySegment: {}, trigger: "", markedAsLoop: false },
    ],
    ...patch,
  };
}

describe("diagnoseRoadmap", () => {
  it("finds nothing wrong with a plain lifecycle", () => {
    expect(diagnose(lifecycle())).toEqual([]);
  });

  it("reports outflow over 100 % with the phase, the segment and the figure as drawn", () => {
    const roadmap = lifecycle({
      segments: [segment("segment-1", 0), segment("segment-2", 0)],
      transitions: [
        {
          id: "on",
          from: "start",
          to: "next",
          rate: 0.3,
          rateBySegment: { "segment-2": 1 },
          trigger: "",
          markedAsLoop: false,
        },
      ],
    });
    expect(diagnose(roadmap)).toEqual([
      { kind: "outflowOverLimit", severity: "error", phaseId: "start", segmentId: "segment-2", outflow: 1.05 },
    ]);
  });

  it("reports phases no customer can reach, also behind a transition that moves no one", () => {
    const roadmap = lifecycle();
    const withIslands: Roadmap = {
      ...roadmap,
      phases: [
        ...roadmap.phases,
        { ...blankPhase("island"), churnRate: 0.1 },
        { ...blankPhase("behind-island"), churnRate: 0.1 },
        { ...blankPhase("behind-zero-rate"), churnRate: 0.1 },
      ],
      transitions: [
        ...roadmap.transitions,
        {
          id: "island-on",
          from: "island",
          to: "behind-island",
          rate: 0.5,
          rateBySegment: {},
          trigger: "",
          markedAsLoop: false,
        },
        {
          id: "zero",
          from: "next",
          to: "behind-zero-rate",
          rate: 0,
          rateBySegment: {},
          trigger: "",
          markedAsLoop: false,
        },
      ],
    };
    expect(diagnose(withIslands).filter((d) => d.kind === "unreachablePhase")).toEqual([
      { kind: "unreachablePhase", severity: "warning", phaseId: "island" },
      { kind: "unreachablePhase", severity: "warning", phaseId: "behind-island" },
      { kind: "unreachablePhase", severity: "warning", phaseId: "behind-zero-rate" },
    ]);
  });

  it("does not report a phase that only arrivals fill", () => {
    const roadmap = lifecycle();
    const withEntry = {
      ...roadmap,
      phases: [...roadmap.phases, { ...blankPhase("trial"), arrivalsPerMonth: { "segment-1": 3 }, churnRate: 0.5 }],
    };
    expect(diagnose(withEntry)).toEqual([]);
  });

  it("reports phases with no way out and no churn, naming the segments that get stuck", () => {
    const roadmap = lifecycle({
      segments: [segment("segment-1", 0), segment("segment-2", 0)],
      transitions: [
        { id: "on", from: "start", to: "next", rate: 0.3, rateBySegment: {}, trigger: "", markedAsLoop: false },
      ],
    });
    const stuck: Roadmap = {
      ...roadmap,
      phases: roadmap.phases.map((phase) => (phase.id === "next" ? { ...phase, churnRate: 0 } : phase)),
    };
    expect(diagnose(stuck)).toEqual([
      { kind: "absorbingPhase", severity: "warning", phaseId: "next", segmentIds: ["segment-1", "segment-2"] },
    ]);
    const stuckForOne: Roadmap = {
      ...lifecycle({ segments: roadmap.segments }),
      phases: [{ ...blankPhase("start"), initialCustomers: { "segment-1": 100 } }, blankPhase("next")],
      transitions: [
        {
          id: "on",
          from: "start",
          to: "next",
          rate: 0.3,
          rateBySegment: { "segment-2": 0 },
          trigger: "",
          markedAsLoop: false,
        },
      ],
    };
    expect(diagnose(stuckForOne).filter((d) => d.kind === "absorbingPhase")).toEqual([
      { kind: "absorbingPhase", severity: "warning", phaseId: "start", segmentIds: ["segment-2"] },
      { kind: "absorbingPhase", severity: "warning", phaseId: "next", segmentIds: ["segment-1", "segment-2"] },
    ]);
  });

  it("reports communications whose audience is empty: a share of 0, or only segments that do not exist", () => {
    const roadmap = lifecycle({
      communications: [
        communication("no-share", "start", { audience: { segmentIds: [], roleIds: [], share: 0 }, fixedCost: 1 }),
        communication("gone", "start", { audience: { segmentIds: ["deleted"], roleIds: [], share: 1 }, fixedCost: 1 }),
        communication("retired", "start", { audience: { segmentIds: [], roleIds: [], share: 0 }, status: "retired" }),
      ],
    });
    expect(diagnose(roadmap)).toEqual([
      { kind: "emptyAudience", severity: "warning", communicationId: "no-share", reason: "zeroShare", segmentIds: [] },
      {
        kind: "emptyAudience",
        severity: "warning",
        communicationId: "gone",
        reason: "unknownSegments",
        segmentIds: ["deleted"],
      },
    ]);
  });

  it("reports a communication that fires without any cost, and one that never reaches anyone", () => {
    const roadmap = lifecycle({
      communications: [
        communication("free", "start"),
        communication("free-but-silent", "next", { timing: { kind: "onEntry", offsetMonths: 12 } }),
        communication("priced", "start", { costPerContact: 0.1 }),
      ],
    });
    expect(diagnose(roadmap)).toEqual([
      { kind: "missingCost", severity: "warning", communicationId: "free" },
      { kind: "reachesNoOne", severity: "warning", communicationId: "free-but-silent" },
    ]);
  });

  it("counts a communication that inherits its channel's costs as costing something", () => {
    const roadmap = lifecycle({
      channels: [{ id: "email", name: "Email", kind: "email", fixedCost: 150, costPerContact: 0, contactCap: null }],
      communications: [communication("from-channel", "start", { fixedCost: null, costPerContact: null })],
    });
    expect(diagnose(roadmap)).toEqual([]);
  });

  it("reports a response worth more than a year of a segment in the audience, and a certain response", () => {
    const base = lifecycle();
    const roadmap = lifecycle({
      segments: [segment("segment-1", 1_200), segment("large", 50_000)],
      phases: base.phases.map((phase) =>
        phase.id === "start" ? { ...phase, initialCustomers: { "segment-1": 100, large: 10 } } : phase,
      ),
      communications: [
        communication("upsell", "start", { costPerContact: 1, responseRate: 0.02, valuePerResponse: 3_000 }),
        communication("large-only", "start", {
          costPerContact: 1,
          responseRate: 0.02,
          valuePerResponse: 3_000,
          audience: { segmentIds: ["large"], roleIds: [], share: 1 },
        }),
        communication("sure", "start", { costPerContact: 1, responseRate: 1, valuePerResponse: 10 }),
      ],
    });
    expect(diagnose(roadmap)).toEqual([
      { kind: "valueAboveAnnualValue", severity: "warning", communicationId: "upsell", segmentIds: ["segment-1"] },
      { kind: "certainResponse", severity: "warning", communicationId: "sure" },
    ]);
  });

  it("describes each diagnostic in a sentence that names what it concerns", () => {
    const roadmap = lifecycle({
      segments: [{ ...segment("segment-1", 0), name: "Small business" }],
      communications: [{ ...communication("free", "start"), name: "Monthly tips" }],
    });
    const sentences = [
      { kind: "outflowOverLimit", severity: "error", phaseId: "start", segmentId: "segment-1", outflow: 1.125 },
      { kind: "unreachablePhase", severity: "warning", phaseId: "next" },
      { kind: "absorbingPhase", severity: "warning", phaseId: "next", segmentIds: ["segment-1"] },
      { kind: "emptyAudience", severity: "warning", communicationId: "free", reason: "zeroShare", segmentIds: [] },
      {
        kind: "emptyAudience",
        severity: "warning",
        communicationId: "free",
        reason: "unknownSegments",
        segmentIds: ["x"],
      },
      { kind: "missingCost", severity: "warning", communicationId: "free" },
      { kind: "reachesNoOne", severity: "warning", communicationId: "free" },
      { kind: "valueAboveAnnualValue", severity: "warning", communicationId: "free", segmentIds: ["segment-1"] },
      { kind: "certainResponse", severity: "warning", communicationId: "free" },
    ] satisfies PlanDiagnostic[];
    expect(sentences.map((d) => describeDiagnostic(d, roadmap))).toEqual([
      "“Start”: outgoing rates plus churn add up to 112.5 % a month for “Small business”; the plan scales them down to 100 %.",
      "“Next”: no customer can reach this phase (no customers at the start, no arrivals, and no transition leading in from a phase that has some).",
      "“Next”: customers of “Small business” never leave this phase (no way out and no churn).",
      "“Monthly tips”: the audience share is 0 %, so it reaches no one.",
      "“Monthly tips”: its audience names only segments that do not exist (x), so it reaches no one.",
      "“Monthly tips”: it is sent but costs nothing; set a fixed cost or a cost per contact (or its channel's).",
      "“Monthly tips”: no customer is in its phase when it sends, so over the whole plan it reaches no one.",
      "“Monthly tips”: one response is worth more than a whole year of a customer of “Small business” (the segment's annual value).",
      "“Monthly tips”: a response rate of 100 % expects every customer reached to respond.",
    ]);
  });
});

describe("what the survey says against the plan", () => {
  it("warns where a segment gets more contacts a month than its respondents want, and names the first place to act", () => {
    const roadmap = surveyedB2bRoadmap();
    const plan = planRoadmap(roadmap);
    const survey = plan.diagnostics.filter((d) => d.kind === "contactsAboveWanted" || d.kind === "rsiDrop");
    const mismatches = survey.filter((d) => d.kind === "contactsAboveWanted");
    expect(mismatches.length).toBeGreaterThan(0);
    for (const d of mismatches) {
      const s = plan.pressure.segmentIds.indexOf(d.segmentId);
      const p = plan.pressure.phaseIds.indexOf(d.phaseId);
      const T = plan.pressure.months;
      const start = (s * plan.pressure.phaseIds.length + p) * T;
      expect(Math.max(...plan.pressure.counts.subarray(start, start + T))).toBe(d.planned);
      expect(d.planned).toBeGreaterThan(d.wanted);
    }
    const first = mismatches[0] as Extract<PlanDiagnostic, { kind: "contactsAboveWanted" }>;
    const segment = roadmap.segments.find((x) => x.id === first.segmentId)?.name;
    const phase = roadmap.phases.find((x) => x.id === first.phaseId)?.name;
    expect(describeDiagnostic(first, roadmap)).toBe(
      `Survey: ${segment} wants ≤ ${first.wanted} a month; the plan sends ${first.planned} in ${phase} (first in ${plan.calendar.months[first.month]?.label}).`,
    );
    const drop = survey.at(-1) as PlanDiagnostic;
    expect(drop.kind).toBe("rsiDrop");
    expect(describeDiagnostic(drop, roadmap)).toBe(
      "Survey, the place to act first: From Multi-product to Advocate the RSI falls 35 points (70 → 35); weakest there: Relevance of communications (10).",
    );
  });

  it("says nothing without survey answers, and follows the answers as a new wave arrives", () => {
    const engine = createPlanEngine();
    const blank = b2bRoadmap();
    expect(
      engine.run(blank).diagnostics.filter((d) => d.kind === "contactsAboveWanted" || d.kind === "rsiDrop"),
    ).toEqual([]);
    // Everyone happy with 100 contacts a month: the plan sends no one too many.
    const content = withWave(
      blank,
      alike(6, { phaseId: "phase-trial", segmentId: "smallBusiness", strength: 50, preferredContactsPerMonth: 100 }),
    );
    expect(engine.run(content).diagnostics.some((d) => d.kind === "contactsAboveWanted")).toBe(false);
    const fewer = withWave(
      content,
      alike(6, { phaseId: "phase-trial", segmentId: "smallBusiness", strength: 50, preferredContactsPerMonth: 0 }),
      { date: "2026-06-01" },
    );
    const after = engine.run(fewer).diagnostics.filter((d) => d.kind === "contactsAboveWanted");
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((d) => d.segmentId === "smallBusiness" && d.wanted === 0)).toBe(true);
    expect(after).toEqual(
      diagnoseSurvey(fewer, planRoadmap(fewer).pressure).filter((d) => d.kind === "contactsAboveWanted"),
    );
  });
});
