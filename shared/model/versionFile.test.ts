import { describe, expect, it } from "vitest";
import { createRoadmap } from "./createRoadmap";
import { readRoadmapFile, serializeRoadmap } from "./roadmapFile";
import { readFileVersions } from "./versionFile";

const roadmap = createRoadmap({ name: "Acme", now: new Date("2027-01-01T00:00:00Z") });
const version = (name: string, document: unknown = roadmap) => ({
  id: `v-${name}`,
  name,
  note: "",
  author: "Ann",
  createdAt: "2027-05-12T09:30:00.000Z",
  kind: "named",
  document,
});

describe("versions in a .roadmap file", () => {
  it("round-trips through the file, the roadmap read as without them", () => {
    const text = serializeRoadmap(roadmap, [version("Board")]);
    const read = readRoadmapFile("acme.roadmap", text);
    expect(read.ok && read.value.roadmap).toEqual(roadmap);
    expect(read.ok && readFileVersions(read.value.versions)).toEqual({ versions: [version("Board")], problems: [] });
    const plain = readRoadmapFile("acme.roadmap", serializeRoadmap(roadmap));
    expect(plain.ok && plain.value.versions).toBeUndefined();
    expect(plain.ok && readFileVersions(plain.value.versions)).toEqual({ versions: [], problems: [] });
  });

  it("leaves out each bad version, naming it and its problem, and keeps the rest", () => {
    const read = readFileVersions([
      version("Good"),
      { ...version("Late"), createdAt: "tomorrow" },
      { ...version("Odd"), kind: "sometimes" },
      version("Broken", { ...roadmap, horizonMonths: -1 }),
      42,
    ]);
    expect(read.versions.map((v) => v.name)).toEqual(["Good"]);
    expect(read.problems).toHaveLength(4);
    expect(read.problems[0]).toMatch(/^“Late”: its createdAt /);
    expect(read.problems[1]).toMatch(/^“Odd”: its kind /);
    expect(read.problems[2]).toMatch(/^“Broken”: its roadmap could not be read \(horizonMonths: must be between/);
    expect(read.problems[3]).toBe(
      "version 5 is not a version (it should be an object with a name, a date and a roadmap).",
    );
    expect(readFileVersions({ not: "a list" })).toEqual({
      versions: [],
      problems: ["“versions” is not a list, so no versions were read."],
    });
  });
});
