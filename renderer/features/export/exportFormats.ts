import type { ReportOptions } from "../../../shared/export/reportOptions";
import type { FileKind } from "../../../shared/ipc/contract";

/** Everything the Export dialog offers, in the order it lists them. */
export const EXPORT_FORMATS = [
  "pdf",
  "pptx",
  "xlsx",
  "csv",
  "ics",
  "svg",
  "png",
] as const satisfies readonly FileKind[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_DETAILS: Record<ExportFormat, { label: string; description: string }> = {
  pdf: { label: "Executive report (PDF)", description: "Cover, summary, diagram, phases, budget, calendar and more." },
  pptx: {
    label: "Slide deck (PowerPoint)",
    description: "The report's sections as slides to keep editing: native shapes, tables and charts, with notes.",
  },
  xlsx: {
    label: "Budget workbook (Excel)",
    description: "Live formulas over the assumptions: change a cost and the totals move.",
  },
  csv: {
    label: "Communication plan (CSV)",
    description: "One row per send: date, phase, channel, owner, reach, cost.",
  },
  ics: { label: "Communication calendar (iCalendar)", description: "Every send as an event, for all owners or one." },
  svg: { label: "Roadmap diagram (SVG)", description: "The canvas as a vector drawing, sharp at any size." },
  png: { label: "Roadmap diagram (PNG)", description: "The canvas as an image at twice screen size, for slides." },
};

/** Whether an export shows what things cost; left out, it follows the user's "Show costs" setting. */
interface CostChoice {
  includeCosts?: boolean;
}

/** What the deck shows: the report's own section picker and costs switch, so one choice serves both. */
export type SlideDeckChoice = Pick<ReportOptions, "sections" | "includeCosts">;

export type ExportRequest =
  | { format: "pdf"; options: ReportOptions }
  | { format: "pptx"; options: SlideDeckChoice }
  | { format: "xlsx" }
  | ({ format: "csv" } & CostChoice)
  | ({ format: "ics"; ownerId: string | null } & CostChoice)
  | ({ format: "svg" } & CostChoice)
  | ({ format: "png" } & CostChoice);

/** The budget workbook is nothing but costs and values: it is not made while costs are hidden. */
export const WORKBOOK_NEEDS_COSTS =
  "The budget workbook is all costs and values, so it is not exported while costs are hidden. Turn on “Show costs” in the View menu to export it.";

/** The exports built from the plan's numbers, off the UI thread. */
export type DataExportRequest = Extract<ExportRequest, { format: "pptx" | "xlsx" | "csv" | "ics" }>;
