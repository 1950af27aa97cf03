// One workbook build of `npm run bench:export` in a fresh process (`ours` or `bare`): it loads only the
// engine, the workbook builder and exceljs, so its peak resident memory is what the build needs on top of them.
import { planRoadmap } from "../shared/engine";
import { buildBudgetWorkbook } from "../shared/export/budgetWorkbook";
import { BARE_WORKBOOK_COLUMNS, bareWorkbook, bareWorkbookRows, now, roadmap } from "./benchExportRoadmap";

const plan = planRoadmap(roadmap);
const before = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
const bytes =
  process.argv[2] === "ours"
    ? await buildBudgetWorkbook(roadmap, plan, { now })
    : await bareWorkbook(bareWorkbookRows(plan.budget.sends), BARE_WORKBOOK_COLUMNS);
const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms, bytes: bytes.byteLength, peakMb, buildMb: peakMb - before }));
