import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type Roadmap, updateCommunication, updatePhase } from "../../../shared/model";
import { AppStoreProvider, useAppState } from "../../app/AppStoreContext";
import type { AppStore } from "../../app/appStore";
import { createTestApp } from "../../test/fakes";
import { renderApp } from "../../test/renderApp";
import { NumberLocaleContext } from "../../ui/numberLocale";
import { AudiencesView } from "../audiences/AudiencesView";
import { Inspector } from "./Inspector";

function LiveInspector({ view }: { view: "inspector" | "audiences" }) {
  const roadmap = useAppState((state) => state.document);
  if (!roadmap) return null;
  return view === "inspector" ? <Inspector roadmap={roadmap} /> : <AudiencesView roadmap={roadmap} />;
}

/** The template roadmap open in a store, its inspector (or Audiences view) drawn as a user in `locale` sees it. */
async function open({ locale = "en-US", phase, view = "inspector" }: Partial<OpenOptions> = {}) {
  const app = createTestApp();
  const id = await app.store
    .getState()
    .createRoadmap({ name: "", client: "", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  if (phase) {
    const phaseId = roadmap(app.store).phases.find((p) => p.name === phase)?.id;
    if (!phaseId) throw new Error(`no phase ${phase}`);
    app.store.getState().select({ phaseIds: [phaseId], transitionIds: [] });
  }
  render(
    <AppStoreProvider store={app.store}>
      <NumberLocaleContext.Provider value={locale}>
        <LiveInspector view={view} />
      </NumberLocaleContext.Provider>
    </AppStoreProvider>,
  );
  return { ...app, user: userEvent.setup() };
}

interface OpenOptions {
  locale: string;
  phase: string;
  view: "inspector" | "audiences";
}

function roadmap(store: AppStore): Roadmap {
  const document = store.getState().document;
  if (!document) throw new Error("no roadmap open");
  return document;
}

const churnOf = (store: AppStore, phase = "Trial") => roadmap(store).phases.find((p) => p.name === phase)?.churnRate;
const undoSteps = (store: AppStore) => store.getState().past.length;

describe("a number field", () => {
  it("keeps what is typed out of the roadmap until Enter, refuses 150 %, and takes 15 % as one undo step", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    expect(churn).toHaveValue("25");
    const steps = undoSteps(store);

    await user.clear(churn);
    await user.type(churn, "150");
    // Neither "1" nor "15" was written on the way, and nothing complained while typing.
    expect(churnOf(store)).toBe(0.25);
    expect(undoSteps(store)).toBe(steps);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await user.keyboard("{Enter}");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Churn per month must be between 0% and 100%, not 150%.");
    expect(alert).toHaveTextContent("Not saved — still 25%. Esc restores it.");
    expect(churn).toHaveValue("150");
    expect(churn).toHaveAttribute("aria-invalid", "true");
    expect(churn).toHaveAccessibleDescription(/must be between 0% and 100%/);
    expect(churnOf(store)).toBe(0.25);
    expect(undoSteps(store)).toBe(steps);

    await user.clear(churn);
    await user.type(churn, "15 %");
    // The message goes as soon as the text is right.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await user.keyboard("{Enter}");
    expect(churnOf(store)).toBe(0.15);
    expect(churn).toHaveValue("15");
    expect(undoSteps(store)).toBe(steps + 1);

    act(() => store.getState().undo());
    expect(churnOf(store)).toBe(0.25);
    expect(churn).toHaveValue("25");
  });

  it("commits when the user leaves the field", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "2.5");
    expect(churnOf(store)).toBe(0.25);
    await user.tab();
    expect(churnOf(store)).toBe(0.025);
    expect(churn).toHaveValue("2.5");
  });

  it("puts the roadmap's value back on Esc, and Esc goes no further", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    const selection = store.getState().selection;
    await user.clear(churn);
    await user.type(churn, "99");
    await user.keyboard("{Escape}");
    expect(churn).toHaveValue("25");
    expect(churnOf(store)).toBe(0.25);
    expect(store.getState().selection).toBe(selection);
    await user.tab();
    expect(undoSteps(store)).toBe(0);
  });

  it("keeps a refused draft and its reason when the user leaves, until Esc", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "12abc");
    await user.tab();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Churn per month must be a number, not “12abc”: “abc” is not part of a number. Not saved — still 25%.",
    );
    expect(churn).toHaveValue("12abc");
    expect(churnOf(store)).toBe(0.25);

    await user.click(churn);
    await user.keyboard("{Escape}");
    expect(churn).toHaveValue("25");
    expect(churn).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("drops a refused draft when the roadmap's value changes under it", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "abc");
    await user.tab();
    expect(screen.getByRole("alert")).toBeInTheDocument();
    const trial = roadmap(store).phases.find((p) => p.name === "Trial");
    act(() =>
      store.getState().edit((r) => ({
        ...r,
        phases: r.phases.map((p) => (p.id === trial?.id ? { ...p, churnRate: 0.3 } : p)),
      })),
    );
    expect(churn).toHaveValue("30");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("makes two commits in a row two undo steps", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "10{Enter}");
    await user.clear(churn);
    await user.type(churn, "20{Enter}");
    expect(churnOf(store)).toBe(0.2);
    expect(undoSteps(store)).toBe(2);
    act(() => store.getState().undo());
    expect(churnOf(store)).toBe(0.1);
  });

  it("leaves an Enter that picks a word in an input method to the input method", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "15");
    fireEvent.keyDown(churn, { key: "Enter", isComposing: true });
    expect(churnOf(store)).toBe(0.25);
    fireEvent.keyDown(churn, { key: "Enter" });
    expect(churnOf(store)).toBe(0.15);
  });

  it("makes no undo step when the value typed is the one the roadmap has", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const churn = screen.getByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "25 %{Enter}");
    expect(undoSteps(store)).toBe(0);
  });

  it("says it is a percent field", async () => {
    await open({ phase: "Trial" });
    expect(screen.getByRole("textbox", { name: "Churn per month" })).toHaveAccessibleDescription(
      "% Customers who leave for good each month.",
    );
  });

  it("hides a KPI target in money with the other costs, and leaves a KPI in percent shown", async () => {
    const { store } = await open({ phase: "Trial" });
    const trial = roadmap(store).phases.find((p) => p.name === "Trial");
    if (!trial) throw new Error("no phase Trial");
    const contractValue = { id: "kpi-acv", name: "Average contract value", target: 40, unit: "€k", timeframe: "" };
    act(() => store.getState().edit((r) => updatePhase(r, trial.id, { kpis: [...trial.kpis, contractValue] })));
    const kpi = (name: string) => screen.getByDisplayValue(name).closest("fieldset") as HTMLElement;
    expect(within(kpi("Average contract value")).getByRole("textbox", { name: "Target" })).toHaveValue("40");

    act(() => store.getState().setPreference("showCosts", false));
    expect(within(kpi("Average contract value")).queryByRole("textbox", { name: "Target" })).toBeNull();
    expect(kpi("Average contract value")).toHaveTextContent("TargetCosts are hidden");
    expect(within(kpi("Trial-to-paid conversion")).getByRole("textbox", { name: "Target" })).toHaveValue("25");
  });

  it("reads a German cost per contact, shows it with the euro sign, and moves the roadmap", async () => {
    const { store, user } = await open({ locale: "de-DE", phase: "Trial" });
    const [communication] = roadmap(store).communications.filter(
      (c) => c.phaseId === roadmap(store).phases.find((p) => p.name === "Trial")?.id,
    );
    if (!communication) throw new Error("no communication on Trial");
    const cost = screen.getByRole("textbox", { name: `Cost per contact — ${communication.name}` });
    expect(cost).toHaveAccessibleDescription("€ From channel “Email”");
    await user.clear(cost);
    await user.type(cost, "1.500,50{Enter}");
    expect(cost).toHaveAccessibleDescription(/^€ Set here/);
    expect(roadmap(store).communications.find((c) => c.id === communication.id)?.costPerContact).toBe(1500.5);
    expect(cost).toHaveValue("1.500,50");

    await user.clear(cost);
    await user.type(cost, "1.5{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      `Cost per contact — ${communication.name} must be a number, not “1.5”: “.” separates groups of digits here, as in 1.234.567,89; the decimal separator is “,”. Not saved — still 1.500,50 €.`,
    );
  });

  it("reads an American channel cost of 30,000 as thirty thousand", async () => {
    const { store, user } = await open({ view: "audiences" });
    const email = screen.getByRole("article", { name: "Channel Email" });
    const fixed = within(email).getByRole("textbox", { name: "Fixed cost per send" });
    expect(fixed).toHaveValue("200");
    await user.clear(fixed);
    await user.type(fixed, "30,000");
    await user.tab();
    expect(roadmap(store).channels.find((c) => c.name === "Email")?.fixedCost).toBe(30000);
    expect(fixed).toHaveValue("30,000");
  });

  it("says at the horizon field, not in a notice, that a one-off communication would fall outside it", async () => {
    const { store, user } = await open();
    const [first] = roadmap(store).communications;
    if (!first) throw new Error("no communication");
    act(() =>
      store.getState().edit((r) => updateCommunication(r, first.id, { timing: { kind: "oneOff", month: 20 } })),
    );
    const horizon = screen.getByRole("textbox", { name: "Horizon" });
    await user.clear(horizon);
    await user.type(horizon, "36");
    expect(store.getState().notices).toEqual([]);
    await user.keyboard("{Enter}");
    expect(roadmap(store).horizonMonths).toBe(36);

    await user.clear(horizon);
    await user.type(horizon, "12{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      `“${first.name}” is planned once, in ${monthLabel(roadmap(store).startMonth, 20)}: the horizon must be at least 21 months to reach it, not 12.`,
    );
    expect(store.getState().notices).toEqual([]);
    expect(roadmap(store).horizonMonths).toBe(36);
  });
});

