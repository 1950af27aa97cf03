import type { Roadmap, SurveyWave } from "../model/schema";
import { SCALE_RANGE } from "../model/vocabulary";
import { studentT975 } from "./studentT";

/** The Relationship Strength Index of a group of respondents, 0–100, with its 95 % confidence interval. */
export interface RsiFigure {
  /** Respondents counted. */
  n: number;
  /** Null when `n` is below the survey's minimum: "too few answers". */
  rsi: number | null;
  /** The interval's ends (Student's t, clamped to 0–100); null with the RSI, or with a single respondent. */
  low: number | null;
  high: number | null;
}

/** The RSI of the respondents of one phase, in one segment (or in all, `segmentId` null). */
export interface RsiCell extends RsiFigure {
  phaseId: string;
  segmentId: string | null;
}

/** One dimension's score (0–100) in one phase × segment cell; null below the minimum. */
export interface RsiDimensionScore {
  phaseId: string;
  segmentId: string | null;
  dimensionId: string;
  score: number | null;
  n: number;
}

export interface RsiResult {
  /** The wave the figures are from; null when the roadmap has no survey answers yet. */
  waveId: string | null;
  /**
   * Phase × segment, in the roadmap's phase and segment order, for every pair
   * with at least one respondent. `segmentId` is null throughout when the wave
   * had no segment column.
   */
  cells: RsiCell[];
  /** Every phase over all its respondents, whatever their segment: the canvas badge. */
  phases: RsiCell[];
  /** Each dimension's score in each cell of `cells`. */
  dimensions: RsiDimensionScore[];
  /** Each dimension's score in each phase over all segments. */
  phaseDimensions: RsiDimensionScore[];
  /** All respondents of the wave, including those in phases since removed. */
  overall: RsiFigure;
  /** Respondents left out for answering fewer than half of the scored items, at import and now. */
  excluded: number;
}

/** The wave the app shows by default: the most recent by date. */
export function latestWave(roadmap: Roadmap): SurveyWave | null {
  let latest: SurveyWave | null = null;
  for (const wave of roadmap.survey.waves) if (!latest || wave.date > latest.date) latest = wave;
  return latest;
}

/** The wave dated just before the given one, for "compared with the previous wave". */
export function previousWave(roadmap: Roadmap, waveId: string): SurveyWave | null {
  const wave = roadmap.survey.waves.find((w) => w.id === waveId);
  if (!wave) return null;
  let previous: SurveyWave | null = null;
  for (const other of roadmap.survey.waves) {
    if (other.date < wave.date && (!previous || other.date > previous.date)) previous = other;
  }
  return previous;
}

/**
 * The Relationship Strength Index of one wave (the latest when none is
 * named). Each answer is scaled to 0–100 over the wave's scale, reversed
 * items as `100 − that`; a respondent's dimension score is the mean of their
 * answered items in it, and their RSI the weighted mean of the dimensions they
 * answered. A group's RSI is the mean over its respondents, with a 95 %
 * Student's t interval; groups smaller than the survey's minimum get none.
 * Answers to items no longer in the questionnaire are not scored.
 */
