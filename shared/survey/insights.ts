import type { ContactPressure } from "../engine/pressure";
import { lifecycleOrder } from "../model/presentationWalk";
import type { Roadmap, StageKind, SurveyRespondent, SurveyWave } from "../model/schema";
import { computeRsi, latestWave, type RsiCell, type RsiFigure, type RsiResult } from "./rsi";

/**
 * What the survey's answers say about the plan: whether it contacts each
 * segment more often than its customers want, where along the lifecycle the
 * relationship weakens most, and how those about to leave (or gone) answer
 * compared with everyone else. Every figure is of one wave, the latest unless
 * named, and groups smaller than the survey's minimum get no figure, as in the RSI.
 */

/** The share of answers at or below the contact frequency a segment is said to want: the median. */
export const PREFERENCE_PERCENTILE = 0.5;

/** The stages whose customers are leaving or have left: their answers are what defectors say. */
export const DEFECTOR_STAGE_KINDS: readonly StageKind[] = ["atRisk", "winBack"];

/** How many places to act the report and diagnostics name. */
export const PLACES_TO_ACT = 3;

/** A channel preferred by at least this share of a segment's respondents is worth using for it. */
export const PREFERRED_CHANNEL_SHARE = 0.25;

/** How many communications a month a segment's customers want, at most (`PREFERENCE_PERCENTILE` of their answers). */
export interface FrequencyPreference {
  /** Null when the wave had no segment column: every respondent's answer. */
  segmentId: string | null;
  /** Respondents who said how often. */
  n: number;
  /** Null below the survey's minimum. */
  wanted: number | null;
}

/** The plan reaching one customer of a segment more often in a phase than the segment says it wants. */
export interface FrequencyMismatch {
  /** The plan's segment. */
  segmentId: string;
  /** Whose answers the wish is: that segment's, or null for all respondents when the wave had no segment column. */
  wantedBy: string | null;
  phaseId: string;
  wanted: number;
  /** Respondents the wish rests on. */
  respondents: number;
  /** The most sends one customer of the segment gets in a month in the phase, as the Contact pressure view counts them. */
  planned: number;
  /** The first month of the horizon (from 0) with that many. */
  month: number;
}

/** A channel a segment's respondents prefer that no communication of the plan uses for that segment. */
export interface ChannelGap {
  /** Null when the wave had no segment column: all respondents, against every communication. */
  segmentId: string | null;
  channelId: string;
  /** Of the segment's respondents who named their channels. */
  share: number;
  n: number;
  /** The channels the plan does use for the segment, most communications first. */
  plannedChannelIds: string[];
}

/** The RSI falling from one phase to the next along the lifecycle. */
export interface RsiDrop {
  /** Null over all segments. */
  segmentId: string | null;
  fromPhaseId: string;
  phaseId: string;
  from: number;
  to: number;
  /** `from − to`, above 0. */
  drop: number;
  /** Whether the two 95 % intervals do not overlap: a fall larger than the uncertainty of either figure. */
  clear: boolean;
  /** The lowest-scoring dimension in the phase fallen to, with its score; null when no dimension has a score there. */
  weakestDimensionId: string | null;
  weakestScore: number | null;
}

/** One group's answers, beside the RSI: likelihood to recommend, how often and through what they want to hear. */
export interface GroupAnswers {
  rsi: RsiFigure;
  recommend: {
    n: number;
    /** 0–10; null below the minimum. */
    mean: number | null;
    /** Of those who answered, the share answering 0–6 ("detractors"); null below the minimum. */
    detractors: number | null;
  };
  contacts: { n: number; wanted: number | null };
  /** Each channel named, with the share of the group's respondents who named any that named it; most named first. */
  channels: { channelId: string; share: number }[];
}

/** Respondents in at-risk and win-back phases against everyone else. */
export interface DefectorSummary {
  /** The phases counted as defecting, in lifecycle order. */
  phaseIds: string[];
  defectors: GroupAnswers;
  rest: GroupAnswers;
  /** Each dimension's score in both groups, in the questionnaire's order. */
  dimensions: { dimensionId: string; defectors: number | null; rest: number | null }[];
}

