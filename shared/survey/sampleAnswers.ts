import Papa from "papaparse";
import { bestMatch } from "../import/mapping";
import type { Phase, Roadmap, StageKind } from "../model/schema";
import { SCALE_RANGE } from "../model/vocabulary";
import { responseHeaders } from "./responseColumns";

/**
 * Fictional survey answers for a roadmap's own phases, segments and channels,
 * so a new user can try the import and the RSI in a minute. The patterns are
 * ones a consultant can talk about: relationships strengthen from acquisition
 * through onboarding into development and weaken in at-risk and win-back
 * phases; the last segment (the cost-to-serve one in the templates) is
 * clearly weaker, feels over-contacted and wants fewer contacts; likelihood to
 * recommend follows strength; reversed items are answered against the rest;
 * few of the weak segment reach the first retain phase (Advocate), so that
 * cell shows "too few answers".
 * The file also has what real exports have: unanswered cells, a few
 * respondents who gave up early (the import excludes them) and phase values
 * written loosely ("Lapsed 6m+") for the value-mapping step to settle.
 */

/** A few hundred: enough for most phase × segment cells to pass the minimum, small enough to read. */
export const SAMPLE_RESPONDENTS = 360;

/** The strength (0–100) a respondent in a phase of this kind starts from. */
const STRENGTH_BY_STAGE: Record<StageKind, number> = {
  acquire: 58,
  onboard: 66,
  develop: 74,
  retain: 78,
  atRisk: 44,
  winBack: 32,
  custom: 60,
};

/** How much weaker the last segment's relationships are. */
const WEAK_SEGMENT_SHIFT = -14;
/** The weak segment's communications feel less relevant still: they get more than they want. */
const WEAK_SEGMENT_RELEVANCE_SHIFT = -10;
/** The share of the weak segment's respondents in the first retain phase who are drawn again elsewhere. */
const RARE_CELL_REDRAW = 0.9;
const LOOSE_PHASE_SHARE = 0.25;
const GAVE_UP_SHARE = 0.03;
const MISSING_ANSWER_SHARE = 0.03;
const MISSING_FIELD_SHARE = 0.05;

/** The sample answers CSV for this roadmap, the same for the same seed. Its header row is the blank answers file's. */
export function sampleSurveyAnswers(roadmap: Roadmap, seed = 1): string {
  const random = seededRandom(seed);
  const normal = (sd: number) => gaussian(random) * sd;
  const chance = (share: number) => random() < share;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];

  const { items } = roadmap.survey;
  const { min, max } = SCALE_RANGE[roadmap.survey.scale];
  const stageKinds = new Map(roadmap.stages.map((stage) => [stage.id, stage.kind]));
  const weakSegmentId = roadmap.segments.length > 1 ? roadmap.segments.at(-1)?.id : undefined;
  const channelValues = roadmap.channels.map((channel) => (/[;,|]/.test(channel.name) ? channel.id : channel.name));
  const rareCell = roadmap.phases.find((phase) => stageKinds.get(phase.stageId) === "retain");
  const phaseOptions = roadmap.phases.map((phase) => ({ id: phase.id, name: phase.name }));
  const surveyMonth = monthBefore(roadmap.startMonth);

  const loosePhaseValue = (phase: Phase): string => {
    const variant = pick([`${phase.name} 6m+`, `${phase.name} (self-reported)`, `${phase.name.toLowerCase()}!`]);
    return variant !== undefined && bestMatch(variant, phaseOptions) === phase.id ? variant : phase.name;
  };

  const rows: string[][] = [];
  for (let r = 0; r < SAMPLE_RESPONDENTS; r++) {
    const segmentIndex = Math.floor(random() * roadmap.segments.length);
    const segment = roadmap.segments[segmentIndex];
    let phase = pick(roadmap.phases);
    // Few cost-to-serve customers become advocates: that cell shows "too few answers".
    if (
      rareCell !== undefined &&
      phase?.id === rareCell.id &&
      segment?.id === weakSegmentId &&
      chance(RARE_CELL_REDRAW)
    ) {
      phase = pick(roadmap.phases);
    }
    const kind = (phase && stageKinds.get(phase.stageId)) ?? "custom";
    const weak = segment !== undefined && segment.id === weakSegmentId;
    const strength = clamp(STRENGTH_BY_STAGE[kind] + (weak ? WEAK_SEGMENT_SHIFT : 0) + normal(9), 0, 100);
    const leaving = kind === "atRisk" || kind === "winBack";

    const dimensionLean = new Map(roadmap.survey.dimensions.map((d) => [d.id, normal(5)]));
    const answeredUpTo = chance(GAVE_UP_SHARE) ? Math.floor(items.length * (0.15 + random() * 0.25)) : items.length;
    const answers = items.map((item, i) => {
      if (i >= answeredUpTo || chance(MISSING_ANSWER_SHARE)) return "";
      const relevanceShift = weak && item.dimensionId === "relevance" ? WEAK_SEGMENT_RELEVANCE_SHIFT : 0;
      const agreement = clamp(
        strength + (dimensionLean.get(item.dimensionId) ?? 0) + relevanceShift + normal(13),
        0,
        100,
      );
      const written = item.reversed ? 100 - agreement : agreement;
      return String(Math.round(min + (written / 100) * (max - min)));
    });

    const recommend = chance(MISSING_FIELD_SHARE) ? "" : String(Math.round(clamp(strength / 10 + normal(1.3), 0, 10)));
    const channelCount = chance(MISSING_FIELD_SHARE) ? 0 : 1 + Math.floor(random() * 2);
    const channels = new Set<string>();
    for (let c = 0; c < channelCount; c++) {
      // Each segment leans to its own favourite channel, so the preferences differ between segments.
      const favourite = channelValues[(segmentIndex + c) % channelValues.length];
      const channel = chance(0.6) ? favourite : pick(channelValues);
      if (channel !== undefined) channels.add(channel);
    }
    const wantedPerMonth = (weak ? 1.4 : 3) - (leaving ? 0.6 : 0) + normal(0.7);
    const contacts = chance(MISSING_FIELD_SHARE) ? "" : String(Math.round(clamp(wantedPerMonth, 0, 8)));
    const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");

    rows.push([
      `${surveyMonth}-${day}`,
      phase ? (leaving && chance(LOOSE_PHASE_SHARE) ? loosePhaseValue(phase) : phase.name) : "",
      segment?.name ?? "",
      ...answers,
      recommend,
      [...channels].join("; "),
      contacts,
    ]);
  }
  return `${Papa.unparse({ fields: responseHeaders(roadmap.survey), data: rows }, { newline: "\n" })}\n`;
}

/** The survey was run in the month before the plan starts: "2026-01" for a plan starting "2026-02". */
function monthBefore(yearMonth: string): string {
  const [year = 2000, month = 1] = yearMonth.split("-").map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** SplitMix32: a tiny seedable generator, so the same seed gives the same file on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4_294_967_296;
  };
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
