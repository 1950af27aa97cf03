import { bench, describe } from "vitest";
import { updateCommunication } from "./edits";
import { diffRoadmaps } from "./roadmapDiff";
import type { Roadmap } from "./schema";
import { generateRoadmap } from "./testing/generateRoadmap";

/**
 * The benchmark roadmap's 2,000 communications. Two versions are compared as
 * read back from the library, sharing no objects, so every field is looked
 * at; a scenario comparison shares most objects and costs far less.
 */
const roadmap = generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 4, seed: 1 });
const copy = (value: Roadmap): Roadmap => JSON.parse(JSON.stringify(value)) as Roadmap;
const version = copy(roadmap);
const edited = copy(
  roadmap.communications
    .filter((_, i) => i % 10 === 0)
    .reduce((next, c) => updateCommunication(next, c.id, { responseRate: c.responseRate / 2 }), roadmap),
);
const shared = updateCommunication(roadmap, "comm-1000", { responseRate: 0.5 });

const options = { time: 1_000, warmupIterations: 3 };

describe("diffRoadmaps: 300 phases, 450 transitions, 2,000 communications", () => {
  bench(
    "two identical versions sharing no objects",
    () => {
      diffRoadmaps(roadmap, version);
    },
    options,
  );
  bench(
    "two versions sharing no objects, 200 communications changed",
    () => {
      diffRoadmaps(roadmap, edited);
    },
    options,
  );
  bench(
    "a document and its next edit (structural sharing)",
    () => {
      diffRoadmaps(roadmap, shared);
    },
    options,
  );
});