export interface SurveyInsights {
  waveId: string | null;
  rsi: RsiResult;
  preferences: FrequencyPreference[];
  mismatches: FrequencyMismatch[];
  channelGaps: ChannelGap[];
  /** Over all segments, the largest falls first. */
  placesToAct: RsiDrop[];
  /** Within each segment, the largest falls first. */
  placesToActBySegment: RsiDrop[];
  defectors: DefectorSummary;
}

/** Everything the survey says about the plan whose contact pressure is given. */
export function surveyInsights(
  roadmap: Roadmap,
  pressure: Pick<ContactPressure, "segmentIds" | "phaseIds" | "months" | "counts">,
  waveId?: string,
): SurveyInsights {
  const wave = waveOf(roadmap, waveId);
  const rsi = computeRsi(roadmap, wave?.id);
  const preferences = frequencyPreferences(roadmap, wave);
  return {
    waveId: wave?.id ?? null,
    rsi,
    preferences,
    mismatches: frequencyMismatches(roadmap, preferences, pressure),
    channelGaps: channelGaps(roadmap, wave),
    placesToAct: biggestDrops(roadmap, rsi, "phases"),
    placesToActBySegment: biggestDrops(roadmap, rsi, "segments"),
    defectors: defectorSummary(roadmap, wave),
  };
}

function waveOf(roadmap: Roadmap, waveId: string | undefined): SurveyWave | null {
  if (waveId === undefined) return latestWave(roadmap);
  return roadmap.survey.waves.find((wave) => wave.id === waveId) ?? null;
}

/** Each segment's wanted contacts a month, in the roadmap's segment order; one for all when the wave has no segments. */
export function frequencyPreferences(roadmap: Roadmap, wave: SurveyWave | null): FrequencyPreference[] {
  if (!wave) return [];
  const minimum = roadmap.survey.minimumRespondents;
  const describe = (segmentId: string | null, respondents: readonly SurveyRespondent[]): FrequencyPreference => {
    const answers = numbers(respondents.map((r) => r.preferredContactsPerMonth));
    return {
      segmentId,
      n: answers.length,
      wanted: answers.length >= minimum ? percentile(answers, PREFERENCE_PERCENTILE) : null,
    };
  };
  if (!wave.respondents.some((r) => r.segmentId !== null)) return [describe(null, wave.respondents)];
  return roadmap.segments
    .map((segment) =>
      describe(
        segment.id,
        wave.respondents.filter((r) => r.segmentId === segment.id),
      ),
    )
    .filter((preference) => preference.n > 0);
}

/**
 * Every phase where the plan reaches a customer of a segment more often in
 * some month than that segment wants (the worst-served cohort, as the Contact
 * pressure view counts it), segment by segment, phases in lifecycle order.
 */
export function frequencyMismatches(
  roadmap: Pick<Roadmap, "stages" | "phases">,
  preferences: readonly FrequencyPreference[],
  pressure: Pick<ContactPressure, "segmentIds" | "phaseIds" | "months" | "counts">,
): FrequencyMismatch[] {
  const P = pressure.phaseIds.length;
  const T = pressure.months;
  const phaseIndex = new Map(pressure.phaseIds.map((id, p) => [id, p]));
  const order = lifecycleOrder(roadmap).filter((id) => phaseIndex.has(id));
  const forAll = preferences.find((preference) => preference.segmentId === null);
  const mismatches: FrequencyMismatch[] = [];
  pressure.segmentIds.forEach((segmentId, s) => {
    const preference = forAll ?? preferences.find((candidate) => candidate.segmentId === segmentId);
    if (!preference || preference.wanted === null) return;
    for (const phaseId of order) {
      const p = phaseIndex.get(phaseId) as number;
      let planned = 0;
      let month = 0;
      for (let t = 0; t < T; t++) {
        const count = pressure.counts[(s * P + p) * T + t] as number;
        if (count > planned) {
          planned = count;
          month = t;
        }
      }
      if (planned > preference.wanted) {
        mismatches.push({
          segmentId,
          wantedBy: preference.segmentId,
          phaseId,
          wanted: preference.wanted,
          respondents: preference.n,
          planned,
          month,
        });
      }
    }
  });
  return mismatches;
}

