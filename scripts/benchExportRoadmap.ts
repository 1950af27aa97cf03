// The roadmap `npm run bench:export` exports, and the bare workbook it is measured against: shared by the bench
// and by the small processes that build one workbook or one deck, which load nothing else so their peak memory
// is the build's.
import type { Roadmap } from "../shared/model";
import { generateRoadmap } from "../shared/model/testing/generateRoadmap";

/** The size of the targets: far beyond a workshop roadmap, as in the engine benchmark. */
export const roadmap: Roadmap = {
  ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
  horizonMonths: 60,
};

export const now = new Date("2026-11-23T12:00:00Z");

/**
 * Exceljs writing about as many cells as our workbook holds (a reach and a cost cell per send, a row of
 * some 17 inputs and figures per communication), as plain numbers: no formulas, styles or sheets of ours.
 */
export const BARE_WORKBOOK_COLUMNS = 20;
export const bareWorkbookRows = (sends: number) =>
  Math.round((2 * sends + 17 * roadmap.communications.length) / BARE_WORKBOOK_COLUMNS);

export async function bareWorkbook(rows: number, columns: number): Promise<Uint8Array> {
  // Loaded here, not on import, so the deck's build process (scripts/benchDeck.ts) does not carry exceljs.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (let r = 0; r < rows; r++) sheet.addRow(Array.from({ length: columns }, (_, c) => r * columns + c));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
