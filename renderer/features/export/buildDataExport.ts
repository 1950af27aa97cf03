import { planRoadmap } from "../../../shared/engine";
import { buildBudgetWorkbook } from "../../../shared/export/budgetWorkbook";
import { communicationPlanCsv } from "../../../shared/export/communicationPlanCsv";
import { communicationPlanCalendar } from "../../../shared/export/communicationPlanIcs";
import type { Roadmap } from "../../../shared/model";
import { err, ok, type Result } from "../../../shared/result";
import type { DataExportRequest } from "./exportFormats";

/** Plans the roadmap afresh and writes the export: the deck, workbook, plan or calendar someone opens next. */
export async function buildDataExport(
  roadmap: Roadmap,
  request: DataExportRequest,
  now: Date,
): Promise<string | Uint8Array> {
  const plan = planRoadmap(roadmap);
  switch (request.format) {
    case "pptx": {
      // pptxgenjs and jszip load on the first deck, inside this worker, so no other export waits for them.
      const { buildSlideDeck } = await import("../../../shared/export/slides/slideDeck");
      return buildSlideDeck(roadmap, plan, { ...request.options, now });
    }
    case "xlsx":
      return buildBudgetWorkbook(roadmap, plan, { now });
    case "csv":
      return communicationPlanCsv(roadmap, plan, { includeCosts: request.includeCosts ?? true });
    case "ics":
      return communicationPlanCalendar(roadmap, plan, {
        now,
        includeCosts: request.includeCosts ?? true,
        ...(request.ownerId ? { ownerId: request.ownerId } : {}),
      });
  }
}

/** The export, or why it could not be made: a worker's failure must come back as an answer, not vanish. */
export async function buildDataExportSafely(
  roadmap: Roadmap,
  request: DataExportRequest,
  now: Date,
): Promise<Result<string | Uint8Array, string>> {
  try {
    return ok(await buildDataExport(roadmap, request, now));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
