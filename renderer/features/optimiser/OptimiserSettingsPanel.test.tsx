import { act, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { addScenario, type Communication } from "../../../shared/model";
import { generateRoadmap } from "../../../shared/model/testing/generateRoadmap";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { NumberLocaleContext } from "../../ui/numberLocale";
import { OptimiserSettingsPanel } from "./OptimiserSettingsPanel";

/** The B2B template open, its optimiser settings drawn as a user in `locale` sees them. */
async function openPanel(locale = "en-US") {
  const app = await openTemplateInTestApp();
  render(
    <AppStoreProvider store={app.store}>
      <NumberLocaleContext.Provider value={locale}>
        <OptimiserSettingsPanel />
      </NumberLocaleContext.Provider>
    </AppStoreProvider>,
  );
  const settings = () => app.document().optimiser;
  const undoSteps = () => app.store.getState().past.length;
  const undo = () => act(() => app.store.getState().undo());
  const sends = () => app.document().communications.filter((c) => c.status !== "retired");
  const notices = () => app.store.getState().notices.map((notice) => notice.message);
  return { ...app, settings, undoSteps, undo, sends, notices };
}

const budgetField = () => screen.getByRole("textbox", { name: "Budget over the horizon" });
const table = () => screen.getByRole("table", { name: "Communications for the optimiser" });

describe("the optimiser's budget", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("reads a budget typed the German way, saves it on Enter as one undo step, and undo brings back no limit", async () => {
    const { settings, undoSteps, undo, user } = await openPanel("de-DE");
    expect(await screen.findByText(/Plan costs €[\d,]+ now\./)).toBeInTheDocument();
    await user.type(budgetField(), "800.000,50");
    expect(settings().budget).toBeNull();
    await user.keyboard("{Enter}");
    expect(settings().budget).toBe(800_000.5);
    expect(undoSteps()).toBe(1);
    undo();
    expect(settings().budget).toBeNull();
    expect(budgetField()).toHaveValue("");
  });

  it("saves on leaving the field, and an empty field is no limit again", async () => {
    const { settings, user } = await openPanel();
    await user.type(budgetField(), "1,200,000");
    await user.tab();
    expect(settings().budget).toBe(1_200_000);
    await user.clear(budgetField());
    await user.tab();
    expect(settings().budget).toBeNull();
  });

  it("refuses a budget that is not an amount, naming the field and the value, and Escape puts back what was saved", async () => {
    const { document, settings, user } = await openPanel("de-DE");
    const before = document();
    await user.type(budgetField(), "12abc{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("Budget over the horizon must be a number, not “12abc”");
    expect(document()).toBe(before);
    await user.type(budgetField(), "{Escape}");
    expect(budgetField()).toHaveValue("");
    expect(screen.queryByRole("alert")).toBeNull();
    await user.type(budgetField(), "-5{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("Budget over the horizon must be");
    expect(settings().budget).toBeNull();
  });

  it("adds a budget for a year of the horizon only once its amount is typed, and removes it", async () => {
    const { document, settings, user } = await openPanel();
    const years = screen.getByRole("combobox", { name: "Add a budget for" });
    const yearsOffered = within(years)
      .getAllByRole("option")
      .map((o) => o.textContent);
    const horizonYears = Math.ceil(document().horizonMonths / 12);
    expect(yearsOffered).toEqual(
      Array.from({ length: horizonYears }, (_, year) => expect.stringMatching(new RegExp(`^Year ${year + 1} `))),
    );
    await user.selectOptions(years, yearsOffered[1] ?? "");
    expect(settings().yearBudgets).toEqual([]);
    await user.type(screen.getByRole("textbox", { name: /^New budget for Year 2/ }), "250000{Enter}");
    expect(settings().yearBudgets).toEqual([{ year: 1, budget: 250_000 }]);
    expect(screen.getByRole("textbox", { name: /^Budget for Year 2/ })).toHaveValue("250,000");
    await user.click(screen.getByRole("button", { name: /^Remove the budget for Year 2/ }));
    expect(settings().yearBudgets).toEqual([]);
  });

  it("offers only the roadmap's owners, each once, for a budget of its own", async () => {
    const { document, settings, user } = await openPanel();
    const owners = document().owners;
    const [first, second] = owners;
    if (!first || !second) throw new Error("the template has two owners or more");
    const picker = () => screen.getByRole("combobox", { name: "Add a budget for owner" });
    expect(
      within(picker())
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(owners.map((o) => o.name));
    await user.type(screen.getByRole("textbox", { name: `New budget for ${first.name}` }), "50000{Enter}");
    expect(settings().ownerBudgets).toEqual([{ ownerId: first.id, budget: 50_000 }]);
    expect(within(picker()).queryByRole("option", { name: first.name })).toBeNull();
    expect(within(picker()).getByRole("option", { name: second.name })).toBeInTheDocument();
  });
});

describe("each communication's lock and options", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("locks a communication in and forgets it once it is free again", async () => {
    const { settings, sends, user } = await openPanel();
    const [first] = sends() as [Communication];
    const lock = within(table()).getByRole("combobox", { name: `Optimiser's lock on ${first.name}` });
    await user.selectOptions(lock, "Keep");
    expect(settings().communications[first.id]?.lock).toBe("in");
    await user.selectOptions(lock, "Free");
    expect(settings().communications).toEqual({});
  });

  it("toggles another interval for a recurring send; its own is always on", async () => {
    const { settings, sends, user } = await openPanel();
    const recurring = sends().find((c) => c.timing.kind === "recurring");
    if (recurring?.timing.kind !== "recurring") throw new Error("the template has a recurring send");
    await user.type(screen.getByRole("textbox", { name: "Find" }), recurring.name);
    const own = recurring.timing.everyMonths;
    const other = own === 6 ? 3 : 6;
    expect(
      within(table()).getByRole("button", { name: `${recurring.name}: every ${own} months, its own` }),
    ).toBeDisabled();
    const chip = within(table()).getByRole("button", { name: `${recurring.name}: every ${other} months` });
    await user.click(chip);
    expect(settings().communications[recurring.id]?.everyMonths).toEqual([other]);
    expect(chip).toHaveAttribute("aria-pressed", "true");
    await user.click(chip);
    expect(settings().communications[recurring.id]).toBeUndefined();
  });

  it("draws only the rows in view of 2,000 communications, and finds the last by name", async () => {
    const { store, user } = await openPanel();
    const big = generateRoadmap({ phases: 100, transitionsPerPhase: 1.5, communications: 2000, segments: 4, seed: 3 });
    act(() => store.setState({ document: big }));
    const live = big.communications.filter((c) => c.status !== "retired");
    expect(screen.getByText(`${live.length.toLocaleString("en-US")} communications`)).toBeInTheDocument();
    expect(within(table()).getAllByRole("row").length).toBeLessThan(30);
    const last = live.at(-1) as Communication;
    await user.type(screen.getByRole("textbox", { name: "Find" }), last.name);
    expect(within(table()).getByRole("combobox", { name: `Optimiser's lock on ${last.name}` })).toBeInTheDocument();
  });

  it("edits the roadmap's settings while a scenario is shown, which stays shown", async () => {
    const { store, settings, user } = await openPanel();
    const added = addScenario(store.getState().document as Parameters<typeof addScenario>[0], { name: "Lean" });
    if (!added.ok) throw new Error(added.error);
    act(() => {
      store.getState().edit(() => added.value.roadmap, { document: { showScenario: added.value.scenarioId } });
    });
    await user.type(budgetField(), "500000{Enter}");
    expect(settings().budget).toBe(500_000);
    expect(store.getState().activeScenarioId).toBe(added.value.scenarioId);
  });

  it("filters by phase and finds by name, saying how many are shown", async () => {
    const { document, sends, user } = await openPanel();
    const phase = document().phases.find((p) => sends().some((c) => c.phaseId === p.id));
    if (!phase) throw new Error("the template has communications");
    await user.selectOptions(screen.getByRole("combobox", { name: "Phase" }), phase.name);
    const inPhase = sends().filter((c) => c.phaseId === phase.id);
    expect(screen.getByText(`${inPhase.length} of ${sends().length} communications`)).toBeInTheDocument();
    expect(within(table()).getAllByRole("row")).toHaveLength(inPhase.length + 1);
  });

  it("offers another personalisation level priced from the send's own, and takes a response rate typed in the locale", async () => {
    const { settings, sends, user } = await openPanel("de-DE");
    const massSend = sends().find((c) => c.personalisation === "mass");
    if (!massSend) throw new Error("the template has a mass send");
    await user.type(screen.getByRole("textbox", { name: "Find" }), massSend.name);
    await user.click(within(table()).getByRole("button", { name: `Personalisation options of ${massSend.name}` }));
    const dialog = screen.getByRole("dialog", { name: `Personalisation options of ${massSend.name}` });
    await user.click(within(dialog).getByRole("checkbox", { name: "Offer by segment" }));
    const [segment] = settings().communications[massSend.id]?.personalisation ?? [];
    expect(segment?.level).toBe("segment");
    expect(segment?.responseRate).toBeCloseTo(Math.min(1, massSend.responseRate * 1.3), 6);
    await user.clear(within(dialog).getByRole("textbox", { name: "By segment: response rate" }));
    await user.type(within(dialog).getByRole("textbox", { name: "By segment: response rate" }), "12,5{Enter}");
    expect(settings().communications[massSend.id]?.personalisation[0]?.responseRate).toBe(0.125);
    await user.click(within(dialog).getByRole("checkbox", { name: "Offer by segment" }));
    expect(settings().communications[massSend.id]).toBeUndefined();
  });
});

describe("options for every communication at once", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("offers the levels with the factors typed, as one undo step, and clears every option again", async () => {
    const { settings, sends, undoSteps, user } = await openPanel("de-DE");
    const cost = screen.getByRole("textbox", { name: "One-to-one: cost ×" });
    await user.clear(cost);
    await user.type(cost, "2,5{Enter}");
    await user.click(screen.getByRole("checkbox", { name: "Mass" }));
    await user.click(screen.getByRole("button", { name: "Offer these levels to every communication" }));
    expect(undoSteps()).toBe(1);
    const massSend = sends().find((c) => c.personalisation === "mass" && c.fixedCost !== null);
    if (!massSend || massSend.fixedCost === null) throw new Error("the template has a mass send with its own cost");
    expect(settings().communications[massSend.id]?.personalisation.map((o) => [o.level, o.fixedCost])).toEqual([
      ["segment", massSend.fixedCost * 1.5],
      ["oneToOne", massSend.fixedCost * 2.5],
    ]);
    expect(Object.keys(settings().communications)).toHaveLength(sends().length);

    await user.click(screen.getByRole("button", { name: "Offer these intervals to every recurring send" }));
    const recurring = sends().filter((c) => c.timing.kind === "recurring");
    expect(recurring.every((c) => (settings().communications[c.id]?.everyMonths.length ?? 0) > 0)).toBe(true);

    await user.click(screen.getByRole("button", { name: "Clear every option" }));
    expect(settings().communications).toEqual({});
    expect(undoSteps()).toBe(3);
  });

  it("refuses a factor of nothing, naming the field", async () => {
    const { user } = await openPanel();
    const cost = screen.getByRole("textbox", { name: "By segment: cost ×" });
    await user.clear(cost);
    await user.type(cost, "0{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("By segment: cost × must be between 0.01 and 100, not 0.");
  });
});

describe("purposes to keep and alternatives", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("adds a rule for every phase, narrows it to a phase, refuses to drop its last purpose, and removes it", async () => {
    const { document, settings, user, notices } = await openPanel();
    await user.click(screen.getByRole("button", { name: "Add a rule" }));
    expect(settings().purposeCoverage).toEqual([{ id: expect.any(String), purposes: ["retention"], phaseIds: [] }]);
    const rule = screen.getByRole("group", { name: "Rule 1" });
    await user.click(within(rule).getByRole("checkbox", { name: "Loyalty" }));
    expect(settings().purposeCoverage[0]?.purposes).toEqual(["retention", "loyalty"]);
    await user.click(within(rule).getByRole("checkbox", { name: "in every phase that has one" }));
    expect(settings().purposeCoverage[0]?.phaseIds).toEqual([document().phases[0]?.id]);

    await user.click(within(rule).getByRole("checkbox", { name: "Loyalty" }));
    await user.click(within(rule).getByRole("checkbox", { name: "Retention" }));
    expect(settings().purposeCoverage[0]?.purposes).toEqual(["retention"]);
    expect(notices().at(-1)).toContain("Rule 1 needs at least one purpose");

    await user.click(screen.getByRole("button", { name: "Remove rule 1" }));
    expect(settings().purposeCoverage).toEqual([]);
  });

  it("makes a group of alternatives only once two communications are picked, and removes it", async () => {
    const { settings, sends, user } = await openPanel();
    const [a, b, c] = sends() as [Communication, Communication, Communication];
    await user.selectOptions(screen.getByRole("combobox", { name: /first communication/ }), a.name);
    expect(settings().exclusiveGroups).toEqual([]);
    await user.selectOptions(screen.getByRole("combobox", { name: `Its alternative to ${a.name}` }), b.name);
    expect(settings().exclusiveGroups).toEqual([
      { id: expect.any(String), name: "Alternatives 1", communicationIds: [a.id, b.id] },
    ]);
    const group = screen.getByRole("group", { name: "Alternatives Alternatives 1" });
    expect(within(group).queryByRole("button", { name: /^Take / })).toBeNull();
    const groupName = within(group).getByRole("textbox", { name: "Group name" });
    await user.clear(groupName);
    await user.type(groupName, "   {Enter}");
    expect(within(group).getByRole("alert")).toHaveTextContent("Group name");
    expect(settings().exclusiveGroups[0]?.name).toBe("Alternatives 1");
    await user.type(groupName, "{Escape}");
    await user.selectOptions(within(group).getByRole("combobox", { name: "Add to Alternatives 1" }), c.name);
    expect(settings().exclusiveGroups[0]?.communicationIds).toEqual([a.id, b.id, c.id]);
    await user.click(within(group).getByRole("button", { name: `Take ${a.name} out of Alternatives 1` }));
    expect(settings().exclusiveGroups[0]?.communicationIds).toEqual([b.id, c.id]);
    await user.click(within(group).getByRole("button", { name: "Remove the group Alternatives 1" }));
    expect(settings().exclusiveGroups).toEqual([]);
  });
});

describe("the solver's limits", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("takes a time limit in whole seconds and a gap in percent, refusing a part of a second", async () => {
    const { settings, user } = await openPanel("de-DE");
    const time = screen.getByRole("textbox", { name: "Time limit" });
    await user.clear(time);
    await user.type(time, "2,5{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("Time limit must be a whole number, not 2,5.");
    expect(settings().timeLimitSeconds).toBe(10);
    await user.clear(time);
    await user.type(time, "30{Enter}");
    const gap = screen.getByRole("textbox", { name: "Gap tolerance" });
    await user.clear(gap);
    await user.type(gap, "1,5{Enter}");
    expect(settings()).toMatchObject({ timeLimitSeconds: 30, gapTolerance: 0.015 });
  });
});
