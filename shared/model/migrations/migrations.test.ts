import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../engine/planEngine";
import { communicationCosts } from "../costs";
import { segmentCustomersAtStart } from "../customers";
import { defaultOptimiserSettings } from "../defaults";
import { describeIssue } from "../issues";
import { parseRoadmap } from "../parse";
import { resolveScenario } from "../scenarios";
import { CURRENT_SCHEMA_VERSION, type Roadmap } from "../schema";
import { sampleRoadmap } from "../testing/sampleRoadmap";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrateToLatest } from "./index";
import { migrateV0ToV1 } from "./v0-to-v1";
import { migrateV1ToV2 } from "./v1-to-v2";
import { migrateV2ToV3 } from "./v2-to-v3";
import { migrateV3ToV4 } from "./v3-to-v4";
import { migrateV4ToV5 } from "./v4-to-v5";
import { migrateV5ToV6 } from "./v5-to-v6";

/**
 * A file as the workshop prototype wrote it: `version: 0`, the name in
 * `title`, rates in percent. Written out by hand, never built from today's
 * types, so the test keeps describing the files that exist.
 */
function v0File(): Record<string, unknown> {
  return {
    version: 0,
    title: "Prototype roadmap",
    id: "roadmap-v0",
    client: "Workshop client",
    currency: "EUR",
    startMonth: "2025-01",
    horizonMonths: 12,
    createdAt: "2024-11-02T10:00:00.000Z",
    updatedAt: "2024-11-03T16:30:00.000Z",
    stages: [{ id: "onboard", name: "Onboard", kind: "onboard", color: "#00a3a3" }],
    phases: [
      { id: "phase-new", name: "New customer", stageId: "onboard", churnPercent: 5 },
      { id: "phase-active", name: "Active", stageId: "onboard", churnPercent: 1.5 },
    ],
    transitions: [{ id: "tr-settles", from: "phase-new", to: "phase-active", ratePercent: 30 }],
    segments: [{ id: "all", name: "All customers", color: "#4f5d75" }],
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("v0 to v1", () => {
  it("renames title to name, adds the file type and version, and turns percentages into shares", () => {
    expect(migrateV0ToV1(v0File())).toEqual({
      type: "relationship-roadmap",
      schemaVersion: 1,
      name: "Prototype roadmap",
      id: "roadmap-v0",
      client: "Workshop client",
      currency: "EUR",
      startMonth: "2025-01",
      horizonMonths: 12,
      createdAt: "2024-11-02T10:00:00.000Z",
      updatedAt: "2024-11-03T16:30:00.000Z",
      stages: [{ id: "onboard", name: "Onboard", kind: "onboard", color: "#00a3a3" }],
      phases: [
        { id: "phase-new", name: "New customer", stageId: "onboard", churnRate: 0.05 },
        { id: "phase-active", name: "Active", stageId: "onboard", churnRate: 0.015 },
      ],
      transitions: [{ id: "tr-settles", from: "phase-new", to: "phase-active", rate: 0.3 }],
      segments: [{ id: "all", name: "All customers", color: "#4f5d75" }],
    });
  });

  it("opens a v0 file as a valid current roadmap and says it was migrated", () => {
    const result = parseRoadmap(v0File());
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    expect(result.value.fromVersion).toBe(0);
    const { roadmap } = result.value;
    expect(roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(roadmap.name).toBe("Prototype roadmap");
    expect(roadmap.phases.map((phase) => phase.churnRate)).toEqual([0.05, 0.015]);
    expect(roadmap.transitions.map((transition) => transition.rate)).toEqual([0.3]);
  });

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(v0File());
    expect(() => migrateV0ToV1(input)).not.toThrow();
    expect(input).toEqual(v0File());
  });

  it("leaves a rate that is not a number for validation to name", () => {
    const file = v0File();
    file.phases = [{ id: "phase-new", name: "New customer", stageId: "onboard", churnPercent: "five" }];
    file.transitions = [];
    const result = parseRoadmap(file);
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      'phases[0].churnRate: must be a number, got "five"',
    ]);
  });
});

/** Files the app wrote in format 1, saved before format 2 existed: the template, a small and a generated roadmap. */
const V1_FIXTURES = ["v1-b2b-subscription-software", "v1-sample", "v1-generated-40-phases"] as const;

