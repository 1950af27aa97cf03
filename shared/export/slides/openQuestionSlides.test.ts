import { describe, expect, it } from "vitest";
import type { Roadmap, StickyNote } from "../../model/schema";
import { describeNoteAnchor, notesInReadingOrder } from "../../model/stickyNotes";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { MIN_TABLE_FONT_PT } from "./deckTheme";
import { deckOf } from "./testing/deckOf";
import { continuedTable, oneLine, slidesContinuing } from "./testing/deckTables";

const NOW = new Date("2027-01-15T00:00:00Z");

/** The B2B template with `open` open notes on its phases (and the canvas), and two resolved ones. */
function withNotes(open: number): Roadmap {
  const base = createB2bSubscriptionRoadmap(NOW);
  const note = (i: number, status: StickyNote["status"]): StickyNote => ({
    id: `note-${status}-${i}`,
    text: `${status === "open" ? "Question" : "Settled"} ${i}: who owns the renewal call for accounts under 20 seats?`,
    author: i % 2 === 0 ? "Ada" : "",
    createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 9)).toISOString(),
    status,
    resolvedAt: status === "resolved" ? NOW.toISOString() : null,
    anchor:
      i % 3 === 0
        ? { kind: "canvas", position: { x: i, y: 0 } }
        : { kind: "phase", phaseId: base.phases[i % base.phases.length]?.id ?? "" },
  });
  return {
    ...base,
    stickyNotes: [
      ...Array.from({ length: open }, (_, i) => note(i, "open")),
      note(100, "resolved"),
      note(101, "resolved"),
    ],
  };
}

describe("open-question slides", () => {
  it("list every open note in the Notes panel's order, over as many slides as it takes at 12 pt or more", {
    timeout: 60_000,
  }, async () => {
    const roadmap = withNotes(30);
    const deck = await deckOf(roadmap, { sections: ["openQuestions"], now: NOW });
    const slides = slidesContinuing(deck.slides, "Open questions");
    expect(slides.length).toBeGreaterThan(1);
    for (const table of slides.flatMap((slide) => slide.tables)) {
      expect(Math.min(...table.fontSizesPt)).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
    }
    const table = continuedTable(slides, "Open questions");
    expect(table.header).toEqual(["Question", "About", "Raised by", "Date"]);
    const open = notesInReadingOrder(roadmap.stickyNotes.filter((note) => note.status === "open"));
    expect(table.rows.map((row) => row.map(oneLine))).toEqual(
      open.map((note) => [
        note.text,
        describeNoteAnchor(roadmap, note.anchor),
        note.author || "—",
        new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(note.createdAt)),
      ]),
    );
    expect(slides[0]?.notes).toContain(`Open notes 1–${(slides[0]?.tables[0]?.rows.length ?? 1) - 1} of 30`);
  });

  it("add no slide when no note is open", { timeout: 60_000 }, async () => {
    const deck = await deckOf(withNotes(0), { sections: ["openQuestions"], now: NOW });
    expect(slidesContinuing(deck.slides, "Open questions")).toHaveLength(0);
  });
});
