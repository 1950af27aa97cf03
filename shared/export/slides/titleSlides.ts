import type { DeckContext } from "./deckContext";
import { BODY_FONT_PT, DECK_COLOURS, SLIDE, SLIDE_BODY } from "./deckTheme";
import { addContentSlide, fitLine, fitText, textHeight, textStyle } from "./slideFrame";

const TITLE_FONT_PT = 40;
const SUBTITLE_FONT_PT = 20;

/** The roadmap's name, its client, the date and who prepared it, on the accent colour. */
export function addTitleSlide(context: DeckContext): void {
  const { roadmap, format } = context;
  const slide = context.pptx.addSlide();
  slide.background = { color: DECK_COLOURS.accent };
  const width = SLIDE.width - 2 * SLIDE_BODY.x;
  const titleBox = { width, height: textHeight(2, TITLE_FONT_PT) };
  slide.addText(fitText(roadmap.name, titleBox, TITLE_FONT_PT, true).join("\n"), {
    ...textStyle(TITLE_FONT_PT, { bold: true, color: "FFFFFF" }),
    x: SLIDE_BODY.x,
    y: 2.2,
    w: width,
    h: titleBox.height,
    valign: "bottom",
    objectName: "Roadmap name",
  });
  const lines = [
    roadmap.client,
    format.date(context.now),
    roadmap.preparedBy.trim() === "" ? "" : `Prepared by ${roadmap.preparedBy}`,
  ].filter((line) => line.trim() !== "");
  slide.addText(lines.map((line) => fitLine(line, width, SUBTITLE_FONT_PT)).join("\n"), {
    ...textStyle(SUBTITLE_FONT_PT, { color: "E8EEF5" }),
    x: SLIDE_BODY.x,
    y: 2.3 + titleBox.height,
    w: width,
    h: textHeight(3, SUBTITLE_FONT_PT),
    valign: "top",
    objectName: "Client, date and author",
  });
  slide.addNotes(
    [
      `${roadmap.name}${roadmap.client ? ` for ${roadmap.client}` : ""}: ${roadmap.phases.length} phases, ${roadmap.communications.length} communications.`,
      "Every number in this deck comes from the roadmap's plan as it stood on the date above.",
    ].join("\n"),
  );
}

/** The sections that follow, in order. */
export function addAgendaSlide(context: DeckContext, titles: readonly string[]): void {
  const { slide, body } = addContentSlide(context, "Agenda", "The sections of this deck, in order.");
  const lineHeight = textHeight(1, BODY_FONT_PT + 4) - 0.1;
  slide.addText(
    titles.map((title) => ({
      text: fitLine(title, body.width - 0.5, BODY_FONT_PT + 4),
      options: { bullet: { type: "number" }, breakLine: true },
    })),
    {
      ...textStyle(BODY_FONT_PT + 4),
      x: body.x,
      y: body.y,
      w: body.width,
      h: Math.min(body.height, lineHeight * titles.length + 0.3),
      valign: "top",
      paraSpaceAfter: 6,
      objectName: "Agenda",
    },
  );
}