const FIXTURE_TEXTS = import.meta.glob<string>("./fixtures/*.roadmap", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Files the app wrote in format 2, saved before format 3 existed. */
const V2_FIXTURES = ["v2-b2b-subscription-software", "v2-sample", "v2-generated-40-phases"] as const;

function v1Fixture(name: (typeof V1_FIXTURES)[number]): Record<string, unknown> {
  return fixture(name);
}

/** Files the app wrote in format 3, saved before format 4 existed; the template's has sticky notes and a walk. */
const V3_FIXTURES = ["v3-b2b-subscription-software", "v3-sample", "v3-generated-40-phases"] as const;

/** Files the app wrote in format 4, saved before format 5 existed; the template's has two survey waves. */
const V4_FIXTURES = ["v4-b2b-subscription-software", "v4-sample", "v4-generated-40-phases"] as const;

/** Files the app wrote in format 5, saved before format 6 existed; the template's has As-is and To-be scenarios. */
const V5_FIXTURES = ["v5-b2b-subscription-software", "v5-sample", "v5-generated-40-phases"] as const;

function fixture(
  name: (
    | typeof V1_FIXTURES
    | typeof V2_FIXTURES
    | typeof V3_FIXTURES
    | typeof V4_FIXTURES
    | typeof V5_FIXTURES
  )[number],
): Record<string, unknown> {
  const text = FIXTURE_TEXTS[`./fixtures/${name}.roadmap`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return JSON.parse(text);
}

type V1Communication = { channelId: string; fixedCost: number; costPerContact: number };
type V1Channel = { id: string; fixedCost: number; costPerContact: number };

function migrate(doc: Record<string, unknown>): { roadmap: Roadmap; notes: string[] } {
  const result = parseRoadmap(doc);
  if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
  return { roadmap: result.value.roadmap, notes: result.value.migrationNotes };
}

/** A small v1 file written out by hand: one channel, one segment, two phases. */
function v1File(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "relationship-roadmap",
    schemaVersion: 1,
    id: "roadmap-v1",
    name: "Format 1 roadmap",
    currency: "EUR",
    startMonth: "2027-01",
    horizonMonths: 12,
    createdAt: "2026-10-02T10:00:00.000Z",
    updatedAt: "2026-10-03T16:30:00.000Z",
    stages: [{ id: "retain", name: "Retain", kind: "retain", color: "#8e44ad" }],
    phases: [
      { id: "new", name: "New", stageId: "retain", arrivalsPerMonth: { smb: 10 } },
      { id: "active", name: "Active", stageId: "retain", initialCustomers: {} },
    ],
    transitions: [{ id: "settles", from: "new", to: "active", rate: 0.3 }],
    segments: [{ id: "smb", name: "Small business", size: 0, color: "#f18f01" }],
    owners: [{ id: "marketing", name: "Marketing", kind: "marketing" }],
    channels: [{ id: "email", name: "Email", kind: "email", fixedCost: 150, costPerContact: 0.02 }],
    communications: [],
    ...patch,
  };
}

function v1Communication(id: string, costs: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    phaseId: "active",
    name: id,
    purpose: "education",
    channelId: "email",
    ownerId: "marketing",
    timing: { kind: "recurring", everyMonths: 1 },
    ...costs,
  };
}

