import { planRoadmap } from "../../../shared/engine";
import { buildBudgetWorkbook } from "../../../shared/export/budgetWorkbook";
import { communicationPlanCsv } from "../../../shared/export/communicationPlanCsv";
import { communicationPlanCalendar } from "../../../shared/export/communicationPlanIcs";
import type { Roadmap } from "../../../shared/model";
import type { DataExportRequest } from "./exportFormats";

/** Plans the roadmap afresh and writes the export: the file a finance team or a calendar reads. */
export async function buildDataExport(
  roadmap: Roadmap,
  request: DataExportRequest,
  now: Date,
): Promise<string | Uint8Array> {
  const plan = planRoadmap(roadmap);
  switch (request.format) {
    case "xlsx":
      return buildBudgetWorkbook(roadmap, plan, { now });
    case "csv":
      return communicationPlanCsv(roadmap, plan);
    case "ics":
      return communicationPlanCalendar(roadmap, plan, {
        now,
        ...(request.ownerId ? { ownerId: request.ownerId } : {}),
      });
  }
}
