import { describe, expect, it } from "vitest";
import {
  CLIP_TYPE,
  copyPhases,
  DUPLICATE_OFFSET,
  type PhaseClip,
  parsePhaseClip,
  pastePhases,
  startingCustomersOf,
} from "./clipboard";
import { createRoadmap } from "./createRoadmap";
import { replaceStages } from "./edits";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";

const NOW = new Date("2026-11-23T10:00:00Z");
const NOT_PHASES = "The clipboard does not hold phases from Relationship Roadmap.";

function template(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

/** The lines the user would be shown on reopening the document; empty when it is valid. */
function problemsOf(roadmap: Roadmap): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
  return result.ok ? [] : result.error.map(describeIssue);
}

function clipOf(roadmap: Roadmap, phaseIds: readonly string[]): PhaseClip {
  const clip = copyPhases(roadmap, phaseIds);
  if (!clip) throw new Error("nothing was copied");
  return clip;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** What the clipboard holds after Copy: the clip as text. */
const asText = (clip: unknown) => JSON.stringify(clip);

describe("copyPhases", () => {
  it("takes the phases, only the transitions between them, and their communications", () => {
    const clip = clipOf(template(), ["phase-lapsed", "phase-at-risk"]);
    expect(clip.type).toBe(CLIP_TYPE);
    expect(ids(clip.phases)).toEqual(["phase-at-risk", "phase-lapsed"]);
    // Not tr-saved (at risk → active) nor tr-won-back (lapsed → active): their other end stays behind.
    expect(ids(clip.transitions)).toEqual(["tr-lapses"]);
    expect(ids(clip.communications)).toEqual(["comm-save-call", "comm-win-back-offer", "comm-lapsed-cold-calls"]);
  });

  it("brings the stages, segments, owners, channels and roles the copied phases refer to, and no others", () => {
    const clip = clipOf(template(), ["phase-lapsed", "phase-at-risk"]);
    expect(ids(clip.stages)).toEqual(["atRisk", "winBack"]);
    expect(ids(clip.segments)).toEqual(["enterprise", "midMarket", "smallBusiness"]);
    expect(ids(clip.owners)).toEqual(["owner-pm-core", "owner-marketing"]);
    expect(ids(clip.channels)).toEqual(["email", "phone"]);
    expect(ids(clip.roles)).toEqual(["role-economic-buyer"]);
  });

  it("brings only the segments that a phase without customers still refers to through its communications", () => {
    const roadmap = template();
    const bare = {
      ...roadmap,
      phases: roadmap.phases.map((p) =>
        p.id === "phase-at-risk" ? { ...p, initialCustomers: {}, arrivalsPerMonth: {} } : p,
      ),
    };
    // comm-save-call is aimed at enterprise and mid-market accounts.
    expect(ids(clipOf(bare, ["phase-at-risk"]).segments)).toEqual(["enterprise", "midMarket"]);
  });

  it("copies nothing when no phase is selected", () => {
    expect(copyPhases(template(), [])).toBeNull();
    expect(copyPhases(template(), ["tr-lapses"])).toBeNull();
  });

  it("reads back from clipboard text as the same clip", () => {
    const clip = clipOf(template(), ["phase-first-90-days", "phase-active-single", "phase-at-risk"]);
    expect(parsePhaseClip(asText(clip))).toEqual({ ok: true, value: clip });
  });
});

describe("pasting into the same roadmap", () => {
  const copied = ["phase-first-90-days", "phase-active-single", "phase-at-risk"];

  it("adds copies under new ids, shifted by the offset, and leaves the originals as they were", () => {
    const before = template();
    const clip = clipOf(before, copied);
    const { roadmap, phaseIds } = pastePhases(before, clip, { x: 40, y: 40.4 });
    expect(roadmap.phases.slice(0, before.phases.length)).toEqual(before.phases);
    expect(roadmap.phases.slice(0, before.phases.length).every((p, i) => p === before.phases[i])).toBe(true);
    const pasted = roadmap.phases.slice(before.phases.length);
    expect(ids(pasted)).toEqual(phaseIds);
    expect(phaseIds).toHaveLength(3);
    for (const id of phaseIds) expect(ids(before.phases)).not.toContain(id);
    expect(new Set(phaseIds).size).toBe(3);
    expect(pasted.map((p) => p.name)).toEqual(["First 90 days", "Active single-product", "At risk"]);
    expect(pasted.map((p) => p.position)).toEqual([
      { x: 340, y: 40 },
      { x: 640, y: 40 },
      { x: 1540, y: 260 },
    ]);
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("joins the copies by copies of the transitions between the originals", () => {
    const before = template();
    const { roadmap, phaseIds } = pastePhases(before, clipOf(before, copied), { x: 40, y: 40 });
    const copyOf = new Map(copied.map((id, i) => [id, phaseIds[i]]));
    const added = roadmap.transitions.slice(before.transitions.length);
    const originals = before.transitions.filter((t) => copied.includes(t.from) && copied.includes(t.to));
    expect(ids(originals)).toEqual([
      "tr-onboarding-complete",
      "tr-onboarding-stalls",
      "tr-single-usage-drop",
      "tr-saved",
    ]);
    expect(added).toEqual(
      originals.map((t, i) => ({
        ...t,
        id: added[i]?.id,
        from: copyOf.get(t.from),
        to: copyOf.get(t.to),
      })),
    );
    for (const t of added) expect(ids(before.transitions)).not.toContain(t.id);
  });

  it("puts copies of the communications on the copies, under new ids", () => {
    const before = template();
    const { roadmap, phaseIds } = pastePhases(before, clipOf(before, copied), { x: 40, y: 40 });
    const copyOf = new Map(copied.map((id, i) => [id, phaseIds[i]]));
    const originals = before.communications.filter((c) => copied.includes(c.phaseId));
    const added = roadmap.communications.slice(before.communications.length);
    expect(added).toEqual(originals.map((c, i) => ({ ...c, id: added[i]?.id, phaseId: copyOf.get(c.phaseId) })));
    for (const c of added) expect(ids(before.communications)).not.toContain(c.id);
    expect(roadmap.stages).toEqual(before.stages);
    expect(roadmap.segments).toEqual(before.segments);
    expect(roadmap.owners).toEqual(before.owners);
    expect(roadmap.channels).toEqual(before.channels);
    expect(roadmap.roles).toEqual(before.roles);
  });

  it("makes new ids on every paste of the same clip", () => {
    const before = template();
    const clip = clipOf(before, copied);
    const once = pastePhases(before, clip, { x: 40, y: 40 });
    const twice = pastePhases(once.roadmap, clip, { x: 80, y: 80 });
    expect(twice.phaseIds.some((id) => once.phaseIds.includes(id))).toBe(false);
    expect(twice.roadmap.phases).toHaveLength(before.phases.length + 6);
    expect(problemsOf(twice.roadmap)).toEqual([]);
  });
});

describe("pasting into a different roadmap", () => {
  it("brings along the segments, owners and roles a blank roadmap lacks, and uses the channels it has", () => {
    const source = template();
    const blank = createRoadmap({ now: NOW });
    const { roadmap, phaseIds } = pastePhases(blank, clipOf(source, ["phase-at-risk", "phase-lapsed"]), {
      x: 0,
      y: 0,
    });
    expect(problemsOf(roadmap)).toEqual([]);
    expect(phaseIds).toHaveLength(2);
    expect(roadmap.transitions).toHaveLength(1);
    expect(roadmap.communications).toHaveLength(3);
    expect(ids(roadmap.segments)).toEqual(["all", "enterprise", "midMarket", "smallBusiness"]);
    expect(ids(roadmap.owners)).toEqual(["owner-pm-core", "owner-marketing"]);
    expect(ids(roadmap.roles)).toEqual(["role-economic-buyer"]);
    // The blank roadmap has its own email and phone channels: the pasted communications use them as they are.
    expect(roadmap.channels).toEqual(blank.channels);
    expect(roadmap.stages).toEqual(blank.stages);
  });

  it("brings along the lifecycle stages the roadmap lacks", () => {
    const blank = createRoadmap({ now: NOW });
    const [acquire] = blank.stages;
    if (!acquire) throw new Error("a blank roadmap has stages");
    const oneStage = replaceStages(blank, [acquire], acquire.id);
    const { roadmap } = pastePhases(oneStage, clipOf(template(), ["phase-at-risk", "phase-lapsed"]), { x: 0, y: 0 });
    expect(ids(roadmap.stages)).toEqual(["acquire", "atRisk", "winBack"]);
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("brings the whole template into a blank roadmap as a valid document", () => {
    const source = template();
    const blank = createRoadmap({ now: NOW });
    const { roadmap } = pastePhases(blank, clipOf(source, ids(source.phases)), { x: 100, y: 100 });
    expect(problemsOf(roadmap)).toEqual([]);
    expect(roadmap.phases).toHaveLength(source.phases.length);
    expect(roadmap.transitions).toHaveLength(source.transitions.length);
    expect(roadmap.communications).toHaveLength(source.communications.length);
  });

  it("moves a one-off send beyond a shorter planning horizon into its last month", () => {
    const source = template();
    const short = createRoadmap({ now: NOW, horizonMonths: 6 });
    // The customer conference is sent once, in month 8 of the template's 24.
    const { roadmap } = pastePhases(short, clipOf(source, ["phase-multi-product"]), { x: 0, y: 0 });
    expect(problemsOf(roadmap)).toEqual([]);
    const conference = roadmap.communications.find((c) => c.name === "Customer conference invitation");
    expect(conference?.timing).toEqual({ kind: "oneOff", month: 5 });
    const long = createRoadmap({ now: NOW, horizonMonths: 36 });
    const kept = pastePhases(long, clipOf(source, ["phase-multi-product"]), { x: 0, y: 0 }).roadmap;
    expect(kept.communications.find((c) => c.name === "Customer conference invitation")?.timing).toEqual({
      kind: "oneOff",
      month: 8,
    });
  });
});

describe("starting customers", () => {
  const customersOf = (roadmap: Roadmap) =>
    roadmap.phases.reduce((sum, p) => sum + Object.values(p.initialCustomers).reduce((a, b) => a + b, 0), 0);

  it("counts what the copied phases hold at the plan's start, phase by phase", () => {
    const clip = clipOf(template(), ["phase-renewal-due", "phase-at-risk"]);
    expect(startingCustomersOf(clip)).toEqual({
      total: 415 + 271,
      byPhase: [
        { name: "Renewal due", customers: 415 },
        { name: "At risk", customers: 271 },
      ],
    });
    const empty = { ...clip, phases: clip.phases.map((p) => ({ ...p, initialCustomers: {} })) };
    expect(startingCustomersOf(empty)).toEqual({ total: 0, byPhase: [] });
  });

  it("are left behind by a paste unless asked for, so the customer base stays as it was", () => {
    const before = template();
    const clip = clipOf(before, ["phase-renewal-due", "phase-at-risk"]);
    const plain = pastePhases(before, clip, DUPLICATE_OFFSET);
    const copies = plain.roadmap.phases.slice(before.phases.length);
    expect(copies.map((p) => p.initialCustomers)).toEqual([{}, {}]);
    expect(customersOf(plain.roadmap)).toBe(customersOf(before));
    // Arrivals and everything else come along: only the starting customers stay behind.
    expect(copies.map(({ id: _, position: __, initialCustomers: ___, ...rest }) => rest)).toEqual(
      clip.phases.map(({ id: _, position: __, initialCustomers: ___, ...rest }) => rest),
    );

    const asked = pastePhases(before, clip, DUPLICATE_OFFSET, { withStartingCustomers: true });
    expect(asked.roadmap.phases.slice(before.phases.length).map((p) => p.initialCustomers)).toEqual(
      clip.phases.map((p) => p.initialCustomers),
    );
    expect(customersOf(asked.roadmap)).toBe(customersOf(before) + 415 + 271);
    expect(problemsOf(plain.roadmap)).toEqual([]);
    expect(problemsOf(asked.roadmap)).toEqual([]);
  });

  it("bring their segments into another roadmap only when they come along", () => {
    const source = template();
    // Nothing on "At risk" but its starting customers names the small businesses.
    const onlyCustomers = {
      ...source,
      phases: source.phases.map((p) => (p.id === "phase-at-risk" ? { ...p, arrivalsPerMonth: {} } : p)),
      communications: source.communications.filter((c) => c.phaseId !== "phase-at-risk"),
    };
    const clip = clipOf(onlyCustomers, ["phase-at-risk"]);
    expect(ids(clip.segments)).toEqual(["enterprise", "midMarket", "smallBusiness"]);
    const blank = createRoadmap({ now: NOW });
    expect(ids(pastePhases(blank, clip, { x: 0, y: 0 }).roadmap.segments)).toEqual(["all"]);
    const asked = pastePhases(blank, clip, { x: 0, y: 0 }, { withStartingCustomers: true }).roadmap;
    expect(ids(asked.segments)).toEqual(["all", "enterprise", "midMarket", "smallBusiness"]);
    expect(problemsOf(asked)).toEqual([]);
  });
});

describe("parsePhaseClip", () => {
  const clip = () => clipOf(template(), ["phase-at-risk", "phase-lapsed"]);

  it.each([
    ["plain text", "Renewal due"],
    ["an empty clipboard", ""],
    ["half a clip", asText(clip()).slice(0, 100)],
    ["a number", "2027"],
    ["null", "null"],
    ["a list", "[1, 2]"],
    ["another application's JSON", '{"kind":"shape","x":1}'],
    ["a whole roadmap file", asText(template())],
  ])("refuses %s as not holding phases", (_, text) => {
    expect(parsePhaseClip(text)).toEqual({ ok: false, error: NOT_PHASES });
  });

  it("names the first problem of a clip that is broken", () => {
    const broken = clip();
    const [first] = broken.phases;
    if (!first) throw new Error("the clip lost its phases");
    first.churnRate = 1.5;
    expect(parsePhaseClip(asText(broken))).toEqual({
      ok: false,
      error: "The clipboard's phases could not be pasted: phases[0].churnRate: must be between 0 and 1, got 1.5.",
    });
  });

  it("names a missing list", () => {
    expect(parsePhaseClip(asText({ type: CLIP_TYPE, version: 1 }))).toEqual({
      ok: false,
      error: "The clipboard's phases could not be pasted: phases: is required.",
    });
  });

  it("refuses a clip without phases", () => {
    expect(parsePhaseClip(asText({ ...clip(), phases: [] }))).toEqual({
      ok: false,
      error: "The clipboard's phases could not be pasted: phases: must hold at least one phase, got an empty list.",
    });
  });
});

describe("duplicating: a paste next to the originals", () => {
  it("puts copies 40 pixels down and right of the originals, with their transitions and communications", () => {
    const before = template();
    const { roadmap, phaseIds } = pastePhases(
      before,
      clipOf(before, ["phase-renewal-due", "phase-at-risk"]),
      DUPLICATE_OFFSET,
    );
    expect(problemsOf(roadmap)).toEqual([]);
    const copies = phaseIds.map((id) => roadmap.phases.find((p) => p.id === id));
    expect(copies.map((p) => p?.name)).toEqual(["Renewal due", "At risk"]);
    expect(copies.map((p) => p?.position)).toEqual([
      { x: 1240, y: 40 },
      { x: 1540, y: 260 },
    ]);
    const [renewal, risk] = phaseIds;
    const added = roadmap.transitions.slice(before.transitions.length);
    expect(added.map((t) => [t.from, t.to, t.rate])).toEqual([[renewal, risk, 0.07]]);
    expect(roadmap.communications.slice(before.communications.length).map((c) => [c.name, c.phaseId])).toEqual([
      ["Renewal reminder with value summary", renewal],
      ["Save call with usage health review", risk],
    ]);
  });
});
