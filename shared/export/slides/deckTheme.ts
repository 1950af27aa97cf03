/**
 * The deck's page and type: 16:9 in inches (PowerPoint's "Widescreen"), Arial
 * for every text (every PowerPoint has it, and LibreOffice's Liberation Sans
 * has its metrics, so the widths `svgText` estimates hold in both).
 */
export const SLIDE = { width: 13.333, height: 7.5 } as const;

/** Where a slide's content goes, below its title and above its footer. */
export const SLIDE_BODY = { x: 0.5, y: 1.25, width: 12.333, height: 5.65 } as const;

export const SLIDE_TITLE = { x: 0.5, y: 0.35, width: 12.333, height: 0.75, fontPt: 26 } as const;

/** Tall enough for a line at its size with a text box's insets (`textHeight(1, 10)`), ending above the slide's edge. */
export const SLIDE_FOOTER = { x: 0.5, y: 7.0, width: 12.333, height: 0.4, fontPt: 10 } as const;

export const DECK_FONT = "Arial";

/** No table text is set smaller: a long table continues on the next slide instead. */
export const MIN_TABLE_FONT_PT = 12;

/** Body text: bullets, figures, labels. */
export const BODY_FONT_PT = 14;

/** The app's colours (renderer/styles/app.css), without the "#" pptxgenjs does not want. */
export const DECK_COLOURS = {
  ink: "1B2430",
  inkSoft: "4A5566",
  muted: "6B7686",
  line: "DFE3EA",
  accent: "1D3557",
  headerFill: "1D3557",
  headerText: "FFFFFF",
  zebra: "F4F6F9",
  transition: "7B8794",
  loop: "C0392B",
  unknownStage: "888888",
} as const;

export const POINTS_PER_INCH = 72;

/** A colour as pptxgenjs wants it: six hex digits, no "#"; anything unreadable falls back to grey. */
export function deckColour(cssColour: string): string {
  const hex = cssColour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{6}$/i.test(hex)) return hex.toUpperCase();
  if (/^[0-9a-f]{3}$/i.test(hex)) {
    return [...hex]
      .map((digit) => digit + digit)
      .join("")
      .toUpperCase();
  }
  return DECK_COLOURS.unknownStage;
}