export function computeRsi(roadmap: Roadmap, waveId?: string): RsiResult {
  const wave = waveId === undefined ? latestWave(roadmap) : roadmap.survey.waves.find((w) => w.id === waveId);
  if (!wave) {
    return {
      waveId: null,
      cells: [],
      phases: [],
      dimensions: [],
      phaseDimensions: [],
      overall: { n: 0, rsi: null, low: null, high: null },
      excluded: 0,
    };
  }
  const { survey } = roadmap;
  const minimum = survey.minimumRespondents;
  const scored = scoredPositions(roadmap, wave);
  const dimensionIds = survey.dimensions.map((d) => d.id);
  const weights = survey.dimensions.map((d) => d.weight);
  const { min, max } = SCALE_RANGE[wave.scale];
  const hasSegments = wave.respondents.some((r) => r.segmentId !== null);

  const cellGroups = new Map<string, Group>();
  const phaseGroups = new Map<string, Group>();
  const overall = newGroup(dimensionIds.length);
  let belowHalf = 0;

  const sums = new Float64Array(dimensionIds.length);
  const counts = new Uint16Array(dimensionIds.length);
  for (const respondent of wave.respondents) {
    sums.fill(0);
    counts.fill(0);
    let answered = 0;
    for (const { position, dimension, reversed } of scored) {
      const answer = respondent.answers[position];
      if (answer === null || answer === undefined) continue;
      const scaled = ((answer - min) / (max - min)) * 100;
      sums[dimension] = (sums[dimension] ?? 0) + (reversed ? 100 - scaled : scaled);
      counts[dimension] = (counts[dimension] ?? 0) + 1;
      answered++;
    }
    if (scored.length === 0 || answered * 2 < scored.length) {
      belowHalf++;
      continue;
    }
    const dimensionScores: (number | null)[] = dimensionIds.map((_, d) => {
      const count = counts[d] ?? 0;
      return count === 0 ? null : (sums[d] ?? 0) / count;
    });
    const rsi = weightedMean(dimensionScores, weights);
    if (rsi === null) {
      belowHalf++;
      continue;
    }
    addTo(overall, rsi, dimensionScores);
    if (respondent.phaseId === null) continue;
    const segmentId = hasSegments ? respondent.segmentId : null;
    addTo(groupFor(cellGroups, cellKey(respondent.phaseId, segmentId), dimensionIds.length), rsi, dimensionScores);
    addTo(groupFor(phaseGroups, respondent.phaseId, dimensionIds.length), rsi, dimensionScores);
  }

  const cells: RsiCell[] = [];
  const dimensions: RsiDimensionScore[] = [];
  const phases: RsiCell[] = [];
  const phaseDimensions: RsiDimensionScore[] = [];
  const segmentOrder: (string | null)[] = hasSegments ? [...roadmap.segments.map((s) => s.id), null] : [null];
  const describeDimensions = (group: Group, phaseId: string, segmentId: string | null, into: RsiDimensionScore[]) => {
    dimensionIds.forEach((dimensionId, d) => {
      const scores = group.dimensions[d] ?? [];
      into.push({
        phaseId,
        segmentId,
        dimensionId,
        n: scores.length,
        score: scores.length >= minimum ? mean(scores) : null,
      });
    });
  };
  for (const phase of roadmap.phases) {
    for (const segmentId of segmentOrder) {
      const group = cellGroups.get(cellKey(phase.id, segmentId));
      if (!group) continue;
      cells.push({ phaseId: phase.id, segmentId, ...describeGroup(group.rsi, minimum) });
      describeDimensions(group, phase.id, segmentId, dimensions);
    }
    const group = phaseGroups.get(phase.id);
    if (group) {
      phases.push({ phaseId: phase.id, segmentId: null, ...describeGroup(group.rsi, minimum) });
      describeDimensions(group, phase.id, null, phaseDimensions);
    }
  }
  return {
    waveId: wave.id,
    cells,
    phases,
    dimensions,
    phaseDimensions,
    overall: describeGroup(overall.rsi, minimum),
    excluded: wave.excluded + belowHalf,
  };
}

/** The mean of the values with a 95 % confidence interval, or "too few answers" below the minimum. */
export function describeGroup(values: readonly number[], minimum: number): RsiFigure {
  const n = values.length;
  if (n === 0 || n < minimum) return { n, rsi: null, low: null, high: null };
  const average = mean(values);
  if (n < 2) return { n, rsi: average, low: null, high: null };
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  const standardError = Math.sqrt(squares / (n - 1) / n);
  const margin = studentT975(n - 1) * standardError;
  return { n, rsi: average, low: Math.max(0, average - margin), high: Math.min(100, average + margin) };
}

interface Group {
  rsi: number[];
  /** Per dimension, the scores of the respondents who answered it. */
  dimensions: number[][];
}

function newGroup(dimensionCount: number): Group {
  return { rsi: [], dimensions: Array.from({ length: dimensionCount }, () => []) };
}

function groupFor(groups: Map<string, Group>, key: string, dimensionCount: number): Group {
  let group = groups.get(key);
  if (!group) {
    group = newGroup(dimensionCount);
    groups.set(key, group);
  }
  return group;
}

function addTo(group: Group, rsi: number, dimensionScores: readonly (number | null)[]): void {
  group.rsi.push(rsi);
  dimensionScores.forEach((score, d) => {
    if (score !== null) group.dimensions[d]?.push(score);
  });
}

function cellKey(phaseId: string, segmentId: string | null): string {
  return `${phaseId}\u0000${segmentId ?? ""}`;
}

/** Where in the wave's answers each item still in the questionnaire is, with its dimension's index. */
function scoredPositions(
  roadmap: Roadmap,
  wave: SurveyWave,
): { position: number; dimension: number; reversed: boolean }[] {
  const dimensionIndex = new Map(roadmap.survey.dimensions.map((d, i) => [d.id, i]));
  const items = new Map(roadmap.survey.items.map((item) => [item.id, item]));
  const positions: { position: number; dimension: number; reversed: boolean }[] = [];
  wave.itemIds.forEach((itemId, position) => {
    const item = items.get(itemId);
    const dimension = item ? dimensionIndex.get(item.dimensionId) : undefined;
    if (item && dimension !== undefined) positions.push({ position, dimension, reversed: item.reversed });
  });
  return positions;
}

/**
 * Weights are renormalised over the dimensions the respondent answered; null
 * when those weigh nothing. Clamped: with fractional weights, rounding can put
 * a respondent who scored 100 everywhere a hair above 100, past the interval's end.
 */
function weightedMean(scores: readonly (number | null)[], weights: readonly number[]): number | null {
  let total = 0;
  let weightSum = 0;
  scores.forEach((score, d) => {
    const weight = weights[d] ?? 0;
    if (score === null || weight === 0) return;
    total += score * weight;
    weightSum += weight;
  });
  return weightSum === 0 ? null : Math.min(100, Math.max(0, total / weightSum));
}

function mean(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}
