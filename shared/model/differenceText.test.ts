import { describe, expect, it } from "vitest";
import { updateCommunication, updatePhase, updateTransition } from "./edits";
import { describeDifference, differenceParts, diffRoadmaps, type RoadmapDifference } from "./roadmapDiff";
import type { Roadmap } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

function sentences(before: Roadmap, after: Roadmap, format?: Parameters<typeof describeDifference>[2]): string[] {
  return diffRoadmaps(before, after).map((d) => describeDifference(d, after, format));
}

const roadmap = sampleRoadmap();

describe("describeDifference", () => {
  it("says what was added and removed, naming the item", () => {
    const after: Roadmap = {
      ...roadmap,
      phases: [
        ...roadmap.phases,
        { ...(roadmap.phases[0] as Roadmap["phases"][number]), id: "p-on", name: "Onboarding" },
      ],
      communications: [],
    };
    expect(sentences(roadmap, after)).toEqual([
      "Added the phase Onboarding",
      "Removed the communication Welcome email",
    ]);
  });

  it("writes rates as percentages and names the field in words", () => {
    const after = updateCommunication(roadmap, "comm-welcome", { responseRate: 0.12, personalisation: "oneToOne" });
    expect(sentences(roadmap, after)).toEqual([
      "Changed the personalisation of Welcome email from Mass to One-to-one",
      "Changed the response rate of Welcome email from 10 % to 12 %",
    ]);
  });

  it("writes timings as the capture table does, whether the kind or only a number changed", () => {
    const recurring = updateCommunication(roadmap, "comm-welcome", { timing: { kind: "recurring", everyMonths: 3 } });
    expect(sentences(roadmap, recurring)).toEqual([
      "Changed the timing of Welcome email from on entry to every 3 months",
    ]);
    const slower = updateCommunication(recurring, "comm-welcome", { timing: { kind: "recurring", everyMonths: 6 } });
    expect(sentences(recurring, slower)).toEqual([
      "Changed the timing of Welcome email from every 3 months to every 6 months",
    ]);
  });

  it("writes money with the formatter given, with the currency code otherwise, and leaves amounts out while costs are hidden", () => {
    const after = updateCommunication(roadmap, "comm-welcome", { fixedCost: 250, valuePerResponse: 30 });
    const money = (value: number) => `€${value.toFixed(2)}`;
    expect(sentences(roadmap, after, { money })).toEqual([
      "Changed the fixed cost of Welcome email from the channel's default to €250.00",
      "Changed the value per response of Welcome email from €20.00 to €30.00",
    ]);
    expect(sentences(roadmap, after)).toEqual([
      "Changed the fixed cost of Welcome email from the channel's default to 250 EUR",
      "Changed the value per response of Welcome email from 20 EUR to 30 EUR",
    ]);
    expect(sentences(roadmap, after, { money: null })).toEqual([
      "Changed the fixed cost of Welcome email",
      "Changed the value per response of Welcome email",
    ]);
  });

  it("names the segments, phases, channels and stages that ids stand for", () => {
    let after = updateTransition(roadmap, "tr-settles", { rateBySegment: { smb: 0.25 } });
    after = updatePhase(after, "phase-new", { stageId: "acquire", initialCustomers: { smb: 120 } });
    after = updateCommunication(after, "comm-welcome", {
      audience: { segmentIds: [], roleIds: ["role-admin"], share: 1 },
    });
    expect(sentences(roadmap, after)).toEqual([
      "Changed the stage of New customer from Onboard to Acquire",
      "Changed the customers at the start in Small business of New customer from 100 to 120",
      "Set the rate for Small business of New customer → Active to 25 %",
      "Changed the segments reached of Welcome email from Small business to all segments",
    ]);
  });

  it("describes settings, the survey and the sticky notes in words", () => {
    const after: Roadmap = { ...roadmap, contactCap: 6, horizonMonths: 24, annualDiscountRate: 0.08, name: "Renewal" };
    expect(sentences(roadmap, after)).toEqual([
      "Changed the name from “Sample roadmap” to “Renewal”",
      "Changed the horizon from 12 months to 24 months",
      "Changed the annual discount rate from 10 % to 8 %",
      "Changed the contact cap from 4 to 6",
    ]);
    const notes: RoadmapDifference = {
      kind: "changed",
      collection: "settings",
      id: null,
      label: "Sticky notes",
      field: "stickyNotes",
      before: { notes: 1, open: 1 },
      after: { notes: 4, open: 2 },
    };
    expect(describeDifference(notes)).toBe("Changed the sticky notes from 1 note (1 open) to 4 notes (2 open)");
    const waves: RoadmapDifference = {
      ...notes,
      label: "Survey waves",
      field: "survey.waves",
      before: { waves: 2, respondents: 140 },
      after: { waves: 3, respondents: 210 },
    };
    expect(describeDifference(waves)).toBe(
      "Changed the survey waves from 2 waves (140 respondents) to 3 waves (210 respondents)",
    );
  });

  it("says what a scenario sets, clears and leaves out, in that scenario's name", () => {
    const lean = {
      id: "lean",
      name: "Lean",
      notes: "",
      excludedCommunicationIds: [],
      communications: { "comm-welcome": { responseRate: 0.05 } },
      transitions: {},
      phases: {},
      optimisation: null,
    };
    const before: Roadmap = { ...roadmap, scenarios: [lean] };
    const after: Roadmap = {
      ...roadmap,
      scenarios: [
        {
          ...lean,
          excludedCommunicationIds: ["comm-welcome"],
          communications: {},
          transitions: { "tr-settles": { rate: 0.2 } },
        },
      ],
    };
    expect(sentences(before, after)).toEqual([
      "Changed the communications left out in the scenario Lean from none to Welcome email",
      "Cleared the response rate of Welcome email in the scenario Lean (was 5 %)",
      "Set the rate of New customer → Active in the scenario Lean to 20 %",
    ]);
  });

  it("names ids it cannot find by the id, and describes without a roadmap", () => {
    const after = updateCommunication(roadmap, "comm-welcome", { channelId: "gone" });
    const [difference] = diffRoadmaps(roadmap, after);
    if (!difference) throw new Error("expected a difference");
    expect(describeDifference(difference)).toBe("Changed the channel of Welcome email from email to gone");
    expect(describeDifference(difference, roadmap)).toBe("Changed the channel of Welcome email from Email to gone");
  });
});

describe("differenceParts", () => {
  it("splits a change into the columns a list shows", () => {
    const [difference] = diffRoadmaps(roadmap, updateCommunication(roadmap, "comm-welcome", { responseRate: 0.12 }));
    if (!difference) throw new Error("expected a difference");
    expect(differenceParts(difference, roadmap)).toEqual({
      verb: "Changed",
      noun: "communication",
      label: "Welcome email",
      field: "response rate",
      before: "10 %",
      after: "12 %",
      hidden: false,
    });
  });
});