describe("v1 to v2", () => {
  it.each(V1_FIXTURES)("keeps every communication's costs and every budget of %s as they were", (name) => {
    const file = v1Fixture(name);
    const { roadmap } = migrate(file);
    const channels = new Map((file.channels as V1Channel[]).map((channel) => [channel.id, channel]));
    const before = file.communications as V1Communication[];
    roadmap.communications.forEach((communication, c) => {
      const v1 = before[c] as V1Communication;
      const costs = communicationCosts(
        communication,
        roadmap.channels.find((ch) => ch.id === communication.channelId),
      );
      expect([costs.fixedCost, costs.costPerContact]).toEqual([v1.fixedCost, v1.costPerContact]);
      const channel = channels.get(v1.channelId);
      expect(communication.fixedCost).toBe(v1.fixedCost === channel?.fixedCost ? null : v1.fixedCost);
      expect(communication.costPerContact).toBe(
        v1.costPerContact === channel?.costPerContact ? null : v1.costPerContact,
      );
    });
    // The same plan with every cost written out, as format 1 kept them: the budgets must match to the bit.
    const asWritten: Roadmap = {
      ...roadmap,
      communications: roadmap.communications.map((communication, c) => ({
        ...communication,
        fixedCost: (before[c] as V1Communication).fixedCost,
        costPerContact: (before[c] as V1Communication).costPerContact,
      })),
    };
    const migrated = planRoadmap(roadmap).budget;
    const written = planRoadmap(asWritten).budget;
    expect([migrated.totalCost, migrated.totalValue]).toEqual([written.totalCost, written.totalValue]);
    expect([...migrated.overall.byMonth.cost]).toEqual([...written.overall.byMonth.cost]);
    expect([...migrated.byDimension.channel.totalCost]).toEqual([...written.byDimension.channel.totalCost]);
  });

  it("keeps the template's customers in its phases and says the sizes it dropped differed from them", () => {
    const { roadmap, notes } = migrate(v1Fixture("v1-b2b-subscription-software"));
    expect(roadmap.segments.map((segment) => segmentCustomersAtStart(roadmap, segment.id))).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(
      /^The segment “Enterprise \(value creators\)” had a size of 120 but [\d,]+ customers at the start in its phases/,
    );
    expect(roadmap.segments[0]).not.toHaveProperty("size");
  });

  it("makes a cost equal to its channel's follow the channel, and keeps any other, a missing one as 0", () => {
    const file = v1File({
      communications: [
        v1Communication("as-channel", { fixedCost: 150, costPerContact: 0.02 }),
        v1Communication("own", { fixedCost: 90, costPerContact: 0.02 }),
        v1Communication("unset", {}),
        v1Communication("elsewhere", { channelId: "missing", fixedCost: 150, costPerContact: 0.02 }),
      ],
    });
    const migrated = migrateV1ToV2(file, () => {});
    expect((migrated.communications as Record<string, unknown>[]).map((c) => [c.fixedCost, c.costPerContact])).toEqual([
      [null, null],
      [90, null],
      [0, 0],
      [150, 0.02],
    ]);
  });

  it("gives a segment's size with no customers anywhere to its entry phase, and says so", () => {
    const file = v1File({ segments: [{ id: "smb", name: "Small business", size: 500, color: "#f18f01" }] });
    const { roadmap, notes } = migrate(file);
    expect(roadmap.phases.map((phase) => phase.initialCustomers)).toEqual([{ smb: 500 }, {}]);
    expect(notes).toEqual([
      "The segment “Small business” had a size of 500 and no customers in any phase at the start; they are now the customers at the start of its entry phase “New”.",
    ]);
  });

  it("takes a phase nothing leads to as the entry phase when no phase has arrivals, else the first phase", () => {
    const noArrivals = v1File({
      segments: [{ id: "smb", name: "Small business", size: 40, color: "#f18f01" }],
      phases: [
        { id: "active", name: "Active", stageId: "retain" },
        { id: "new", name: "New", stageId: "retain" },
      ],
      transitions: [{ id: "settles", from: "new", to: "active", rate: 0.3 }],
    });
    expect(migrate(noArrivals).roadmap.phases.map((phase) => phase.initialCustomers)).toEqual([{}, { smb: 40 }]);
    const loop = {
      ...noArrivals,
      transitions: [...(noArrivals.transitions as object[]), { id: "back", from: "active", to: "new", rate: 0.1 }],
    };
    expect(migrate(loop).roadmap.phases.map((phase) => phase.initialCustomers)).toEqual([{ smb: 40 }, {}]);
  });

  it("writes a size it has no phase for into the roadmap's notes, and drops a size equal to the phases' customers silently", () => {
    const file = v1File({
      notes: "Workshop on 3 March.",
      phases: [],
      transitions: [],
      segments: [
        { id: "smb", name: "Small business", size: 1200, color: "#f18f01" },
        { id: "large", name: "Large", size: 0, color: "#1f4e79" },
      ],
    });
    const { roadmap, notes } = migrate(file);
    expect(roadmap.notes).toBe(
      "Workshop on 3 March.\n\nThe segment “Small business” had a size of 1,200 customers but the roadmap has no phases to hold them; add them as a phase's customers at the start.",
    );
    expect(notes).toHaveLength(1);
    const matching = v1File({
      segments: [{ id: "smb", name: "Small business", size: 25, color: "#f18f01" }],
      phases: [{ id: "new", name: "New", stageId: "retain", initialCustomers: { smb: 25 } }],
      transitions: [],
    });
    expect(migrate(matching).notes).toEqual([]);
  });

  it('renames ids JavaScript reserves, everywhere they are used, keeping the customers of a "__proto__" segment', () => {
    // Written as text: in JavaScript source, `{ __proto__: 50 }` would not make a key at all.
    const text = JSON.stringify(
      v1File({
        segments: [{ id: "__proto__", name: "Proto", color: "#f18f01" }],
        phases: [
          { id: "new", name: "New", stageId: "retain", initialCustomers: "CUSTOMERS" },
          { id: "active", name: "Active", stageId: "retain" },
        ],
        channels: [{ id: "constructor", name: "Email", kind: "email", fixedCost: 150, costPerContact: 0.02 }],
        communications: [
          { ...v1Communication("mail", { channelId: "constructor" }), audience: { segmentIds: ["__proto__"] } },
        ],
      }),
    ).replace('"CUSTOMERS"', '{"__proto__":50}');
    const { roadmap, notes } = migrate(JSON.parse(text));
    expect(roadmap.segments.map((segment) => segment.id)).toEqual(["__proto__-1"]);
    expect(roadmap.phases[0]?.initialCustomers).toEqual({ "__proto__-1": 50 });
    expect(roadmap.channels.map((channel) => channel.id)).toEqual(["constructor-1"]);
    expect(roadmap.communications[0]).toMatchObject({
      channelId: "constructor-1",
      audience: { segmentIds: ["__proto__-1"] },
    });
    expect(notes).toEqual([
      "The segment “Proto” had the id “__proto__”, which JavaScript reserves; it is now “__proto__-1”.",
      "The channel “Email” had the id “constructor”, which JavaScript reserves; it is now “constructor-1”.",
    ]);
  });

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(v1Fixture("v1-b2b-subscription-software"));
    expect(() => migrateV1ToV2(input, () => {})).not.toThrow();
    expect(input).toEqual(v1Fixture("v1-b2b-subscription-software"));
  });

  it("opens a v0 file through both migrations", () => {
    const result = parseRoadmap({
      ...v0File(),
      segments: [{ id: "all", name: "All customers", color: "#4f5d75", size: 10 }],
    });
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    expect(result.value.fromVersion).toBe(0);
    expect(result.value.roadmap.phases[0]?.initialCustomers).toEqual({ all: 10 });
  });
});

