import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { movePhases, type Roadmap, updatePhase } from "../../../shared/model";
import { computeRsi, latestWave } from "../../../shared/survey/rsi";
import { b2bSurveyRoadmap } from "../../../shared/survey/testing/b2bSurvey";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { AppStoreProvider, useAppState } from "../../app/AppStoreContext";
import { checkedCommands, runCommand } from "../../app/commands";
import { createMemoryPreferencesStorage } from "../../data/preferencesStorage";
import { createTestApp } from "../../test/fakes";
import { buildPhaseNodes, type PhaseNodeData } from "../canvas/canvasModel";
import { EMPTY_SELECTION } from "../editor/editorSlice";
import { PhaseInspector } from "../inspector/PhaseInspector";
import { RsiBadge } from "./RsiBadge";
import { RsiView } from "./RsiView";
import { formatRsiChange, formatRsiPrecise, phaseRsiBadges } from "./rsiFormat";
import { selectRsi, waveRsi } from "./useRsi";

const phaseId = (roadmap: Roadmap, name: string) => roadmap.phases.find((p) => p.name === name)?.id ?? "";

/** The template with no survey answers, and a score typed by hand on "Advocate". */
function typedOnly(): Roadmap {
  const withoutAnswers = { ...b2bSurveyRoadmap(), survey: { ...b2bSurveyRoadmap().survey, waves: [] } };
  return updatePhase(withoutAnswers, "phase-advocate", { relationshipStrength: { score: 61.6, respondents: 30 } });
}

/** Each phase's node data as the canvas builds it, by phase name. */
function nodeData(roadmap: Roadmap, colour = false): Map<string, PhaseNodeData> {
  const wave = latestWave(roadmap);
  const badges = phaseRsiBadges(roadmap, wave && waveRsi(roadmap, wave), colour);
  const nodes = buildPhaseNodes(roadmap, EMPTY_SELECTION, new Map(), new Map(), new Map(), new Set(), badges);
  return new Map(nodes.map((node) => [node.data.name, node.data]));
}

function badgeOf(data: PhaseNodeData | undefined) {
  if (!data) throw new Error("no such phase");
  const { container } = render(<RsiBadge data={data} />);
  return container.querySelector(".rsi-badge");
}

