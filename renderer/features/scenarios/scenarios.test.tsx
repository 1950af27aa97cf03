import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import {
  BASE_SCENARIO_ID,
  parseRoadmap,
  removeListItem,
  resolveScenario,
  serializeRoadmap,
  updateCommunication,
} from "../../../shared/model";
import { createTestApp } from "../../test/fakes";
import { renderApp } from "../../test/renderApp";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";
import { createAsIsScenario, createScenario, deleteShownScenario, showAdjacentScenario } from "./scenarioActions";

async function openB2b(app = createTestApp()) {
  const state = app.store.getState();
  const id = await state.createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await state.openRoadmap(id);
  return app;
}

const rateOf = (roadmap: ReturnType<typeof selectViewedRoadmap>, id: string) =>
  roadmap?.communications.find((c) => c.id === id)?.responseRate;

describe("editing in a scenario", () => {
  it("changes the scenario shown only, as one undo step, and undo and redo follow it across scenarios", async () => {
    const { store } = await openB2b();
    const first = store.getState().document?.communications[0];
    if (!first) throw new Error("template has communications");
    expect(createScenario(store.getState(), "Lean", false)).toBeNull();
    const lean = store.getState().activeScenarioId;
    expect(lean).not.toBe(BASE_SCENARIO_ID);

    store.getState().edit((r) => updateCommunication(r, first.id, { responseRate: 0.5 }));
    expect(rateOf(selectViewedRoadmap(store.getState()), first.id)).toBe(0.5);
    const document = store.getState().document;
    if (!document) throw new Error("open");
    expect(rateOf(resolveScenario(document, BASE_SCENARIO_ID), first.id)).toBe(first.responseRate);

    store.getState().showScenario(BASE_SCENARIO_ID);
    expect(rateOf(selectViewedRoadmap(store.getState()), first.id)).toBe(first.responseRate);
    store.getState().undo();
    expect(rateOf(resolveScenario(store.getState().document ?? document, lean), first.id)).toBe(first.responseRate);
    store.getState().redo();
    expect(rateOf(resolveScenario(store.getState().document ?? document, lean), first.id)).toBe(0.5);
  });

  it("removes a segment from the whole roadmap when asked in a scenario, so communications it leaves out let go of it too", async () => {
    const { store } = await openB2b();
    createAsIsScenario(store.getState());
    expect(store.getState().activeScenarioId).not.toBe(BASE_SCENARIO_ID);
    const before = store.getState().document;
    if (!before) throw new Error("open");
    const hidden = before.communications.filter(
      (c) => c.status !== "existing" && c.audience.segmentIds.includes("enterprise"),
    );
    expect(hidden.length).toBeGreaterThan(0);

    store.getState().edit((r) => removeListItem(r, "segments", "enterprise", { kind: "remove" }));

    const after = store.getState().document;
    if (!after) throw new Error("open");
    expect(after.segments.map((s) => s.id)).not.toContain("enterprise");
    expect(after.communications.some((c) => c.audience.segmentIds.includes("enterprise"))).toBe(false);
    expect(parseRoadmap(JSON.parse(serializeRoadmap(after))).ok).toBe(true);
  });

  it("coalesces typing in a scenario into one step, and falls back to the base plan when undo removes the scenario", async () => {
    const { store } = await openB2b();
    const first = store.getState().document?.communications[0];
    if (!first) throw new Error("template has communications");
    createScenario(store.getState(), "Lean", false);
    const steps = store.getState().past.length;
    for (const rate of [0.1, 0.12, 0.125]) {
      store.getState().edit((r) => updateCommunication(r, first.id, { responseRate: rate }), { coalesceKey: "rate" });
    }
    expect(store.getState().past.length).toBe(steps + 1);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document?.scenarios).toEqual([]);
    expect(store.getState().activeScenarioId).toBe(BASE_SCENARIO_ID);
  });

  it("shows the base plan again on opening a roadmap, and for a scenario it does not have", async () => {
    const app = await openB2b();
    const { store } = app;
    createAsIsScenario(store.getState());
    expect(store.getState().activeScenarioId).not.toBe(BASE_SCENARIO_ID);
    const id = store.getState().document?.id ?? "";
    await store.getState().openRoadmap(id);
    expect(store.getState().document?.scenarios).toHaveLength(1);
    expect(store.getState().activeScenarioId).toBe(BASE_SCENARIO_ID);
    store.getState().showScenario("no-such-scenario");
    expect(store.getState().activeScenarioId).toBe(BASE_SCENARIO_ID);
    showAdjacentScenario(store.getState(), 1);
    expect(store.getState().activeScenarioId).toBe(store.getState().document?.scenarios[0]?.id);
    deleteShownScenario(store.getState());
    expect(store.getState().activeScenarioId).toBe(BASE_SCENARIO_ID);
    expect(store.getState().document?.scenarios).toEqual([]);
  });

  it("plans the scenario shown", async () => {
    const { store } = await openB2b();
    await waitFor(() => expect(store.getState().planStale).toBe(false));
    const all = store.getState().document?.communications.length ?? 0;
    expect(store.getState().plan?.communications).toHaveLength(all);
    createAsIsScenario(store.getState());
    await waitFor(() => expect(store.getState().planStale).toBe(false));
    const existing = store.getState().document?.communications.filter((c) => c.status === "existing").length;
    expect(existing).toBeLessThan(all);
    expect(store.getState().plan?.communications).toHaveLength(existing ?? -1);
  });
});

describe("the scenario switcher", { timeout: 30_000 }, () => {
  it("says which scenario is edited, switches, and names a new one, refusing a name in use", async () => {
    const user = userEvent.setup();
    const app = await renderApp();
    await act(async () => {
      await openB2b(app);
    });
    const switcher = await screen.findByRole("button", { name: /Scenario: Plan/ });
    expect(switcher).not.toHaveClass("is-scenario");

    await user.click(switcher);
    await user.click(
      within(screen.getByRole("menu", { name: "Scenarios" })).getByRole("menuitem", { name: "New scenario…" }),
    );
    const dialog = screen.getByRole("dialog", { name: "New scenario" });
    await user.type(within(dialog).getByLabelText("Name"), "plan");
    await user.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("There is already a scenario called “Plan”");

    await user.clear(within(dialog).getByLabelText("Name"));
    await user.type(within(dialog).getByLabelText("Name"), "Lean{Enter}");
    expect(screen.queryByRole("dialog", { name: "New scenario" })).not.toBeInTheDocument();
    const inLean = screen.getByRole("button", { name: /Scenario: Lean/ });
    expect(inLean).toHaveClass("is-scenario");

    await user.click(inLean);
    await user.click(screen.getByRole("menuitemradio", { name: /Plan/ }));
    expect(screen.getByRole("button", { name: /Scenario: Plan/ })).toBeInTheDocument();
  });
});
