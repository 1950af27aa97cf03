import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { SECTION_TITLES } from "../../../shared/export/slides/slideDeck";
import { expectedAgenda } from "../../../shared/export/slides/testing/deckOf";
import { readDeck } from "../../../shared/export/slides/testing/readDeck";
import type { SaveFileRequest } from "../../../shared/ipc/contract";
import type { Roadmap } from "../../../shared/model";
import { err, type Result } from "../../../shared/result";
import { alike, withWave } from "../../../shared/survey/testing/insightFixtures";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { ExportDialog } from "./ExportDialog";
import type { ExportFormat } from "./exportFormats";
import type { ExportService } from "./exportService";

async function openDialog(format: "pdf" | "ics" = "pdf") {
  return openDialogWith(format, true);
}

async function openDialogWith(
  format: ExportFormat,
  showCosts: boolean,
  change: (roadmap: Roadmap) => Roadmap = (roadmap) => roadmap,
  exporter?: ExportService,
) {
  const app = createTestApp(undefined, exporter ? { exporter } : {});
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

/** The sections' titles on a saved deck's agenda slide. */
async function agendaOf(save: SaveFileRequest | undefined): Promise<string[]> {
  if (!(save?.contents instanceof Uint8Array)) throw new Error("the deck should be saved as bytes");
  const deck = await readDeck(save.contents);
  return deck.slides[1]?.shapes.find((shape) => shape.name === "Agenda")?.paragraphs ?? [];
}

function openDocument(roadmap: Roadmap | null): Roadmap {
  if (!roadmap) throw new Error("a roadmap should be open");
  return roadmap;
}

describe("the Export dialog's slide deck", () => {
  it("offers the report's sections and costs switch, keeps the picks made for the report, and saves a .pptx", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const { user, saves, store, pdfExports } = await openDialog();
    await user.click(screen.getByRole("checkbox", { name: "Communication calendar" }));
    await user.click(screen.getByRole("radio", { name: /Slide deck \(PowerPoint\)/ }));

    // Paper and appendix are the PDF's own; the picker is the same one, with the same picks.
    expect(screen.queryByRole("combobox", { name: "Paper" })).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "Include full detail appendix" })).toBeNull();
    expect(screen.getByRole("checkbox", { name: "Communication calendar" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Budget tables and charts" })).toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: "Contact-pressure heatmap" }));
    await user.click(screen.getByRole("button", { name: "Export" }));

    await waitFor(() => expect(saves).toHaveLength(1));
    expect(pdfExports).toHaveLength(0);
    expect(saves[0]).toMatchObject({ kind: "pptx", suggestedName: "Acme lifecycle – slides", handle: null });
    const picked = store.getState().reportOptions.sections;
    expect(picked).not.toContain("calendar");
    expect(picked).not.toContain("pressure");
    expect(await agendaOf(saves[0])).toEqual(expectedAgenda(openDocument(store.getState().document), picked, true));
    expect(await agendaOf(saves[0])).toContain(SECTION_TITLES.budget);
    await waitFor(() => expect(store.getState().dialog).toBeNull());
    expect(store.getState().notices.at(-1)?.message).toBe("Exported the Slide deck (PowerPoint) to saved.roadmap.");
  });

  it("starts without costs while they are hidden, and leaves the budget out of the deck", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const { user, saves, store } = await openDialogWith("pptx", false);
    expect(screen.getByRole("checkbox", { name: "Include costs and the budget" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Budget tables and charts" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    const agenda = await agendaOf(saves[0]);
    expect(agenda).toEqual(
      expectedAgenda(openDocument(store.getState().document), store.getState().reportOptions.sections, false),
    );
    expect(agenda).not.toContain(SECTION_TITLES.budget);
    expect(agenda.length).toBeGreaterThan(0);
  });

  it("will not build a deck with no sections, and says why", async () => {
    const { user } = await openDialogWith("pptx", true);
    for (const box of screen.getAllByRole("checkbox").slice(1)) await user.click(box);
    expect(screen.getByText("Pick at least one section.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export" })).toBeDisabled();
  });

  it("shows the deck being built, with nothing to click, then says why it failed and stays open", async () => {
    let finish: (result: Result<string | Uint8Array, string>) => void = () => {};
    const requests: unknown[] = [];
    const exporter: ExportService = {
      build: (_roadmap, request) => {
        requests.push(request);
        return new Promise((resolve) => {
          finish = resolve;
        });
      },
    };
    const { user, store, saves } = await openDialogWith("pptx", true, (roadmap) => roadmap, exporter);
    await user.click(screen.getByRole("button", { name: "Export" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Building the slides…");
    expect(screen.getByRole("button", { name: "Exporting…" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    expect(screen.getByRole("radio", { name: /Slide deck/ })).toBeDisabled();
    expect(requests).toEqual([
      { format: "pptx", options: { sections: store.getState().reportOptions.sections, includeCosts: true } },
    ]);

    finish(err("the deck ran out of memory"));
    await waitFor(() => expect(store.getState().exporting).toBeNull());
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      message: "The Slide deck (PowerPoint) could not be exported: the deck ran out of memory",
    });
    expect(saves).toEqual([]);
    expect(store.getState().dialog).toEqual({ kind: "export", format: "pptx" });
    expect(screen.getByRole("button", { name: "Export" })).toBeEnabled();
    expect(screen.queryByRole("status")).toBeNull();
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