describe("v2 to v3", () => {
  it.each(V2_FIXTURES)(
    "opens %s with everything it held, no notes, the lifecycle walk and no transition marked as a loop",
    (name) => {
      const v2 = fixture(name);
      const result = parseRoadmap(v2);
      if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
      const { roadmap, fromVersion, migrationNotes } = result.value;
      expect(fromVersion).toBe(2);
      expect(migrationNotes).toEqual([]);
      const {
        stickyNotes,
        presentation,
        captureDefaults,
        schemaVersion,
        transitions,
        survey,
        importMappings,
        baseScenario: _baseScenario,
        scenarios: _scenarios,
        optimiser: _optimiser,
        ...rest
      } = roadmap;
      expect(schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(survey.waves).toEqual([]);
      expect(importMappings.survey.columns).toEqual([]);
      expect(stickyNotes).toEqual([]);
      expect(presentation).toEqual({ walkOrder: [] });
      expect(captureDefaults).toEqual({ ownerId: null, channelId: null, audience: null });
      expect(transitions).toEqual((v2.transitions as object[]).map((t) => ({ ...t, markedAsLoop: false })));
      expect({ ...rest, schemaVersion: 2 }).toEqual(
        Object.fromEntries(Object.entries(v2).filter(([key]) => key !== "transitions")),
      );
    },
  );

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(fixture("v2-sample"));
    expect(() => migrateV2ToV3(input)).not.toThrow();
    expect(input).toEqual(fixture("v2-sample"));
  });

  it.each(V1_FIXTURES)("opens the format-1 file %s through every migration", (name) => {
    const result = parseRoadmap(fixture(name));
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    expect(result.value.fromVersion).toBe(1);
    expect(result.value.roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.value.roadmap.stickyNotes).toEqual([]);
  });
});

