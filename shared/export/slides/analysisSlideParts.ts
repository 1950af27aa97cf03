import type PptxGenJS from "pptxgenjs";
import { mentionsMoney } from "../optimisationRows";
import { clipText } from "../reportLayout";
import { BODY_FONT_PT, DECK_COLOURS, DECK_FONT } from "./deckTheme";
import { fitText, type SlideBox, textHeight, textStyle } from "./slideFrame";

/**
 * Words that say what something costs. With costs hidden the analysis slides
 * leave out any text of the engine's that uses one (a setting, a reason, a
 * constraint), as they leave out amounts: the audience must not see money.
 */
const COST_WORDS = /\b(costs?|costing|budgets?|spend|spent|ROI|price[sd]?)\b/i;

/** Whether a sentence is about money: names an amount in `currency` or uses a word of cost. */
export function aboutMoney(text: string, currency: string): boolean {
  return COST_WORDS.test(text) || mentionsMoney(text, currency);
}

const BULLET_INDENT = 0.3;
const BULLET_SPACE_PT = 4;

/**
 * Of `items`, those that fit whole in `box` as a bulleted list at `fontPt`
 * (each wrapped to the box's width), in order: the caller writes them with
 * `addBullets` and says in the notes how many more the app lists.
 */
export function fitBullets(items: readonly string[], box: Pick<SlideBox, "width" | "height">, fontPt = BODY_FONT_PT) {
  const width = { width: box.width - BULLET_INDENT, height: box.height };
  const fitting: string[] = [];
  let lines = 0;
  for (const item of items) {
    const wrapped = fitText(item, width, fontPt);
    if (textHeight(lines + wrapped.length, fontPt) + (fitting.length * BULLET_SPACE_PT) / 72 > box.height) break;
    lines += wrapped.length;
    fitting.push(wrapped.join(" "));
  }
  return fitting;
}

/** Bullets `fitBullets` kept, in `box`. */
export function addBullets(
  slide: PptxGenJS.Slide,
  bullets: readonly string[],
  box: SlideBox,
  name: string,
  fontPt = BODY_FONT_PT,
): void {
  if (bullets.length === 0) return;
  slide.addText(
    bullets.map((text) => ({ text, options: { bullet: { indent: BULLET_INDENT * 72 }, breakLine: true } })),
    {
      ...textStyle(fontPt),
      x: box.x,
      y: box.y,
      w: box.width,
      h: box.height,
      valign: "top",
      paraSpaceAfter: BULLET_SPACE_PT,
      objectName: name,
    },
  );
}

/** A line of explanation above a table or chart, wrapped to `lines` lines of body text. */
export function addCaption(slide: PptxGenJS.Slide, text: string, box: SlideBox, name: string): void {
  slide.addText(fitText(text, box, BODY_FONT_PT).join("\n"), {
    ...textStyle(BODY_FONT_PT, { color: DECK_COLOURS.inkSoft }),
    x: box.x,
    y: box.y,
    w: box.width,
    h: box.height,
    valign: "top",
    objectName: name,
  });
}

/**
 * Characters of a series' name in a chart's legend: the chart lays its legend
 * out itself, in no box `fitText` could measure, so a long name is cut.
 */
const LEGEND_CHARS = 40;

/** A series' name as the legend shows it. */
export function legendName(name: string): string {
  return clipText(name, LEGEND_CHARS);
}

/** Every text of a native chart in the deck's font, at sizes a room can read. */
export function chartText(fontPt: number): PptxGenJS.IChartOpts {
  return {
    catAxisLabelFontFace: DECK_FONT,
    catAxisLabelFontSize: fontPt,
    catAxisTitleFontFace: DECK_FONT,
    catAxisTitleFontSize: fontPt,
    valAxisLabelFontFace: DECK_FONT,
    valAxisLabelFontSize: fontPt,
    valAxisTitleFontFace: DECK_FONT,
    valAxisTitleFontSize: fontPt,
    legendFontFace: DECK_FONT,
    legendFontSize: fontPt,
    titleFontFace: DECK_FONT,
    dataLabelFontFace: DECK_FONT,
    catAxisLabelColor: DECK_COLOURS.ink,
    valAxisLabelColor: DECK_COLOURS.ink,
  };
}