/** Channels preferred by at least `PREFERRED_CHANNEL_SHARE` of a segment that no active communication uses for it. */
export function channelGaps(roadmap: Roadmap, wave: SurveyWave | null): ChannelGap[] {
  if (!wave) return [];
  const minimum = roadmap.survey.minimumRespondents;
  const hasSegments = wave.respondents.some((r) => r.segmentId !== null);
  const groups: { segmentId: string | null; respondents: SurveyRespondent[] }[] = hasSegments
    ? roadmap.segments.map((segment) => ({
        segmentId: segment.id,
        respondents: wave.respondents.filter((r) => r.segmentId === segment.id),
      }))
    : [{ segmentId: null, respondents: wave.respondents }];
  const channelIds = new Set(roadmap.channels.map((channel) => channel.id));
  const gaps: ChannelGap[] = [];
  for (const { segmentId, respondents } of groups) {
    const named = respondents.filter((r) => r.preferredChannelIds.length > 0);
    if (named.length < minimum) continue;
    const planned = plannedChannels(roadmap, segmentId);
    for (const { channelId, share } of channelShares(named)) {
      if (share < PREFERRED_CHANNEL_SHARE || planned.includes(channelId) || !channelIds.has(channelId)) continue;
      gaps.push({ segmentId, channelId, share, n: named.length, plannedChannelIds: planned });
    }
  }
  return gaps;
}

