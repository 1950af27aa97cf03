import { mkdirSync, writeFileSync } from "node:fs";
import { convertDeckToPdf, renderPdfPages } from "../e2e/libreOffice";
import { planRoadmap } from "../shared/engine";
import { REPORT_SECTIONS } from "../shared/export/reportOptions";
import { buildSlideDeck } from "../shared/export/slides/slideDeck";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";

const includeCosts = process.argv[2] !== "nocosts";
const out = `/tmp/f-look-${includeCosts ? "costs" : "nocosts"}`;
mkdirSync(out, { recursive: true });
const now = new Date("2027-01-15T09:00:00Z");
const roadmap = { ...createB2bSubscriptionRoadmap(now), preparedBy: "Ada Consultant" };
const t0 = performance.now();
const bytes = await buildSlideDeck(roadmap, planRoadmap(roadmap), {
  sections: [...REPORT_SECTIONS],
  includeCosts,
  now,
});
const t1 = performance.now();
writeFileSync(`${out}/deck.pptx`, bytes);
const { pdf, pages } = await convertDeckToPdf(`${out}/deck.pptx`, out);
const t2 = performance.now();
await renderPdfPages(pdf, `${out}/p`, { width: 800 });
console.log(pages, "pages", (t1 - t0).toFixed(0), "ms build", (t2 - t1).toFixed(0), "ms soffice", bytes.byteLength);
