import { describe, expect, it } from "vitest";
import { defaultReportOptions, REPORT_SECTIONS } from "../../../shared/export/reportOptions";
import { asIsAndToBeRoadmap } from "../../../shared/export/testing/scenarioRoadmaps";
import { type Roadmap, readRoadmapFile, scenarioAsBase } from "../../../shared/model";
import { createTestApp } from "../../test/fakes";
import type { DataExportRequest } from "./exportFormats";
import { createInProcessExportService, type ExportService } from "./exportService";

async function openTemplate(exporter?: ExportService) {
  const app = createTestApp(undefined, exporter ? { exporter } : {});
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme lifecycle", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  return app;
}

describe("exporting the open roadmap", () => {
  it("hands the report's printer the roadmap as its file text and the chosen options, and remembers them", async () => {
    const app = await openTemplate();
    const options = {
      paperSize: "Letter" as const,
      includeCosts: false,
      includeAppendix: true,
      sections: ["summary" as const, "kpis" as const],
      offeredSections: [...REPORT_SECTIONS],
    };
    expect(await app.store.getState().exportDocument({ format: "pdf", options })).toBe(true);

    const [request] = app.pdfExports;
    expect(request?.options).toEqual(options);
    expect(request?.suggestedName).toBe("Acme lifecycle – report");
    const read = readRoadmapFile("report", request?.roadmapText ?? "");
    expect(read.ok && read.value.roadmap).toEqual(app.store.getState().document);
    expect(app.store.getState().reportOptions).toEqual(options);
    expect(await app.repository.getSetting("reportOptions")).toEqual(options);
    expect(app.store.getState().notices.at(-1)?.message).toMatch(/Exported the Executive report/);
  });

  it("saves the workbook's bytes, the plan's CSV and one owner's calendar under names that say what they are", async () => {
    const app = await openTemplate();
    const owner = app.store.getState().document?.owners[0];
    await app.store.getState().exportDocument({ format: "xlsx" });
    await app.store.getState().exportDocument({ format: "csv" });
    await app.store.getState().exportDocument({ format: "ics", ownerId: owner?.id ?? null });
    const [xlsx, csv, ics] = app.saves;
    expect(xlsx?.kind).toBe("xlsx");
    const bytes = xlsx?.contents;
    if (!(bytes instanceof Uint8Array)) throw new Error("the workbook should be bytes");
    expect(String.fromCharCode(...bytes.subarray(0, 2))).toBe("PK");
    expect(csv).toMatchObject({ kind: "csv", suggestedName: "Acme lifecycle – communication plan", handle: null });
    expect(String(csv?.contents).startsWith("\uFEFFDate,")).toBe(true);
    expect(ics).toMatchObject({ kind: "ics", suggestedName: `Acme lifecycle – calendar – ${owner?.name}` });
    expect(String(ics?.contents)).toContain("BEGIN:VCALENDAR");
  });

  it("builds the deck of the scenario on screen, with the picked sections, and keeps the picks for the report", async () => {
    const built: { roadmap: Roadmap; request: DataExportRequest }[] = [];
    const inProcess = createInProcessExportService();
    const app = await openTemplate({
      build: (roadmap, request, now) => {
        built.push({ roadmap, request });
        return inProcess.build(roadmap, request, now);
      },
    });
    const { scenarios } = asIsAndToBeRoadmap();
    app.store.getState().edit((doc) => ({ ...doc, scenarios }), { document: { showScenario: "as-is" } });
    const document = app.store.getState().document as Roadmap;
    const options = { sections: ["summary" as const, "phases" as const], includeCosts: false };

    expect(await app.store.getState().exportDocument({ format: "pptx", options })).toBe(true);

    const shown = scenarioAsBase(document, "as-is");
    expect(shown.baseScenario.name).toBe("As-is");
    expect(shown.baseScenario.excludedCommunicationIds.length).toBeGreaterThan(0);
    expect(built).toEqual([{ roadmap: shown, request: { format: "pptx", options } }]);
    const [deck] = app.saves;
    expect(deck).toMatchObject({ kind: "pptx", suggestedName: "Acme lifecycle – slides", handle: null });
    const bytes = deck?.contents;
    if (!(bytes instanceof Uint8Array)) throw new Error("the deck should be bytes");
    expect(String.fromCharCode(...bytes.subarray(0, 2))).toBe("PK");
    const remembered = { ...defaultReportOptions(), ...options };
    expect(app.store.getState().reportOptions).toEqual(remembered);
    expect(await app.repository.getSetting("reportOptions")).toEqual(remembered);
    expect(app.store.getState().lastExportFormat).toBe("pptx");
    expect(app.store.getState().notices.at(-1)?.message).toBe("Exported the Slide deck (PowerPoint) to saved.roadmap.");
  });

  it("says why the deck could not be built and saves nothing", async () => {
    const app = await openTemplate({
      build: async () => ({ ok: false, error: "pptxgenjs could not write the chart of slide 7" }),
    });
    const exported = await app.store
      .getState()
      .exportDocument({ format: "pptx", options: { sections: ["budget"], includeCosts: true } });
    expect(exported).toBe(false);
    expect(app.saves).toEqual([]);
    expect(app.store.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      message: "The Slide deck (PowerPoint) could not be exported: pptxgenjs could not write the chart of slide 7",
    });
    expect(app.store.getState().exporting).toBeNull();
  });

  it("saves the diagram as SVG with the roadmap's phases in it", async () => {
    const app = await openTemplate();
    await app.store.getState().exportDocument({ format: "svg" });
    const svg = String(app.saves[0]?.contents);
    for (const phase of app.store.getState().document?.phases ?? []) expect(svg).toContain(phase.name);
  });

  it("says plainly why an export failed, and leaves the roadmap as it was", async () => {
    const app = await openTemplate();
    const before = app.store.getState().document;
    app.failNextSaves("You don't have permission to save there. Choose another folder.");
    expect(await app.store.getState().exportDocument({ format: "csv" })).toBe(false);
    expect(app.store.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      message:
        "The Communication plan (CSV) could not be exported: You don't have permission to save there. Choose another folder.",
    });
    expect(app.store.getState().document).toBe(before);
    expect(app.store.getState().exporting).toBeNull();
  });

  it("reports nothing when the user cancels the save dialog", async () => {
    const app = await openTemplate();
    app.cancelNextSaves();
    expect(await app.store.getState().exportDocument({ format: "pdf", options: defaultReportOptions() })).toBe(false);
    expect(app.store.getState().notices).toEqual([]);
  });

  it("forgets stored report options that no longer make sense, instead of failing", async () => {
    const app = createTestApp();
    await app.repository.setSetting("reportOptions", { paperSize: "A3", sections: ["everything"] });
    await app.store.getState().loadExportSettings();
    expect(app.store.getState().reportOptions).toEqual(defaultReportOptions());
  });

  it("ticks a section added to the report since the options were saved, and keeps the user's own choices", async () => {
    const app = createTestApp();
    // Saved before the open-questions page existed: no record of what was offered, the KPIs unticked.
    const saved = {
      paperSize: "Letter",
      includeCosts: true,
      includeAppendix: false,
      sections: ["summary", "diagram", "phases", "budget", "calendar", "pressure", "assumptions"],
    };
    await app.repository.setSetting("reportOptions", saved);
    await app.store.getState().loadExportSettings();
    const { sections, paperSize } = app.store.getState().reportOptions;
    expect(paperSize).toBe("Letter");
    expect(sections).toContain("openQuestions");
    expect(sections).not.toContain("kpis");

    // Unticked after it was offered, it stays unticked.
    const chosen = { ...app.store.getState().reportOptions, sections: sections.filter((s) => s !== "openQuestions") };
    await app.repository.setSetting("reportOptions", chosen);
    await app.store.getState().loadExportSettings();
    expect(app.store.getState().reportOptions.sections).not.toContain("openQuestions");
    expect(app.store.getState().reportOptions.offeredSections).toEqual([...REPORT_SECTIONS]);
  });
});