/** The channels of the active communications reaching a segment (any, for null), most communications first. */
function plannedChannels(roadmap: Roadmap, segmentId: string | null): string[] {
  const counts = new Map<string, number>();
  for (const communication of roadmap.communications) {
    if (communication.status === "retired" || communication.audience.share === 0) continue;
    const { segmentIds } = communication.audience;
    if (segmentId !== null && segmentIds.length > 0 && !segmentIds.includes(segmentId)) continue;
    counts.set(communication.channelId, (counts.get(communication.channelId) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([channelId]) => channelId);
}

/**
 * The largest falls of the RSI from one phase to the next along the
 * lifecycle (`lifecycleOrder`), over all segments or within each; phases
 * with too few answers are passed over, so a fall is measured between the
 * nearest phases on either side that have a figure.
 */
export function biggestDrops(
  roadmap: Pick<Roadmap, "stages" | "phases">,
  rsi: RsiResult,
  over: "phases" | "segments",
  count = PLACES_TO_ACT,
): RsiDrop[] {
  const order = lifecycleOrder(roadmap);
  const rank = new Map(order.map((id, i) => [id, i]));
  const sources =
    over === "phases"
      ? [{ segmentId: null, cells: rsi.phases, scores: rsi.phaseDimensions }]
      : [...new Set(rsi.cells.map((cell) => cell.segmentId))]
          .filter((segmentId) => segmentId !== null)
          .map((segmentId) => ({
            segmentId,
            cells: rsi.cells.filter((cell) => cell.segmentId === segmentId),
            scores: rsi.dimensions.filter((score) => score.segmentId === segmentId),
          }));
  const drops: RsiDrop[] = [];
  for (const { segmentId, cells, scores } of sources) {
    const along = cells
      .filter((cell): cell is RsiCell & { rsi: number } => cell.rsi !== null && rank.has(cell.phaseId))
      .sort((a, b) => (rank.get(a.phaseId) as number) - (rank.get(b.phaseId) as number));
    for (let i = 1; i < along.length; i++) {
      const before = along[i - 1] as RsiCell & { rsi: number };
      const after = along[i] as RsiCell & { rsi: number };
      if (after.rsi >= before.rsi) continue;
      let weakest: { dimensionId: string; score: number } | null = null;
      for (const score of scores) {
        if (score.phaseId !== after.phaseId || score.score === null) continue;
        if (!weakest || score.score < weakest.score) weakest = { dimensionId: score.dimensionId, score: score.score };
      }
      drops.push({
        segmentId,
        fromPhaseId: before.phaseId,
        phaseId: after.phaseId,
        from: before.rsi,
        to: after.rsi,
        drop: before.rsi - after.rsi,
        clear: before.low !== null && after.high !== null && before.low > after.high,
        weakestDimensionId: weakest?.dimensionId ?? null,
        weakestScore: weakest?.score ?? null,
      });
    }
  }
  // A stable sort keeps lifecycle order among equal falls.
  return drops.sort((a, b) => b.drop - a.drop).slice(0, count);
}

/** The phases whose stage is at risk or win-back, in lifecycle order. */
export function defectorPhaseIds(roadmap: Pick<Roadmap, "stages" | "phases">): string[] {
  const kinds = new Map(roadmap.stages.map((stage) => [stage.id, stage.kind]));
  const defecting = new Set(
    roadmap.phases
      .filter((phase) => DEFECTOR_STAGE_KINDS.includes(kinds.get(phase.stageId) ?? "custom"))
      .map((p) => p.id),
  );
  return lifecycleOrder(roadmap).filter((id) => defecting.has(id));
}

const DEFECTORS = "defectors";
const REST = "rest";

/**
 * What respondents in at-risk and win-back phases say, against everyone else
 * (respondents whose phase is unknown count among the rest).
 */
export function defectorSummary(roadmap: Roadmap, wave: SurveyWave | null): DefectorSummary {
  const phaseIds = defectorPhaseIds(roadmap);
  const defecting = new Set(phaseIds);
  const isDefector = (r: SurveyRespondent) => r.phaseId !== null && defecting.has(r.phaseId);
  const respondents = wave?.respondents ?? [];
  // The RSI of the two groups is computed exactly as a phase's: on a copy whose only phases are the two groups.
  const template = roadmap.phases[0];
  const grouped: Roadmap | null =
    wave && template
      ? {
          ...roadmap,
          phases: [
            { ...template, id: DEFECTORS },
            { ...template, id: REST },
          ],
          survey: {
            ...roadmap.survey,
            waves: [
              {
                ...wave,
                respondents: respondents.map((r) => ({
                  ...r,
                  phaseId: isDefector(r) ? DEFECTORS : REST,
                  segmentId: null,
                })),
              },
            ],
          },
        }
      : null;
  const rsi = grouped ? computeRsi(grouped) : null;
  const figure = (groupId: string): RsiFigure =>
    rsi?.phases.find((cell) => cell.phaseId === groupId) ?? { n: 0, rsi: null, low: null, high: null };
  const score = (groupId: string, dimensionId: string) =>
    rsi?.phaseDimensions.find((d) => d.phaseId === groupId && d.dimensionId === dimensionId)?.score ?? null;
  const minimum = roadmap.survey.minimumRespondents;
  return {
    phaseIds,
    defectors: groupAnswers(figure(DEFECTORS), respondents.filter(isDefector), minimum),
    rest: groupAnswers(
      figure(REST),
      respondents.filter((r) => !isDefector(r)),
      minimum,
    ),
    dimensions: roadmap.survey.dimensions.map((dimension) => ({
      dimensionId: dimension.id,
      defectors: score(DEFECTORS, dimension.id),
      rest: score(REST, dimension.id),
    })),
  };
}

function groupAnswers(rsi: RsiFigure, respondents: readonly SurveyRespondent[], minimum: number): GroupAnswers {
  const recommend = numbers(respondents.map((r) => r.recommend));
  const contacts = numbers(respondents.map((r) => r.preferredContactsPerMonth));
  const enough = recommend.length >= minimum;
  return {
    rsi,
    recommend: {
      n: recommend.length,
      mean: enough ? recommend.reduce((sum, x) => sum + x, 0) / recommend.length : null,
      detractors: enough ? recommend.filter((x) => x <= 6).length / recommend.length : null,
    },
    contacts: {
      n: contacts.length,
      wanted: contacts.length >= minimum ? percentile(contacts, PREFERENCE_PERCENTILE) : null,
    },
    channels: channelShares(respondents.filter((r) => r.preferredChannelIds.length > 0)),
  };
}

/** Each channel named, with the share of these respondents naming it; most named first, ties in first-named order. */
function channelShares(respondents: readonly SurveyRespondent[]): { channelId: string; share: number }[] {
  const counts = new Map<string, number>();
  for (const respondent of respondents) {
    for (const channelId of new Set(respondent.preferredChannelIds))
      counts.set(channelId, (counts.get(channelId) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([channelId, count]) => ({ channelId, share: count / respondents.length }));
}

function numbers(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

/** The `q` quantile of the values, interpolating between the two nearest (the median of 1, 2, 3, 4 is 2.5). */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(sorted.length - 1, below + 1)] as number;
  return low + (high - low) * (position - below);
}

type Names = Pick<Roadmap, "phases" | "segments" | "channels" | "survey">;

function nameIn(items: readonly { id: string; name: string }[], id: string | null, fallback: string): string {
  return (id === null ? undefined : items.find((item) => item.id === id)?.name) ?? fallback;
}

/** A number of contacts a month as people say it: whole, or to one decimal. */
export function formatContacts(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "Small business wants ≤ 2 a month; the plan sends 5 in Onboarding (first in 2026-03)." */
export function describeMismatch(
  mismatch: FrequencyMismatch,
  roadmap: Names,
  monthLabel?: (month: number) => string | undefined,
): string {
  const segment = nameIn(roadmap.segments, mismatch.segmentId, mismatch.segmentId);
  const phase = nameIn(roadmap.phases, mismatch.phaseId, mismatch.phaseId);
  const who = mismatch.wantedBy === null ? "Customers want" : `${segment} wants`;
  const to = mismatch.wantedBy === null ? ` to ${segment}` : "";
  const when = monthLabel?.(mismatch.month);
  return `${who} ≤ ${formatContacts(mismatch.wanted)} a month; the plan sends ${mismatch.planned}${to} in ${phase}${when ? ` (first in ${when})` : ""}.`;
}

/** "40 % of Small business prefer Phone; the plan uses Email and Post for them." */
export function describeChannelGap(gap: ChannelGap, roadmap: Names): string {
  const who = gap.segmentId === null ? "respondents" : nameIn(roadmap.segments, gap.segmentId, gap.segmentId);
  const channel = nameIn(roadmap.channels, gap.channelId, gap.channelId);
  const planned = gap.plannedChannelIds.map((id) => nameIn(roadmap.channels, id, id));
  const uses =
    planned.length === 0
      ? "the plan sends them nothing"
      : `the plan uses ${planned.slice(0, 3).join(", ")}${planned.length > 3 ? " and others" : ""}`;
  return `${Math.round(gap.share * 100)} % of ${who} prefer ${channel}; ${uses}${gap.segmentId === null ? "" : " for them"}.`;
}

/** "From Multi-product to Advocate the RSI falls 30 points (70 → 40); weakest there: Relevance of communications (10)." */
export function describeDrop(drop: RsiDrop, roadmap: Names): string {
  const from = nameIn(roadmap.phases, drop.fromPhaseId, drop.fromPhaseId);
  const to = nameIn(roadmap.phases, drop.phaseId, drop.phaseId);
  const segment = drop.segmentId === null ? "" : ` for ${nameIn(roadmap.segments, drop.segmentId, drop.segmentId)}`;
  const weakest =
    drop.weakestDimensionId === null
      ? ""
      : `; weakest there: ${nameIn(roadmap.survey.dimensions, drop.weakestDimensionId, drop.weakestDimensionId)} (${Math.round(drop.weakestScore ?? 0)})`;
  const doubt = drop.clear ? "" : ", within the uncertainty of the answers";
  return `From ${from} to ${to}${segment} the RSI falls ${Math.round(drop.drop)} points (${Math.round(drop.from)} → ${Math.round(drop.to)}${doubt})${weakest}.`;
}
