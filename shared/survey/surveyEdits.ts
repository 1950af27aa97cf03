import { MAX_NAME_LENGTH } from "../model/fields";
import { LIMITS } from "../model/limits";
import type { Roadmap, Survey, SurveyItem, SurveyScale, SurveyWave } from "../model/schema";
import { SCALE_RANGE } from "../model/vocabulary";
import { err, ok, type Result } from "../result";
import { builtInQuestionnaire } from "./questionnaire";

/**
 * Edits of the relationship survey as pure functions, one undo step each.
 * Like the roadmap's other edits they share what they leave alone, and a
 * document that was valid stays valid: a name that could not be stored
 * (empty, too long) leaves the roadmap as it was, so the caller checks it first.
 *
 * Answers are never touched by a questionnaire edit. A wave keeps the scale
 * its answers were given on and the item ids they answer, so removing an
 * item only stops its answers counting, and undoing brings them back.
 */

/** The most a dimension's weight can be; weights are relative, so this only bounds what a file holds. */
export const MAX_DIMENSION_WEIGHT = 100;

/** An item's statement may be this long. */
export const MAX_ITEM_TEXT_LENGTH = MAX_NAME_LENGTH;

function withSurvey(roadmap: Roadmap, change: Partial<Survey>): Roadmap {
  return { ...roadmap, survey: { ...roadmap.survey, ...change } };
}

/** A name as the file stores it (trimmed), or null when it cannot be stored. */
function storableName(value: string, max = MAX_NAME_LENGTH): string | null {
  const trimmed = value.trim();
  return trimmed.length === 0 || trimmed.length > max ? null : trimmed;
}

/** The waves whose answers were given on another scale than `scale`: they keep theirs. */
export function wavesOnOtherScale(survey: Survey, scale: SurveyScale = survey.scale): SurveyWave[] {
  return survey.waves.filter((wave) => wave.scale !== scale);
}

export function setSurveyScale(roadmap: Roadmap, scale: SurveyScale): Roadmap {
  return roadmap.survey.scale === scale ? roadmap : withSurvey(roadmap, { scale });
}

export function setMinimumRespondents(roadmap: Roadmap, minimumRespondents: number): Roadmap {
  if (!Number.isInteger(minimumRespondents) || minimumRespondents < 1 || minimumRespondents > 1000) return roadmap;
  return roadmap.survey.minimumRespondents === minimumRespondents
    ? roadmap
    : withSurvey(roadmap, { minimumRespondents });
}

/** Each dimension's share of a respondent's RSI, 0–1, by id; all null when every weight is zero. */
export function dimensionShares(survey: Survey): Map<string, number | null> {
  const total = survey.dimensions.reduce((sum, d) => sum + d.weight, 0);
  return new Map(survey.dimensions.map((d) => [d.id, total > 0 ? d.weight / total : null]));
}

/** The first of `base`, `base-2`, `base-3`… that no id in `taken` has. */
function freshId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Lower-case words joined by dashes, the way the built-in ids read ("perceived-value"). */
function slug(name: string): string {
  const words = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return words || "dimension";
}

/**
 * Adds a dimension of weight 1. Its id is made from its name, readable in
 * the blank answers file's headers the way "trust-1" is.
 */
export function addDimension(roadmap: Roadmap, name = "New dimension"): { roadmap: Roadmap; dimensionId: string } {
  const { survey } = roadmap;
  const stored = storableName(name);
  if (stored === null || survey.dimensions.length >= LIMITS.surveyDimensions) return { roadmap, dimensionId: "" };
  const taken = new Set([...survey.dimensions.map((d) => d.id), ...Object.getOwnPropertyNames(Object.prototype)]);
  const dimensionId = freshId(slug(stored), taken);
  return {
    roadmap: withSurvey(roadmap, { dimensions: [...survey.dimensions, { id: dimensionId, name: stored, weight: 1 }] }),
    dimensionId,
  };
}

export function renameDimension(roadmap: Roadmap, dimensionId: string, name: string): Roadmap {
  const stored = storableName(name);
  const dimension = roadmap.survey.dimensions.find((d) => d.id === dimensionId);
  if (stored === null || !dimension || dimension.name === stored) return roadmap;
  return withSurvey(roadmap, {
    dimensions: roadmap.survey.dimensions.map((d) => (d.id === dimensionId ? { ...d, name: stored } : d)),
  });
}