describe("v3 to v4", () => {
  it.each(V3_FIXTURES)("opens %s with everything it held, an empty survey and no remembered mappings", (name) => {
    const v3 = fixture(name);
    const result = parseRoadmap(v3);
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    const { roadmap, fromVersion, migrationNotes } = result.value;
    expect(fromVersion).toBe(3);
    expect(migrationNotes).toEqual([]);
    const {
      survey,
      importMappings,
      schemaVersion,
      baseScenario: _base,
      scenarios: _scenarios,
      optimiser: _optimiser,
      ...rest
    } = roadmap;
    expect(schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(survey).toEqual({ scale: "1-5", dimensions: [], items: [], minimumRespondents: 5, waves: [] });
    expect(importMappings).toEqual({ survey: { columns: [], values: [] }, inventory: { columns: [], values: [] } });
    expect({ ...rest, schemaVersion: 3 }).toEqual(v3);
  });

  it("keeps the template's sticky notes and walk order", () => {
    const { roadmap } = migrate(fixture("v3-b2b-subscription-software"));
    expect(roadmap.stickyNotes.map((note) => note.text)).toEqual([
      "Is the trial really 30 days?",
      "Ask finance for churn by segment",
    ]);
    expect(roadmap.presentation.walkOrder).toHaveLength(2);
  });

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(fixture("v3-sample"));
    expect(() => migrateV3ToV4(input)).not.toThrow();
    expect(input).toEqual(fixture("v3-sample"));
  });

  it.each([...V1_FIXTURES, ...V2_FIXTURES])("opens the older file %s through every migration", (name) => {
    const result = parseRoadmap(fixture(name));
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    expect(result.value.roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.value.roadmap.survey.waves).toEqual([]);
  });
});

describe("v4 to v5", () => {
  it.each(V4_FIXTURES)("opens %s with everything it held and one scenario, its own plan", (name) => {
    const v4 = fixture(name);
    const result = parseRoadmap(v4);
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    const { roadmap, fromVersion, migrationNotes } = result.value;
    expect(fromVersion).toBe(4);
    expect(migrationNotes).toEqual([]);
    const { baseScenario, scenarios, optimiser: _, schemaVersion, ...rest } = roadmap;
    expect(schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(baseScenario).toEqual({ name: "Plan", notes: "", excludedCommunicationIds: [], optimisation: null });
    expect(scenarios).toEqual([]);
    expect({ ...rest, schemaVersion: 4 }).toEqual(v4);
  });

  it("keeps the template's survey waves and every answer in them", () => {
    const v4 = fixture("v4-b2b-subscription-software") as { survey: { waves: { respondents: unknown[] }[] } };
    const { roadmap } = migrate(fixture("v4-b2b-subscription-software"));
    expect(roadmap.survey.waves.map((wave) => wave.name)).toEqual(["Autumn 2025", "Spring 2026"]);
    expect(roadmap.survey.waves.map((wave) => wave.respondents)).toEqual(
      v4.survey.waves.map((wave) => wave.respondents),
    );
  });

  it("plans a migrated file exactly as before: the base scenario is the whole plan", () => {
    const { roadmap } = migrate(fixture("v4-generated-40-phases"));
    const plan = planRoadmap(roadmap);
    expect(plan.communications).toHaveLength(roadmap.communications.length);
    expect(plan.budget.totalCost).toBeGreaterThan(0);
  });

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(fixture("v4-sample"));
    expect(() => migrateV4ToV5(input)).not.toThrow();
    expect(input).toEqual(fixture("v4-sample"));
  });

  it.each([...V1_FIXTURES, ...V2_FIXTURES, ...V3_FIXTURES])(
    "opens the older file %s through every migration",
    (name) => {
      const result = parseRoadmap(fixture(name));
      if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
      expect(result.value.roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(result.value.roadmap.scenarios).toEqual([]);
    },
  );
});

