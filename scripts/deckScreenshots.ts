// The README's two slides (part of `npm run screenshots`): the B2B template's deck as LibreOffice
// Impress shows it, 1280 px wide — the roadmap as native shapes, and the budget as native charts.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { convertDeckToPdf, renderPdfPages } from "../e2e/libreOffice";
import { planRoadmap } from "../shared/engine";
import { REPORT_SECTIONS } from "../shared/export/reportOptions";
import { buildSlideDeck } from "../shared/export/slides/slideDeck";
import { readDeck, type SlideReading } from "../shared/export/slides/testing/readDeck";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";

const OUT = "docs/screenshots";
const now = new Date("2027-01-15T09:00:00Z");
const roadmap = { ...createB2bSubscriptionRoadmap(now), preparedBy: "Ada Consultant" };
const bytes = await buildSlideDeck(roadmap, planRoadmap(roadmap), {
  sections: [...REPORT_SECTIONS],
  includeCosts: true,
  now,
});
const deck = await readDeck(bytes);
const folder = mkdtempSync(path.join(tmpdir(), "deck-screenshots-"));
try {
  const file = path.join(folder, "deck.pptx");
  writeFileSync(file, bytes);
  const { pdf, pages } = await convertDeckToPdf(file, folder);
  if (pages !== deck.slides.length) throw new Error(`LibreOffice made ${pages} pages of ${deck.slides.length} slides`);
  // Found by what they hold, whatever their sections title them.
  for (const [name, what, holds] of [
    ["deck-diagram", "glued connectors", (slide: SlideReading) => slide.connectors.length > 0],
    ["deck-budget", "a chart", (slide: SlideReading) => slide.charts.length > 0],
  ] as const) {
    const slide = deck.slides.find(holds);
    if (!slide) throw new Error(`the deck has no slide with ${what}`);
    const [png] = await renderPdfPages(pdf, path.join(folder, name), {
      first: slide.number,
      last: slide.number,
      width: 1280,
    });
    if (!png) throw new Error(`pdftoppm rendered no page ${slide.number}`);
    copyFileSync(png, path.join(OUT, `${name}.png`));
  }
  console.log(`Saved deck-diagram.png and deck-budget.png to ${OUT}/ (${pages} slides)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
