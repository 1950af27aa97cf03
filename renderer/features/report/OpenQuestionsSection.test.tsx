import { cleanup, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { OPEN_QUESTIONS_LISTED } from "../../../shared/export/openQuestions";
import { defaultReportOptions, type ReportOptions } from "../../../shared/export/reportOptions";
import { addNote, type Roadmap, setNoteStatus } from "../../../shared/model";
import { createB2bSubscriptionRoadmap } from "../../../shared/model/templates/b2bSubscriptionSoftware";
import { ExecutiveReport } from "./ExecutiveReport";

const base = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
const plan = planRoadmap(base);
const at = (day: number) => new Date(Date.UTC(2027, 0, day, 10));

function renderReport(roadmap: Roadmap, options: Partial<ReportOptions> = {}) {
  render(
    <ExecutiveReport
      roadmap={roadmap}
      plan={plan}
      options={{ ...defaultReportOptions(), ...options }}
      generatedAt={at(30)}
    />,
  );
  return screen.getByRole("article", { name: `Executive report: ${roadmap.name}` });
}

/** The template with an open note on a phase, an open one on the canvas and a resolved one. */
function withNotes(): Roadmap {
  const phase = base.phases.find((p) => p.name === "Trial");
  if (!phase) throw new Error("the template has a Trial phase");
  let roadmap = addNote(base, {
    anchor: { kind: "phase", phaseId: phase.id },
    text: "Who calls trial users on day 3?",
    author: "Ana",
    now: at(3),
  }).roadmap;
  roadmap = addNote(roadmap, {
    anchor: { kind: "canvas", position: { x: 0, y: 0 } },
    text: "Budget owner for events?",
    author: "Bo",
    now: at(4),
  }).roadmap;
  const resolved = addNote(roadmap, {
    anchor: { kind: "canvas", position: { x: 0, y: 0 } },
    text: "Settled: the welcome mail stays",
    author: "Ana",
    now: at(5),
  });
  return setNoteStatus(resolved.roadmap, resolved.noteId as string, "resolved", at(6));
}

describe("the report's open questions", () => {
  it("lists each open note with what it is about, who raised it and when, after the assumptions", () => {
    const report = renderReport(withNotes());
    const titles = within(report)
      .getAllByRole("heading", { level: 2 })
      .map((heading) => heading.textContent);
    expect(titles.slice(-2)).toEqual(["Assumptions", "Open questions"]);
    const page = report.querySelector(".report-open-questions") as HTMLElement;
    const rows = within(page)
      .getAllByRole("row")
      .slice(1)
      .map((row) => [...row.querySelectorAll("td")].slice(0, 3).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Who calls trial users on day 3?", "Phase “Trial”", "Ana"],
      ["Budget owner for events?", "Canvas", "Bo"],
    ]);
    expect(page).not.toHaveTextContent("Settled");
  });

  it("prints no page when no note is open, or when the section is switched off", () => {
    expect(renderReport(base).querySelector(".report-open-questions")).toBeNull();
    cleanup();
    const off = renderReport(withNotes(), {
      sections: defaultReportOptions().sections.filter((s) => s !== "openQuestions"),
    });
    expect(off.querySelector(".report-open-questions")).toBeNull();
  });

  it("lists a long list's first notes and says how many more there are", () => {
    let roadmap = base;
    for (let i = 0; i < OPEN_QUESTIONS_LISTED + 3; i++) {
      roadmap = addNote(roadmap, {
        anchor: { kind: "canvas", position: { x: 0, y: 0 } },
        text: `Question ${i}`,
        author: "Ana",
        now: at(1 + (i % 20)),
      }).roadmap;
    }
    const page = renderReport(roadmap, { sections: ["openQuestions"] }).querySelector(
      ".report-open-questions",
    ) as HTMLElement;
    expect(within(page).getAllByRole("row")).toHaveLength(OPEN_QUESTIONS_LISTED + 1);
    expect(page).toHaveTextContent("And 3 more open notes");
  });
});