describe("v5 to v6", () => {
  it.each(V5_FIXTURES)(
    "opens %s with everything it held, its scenarios unoptimised, the optimiser asked nothing",
    (name) => {
      const v5 = fixture(name) as { scenarios: Record<string, unknown>[]; baseScenario: Record<string, unknown> };
      const result = parseRoadmap(v5);
      if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
      const { roadmap, fromVersion, migrationNotes } = result.value;
      expect(fromVersion).toBe(5);
      expect(migrationNotes).toEqual([]);
      const { optimiser, scenarios, baseScenario, schemaVersion, ...rest } = roadmap;
      expect(schemaVersion).toBe(6);
      expect(optimiser).toEqual(defaultOptimiserSettings());
      expect(scenarios).toEqual(v5.scenarios.map((scenario) => ({ ...scenario, optimisation: null })));
      expect(baseScenario).toEqual({ ...v5.baseScenario, optimisation: null });
      expect({ ...rest, baseScenario: v5.baseScenario, scenarios: v5.scenarios, schemaVersion: 5 }).toEqual(v5);
    },
  );

  it("keeps the template's As-is and To-be, each planning what it left out and set", () => {
    const { roadmap } = migrate(fixture("v5-b2b-subscription-software"));
    const [asIs, toBe] = roadmap.scenarios.map((scenario) => resolveScenario(roadmap, scenario.id));
    expect(roadmap.scenarios.map((scenario) => scenario.name)).toEqual(["As-is", "To-be"]);
    expect(asIs?.communications.every((communication) => communication.status === "existing")).toBe(true);
    expect(toBe?.communications.find((c) => c.id === "comm-trial-welcome-series")?.personalisation).toBe("oneToOne");
    expect(planRoadmap(asIs as Roadmap).budget.totalCost).toBeLessThan(planRoadmap(roadmap).budget.totalCost);
  });

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(fixture("v5-b2b-subscription-software"));
    expect(() => migrateV5ToV6(input)).not.toThrow();
    expect(input).toEqual(fixture("v5-b2b-subscription-software"));
  });

  it.each([...V1_FIXTURES, ...V2_FIXTURES, ...V3_FIXTURES, ...V4_FIXTURES])(
    "opens the older file %s through every migration, with default optimiser settings",
    (name) => {
      const result = parseRoadmap(fixture(name));
      if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
      expect(result.value.roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(result.value.roadmap.optimiser).toEqual(defaultOptimiserSettings());
    },
  );
});

describe("the migration registry", () => {
  it("has one migration for every version before the current one", () => {
    expect(MIGRATIONS).toHaveLength(CURRENT_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(CURRENT_SCHEMA_VERSION);
  });

  it("passes a current document through as it is", () => {
    const doc = sampleRoadmap();
    const result = migrateToLatest(doc);
    expect(result).toEqual({ ok: true, value: { doc, fromVersion: CURRENT_SCHEMA_VERSION, notes: [] } });
  });

  it("refuses a file from a newer version of the app and says to update", () => {
    const result = parseRoadmap({ ...sampleRoadmap(), schemaVersion: 99 });
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      `schemaVersion: was saved by a newer version of Relationship Roadmap (file format 99; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it`,
    ]);
  });

  it("refuses a document without a schema version as not a roadmap file", () => {
    const { schemaVersion: _, ...withoutVersion } = sampleRoadmap();
    const result = parseRoadmap(withoutVersion);
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      "schemaVersion: is missing: this does not look like a Relationship Roadmap file",
    ]);
  });

  it.each([
    ["1", 'schemaVersion: must be a whole number of at least 1, got "1"'],
    [1.5, "schemaVersion: must be a whole number of at least 1, got 1.5"],
    [0, "schemaVersion: must be a whole number of at least 1, got 0"],
    [null, "schemaVersion: must be a whole number of at least 1, got null"],
  ])("refuses the schema version %j", (schemaVersion, shown) => {
    const result = parseRoadmap({ ...sampleRoadmap(), schemaVersion });
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([shown]);
  });
});
