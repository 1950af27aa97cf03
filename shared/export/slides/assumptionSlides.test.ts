import { describe, expect, it } from "vitest";
import { segmentCustomersAtStart } from "../../model/customers";
import { CHANNEL_KIND_LABELS } from "../../model/labels";
import { namesById } from "../../model/queries";
import type { Roadmap } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { MIN_TABLE_FONT_PT } from "./deckTheme";
import { deckOf } from "./testing/deckOf";
import { continuedTable, oneLine, slidesContinuing } from "./testing/deckTables";

const NOW = new Date("2027-01-15T00:00:00Z");

const amount = (text: string) => Number(text.replace(/[^0-9.-]/g, ""));
const count = (text: string) => Number(text.replace(/[^0-9-]/g, ""));
/** A rate as the deck writes it, "2.5%", read back as a share. */
const share = (text: string) => Number(text.replace(/%[\s\S]*/, "")) / 100;

/** The B2B template with names that say nothing about money, so a deck without costs can be searched for any. */
function neutralB2b(): Roadmap {
  const base = createB2bSubscriptionRoadmap(NOW);
  return {
    ...base,
    notes: "Figures to be confirmed with the client.",
    segments: base.segments.map((segment, i) => ({ ...segment, name: `Segment ${i + 1}` })),
  };
}

describe("assumption slides", () => {
  it("give the plan's settings and how it counts, and every segment, phase, transition and channel with its figures", {
    timeout: 60_000,
  }, async () => {
    const roadmap = createB2bSubscriptionRoadmap(NOW);
    const deck = await deckOf(roadmap, { sections: ["assumptions"], now: NOW });
    const settings = slidesContinuing(deck.slides, "Assumptions")[0];
    const labels = settings?.shapes.find((shape) => shape.name === "Settings labels")?.paragraphs;
    const values = settings?.shapes.find((shape) => shape.name === "Settings values")?.paragraphs;
    expect(labels).toEqual(["Plan", "Currency", "Discount rate", "Contact cap"]);
    expect(values?.[0]).toBe(`${roadmap.horizonMonths} months from ${roadmap.startMonth}`);
    expect(values?.[1]).toBe(roadmap.currency);
    expect(share(values?.[2] ?? "")).toBeCloseTo(roadmap.annualDiscountRate, 10);
    expect(values?.[3]).toBe(`${roadmap.contactCap} a month`);
    expect(settings?.text).toContain("How the plan counts");
    expect(oneLine(settings?.shapes.find((shape) => shape.name === "Roadmap notes")?.text ?? "")).toBe(roadmap.notes);

    const segments = continuedTable(slidesContinuing(deck.slides, "Assumptions: segments"), "Segments");
    expect(segments.rows.map((row) => oneLine(row[0] ?? ""))).toEqual(roadmap.segments.map((segment) => segment.name));
    segments.rows.forEach((row, i) => {
      const segment = roadmap.segments[i];
      expect(count(row[1] ?? "")).toBe(segmentCustomersAtStart(roadmap, segment?.id ?? ""));
      expect(amount(row[3] ?? "")).toBeCloseTo(segment?.annualValue ?? Number.NaN, 2);
    });

    const phases = continuedTable(slidesContinuing(deck.slides, "Assumptions: phases"), "Phases");
    expect(phases.rows.map((row) => oneLine(row[0] ?? ""))).toEqual(roadmap.phases.map((phase) => phase.name));
    phases.rows.forEach((row, i) => {
      expect(share(row[4] ?? "")).toBeCloseTo(roadmap.phases[i]?.churnRate ?? Number.NaN, 10);
    });

    const names = namesById(roadmap.phases);
    const transitions = continuedTable(slidesContinuing(deck.slides, "Assumptions: transitions"), "Transitions");
    expect(transitions.rows.map((row) => [oneLine(row[0] ?? ""), oneLine(row[1] ?? "")])).toEqual(
      roadmap.transitions.map((transition) => [names.get(transition.from), names.get(transition.to)]),
    );
    transitions.rows.forEach((row, i) => {
      const transition = roadmap.transitions[i];
      expect(share(row[2] ?? "")).toBeCloseTo(transition?.rate ?? Number.NaN, 10);
      for (const [segmentId, rate] of Object.entries(transition?.rateBySegment ?? {})) {
        const segment = roadmap.segments.find((candidate) => candidate.id === segmentId)?.name;
        const written = oneLine(row[2] ?? "").split(`${segment}: `)[1] ?? "";
        expect(share(written)).toBeCloseTo(rate, 10);
      }
      expect(oneLine(row[3] ?? "")).toBe(transition?.trigger || "—");
    });

    const channels = continuedTable(slidesContinuing(deck.slides, "Assumptions: channels"), "Channels");
    expect(channels.header).toEqual(["Channel", "Kind", "Fixed cost a send", "Cost per contact", "Most sends a month"]);
    channels.rows.forEach((row, i) => {
      const channel = roadmap.channels[i];
      expect(row[1]).toBe(channel ? CHANNEL_KIND_LABELS[channel.kind] : "");
      expect(amount(row[2] ?? "")).toBeCloseTo(channel?.fixedCost ?? Number.NaN, 2);
      expect(amount(row[3] ?? "")).toBeCloseTo(channel?.costPerContact ?? Number.NaN, 2);
    });
  });

  it("leave money out when costs are hidden: no currency, discount rate, values or channel costs", {
    timeout: 60_000,
  }, async () => {
    const roadmap = neutralB2b();
    const deck = await deckOf(roadmap, { sections: ["assumptions"], includeCosts: false, now: NOW });
    const slides = deck.slides.slice(2);
    expect(slides.length).toBeGreaterThan(4);
    for (const slide of slides) {
      expect(slide.text).not.toMatch(/€|EUR|cost|budget|ROI/i);
      expect(slide.notes).not.toMatch(/€|EUR|cost|budget|ROI/i);
    }
    expect(
      slidesContinuing(deck.slides, "Assumptions")[0]?.shapes.find((s) => s.name === "Settings labels")?.paragraphs,
    ).toEqual(["Plan", "Contact cap"]);
    expect(continuedTable(slidesContinuing(deck.slides, "Assumptions: segments"), "Segments").header).toEqual([
      "Segment",
      "Customers at start",
      "Where they are at the start",
    ]);
    expect(continuedTable(slidesContinuing(deck.slides, "Assumptions: channels"), "Channels").header).toEqual([
      "Channel",
      "Kind",
      "Most sends a month",
    ]);
  });

  it("continue long tables at 12 pt or more with every phase and transition listed once", {
    timeout: 60_000,
  }, async () => {
    const roadmap = generateRoadmap({ phases: 45, transitionsPerPhase: 1.5, communications: 20, segments: 2, seed: 9 });
    const deck = await deckOf(roadmap, { sections: ["assumptions"], now: NOW });
    for (const [title, name, expected] of [
      ["Assumptions: phases", "Phases", roadmap.phases.map((phase) => phase.name)],
      [
        "Assumptions: transitions",
        "Transitions",
        roadmap.transitions.map((t) => namesById(roadmap.phases).get(t.from)),
      ],
    ] as const) {
      const slides = slidesContinuing(deck.slides, title);
      expect(slides.length).toBeGreaterThan(1);
      for (const table of slides.flatMap((slide) => slide.tables)) {
        expect(table.rows[0]?.[0]).toBe(name === "Phases" ? "Phase" : "From");
        expect(Math.min(...table.fontSizesPt)).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
      }
      expect(continuedTable(slides, name).rows.map((row) => row[0])).toEqual(expected);
    }
  });
});