export function setDimensionWeight(roadmap: Roadmap, dimensionId: string, weight: number): Roadmap {
  const dimension = roadmap.survey.dimensions.find((d) => d.id === dimensionId);
  if (!dimension || !(weight >= 0 && weight <= MAX_DIMENSION_WEIGHT) || dimension.weight === weight) return roadmap;
  return withSurvey(roadmap, {
    dimensions: roadmap.survey.dimensions.map((d) => (d.id === dimensionId ? { ...d, weight } : d)),
  });
}

/** What becomes of a removed dimension's items: they move to another dimension, or go with it. */
export type DimensionItemsPolicy = { kind: "move"; to: string } | { kind: "remove" };

/** The questionnaire's items in a dimension, in order. */
export function itemsOfDimension(survey: Survey, dimensionId: string): SurveyItem[] {
  return survey.items.filter((item) => item.dimensionId === dimensionId);
}

/**
 * Removes a dimension. Its items move to the dimension `policy` names (which
 * must be another one), or are removed too; their answers stay in the waves.
 */
export function removeDimension(roadmap: Roadmap, dimensionId: string, policy: DimensionItemsPolicy): Roadmap {
  const { survey } = roadmap;
  if (!survey.dimensions.some((d) => d.id === dimensionId)) return roadmap;
  const moveTo = policy.kind === "move" ? policy.to : null;
  if (moveTo !== null && (moveTo === dimensionId || !survey.dimensions.some((d) => d.id === moveTo))) return roadmap;
  const items =
    moveTo === null
      ? survey.items.filter((item) => item.dimensionId !== dimensionId)
      : survey.items.map((item) => (item.dimensionId === dimensionId ? { ...item, dimensionId: moveTo } : item));
  return withSurvey(roadmap, { dimensions: survey.dimensions.filter((d) => d.id !== dimensionId), items });
}

/**
 * Adds an item at the end of a dimension. Its id ("trust-4") is one no wave
 * has answers for, so a new statement never inherits a removed one's answers.
 */
export function addItem(
  roadmap: Roadmap,
  dimensionId: string,
  text = "New statement",
): { roadmap: Roadmap; itemId: string } {
  const { survey } = roadmap;
  const stored = storableName(text, MAX_ITEM_TEXT_LENGTH);
  const known = survey.dimensions.some((d) => d.id === dimensionId);
  if (stored === null || !known || survey.items.length >= LIMITS.surveyItems) return { roadmap, itemId: "" };
  const taken = new Set([...survey.items.map((i) => i.id), ...survey.waves.flatMap((w) => w.itemIds)]);
  // Ids are at most 100 characters; a dimension's id from another tool may be that long already.
  const base = dimensionId.slice(0, 90);
  let n = itemsOfDimension(survey, dimensionId).length + 1;
  while (taken.has(`${base}-${n}`)) n++;
  const item: SurveyItem = { id: `${base}-${n}`, text: stored, dimensionId, reversed: false };
  // After the dimension's last item, so the new statement shows where the user asked for it.
  const lastOfDimension = survey.items.findLastIndex((i) => i.dimensionId === dimensionId);
  const at = lastOfDimension === -1 ? survey.items.length : lastOfDimension + 1;
  return {
    roadmap: withSurvey(roadmap, { items: [...survey.items.slice(0, at), item, ...survey.items.slice(at)] }),
    itemId: item.id,
  };
}

/** Changes an item's statement, dimension or reverse flag; an unknown dimension or unstorable text changes nothing. */
export function updateItem(
  roadmap: Roadmap,
  itemId: string,
  patch: Partial<Pick<SurveyItem, "text" | "dimensionId" | "reversed">>,
): Roadmap {
  const { survey } = roadmap;
  const item = survey.items.find((i) => i.id === itemId);
  if (!item) return roadmap;
  const text = patch.text === undefined ? item.text : storableName(patch.text, MAX_ITEM_TEXT_LENGTH);
  const dimensionId = patch.dimensionId ?? item.dimensionId;
  if (text === null || !survey.dimensions.some((d) => d.id === dimensionId)) return roadmap;
  const next = { ...item, text, dimensionId, reversed: patch.reversed ?? item.reversed };
  if (next.text === item.text && next.dimensionId === item.dimensionId && next.reversed === item.reversed)
    return roadmap;
  return withSurvey(roadmap, { items: survey.items.map((i) => (i.id === itemId ? next : i)) });
}