function monthLabel(startMonth: string, offset: number): string {
  const [year = 0, month = 1] = startMonth.split("-").map(Number);
  const at = year * 12 + month - 1 + offset;
  return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, "0")}`;
}

describe("a text field", () => {
  it("renames on Enter, restores on Esc, and refuses an empty name with the reason", async () => {
    const { store, user } = await open({ phase: "Trial" });
    // The phase's own name comes first; its communications' names follow.
    const [name] = screen.getAllByRole("textbox", { name: "Name" });
    if (!name) throw new Error("no name field");
    await user.clear(name);
    await user.type(name, "Free trial");
    expect(roadmap(store).phases[0]?.name).toBe("Trial");
    await user.keyboard("{Escape}");
    expect(name).toHaveValue("Trial");

    await user.clear(name);
    await user.keyboard("{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Name must not be empty. Not saved; Esc restores the saved text.",
    );
    expect(roadmap(store).phases[0]?.name).toBe("Trial");

    await user.type(name, "Free trial{Enter}");
    expect(roadmap(store).phases[0]?.name).toBe("Free trial");
    expect(undoSteps(store)).toBe(1);
  });

  it("keeps new lines in a multi-line field and commits when the user leaves it", async () => {
    const { store, user } = await open({ phase: "Trial" });
    const objectives = screen.getByRole("textbox", { name: "Objectives" });
    await user.clear(objectives);
    await user.type(objectives, "Activate{Enter}Convert");
    expect(roadmap(store).phases[0]?.objectives).not.toEqual(["Activate", "Convert"]);
    await user.tab();
    expect(roadmap(store).phases[0]?.objectives).toEqual(["Activate", "Convert"]);
  });
});

describe("a command while a field is being typed in", () => {
  it("saves what was typed, as if Enter had been pressed", async () => {
    const user = userEvent.setup();
    const { store, saves } = await renderApp();
    const id = await act(() =>
      store.getState().createRoadmap({ name: "Bank", client: "", templateId: "b2b-subscription-software" }),
    );
    await act(() => store.getState().openRoadmap(id));
    const trial = roadmap(store).phases.find((p) => p.name === "Trial");
    act(() => store.getState().select({ phaseIds: [trial?.id ?? ""], transitionIds: [] }));

    const churn = await screen.findByRole("textbox", { name: "Churn per month" });
    await user.clear(churn);
    await user.type(churn, "15");
    await user.keyboard("{Control>}s{/Control}");
    await waitFor(() => expect(saves).toHaveLength(1));
    const saved = saves[0]?.contents;
    if (typeof saved !== "string") throw new Error("the roadmap was not saved as text");
    expect(JSON.parse(saved).phases[0].churnRate).toBe(0.15);
    expect(churn).toHaveFocus();
  });
});