describe("the RSI badge on a phase", () => {
  it("shows the survey's rounded RSI, with n and the interval in its tooltip", () => {
    const roadmap = b2bSurveyRoadmap();
    const figure = computeRsi(roadmap).phases.find((cell) => cell.phaseId === "phase-multi-product");
    const badge = badgeOf(nodeData(roadmap).get("Multi-product"));
    expect(badge).toHaveTextContent(`RSI ${Math.round(figure?.rsi ?? NaN)}`);
    expect(badge?.getAttribute("title")).toMatch(/n = 18 · 95 % interval \d+\.\d–\d+\.\d · survey “Spring 2026”/);
    expect(badge).not.toHaveClass("is-too-few");
  });

  it("says too few answers, with the count, below the minimum", () => {
    const badge = badgeOf(nodeData(b2bSurveyRoadmap()).get("Trial"));
    expect(badge).toHaveTextContent("Too few answers (3)");
    expect(badge).toHaveClass("is-too-few");
    expect(badge?.getAttribute("title")).toContain("3 respondents, at least 5 needed");
  });

  it("shows nothing on a phase no respondent is in, even with a score typed by hand", () => {
    const roadmap = updatePhase(b2bSurveyRoadmap(), "phase-lapsed", {
      relationshipStrength: { score: 40, respondents: 12 },
    });
    expect(badgeOf(nodeData(roadmap).get("Lapsed"))).toBeNull();
  });

  it("shows the RSI typed by hand while the roadmap has no survey answers", () => {
    const data = nodeData(typedOnly());
    const badge = badgeOf(data.get("Advocate"));
    expect(badge).toHaveTextContent("RSI 62");
    expect(badge?.getAttribute("title")).toBe("RSI 61.6 · n = 30 · entered by hand");
    expect(badgeOf(data.get("Trial"))).toBeNull();
  });

  it("tints phases with an RSI while the colour scale is on, and only then", () => {
    const coloured = nodeData(b2bSurveyRoadmap(), true);
    const weak = coloured.get("At risk")?.rsiTint;
    const strong = coloured.get("Advocate")?.rsiTint;
    expect(weak).toMatch(/^hsl\(/);
    expect(strong).toMatch(/^hsl\(/);
    // Red is the low end of the hue wheel, green far above it.
    expect(hue(weak)).toBeLessThan(hue(strong));
    expect(coloured.get("Trial")?.rsiTint).toBeNull();
    expect(coloured.get("Lapsed")?.rsiTint).toBeNull();
    expect([...nodeData(b2bSurveyRoadmap(), false).values()].every((data) => data.rsiTint === null)).toBe(true);
  });
});

const hue = (colour: string | null | undefined) => Number(/^hsl\((\d+)/.exec(colour ?? "")?.[1] ?? NaN);

describe("the RSI shown", () => {
  it("is computed once for the answers, not again when a phase moves, and again when the answers change", () => {
    const roadmap = b2bSurveyRoadmap();
    const first = selectRsi({ document: roadmap, rsiWaveId: null });
    const moved = movePhases(roadmap, new Map([["phase-trial", { x: 999, y: 999 }]]));
    expect(selectRsi({ document: moved, rsiWaveId: null })).toBe(first);
    const edited = { ...roadmap, survey: { ...roadmap.survey, minimumRespondents: 20 } };
    const again = selectRsi({ document: edited, rsiWaveId: null });
    expect(again).not.toBe(first);
    expect(again?.result.phases.every((cell) => cell.rsi === null)).toBe(true);
  });

  it("is the latest wave's, or the wave chosen while it exists", () => {
    const roadmap = b2bSurveyRoadmap();
    expect(selectRsi({ document: roadmap, rsiWaveId: null })?.wave.date).toBe("2026-03-01");
    expect(selectRsi({ document: roadmap, rsiWaveId: "wave-2025-09-01" })?.wave.date).toBe("2025-09-01");
    expect(selectRsi({ document: roadmap, rsiWaveId: "a-wave-since-removed" })?.wave.date).toBe("2026-03-01");
    expect(selectRsi({ document: typedOnly(), rsiWaveId: null })).toBeNull();
  });
});

/** A component of the editor over a roadmap in the test app's library, following the store's document. */
async function renderWith(roadmap: Roadmap, View: ComponentType<{ roadmap: Roadmap }>) {
  const app = createTestApp();
  await app.repository.addRoadmap(roadmap);
  await app.store.getState().openRoadmap(roadmap.id);
  function Live() {
    const document = useAppState((state) => state.document);
    return document ? <View roadmap={document} /> : null;
  }
  render(
    <AppStoreProvider store={app.store}>
      <Live />
    </AppStoreProvider>,
  );
  return { store: app.store, user: userEvent.setup() };
}

const inspectorOf = (name: string) =>
  function Inspector({ roadmap }: { roadmap: Roadmap }) {
    const phase = roadmap.phases.find((p) => p.name === name);
    return phase ? <PhaseInspector roadmap={roadmap} phase={phase} /> : null;
  };

describe("the phase inspector's relationship strength", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("shows the RSI with n and its interval, the change since the previous wave, dimensions and segments", async () => {
    const roadmap = b2bSurveyRoadmap();
    await renderWith(roadmap, inspectorOf("Multi-product"));
    const section = screen.getByRole("region", { name: "Relationship strength" });
    const now = computeRsi(roadmap).phases.find((cell) => cell.phaseId === "phase-multi-product");
    const before = computeRsi(roadmap, "wave-2025-09-01").phases.find((c) => c.phaseId === "phase-multi-product");
    expect(within(section).getByTestId("phase-rsi")).toHaveTextContent(formatRsiPrecise(now?.rsi ?? NaN));
    expect(section).toHaveTextContent(/n = 18 · 95 % interval \d+\.\d–\d+\.\d/);
    const change = (now?.rsi ?? NaN) - (before?.rsi ?? NaN);
    expect(change).toBeGreaterThan(0);
    expect(section).toHaveTextContent(`${formatRsiChange(change)} since 2025-09-01`);
    const dimensions = within(section).getByRole("list", { name: "Dimension scores" });
    expect(
      within(dimensions)
        .getAllByRole("listitem")
        .map((item) => item.getAttribute("aria-label")),
    ).toEqual(roadmap.survey.dimensions.map((d) => expect.stringMatching(new RegExp(`^${d.name}: \\d+\\.\\d$`))));
    const rows = within(section).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual(
      roadmap.segments.map((segment) => segment.name),
    );
    expect(screen.queryByRole("textbox", { name: "RSI score" })).toBeNull();
  });

  it("says there is no earlier wave, and shows too few answers below the minimum", async () => {
    const roadmap = b2bSurveyRoadmap();
    const oneWave = { ...roadmap, survey: { ...roadmap.survey, waves: roadmap.survey.waves.slice(1) } };
    await renderWith(oneWave, inspectorOf("Advocate"));
    expect(screen.getByText("No earlier wave to compare with.")).toBeInTheDocument();
    // Small business in Advocate has two respondents: too few for its own row's RSI.
    const small = screen.getByRole("row", { name: /Small business/ });
    expect(small).toHaveTextContent("too few");
    expect(small).toHaveTextContent("2");
  });

  it("says too few answers for a phase under the minimum, and keeps a typed RSI out of it until cleared", async () => {
    const roadmap = updatePhase(b2bSurveyRoadmap(), "phase-trial", {
      relationshipStrength: { score: 55, respondents: 40 },
    });
    const { store, user } = await renderWith(roadmap, inspectorOf("Trial"));
    expect(screen.getByText("Too few answers: 3 respondents, at least 5 needed for an RSI.")).toBeInTheDocument();
    expect(screen.getByText(/This phase has one typed \(55, 40 respondents\)/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear the typed RSI" }));
    expect(store.getState().document?.phases.find((p) => p.name === "Trial")?.relationshipStrength).toBeNull();
    expect(screen.queryByRole("button", { name: "Clear the typed RSI" })).toBeNull();
  });

  it("keeps the fields to type an RSI for a roadmap without survey answers", async () => {
    await renderWith(typedOnly(), inspectorOf("Advocate"));
    expect(screen.queryByRole("region", { name: "Relationship strength" })).toBeNull();
    expect(screen.getByRole("textbox", { name: "RSI score" })).toHaveValue("61.6");
  });
});

describe("the RSI tab", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  const grid = () => screen.getByRole("grid", { name: "RSI by phase and segment" });
  // Stage names head their groups of rows as row headers too; the phases' are scoped to their row.
  const phaseHeaders = () =>
    within(grid())
      .getAllByRole("rowheader")
      .filter((th) => th.getAttribute("scope") === "row");
  const cell = (phase: string, column: number) => {
    const row = phaseHeaders()
      .find((th) => th.textContent === phase)
      ?.closest("tr");
    if (!row) throw new Error(`no row ${phase}`);
    const found = within(row).getAllByRole("gridcell")[column];
    if (!found) throw new Error(`no cell ${column} in ${phase}`);
    return found;
  };

  it("lays out phases in lifecycle order under their stage, segments then All, each cell with RSI, n and interval", async () => {
    const roadmap = b2bSurveyRoadmap();
    await renderWith(roadmap, RsiView);
    const headers = within(grid())
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headers).toEqual(["Phase", ...roadmap.segments.map((s) => s.name), "All segments"]);
    const rowHeaders = phaseHeaders().map((th) => th.textContent);
    expect(rowHeaders).toEqual([
      "Trial",
      "First 90 days",
      "Active single-product",
      "Multi-product",
      "Advocate",
      "Renewal due",
      "At risk",
      "Lapsed",
    ]);
    const stages = [...grid().querySelectorAll(".rsi-stage-row")].map((row) => row.textContent);
    expect(stages).toEqual(["Acquire", "Onboard", "Develop", "Retain", "At risk", "Win back"]);

    const multi = computeRsi(roadmap).cells.find(
      (c) => c.phaseId === phaseId(roadmap, "Multi-product") && c.segmentId === "midMarket",
    );
    expect(cell("Multi-product", 1)).toHaveTextContent(
      `${Math.round(multi?.rsi ?? NaN)}n 6 · ${Math.round(multi?.low ?? NaN)}–${Math.round(multi?.high ?? NaN)}`,
    );
    expect(cell("Trial", 2)).toHaveTextContent("too fewn 3");
    expect(cell("Trial", 2)).toHaveClass("is-too-few");
    expect(cell("Trial", 0)).toHaveTextContent("—");
    expect(cell("Lapsed", 3)).toHaveTextContent("—");
  });

  it("moves through the grid with the keyboard, and shows the dimensions of the cell it is on", async () => {
    const { store, user } = await renderWith(b2bSurveyRoadmap(), RsiView);
    // The first phase with an RSI, over all segments, is where the grid starts.
    expect(cell("First 90 days", 3)).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("heading", { name: "Dimensions: First 90 days" })).toBeInTheDocument();
    act(() => cell("First 90 days", 3).focus());
    await user.keyboard("{ArrowLeft}{ArrowDown}");
    expect(cell("Active single-product", 2)).toHaveFocus();
    expect(cell("Active single-product", 2)).toHaveAttribute("aria-selected", "true");
    expect(
      screen.getByRole("heading", { name: "Dimensions: Active single-product · Small business (cost to serve)" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Dimension scores of Active single-product" })).toBeInTheDocument();
    expect(store.getState().selection.phaseIds).toEqual(["phase-active-single"]);
    await user.keyboard("{Home}");
    expect(cell("Active single-product", 0)).toHaveFocus();
    await user.keyboard("{Control>}{End}{/Control}");
    expect(cell("Lapsed", 3)).toHaveFocus();
    expect(screen.getByText("No respondent of this wave is in this phase.")).toBeInTheDocument();
  });

  it("shows another wave when picked, for this session only", async () => {
    const roadmap = b2bSurveyRoadmap();
    const { store, user } = await renderWith(roadmap, RsiView);
    const opened = store.getState().document;
    const earlier = computeRsi(roadmap, "wave-2025-09-01").phases.find((c) => c.phaseId === "phase-at-risk");
    const latest = computeRsi(roadmap).phases.find((c) => c.phaseId === "phase-at-risk");
    expect(Math.round(earlier?.rsi ?? NaN)).not.toBe(Math.round(latest?.rsi ?? NaN));
    expect(cell("At risk", 3)).toHaveTextContent(`${Math.round(latest?.rsi ?? NaN)}n 18`);
    await user.selectOptions(screen.getByRole("combobox", { name: "Survey wave" }), "Autumn 2025 — 2025-09-01");
    expect(cell("At risk", 3)).toHaveTextContent(`${Math.round(earlier?.rsi ?? NaN)}n 18`);
    expect(store.getState().rsiWaveId).toBe("wave-2025-09-01");
    // A choice of the session: the roadmap is not edited, nothing to undo.
    expect(store.getState().document).toBe(opened);
    expect(store.getState().past).toHaveLength(0);
  });

  it("draws the RSI along the lifecycle with a line per segment and a table of the same figures", async () => {
    const roadmap = b2bSurveyRoadmap();
    await renderWith(roadmap, RsiView);
    const chart = screen.getByRole("img", { name: /RSI along the lifecycle, by segment/ });
    // One line per segment and one for all, the last with its interval as a band.
    expect(chart.querySelectorAll(".rsi-chart-line")).toHaveLength(roadmap.segments.length + 1);
    expect(chart.querySelectorAll(".rsi-chart-band")).toHaveLength(1);
    const table = screen.getByRole("table", { name: /RSI along the lifecycle/ });
    const phases = within(table)
      .getAllByRole("rowheader")
      .map((th) => th.textContent);
    // Phases nobody answered in are left out; Trial's few answers show as too few.
    expect(phases).not.toContain("Lapsed");
    expect(phases[0]).toBe("Trial");
    expect(within(table).getByRole("row", { name: /^Trial/ })).toHaveTextContent("too few (3)");
    // Small business has too few answers in Advocate, between phases where it has an RSI: its line breaks there.
    const smallBusiness = chart.querySelectorAll(".rsi-chart-line path")[2]?.getAttribute("d") ?? "";
    expect(smallBusiness.match(/M/g)).toHaveLength(2);
  });

  it("explains the survey and points to the Survey tab when the roadmap has no answers", async () => {
    const { store, user } = await renderWith(typedOnly(), RsiView);
    expect(screen.getByRole("heading", { name: "No survey answers yet" })).toBeInTheDocument();
    expect(screen.getByText(/20 statements in 6 dimensions answered on a 1-5 scale/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Go to the Survey tab" }));
    expect(store.getState().view).toBe("survey");
  });
});

describe("Colour phases by RSI", () => {
  it("is a setting that turns on and off, shown checked, and is remembered for next time", () => {
    const preferences = createMemoryPreferencesStorage();
    const { store } = createTestApp(undefined, { preferences });
    expect(store.getState().preferences.colourByRsi).toBe(false);
    runCommand("view.colourByRsi", store.getState());
    expect(store.getState().preferences.colourByRsi).toBe(true);
    expect(checkedCommands(store.getState())["view.colourByRsi"]).toBe(true);
    expect(preferences.load().colourByRsi).toBe(true);
    runCommand("view.colourByRsi", store.getState());
    expect(preferences.load().colourByRsi).toBe(false);
  });
});