/** Removes an item from the questionnaire; its answers stay in the waves and count again if it comes back. */
export function removeItem(roadmap: Roadmap, itemId: string): Roadmap {
  const items = roadmap.survey.items.filter((i) => i.id !== itemId);
  return items.length === roadmap.survey.items.length ? roadmap : withSurvey(roadmap, { items });
}

/**
 * Moves an item one place up (-1) or down (+1) among the items of its
 * dimension, the list the user sees it in; at either end nothing changes.
 */
export function moveItem(roadmap: Roadmap, itemId: string, direction: -1 | 1): Roadmap {
  const items = roadmap.survey.items;
  const from = items.findIndex((i) => i.id === itemId);
  const item = items[from];
  if (!item) return roadmap;
  let to = from + direction;
  while (to >= 0 && to < items.length && items[to]?.dimensionId !== item.dimensionId) to += direction;
  const other = items[to];
  if (!other) return roadmap;
  const next = [...items];
  next[from] = other;
  next[to] = item;
  return withSurvey(roadmap, { items: next });
}

/**
 * Puts back the built-in questionnaire: its dimensions, items and scale.
 * The waves and the minimum respondents stay; answers to the built-in items
 * (by their ids, "trust-1"…) count again.
 */
export function restoreBuiltInQuestionnaire(roadmap: Roadmap): Roadmap {
  const { scale, dimensions, items } = builtInQuestionnaire();
  return withSurvey(roadmap, { scale, dimensions, items });
}

/** Whether the questionnaire is the built-in one as shipped, so a reset would change nothing. */
export function isBuiltInQuestionnaire(survey: Survey): boolean {
  const builtIn = builtInQuestionnaire();
  return (
    survey.scale === builtIn.scale &&
    JSON.stringify([survey.dimensions, survey.items]) === JSON.stringify([builtIn.dimensions, builtIn.items])
  );
}

export function renameWave(roadmap: Roadmap, waveId: string, name: string): Roadmap {
  const stored = storableName(name);
  const wave = roadmap.survey.waves.find((w) => w.id === waveId);
  if (stored === null || !wave || wave.name === stored) return roadmap;
  return withSurvey(roadmap, {
    waves: roadmap.survey.waves.map((w) => (w.id === waveId ? { ...w, name: stored } : w)),
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Re-dates a wave. Refused, with the reason, for a date that is not a day
 * or that another wave has: a wave's date is what a re-import replaces.
 */
export function redateWave(roadmap: Roadmap, waveId: string, date: string): Result<Roadmap, string> {
  const wave = roadmap.survey.waves.find((w) => w.id === waveId);
  if (!wave) return err("That wave is no longer in the roadmap.");
  if (!isIsoDate(date)) return err(`“${date}” is not a date like 2026-05-14.`);
  if (wave.date === date) return ok(roadmap);
  const other = roadmap.survey.waves.find((w) => w.id !== waveId && w.date === date);
  if (other) return err(`The wave “${other.name}” is already dated ${date}: each wave needs a date of its own.`);
  return ok(withSurvey(roadmap, { waves: roadmap.survey.waves.map((w) => (w.id === waveId ? { ...w, date } : w)) }));
}

export function removeWave(roadmap: Roadmap, waveId: string): Roadmap {
  const waves = roadmap.survey.waves.filter((w) => w.id !== waveId);
  return waves.length === roadmap.survey.waves.length ? roadmap : withSurvey(roadmap, { waves });
}

/** The lowest and highest answer of a scale, as the UI names it: "1–5". */
export function scaleLabel(scale: SurveyScale): string {
  const { min, max } = SCALE_RANGE[scale];
  return `${min}–${max}`;
}
