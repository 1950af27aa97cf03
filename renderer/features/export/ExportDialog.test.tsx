import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Roadmap } from "../../../shared/model";
import { alike, withWave } from "../../../shared/survey/testing/insightFixtures";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { ExportDialog } from "./ExportDialog";

async function openDialog(format: "pdf" | "ics" = "pdf") {
  return openDialogWith(format, true);
}

async function openDialogWith(
  format: "pdf" | "ics" | "xlsx" | "csv" | "svg",
  showCosts: boolean,
  change: (roadmap: Roadmap) => Roadmap = (roadmap) => roadmap,
) {
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme lifecycle", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  app.store.getState().edit(change);
  app.store.getState().openDialog({ kind: "export", format });
  render(
    <AppStoreProvider store={app.store}>
      <ExportDialog initialFormat={format} />
    </AppStoreProvider>,
  );
  return { ...app, user: userEvent.setup() };
}

describe("the Export dialog", () => {
  it("exports the report on the chosen paper with the chosen sections, then closes", async () => {
    const { user, pdfExports, store } = await openDialog();
    await user.selectOptions(screen.getByRole("combobox", { name: "Paper" }), "Letter");
    await user.click(screen.getByRole("checkbox", { name: "Communication calendar" }));
    await user.click(screen.getByRole("button", { name: "Export" }));

    await waitFor(() => expect(pdfExports).toHaveLength(1));
    expect(pdfExports[0]?.options.paperSize).toBe("Letter");
    expect(pdfExports[0]?.options.sections).not.toContain("calendar");
    expect(pdfExports[0]?.options.sections).toContain("budget");
    expect(pdfExports[0]?.options.includeAppendix).toBe(false);
    await waitFor(() => expect(store.getState().dialog).toBeNull());
  });

  it("adds the full detail appendix when asked", async () => {
    const { user, pdfExports } = await openDialog();
    const appendix = screen.getByRole("checkbox", { name: "Include full detail appendix" });
    expect(appendix).not.toBeChecked();
    await user.click(appendix);
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(pdfExports).toHaveLength(1));
    expect(pdfExports[0]?.options.includeAppendix).toBe(true);
  });

  it("takes the budget section out, and offers it no more, when costs are left out", async () => {
    const { user, pdfExports } = await openDialog();
    await user.click(screen.getByRole("checkbox", { name: "Include costs and the budget" }));
    const budget = screen.getByRole("checkbox", { name: "Budget tables and charts" });
    expect(budget).toBeDisabled();
    expect(budget).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(pdfExports).toHaveLength(1));
    expect(pdfExports[0]?.options.includeCosts).toBe(false);
  });

  it("will not export a report with no sections, and says why", async () => {
    const { user } = await openDialog();
    for (const box of screen.getAllByRole("checkbox").slice(1)) await user.click(box);
    expect(screen.getByText("Pick at least one section.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export" })).toBeDisabled();
  });

  it("counts a budget-only report with costs left out as one with no sections", async () => {
    const { user } = await openDialog();
    // Every section off but the budget; the first box is "Include costs".
    for (const box of screen.getAllByRole("checkbox").slice(1)) await user.click(box);
    await user.click(screen.getByRole("checkbox", { name: "Budget tables and charts" }));
    expect(screen.getByRole("button", { name: "Export" })).toBeEnabled();
    await user.click(screen.getByRole("checkbox", { name: "Include costs and the budget" }));
    expect(screen.getByText("Pick at least one section.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export" })).toBeDisabled();
  });

  it("does not offer the relationship strength page for a roadmap without survey answers", async () => {
    await openDialog();
    expect(screen.queryByRole("checkbox", { name: "Relationship strength (survey)" })).toBeNull();
  });

  it("prints the relationship strength page of a surveyed roadmap unless unticked", async () => {
    const surveyed = (roadmap: Roadmap) =>
      withWave(roadmap, alike(6, { phaseId: roadmap.phases[0]?.id ?? null, strength: 60 }));
    const { user, pdfExports } = await openDialogWith("pdf", true, surveyed);
    const rsi = screen.getByRole("checkbox", { name: "Relationship strength (survey)" });
    expect(rsi).toBeChecked();
    await user.click(rsi);
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(pdfExports).toHaveLength(1));
    expect(pdfExports[0]?.options.sections).not.toContain("rsi");
  });

  it("exports one owner's calendar when one is picked", async () => {
    const { user, saves, store } = await openDialog("ics");
    const owner = store.getState().document?.owners[1];
    await user.selectOptions(screen.getByRole("combobox", { name: "Whose sends" }), owner?.name ?? "");
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]?.suggestedName).toContain(owner?.name);
  });

  it("stays open with its choices when the export fails, so the user can try again", async () => {
    const { user, store, failNextSaves } = await openDialog();
    await user.click(screen.getByRole("radio", { name: /Communication plan/ }));
    failNextSaves("The folder no longer exists. Choose another place to save.");
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(store.getState().notices).toHaveLength(1));
    expect(store.getState().dialog).toEqual({ kind: "export", format: "pdf" });
    expect(screen.getByRole("radio", { name: /Communication plan/ })).toBeChecked();
    expect(screen.getByRole("button", { name: "Export" })).toBeEnabled();
  });
});

describe("the Export dialog while costs are hidden", () => {
  async function openHidden(format: "pdf" | "xlsx" | "csv" | "svg") {
    const app = await openDialogWith(format, false);
    return app;
  }

  it("starts the report without costs, and the budget section offered no more", async () => {
    const { user, pdfExports } = await openHidden("pdf");
    expect(screen.getByRole("checkbox", { name: "Include costs and the budget" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Budget tables and charts" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(pdfExports).toHaveLength(1));
    expect(pdfExports[0]?.options.includeCosts).toBe(false);
  });

  it("writes the communication plan without its cost column unless asked", async () => {
    const { user, saves } = await openHidden("csv");
    expect(screen.getByRole("checkbox", { name: "Include costs" })).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(String(saves[0]?.contents)).not.toContain("Cost (EUR)");
  });

  it("draws the diagram without money", async () => {
    const { user, saves } = await openHidden("svg");
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(String(saves[0]?.contents)).not.toMatch(/€/);
  });

  it("refuses the budget workbook and says how to get it", async () => {
    await openHidden("xlsx");
    expect(screen.getByText(/not exported while costs are hidden/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export" })).toBeDisabled();
  });
});

describe("the Export dialog while costs are shown", () => {
  it("includes them in the diagram", async () => {
    const { user, saves } = await openDialogWith("svg", true);
    expect(screen.getByRole("checkbox", { name: "Include costs" })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(String(saves[0]?.contents)).toMatch(/€/);
  });
});
