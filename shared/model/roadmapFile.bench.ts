import { bench, describe } from "vitest";
import { parseRoadmap } from "./parse";
import { byteLength, readRoadmapFile, serializeRoadmap } from "./roadmapFile";
import { generateRoadmap } from "./testing/generateRoadmap";

/**
 * Far larger than any real roadmap (a workshop has tens of phases), so the
 * file format's own overhead shows: what reading and writing cost on top of
 * the JSON.parse / JSON.stringify no implementation can avoid.
 */
const roadmap = generateRoadmap({
  phases: 3_000,
  transitionsPerPhase: 1.5,
  communications: 2_000,
  segments: 4,
  seed: 1,
});
const text = serializeRoadmap(roadmap);
const parsedJson: unknown = JSON.parse(text);
const size = `${(byteLength(text) / (1024 * 1024)).toFixed(1)} MB`;

const opened = readRoadmapFile("Large.roadmap", text);
if (!opened.ok) throw new Error(`the generated roadmap does not open: ${opened.error.summary}`);

const options = { time: 2_000, warmupIterations: 3 };

describe(`open a ${size} roadmap (3,000 phases, 4,500 transitions, 2,000 communications)`, () => {
  bench(
    "readRoadmapFile: size check, depth scan, JSON.parse, migrate, validate",
    () => {
      readRoadmapFile("Large.roadmap", text);
    },
    options,
  );
  bench(
    "parseRoadmap alone: migrate and validate the parsed JSON",
    () => {
      parseRoadmap(parsedJson);
    },
    options,
  );
  bench(
    "baseline: JSON.parse",
    () => {
      JSON.parse(text);
    },
    options,
  );
});

describe(`save a ${size} roadmap`, () => {
  bench(
    "serializeRoadmap: pretty-printed",
    () => {
      serializeRoadmap(roadmap);
    },
    options,
  );
  bench(
    "baseline: JSON.stringify, compact",
    () => {
      JSON.stringify(roadmap);
    },
    options,
  );
});
