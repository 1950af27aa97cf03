import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { createRoadmap, duplicateRoadmap } from "./createRoadmap";
import {
  byteLength,
  MAX_ROADMAP_FILE_BYTES,
  maxNestingDepth,
  readRoadmapFile,
  roadmapFileName,
  serializeRoadmap,
} from "./roadmapFile";
import { CURRENT_SCHEMA_VERSION, type Roadmap } from "./schema";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";
import { sampleRoadmap } from "./testing/sampleRoadmap";

const FAST_CHECK = propertyRuns(200);

function reopened(roadmap: Roadmap): Roadmap {
  const result = readRoadmapFile(roadmapFileName(roadmap), serializeRoadmap(roadmap));
  if (!result.ok) throw new Error(result.error.summary);
  return result.value.roadmap;
}

function summaryOf(fileName: string, text: string, sizeInBytes?: number): string {
  const result = readRoadmapFile(fileName, text, sizeInBytes);
  return result.ok ? "opened" : result.error.summary;
}

describe("saving and reopening", () => {
  it("gives back the template exactly", () => {
    const roadmap = createB2bSubscriptionRoadmap(new Date("2026-11-23T10:00:00Z"));
    expect(reopened(roadmap)).toEqual(roadmap);
  });

  it("gives back a new blank roadmap exactly", () => {
    const roadmap = createRoadmap({ name: "Acme retail banking", client: "Acme Bank" });
    expect(reopened(roadmap)).toEqual(roadmap);
  });

  it("says the file is of the current version", () => {
    const roadmap = createRoadmap();
    const result = readRoadmapFile("Untitled roadmap.roadmap", serializeRoadmap(roadmap));
    expect(result.ok && result.value.fromVersion).toBe(roadmap.schemaVersion);
  });

  it("writes one field per line, so saved roadmaps diff well in version control", () => {
    const text = serializeRoadmap(sampleRoadmap());
    expect(text).toContain('\n  "name": "Sample roadmap",\n');
    expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("duplicating a roadmap", () => {
  const now = new Date("2026-11-24T08:00:00Z");

  it("gives the copy a new id, a name marked as a copy and today's dates", () => {
    const original = createB2bSubscriptionRoadmap(new Date("2026-11-01T10:00:00Z"));
    const copy = duplicateRoadmap(original, now);
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe("B2B subscription software — customer lifecycle (copy)");
    expect(copy.createdAt).toBe("2026-11-24T08:00:00.000Z");
    expect(copy.updatedAt).toBe("2026-11-24T08:00:00.000Z");
    expect({
      ...copy,
      id: original.id,
      name: original.name,
      createdAt: original.createdAt,
      updatedAt: original.updatedAt,
    }).toEqual(original);
  });

  it("leaves the original untouched, also when the copy is edited", () => {
    const original = createB2bSubscriptionRoadmap(new Date("2026-11-01T10:00:00Z"));
    const before = structuredClone(original);
    const copy = duplicateRoadmap(original, now);
    copy.phases[0]?.objectives.push("Only in the copy");
    copy.segments.pop();
    expect(original).toEqual(before);
  });

  it("keeps the copy marker on a name already at the length limit", () => {
    const original = { ...sampleRoadmap(), name: "N".repeat(200) };
    const copy = duplicateRoadmap(original, now);
    expect(copy.name).toHaveLength(200);
    expect(copy.name.endsWith(" (copy)")).toBe(true);
    expect(reopened(copy).name).toBe(copy.name);
  });
});

describe("reading a file that is not a roadmap", () => {
  it("refuses text that is not JSON, naming the file", () => {
    expect(summaryOf("Notes.roadmap", "phases: Trial, Active")).toMatch(
      /^Notes\.roadmap could not be opened: the file is not valid JSON \(.+\)\.$/,
    );
  });

  it("refuses a roadmap with a wrong field, naming the field and the value", () => {
    const doc = sampleRoadmap();
    const text = serializeRoadmap(doc).replace('"churnRate": 0.02', '"churnRate": "high"');
    expect(summaryOf("Client A.roadmap", text)).toBe(
      'Client A.roadmap could not be opened: phases[0].churnRate: must be a number, got "high".',
    );
  });

  it("counts the further problems in the summary and lists them all", () => {
    const text = serializeRoadmap({ ...sampleRoadmap(), currency: "euro", startMonth: "Jan 2027" });
    const result = readRoadmapFile("Client A.roadmap", text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.summary).toBe(
      'Client A.roadmap could not be opened: currency: must be a three-letter currency code like "EUR", got "euro" (and 1 more problem).',
    );
    expect(result.error.issues).toEqual([
      { path: "currency", problem: 'must be a three-letter currency code like "EUR", got "euro"' },
      { path: "startMonth", problem: 'must be a month from 1000-01 to 9999-12, like "2027-01", got "Jan 2027"' },
    ]);
  });

  it("refuses a file from a newer version of the app", () => {
    const text = serializeRoadmap(sampleRoadmap()).replace(
      `"schemaVersion": ${CURRENT_SCHEMA_VERSION},`,
      '"schemaVersion": 7,',
    );
    expect(summaryOf("From the future.roadmap", text)).toBe(
      `From the future.roadmap could not be opened: schemaVersion: was saved by a newer version of Relationship Roadmap (file format 7; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it.`,
    );
  });

  it("refuses a file larger than 20 MB before reading it", () => {
    expect(summaryOf("Huge.roadmap", "{}", MAX_ROADMAP_FILE_BYTES + 1)).toBe(
      "Huge.roadmap could not be opened: the file is 20.0 MB, larger than the 20.0 MB a roadmap may be.",
    );
    expect(summaryOf("Huge.roadmap", "{}", 25 * 1024 * 1024)).toBe(
      "Huge.roadmap could not be opened: the file is 25.0 MB, larger than the 20.0 MB a roadmap may be.",
    );
  });

  it("counts the size in bytes, not characters", () => {
    const elevenMillionTwoByteCharacters = `"${"é".repeat(11 * 1024 * 1024)}"`;
    expect(summaryOf("Accents.roadmap", elevenMillionTwoByteCharacters)).toBe(
      "Accents.roadmap could not be opened: the file is 22.0 MB, larger than the 20.0 MB a roadmap may be.",
    );
  });

  it("refuses nesting deeper than 64 levels without overflowing the stack", () => {
    const depth = 100_000;
    const text = "[".repeat(depth) + "]".repeat(depth);
    expect(() => readRoadmapFile("Deep.roadmap", text)).not.toThrow();
    expect(summaryOf("Deep.roadmap", text)).toBe(
      "Deep.roadmap could not be opened: the file nests 100000 levels deep, more than the 64 a roadmap may.",
    );
  });

  it("does not count brackets inside text towards the nesting depth", () => {
    const roadmap = { ...sampleRoadmap(), notes: `${"[{".repeat(500)} "quoted" \\ ${"}]".repeat(500)}` };
    expect(reopened(roadmap)).toEqual(roadmap);
  });

  it.each([
    ["a list", "[]", "a list"],
    ["a number", "42", "a number"],
    ["text", '"roadmap"', "text"],
    ["null", "null", "null"],
  ])("refuses a file holding %s instead of an object", (_, text, kind) => {
    expect(summaryOf("Odd.roadmap", text)).toBe(
      `Odd.roadmap could not be opened: the file holds ${kind} instead of a roadmap (a JSON object).`,
    );
  });
});

describe("file names", () => {
  it("replaces characters that some operating systems refuse", () => {
    expect(roadmapFileName({ name: 'Acme: retail / SME "2027"?' })).toBe("Acme retail SME 2027.roadmap");
  });

  it("names a roadmap whose name has nothing usable", () => {
    expect(roadmapFileName({ name: "///" })).toBe("Untitled roadmap.roadmap");
  });
});

describe("invariants", () => {
  /** Any UTF-16 code unit, so unpaired surrogates from broken pastes turn up too. */
  const codeUnit = fc.nat({ max: 0xffff }).map((code) => String.fromCharCode(code));
  /** Any text the user can type or paste: every code point, control characters, quotes, unpaired surrogates. */
  const anyText = (maxLength: number) =>
    fc.oneof(fc.string({ unit: "binary", maxLength }), fc.string({ unit: codeUnit, maxLength }));
  /** Names are trimmed on reading, so only names already trimmed come back unchanged. */
  const anyName = anyText(100).filter((name) => name.length > 0 && name.trim() === name);
  const anyShare = fc.double({ min: 0, max: 1, noNaN: true });

  it("reopens any valid names, notes and rates exactly as saved", () => {
    fc.assert(
      fc.property(
        anyName,
        anyText(100),
        anyText(2_000),
        anyName,
        anyText(100),
        anyShare,
        anyShare,
        anyShare,
        (name, client, notes, phaseName, trigger, churnRate, rate, share) => {
          const roadmap = sampleRoadmap();
          Object.assign(roadmap, { name, client, notes });
          const [phase] = roadmap.phases;
          const [transition] = roadmap.transitions;
          const [communication] = roadmap.communications;
          if (!phase || !transition || !communication) throw new Error("the sample roadmap lost an item");
          Object.assign(phase, { name: phaseName, churnRate });
          Object.assign(transition, { trigger, rate, rateBySegment: { smb: share } });
          communication.audience.share = share;
          expect(reopened(roadmap)).toEqual(roadmap);
        },
      ),
      FAST_CHECK,
    );
  });

  it("measures the nesting depth of any JSON value as deep as it really is", () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === "object"
        ? 1 + Math.max(0, ...Object.values(value).map((child) => depthOf(child)))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        expect(maxNestingDepth(text)).toBe(depthOf(value));
      }),
      FAST_CHECK,
    );
  });

  it("counts the same UTF-8 bytes as the file on disk has", () => {
    fc.assert(
      fc.property(anyText(50), (text) => {
        expect(byteLength(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
      FAST_CHECK,
    );
  });
});
