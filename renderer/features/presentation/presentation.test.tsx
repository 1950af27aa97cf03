import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { presentationWalk } from "../../../shared/model/presentationWalk";
import { renderApp } from "../../test/renderApp";
import { CARD_TYPE, focusCamera, isLegible, MIN_TEXT_PX } from "./camera";

// Each test renders the whole app and opens a roadmap: about a second alone, several on a busy machine.
const APP_TEST = { timeout: 30_000 };

async function presentingTemplate() {
  const app = await renderApp();
  await act(async () => {
    const state = app.store.getState();
    const id = await state.createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
    await state.openRoadmap(id);
  });
  await screen.findByRole("application", { name: /Roadmap canvas/ });
  return app;
}

const press = (key: string, options: { altKey?: boolean; ctrlKey?: boolean } = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, code: key, ...options });

describe("presentation mode", APP_TEST, () => {
  it("opens on F5, walks with the keys, edits nothing, and leaves on Esc", async () => {
    const { store } = await presentingTemplate();
    const roadmap = store.getState().document;
    const first = roadmap?.phases.find((p) => p.id === presentationWalk(roadmap)[0]);

    fireEvent.keyDown(document.body, { key: "F5", code: "F5" });
    const dialog = await screen.findByRole("dialog", { name: "Presentation" });
    expect(within(dialog).getByRole("heading", { level: 1 })).toHaveTextContent("Acme");

    act(() => press("ArrowRight"));
    expect(within(dialog).getByRole("heading", { level: 1 })).toHaveTextContent(first?.name ?? "?");
    act(() => press("ArrowLeft"));
    act(() => press("ArrowLeft"));
    expect(store.getState().presentingStep).toBe(0);

    // The editor's keys do not reach the roadmap while presenting.
    store.getState().select({ phaseIds: [first?.id ?? ""], transitionIds: [] });
    act(() => press("Delete"));
    act(() => press("z", { ctrlKey: true }));
    expect(store.getState().document).toBe(roadmap);

    act(() => press("Escape"));
    expect(screen.queryByRole("dialog", { name: "Presentation" })).not.toBeInTheDocument();
    expect(store.getState().document).toBe(roadmap);
  });

  it("hides every cost in the side panels when costs are hidden", async () => {
    const { store } = await presentingTemplate();
    act(() => store.getState().setPreference("showCosts", false));
    act(() => store.getState().startPresentation());
    const dialog = await screen.findByRole("dialog", { name: "Presentation" });
    const steps = (store.getState().document?.phases.length ?? 0) + 2;
    for (let step = 0; step < steps; step++) {
      act(() => store.getState().showStep(step));
      expect(dialog.textContent).not.toMatch(/€|Budget|Return on investment|Cost a month/);
    }
  });
});

describe("the walk order editor", APP_TEST, () => {
  it("moves a phase with Alt+↓ and its buttons, one undo step each, and resets to the lifecycle order", async () => {
    const { store } = await presentingTemplate();
    const user = userEvent.setup();
    const list = screen.getByRole("list", { name: "Presentation order" });
    const names = () =>
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.querySelector(".walk-order-name")?.textContent);
    const lifecycle = names();
    const [a, b, c] = lifecycle;

    within(list).getAllByRole("listitem")[0]?.focus();
    act(() => press("ArrowDown", { altKey: true }));
    expect(names().slice(0, 3)).toEqual([b, a, c]);
    expect(document.activeElement?.textContent).toContain(a);

    await user.click(screen.getByRole("button", { name: `Move ${a} down` }));
    expect(names().slice(0, 3)).toEqual([b, c, a]);

    await user.click(screen.getByRole("button", { name: "Reset to lifecycle order" }));
    expect(names()).toEqual(lifecycle);
    expect(store.getState().document?.presentation.walkOrder).toEqual([]);

    act(() => store.getState().undo());
    expect(names().slice(0, 3)).toEqual([b, c, a]);
    act(() => store.getState().undo());
    expect(names().slice(0, 3)).toEqual([b, a, c]);
  });
});

describe("the presentation camera", () => {
  it("zooms a phase step in far enough that every word on a card is at least 18 px, on any screen", () => {
    for (const width of [320, 800, 1280, 1920, 3840]) {
      const { scale } = focusCamera({ x: 0, y: 0, width: 220, height: 124 }, { width, height: width * 0.56 });
      for (const size of Object.values(CARD_TYPE)) expect(size * scale).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
  });

  it("calls type legible from 18 px on screen", () => {
    expect(isLegible(18, 1)).toBe(true);
    expect(isLegible(20, 0.85)).toBe(false);
  });
});
