import { err, ok, type Result } from "../result";
import { describeIssue, type RoadmapIssue } from "./issues";
import { type ParsedRoadmap, parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import type { FileVersion } from "./versionFile";

export const ROADMAP_FILE_EXTENSION = ".roadmap";

/** Larger files are refused before parsing: no real roadmap comes near it. */
export const MAX_ROADMAP_FILE_BYTES = 20 * 1024 * 1024;

/** Deeper nesting is refused before parsing; a roadmap is at most a handful of levels deep. */
export const MAX_JSON_DEPTH = 64;

/** Why a file could not be read as a roadmap, ready to show the user. */
export interface RoadmapFileError {
  fileName: string;
  /** One sentence naming the file and the first problem. */
  summary: string;
  /** Every problem found, each naming its field. */
  issues: RoadmapIssue[];
}

export interface ReadRoadmapFile extends ParsedRoadmap {
  /** The file's top-level `versions` as written (undefined when saved without them); `readFileVersions` checks them. */
  versions: unknown;
}

/**
 * Reads the text of a `.roadmap` file: size and nesting limits, JSON syntax,
 * migration and validation. Pure, so the browser, Electron and the CLI refuse
 * a bad file with the same words.
 */
export function readRoadmapFile(
  fileName: string,
  text: string,
  sizeInBytes = byteLength(text),
): Result<ReadRoadmapFile, RoadmapFileError> {
  const refuse = (issues: RoadmapIssue[]) => {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    return err({
      fileName,
      summary: `${fileName} could not be opened: ${first ? describeIssue(first) : "unknown problem"}${more}.`,
      issues,
    });
  };
  if (sizeInBytes > MAX_ROADMAP_FILE_BYTES) {
    return refuse([
      {
        path: "",
        problem: `the file is ${megabytes(sizeInBytes)}, larger than the ${megabytes(MAX_ROADMAP_FILE_BYTES)} a roadmap may be`,
      },
    ]);
  }
  const depth = maxNestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    return refuse([
      { path: "", problem: `the file nests ${depth} levels deep, more than the ${MAX_JSON_DEPTH} a roadmap may` },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refuse([{ path: "", problem: notJson(text, error as Error) }]);
  }
  const parsed = parseRoadmap(raw);
  if (!parsed.ok) return refuse(parsed.error);
  return ok({ ...parsed.value, versions: (raw as { versions?: unknown }).versions });
}

/**
 * Why the text is not JSON. A file saved as UTF-16 (Notepad's "Unicode") reaches
 * here decoded as UTF-8: its byte-order mark as two U+FFFD and a NUL beside
 * every letter, which JSON.parse would only call an unexpected token.
 */
function notJson(text: string, error: Error): string {
  if (text.startsWith("\uFFFD\uFFFD") || text.includes("\u0000")) {
    return "the file is not UTF-8 text (it looks like UTF-16 or a binary file); save it as UTF-8 JSON";
  }
  return `the file is not valid JSON (${error.message})`;
}

/**
 * The file's text: pretty-printed so that files diff well in version control,
 * except that each survey respondent takes one line. Pretty-printed, 10,000
 * respondents' answers would take 35 lines each and triple the file. With
 * `versions` (saved only when the user asks), they follow the roadmap in a
 * top-level `versions` list, which apps and CLIs that do not know it ignore;
 * the CLI hands back a file's own list, as read, when it rewrites the file.
 */
export function serializeRoadmap(roadmap: Roadmap, versions?: readonly FileVersion[] | unknown): string {
  const respondentLines: string[][] = [];
  const text = JSON.stringify(
    versions !== undefined ? { ...roadmap, versions } : roadmap,
    function (this: unknown, key, value) {
      if (key === "respondents" && Array.isArray(value) && value.length > 0 && isWave(this)) {
        respondentLines.push(value.map((respondent) => JSON.stringify(respondent)));
        return `${RESPONDENTS_MARK}${respondentLines.length - 1}`;
      }
      return value;
    },
    2,
  );
  if (respondentLines.length === 0) return `${text}\n`;
  const withRespondents = text.replace(RESPONDENTS_PLACEHOLDER, (_, indent: string, index: string) => {
    const lines = respondentLines[Number(index)] ?? [];
    return `${indent}"respondents": [\n${lines.map((line) => `${indent}  ${line}`).join(",\n")}\n${indent}]`;
  });
  return `${withRespondents}\n`;
}

/** Stands in for a wave's respondents while the rest is pretty-printed; no id or name can start with a NUL. */
const RESPONDENTS_MARK = "\u0000respondents:";
/** The mark as JSON writes it (the NUL escaped as `\u0000`), after a wave's "respondents" key. */
const RESPONDENTS_PLACEHOLDER = /^( *)"respondents": "\\u0000respondents:(\d+)"/gm;

function isWave(value: unknown): boolean {
  return value !== null && typeof value === "object" && "itemIds" in value && "scale" in value;
}

/** A file name for the roadmap that every operating system accepts. */
export function roadmapFileName(roadmap: Pick<Roadmap, "name">): string {
  const safe = roadmap.name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return `${safe || "Untitled roadmap"}${ROADMAP_FILE_EXTENSION}`;
}

/** Deepest nesting of objects and arrays, found without parsing (strings are skipped). */
export function maxNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** UTF-8 size of the text, counted without TextEncoder so `shared/` needs no DOM or Node. */
export function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** An unpaired surrogate is written as U+FFFD (3 bytes), and the character after it counts on its own. */
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
