import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../app/commands";
import { renderApp } from "../../test/renderApp";

async function appWithRoadmapOpen() {
  const app = await renderApp();
  await act(async () => {
    const state = app.store.getState();
    const id = await state.createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
    await state.openRoadmap(id);
  });
  await screen.findByRole("application", { name: /Roadmap canvas/ });
  return { ...app, user: userEvent.setup() };
}

describe("opening the import wizard", () => {
  it("runs from the commands, each for its kind, and only with a roadmap open", async () => {
    const app = await renderApp();
    act(() => runCommand("import.surveyAnswers", app.store.getState()));
    expect(app.store.getState().dialog).toBeNull();
    await act(async () => {
      const state = app.store.getState();
      await state.openRoadmap(await state.createRoadmap({ name: "Acme", client: "Acme", templateId: null }));
    });
    act(() => runCommand("import.surveyAnswers", app.store.getState()));
    expect(await screen.findByRole("dialog", { name: "Import survey answers" })).toBeInTheDocument();
    act(() => app.store.getState().closeDialog());
    act(() => runCommand("import.inventory", app.store.getState()));
    expect(await screen.findByRole("dialog", { name: "Import communications" })).toBeInTheDocument();
  });

  it("reads a file handed to it (the Survey tab's sample answers) straight away", async () => {
    const app = await appWithRoadmapOpen();
    const bytes = new TextEncoder().encode("Phase,trust-1\nTrial,4\n");
    act(() => app.store.getState().openImportWizard("survey", { name: "sample.csv", bytes }));
    const dialog = await screen.findByRole("dialog", { name: "Import survey answers" });
    expect(await within(dialog).findByRole("heading", { name: "What each column holds" })).toBeInTheDocument();
    expect(within(dialog).getByText(/sample\.csv: 1 row\./)).toBeInTheDocument();
  });

  it("asks what a spreadsheet dropped on the open roadmap holds, then imports it as that", async () => {
    const app = await appWithRoadmapOpen();
    const file = new File(["Communication;Phase\nWelcome call;Trial\n"], "inventory.csv", { type: "text/csv" });
    fireEvent.drop(document.querySelector(".app") as Element, {
      dataTransfer: { types: ["Files"], files: [file] },
    });
    const question = await screen.findByRole("dialog", { name: "Import inventory.csv" });
    await app.user.click(within(question).getByRole("button", { name: "Communications" }));
    const dialog = await screen.findByRole("dialog", { name: "Import communications" });
    expect(await within(dialog).findByRole("heading", { name: "What each column holds" })).toBeInTheDocument();
    expect(app.store.getState().summaries.map((s) => s.name)).toEqual(["Acme"]);
  });
});
