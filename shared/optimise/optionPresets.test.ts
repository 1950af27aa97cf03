import { describe, expect, it } from "vitest";
import { defaultOptimiserSettings } from "../model/defaults";
import type { Communication, Roadmap } from "../model/schema";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import {
  clearOptions,
  DEFAULT_PERSONALISATION_FACTORS,
  offerFrequencies,
  offerPersonalisation,
  withCommunicationOptions,
} from "./optionPresets";

/** The sample's welcome email, a monthly newsletter sent by segment, and a retired letter. */
function roadmapWithSends(): Roadmap {
  const roadmap = sampleRoadmap();
  const [welcome] = roadmap.communications as [Communication];
  return {
    ...roadmap,
    communications: [
      welcome,
      {
        ...welcome,
        id: "comm-news",
        name: "Newsletter",
        timing: { kind: "recurring", everyMonths: 1 },
        personalisation: "segment",
        fixedCost: 300,
        costPerContact: 0.06,
        responseRate: 0.65,
      },
      {
        ...welcome,
        id: "comm-old",
        name: "Old letter",
        timing: { kind: "recurring", everyMonths: 3 },
        status: "retired",
      },
    ],
  };
}

describe("offerFrequencies", () => {
  it("offers every recurring send the other intervals, never its own, and leaves other sends alone", () => {
    const settings = offerFrequencies(defaultOptimiserSettings(), roadmapWithSends(), [3, 1, 2, 3]);
    expect(settings.communications).toEqual({
      "comm-news": { everyMonths: [2, 3], personalisation: [], lock: "free" },
    });
  });

  it("replaces the intervals a send had and keeps its lock and levels", () => {
    const roadmap = roadmapWithSends();
    const before = withCommunicationOptions(defaultOptimiserSettings(), "comm-news", {
      everyMonths: [6],
      personalisation: [{ level: "mass", fixedCost: null, costPerContact: null, responseRate: 0.5 }],
      lock: "in",
    });
    const after = offerFrequencies(before, roadmap, [2]);
    expect(after.communications["comm-news"]).toEqual({ ...before.communications["comm-news"], everyMonths: [2] });
    expect(before.communications["comm-news"]?.everyMonths).toEqual([6]);
  });
});

describe("offerPersonalisation", () => {
  it("derives each level's costs and response from the send's own, against a mass send, capped at 100 %", () => {
    const settings = offerPersonalisation(
      defaultOptimiserSettings(),
      roadmapWithSends(),
      DEFAULT_PERSONALISATION_FACTORS,
    );
    // The welcome email is a mass send on the e-mail channel (€150 a send, €0.02 a contact, 10 % response).
    expect(settings.communications["comm-welcome"]?.personalisation).toEqual([
      { level: "segment", fixedCost: 225, costPerContact: 0.03, responseRate: 0.13 },
      { level: "oneToOne", fixedCost: 600, costPerContact: 0.08, responseRate: 0.2 },
    ]);
    // The newsletter is already by segment: mass is two thirds of its cost, one-to-one 4/1.5 of it.
    expect(settings.communications["comm-news"]?.personalisation).toEqual([
      { level: "mass", fixedCost: 200, costPerContact: 0.04, responseRate: 0.5 },
      { level: "oneToOne", fixedCost: 800, costPerContact: 0.16, responseRate: 1 },
    ]);
    expect(settings.communications["comm-old"]).toBeUndefined();
  });
});

describe("clearOptions", () => {
  it("takes away every other interval and level but keeps the locks", () => {
    const roadmap = roadmapWithSends();
    const offered = offerPersonalisation(
      offerFrequencies(defaultOptimiserSettings(), roadmap, [2, 3]),
      roadmap,
      DEFAULT_PERSONALISATION_FACTORS,
    );
    const locked = withCommunicationOptions(offered, "comm-welcome", {
      ...(offered.communications["comm-welcome"] ?? { everyMonths: [], personalisation: [], lock: "free" }),
      lock: "out",
    });
    expect(clearOptions(locked).communications).toEqual({
      "comm-welcome": { everyMonths: [], personalisation: [], lock: "out" },
    });
  });
});

describe("withCommunicationOptions", () => {
  it("forgets a communication that is free again with no options", () => {
    const locked = withCommunicationOptions(defaultOptimiserSettings(), "comm-welcome", {
      everyMonths: [],
      personalisation: [],
      lock: "in",
    });
    const freed = withCommunicationOptions(locked, "comm-welcome", {
      everyMonths: [],
      personalisation: [],
      lock: "free",
    });
    expect(locked.communications["comm-welcome"]?.lock).toBe("in");
    expect(freed.communications).toEqual({});
  });
});
