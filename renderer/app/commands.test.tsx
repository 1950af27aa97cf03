import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseShortcut } from "../../shared/commands/shortcuts";
import { createScenario } from "../features/scenarios/scenarioActions";
import { renderApp } from "../test/renderApp";
import { COMMANDS, type CommandId, findCommand } from "./commands";

afterEach(() => vi.restoreAllMocks());

/**
 * The app in the editor, in a state where every command applies: a roadmap
 * with phases, one phase selected, something to undo and something to redo,
 * and a scenario besides the base plan, shown.
 */
async function editorWhereEverythingApplies() {
  const user = userEvent.setup();
  const app = await renderApp();
  await act(async () => {
    const state = app.store.getState();
    const id = await state.createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
    await state.openRoadmap(id);
  });
  act(() => {
    const state = app.store.getState();
    createScenario(state, "Lean", false);
    state.edit((roadmap) => ({ ...roadmap, name: "Acme lifecycle" }));
    state.edit((roadmap) => ({ ...roadmap, name: "Acme lifecycle 2027" }));
    state.undo();
    const firstPhase = app.store.getState().document?.phases[0]?.id ?? "";
    state.select({ phaseIds: [firstPhase], transitionIds: [] });
  });
  const canvas = await screen.findByRole("application", { name: /Roadmap canvas/ });
  return { ...app, user, canvas };
}

/** Replaces a command's effect with a spy, to see that a way of invoking it reaches it. */
function spyOnPerform(id: CommandId) {
  return vi.spyOn(findCommand(id), "perform").mockImplementation(() => {});
}

/** A key press as a browser sends it; `key` is what the layout types, which shortcuts ignore. */
function pressShortcut(target: Element, shortcut: string, key?: string) {
  const { mod, shift, alt, code } = parseShortcut(shortcut);
  fireEvent.keyDown(target, { code, key: key ?? code, ctrlKey: mod, shiftKey: shift, altKey: alt });
}

// Each test renders the whole app and opens a roadmap: about a second alone, several on a busy machine.
const APP_TEST = { timeout: 30_000 };

const paletteCommands = COMMANDS.filter((command) => command.id !== "view.commandPalette");

/** Commands that apply only while the optimiser runs, when running it again does not. */
const WHILE_OPTIMISING: readonly CommandId[] = ["optimise.cancel"];

describe("every command in the registry", APP_TEST, () => {
  it.each(paletteCommands.map((command) => [command.id, command.label]))(
    "%s is found in the palette by its label “%s” and runs on Enter",
    async (id, label) => {
      const { store, user } = await editorWhereEverythingApplies();
      if (WHILE_OPTIMISING.includes(id))
        act(() => store.setState({ optimiser: { ...store.getState().optimiser, status: "running" } }));
      expect(findCommand(id).isEnabled(store.getState())).toBe(true);
      const perform = spyOnPerform(id);

      await user.keyboard("{Control>}k{/Control}");
      const palette = screen.getByRole("dialog", { name: "Command palette" });
      await user.type(within(palette).getByRole("combobox"), label);
      expect(within(palette).getAllByRole("option")[0]).toHaveTextContent(label);
      await user.keyboard("{Enter}");

      expect(perform).toHaveBeenCalledOnce();
      expect(palette).not.toBeInTheDocument();
    },
  );

  const withShortcuts = COMMANDS.flatMap((command) =>
    (command.shortcuts ?? []).map((shortcut) => [command.id, shortcut, command.shortcutScope ?? "window"] as const),
  );

  it.each(withShortcuts)("%s runs on %s (keys acting in the %s)", async (id, shortcut, scope) => {
    const { canvas } = await editorWhereEverythingApplies();
    const perform = spyOnPerform(id);
    if (scope === "canvas") canvas.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
    pressShortcut(scope === "canvas" ? canvas : document.body, shortcut);
    expect(perform).toHaveBeenCalledOnce();
  });
});

describe("shortcuts", APP_TEST, () => {
  it.each([
    ["a US keyboard", ")"],
    ["a German keyboard", "="],
  ])("Ctrl+Shift+0 is actual size on %s, where the key types %s", async (_, key) => {
    await editorWhereEverythingApplies();
    const perform = spyOnPerform("canvas.actualSize");
    pressShortcut(document.body, "Mod+Shift+0", key);
    expect(perform).toHaveBeenCalledOnce();
  });

  it("Ctrl+I imports and Ctrl+W closes the roadmap", async () => {
    const { store, queueOpen } = await editorWhereEverythingApplies();
    queueOpen({ canceled: true });
    const importFromDisk = vi.spyOn(store.getState(), "importFromDisk");
    pressShortcut(document.body, "Mod+I", "i");
    expect(importFromDisk).toHaveBeenCalledExactlyOnceWith({ open: false });

    pressShortcut(document.body, "Mod+W", "w");
    await waitFor(() => expect(store.getState().screen.kind).toBe("home"));
  });

  it("leave a text field its typing, undo and select-all, but still save from it", async () => {
    const { user } = await editorWhereEverythingApplies();
    const remove = spyOnPerform("canvas.delete");
    const undo = spyOnPerform("edit.undo");
    const selectAll = spyOnPerform("edit.selectAll");
    const save = spyOnPerform("file.save");
    const field = screen.getAllByRole("textbox")[0];
    if (!field) throw new Error("no text field in the editor");
    await user.click(field);

    for (const shortcut of ["Delete", "Backspace", "Mod+Z", "Mod+A", "F2"]) pressShortcut(field, shortcut);
    expect(remove).not.toHaveBeenCalled();
    expect(undo).not.toHaveBeenCalled();
    expect(selectAll).not.toHaveBeenCalled();

    pressShortcut(field, "Mod+S");
    expect(save).toHaveBeenCalledOnce();
  });

  it("present from a text field on F5, which types nothing (the browser would reload the page)", async () => {
    const { user } = await editorWhereEverythingApplies();
    const present = spyOnPerform("view.present");
    const field = screen.getAllByRole("textbox")[0];
    if (!field) throw new Error("no text field in the editor");
    await user.click(field);
    pressShortcut(field, "F5");
    expect(present).toHaveBeenCalledOnce();
  });

  it("Delete and F2 act only while the canvas has the keyboard", async () => {
    const { user } = await editorWhereEverythingApplies();
    const remove = spyOnPerform("canvas.delete");
    const rename = spyOnPerform("canvas.rename");
    const tab = screen.getByRole("tab", { name: "Outline" });
    await user.click(tab);
    pressShortcut(tab, "Delete");
    pressShortcut(tab, "F2");
    expect(remove).not.toHaveBeenCalled();
    expect(rename).not.toHaveBeenCalled();
  });

  it("do nothing while a dialog is open: its keys are its own", async () => {
    const { store } = await editorWhereEverythingApplies();
    const fit = spyOnPerform("canvas.zoomToFit");
    act(() => store.getState().openDialog({ kind: "about" }));
    pressShortcut(screen.getByRole("dialog"), "Mod+Shift+F");
    expect(fit).not.toHaveBeenCalled();
  });
});

describe("the command palette", APP_TEST, () => {
  it("opens from the top bar, closes with Escape and gives the keyboard back", async () => {
    const { user } = await editorWhereEverythingApplies();
    const button = screen.getByRole("button", { name: "Commands" });
    await user.click(button);
    const palette = screen.getByRole("dialog", { name: "Command palette" });
    expect(within(palette).getByRole("combobox")).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(palette).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it("finds commands by a few letters of their name and shows their shortcuts", async () => {
    const { user } = await editorWhereEverythingApplies();
    await user.keyboard("{Control>}k{/Control}");
    const palette = screen.getByRole("dialog", { name: "Command palette" });
    await user.type(within(palette).getByRole("combobox"), "zm fit");
    expect(within(palette).getAllByRole("option")[0]).toHaveTextContent("Zoom to fitCtrl+Shift+F");
    await user.clear(within(palette).getByRole("combobox"));
    await user.type(within(palette).getByRole("combobox"), "actual size");
    expect(within(palette).getAllByRole("option")[0]).toHaveTextContent("Zoom to 100 %Ctrl+Shift+0");
  });

  it("offers only what applies now: no Save without a roadmap", async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.keyboard("{Control>}k{/Control}");
    const palette = screen.getByRole("dialog", { name: "Command palette" });
    const offered = within(palette)
      .getAllByRole("option")
      .map((option) => option.textContent);
    expect(offered).toContain("New roadmap…Ctrl+N");
    expect(offered).toContain("Import .roadmap…Ctrl+I");
    expect(offered.some((text) => text?.startsWith("Save"))).toBe(false);
    expect(offered.some((text) => text?.startsWith("Undo"))).toBe(false);
  });

  it("turns Show costs off and on, saying which it is, and the top bar's switch follows", async () => {
    const { store, user } = await editorWhereEverythingApplies();
    const topBarSwitch = screen.getByRole("checkbox", { name: "Show costs" });
    expect(topBarSwitch).toBeChecked();
    await user.keyboard("{Control>}k{/Control}");
    let palette = screen.getByRole("dialog", { name: "Command palette" });
    await user.type(within(palette).getByRole("combobox"), "hide costs");
    expect(within(palette).getAllByRole("option")[0]).toHaveTextContent("Show costsOnCtrl+Shift+M");
    await user.keyboard("{Enter}");
    expect(store.getState().preferences.showCosts).toBe(false);
    expect(topBarSwitch).not.toBeChecked();
    await user.keyboard("{Control>}k{/Control}");
    palette = screen.getByRole("dialog", { name: "Command palette" });
    await user.type(within(palette).getByRole("combobox"), "show costs");
    expect(within(palette).getAllByRole("option")[0]).toHaveTextContent("Show costsOff");
    await user.keyboard("{Escape}");
    await user.click(topBarSwitch);
    expect(store.getState().preferences.showCosts).toBe(true);
  });

  it("adds a phase, with nothing mocked", async () => {
    const { store, user } = await editorWhereEverythingApplies();
    const before = store.getState().document?.phases.length ?? 0;
    await user.keyboard("{Control>}k{/Control}");
    const palette = screen.getByRole("dialog", { name: "Command palette" });
    await user.type(within(palette).getByRole("combobox"), "add phase{Enter}");
    expect(store.getState().document?.phases).toHaveLength(before + 1);
  });
});
