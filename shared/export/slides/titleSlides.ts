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

/** Where a section of the deck starts. */
export interface AgendaItem {
  title: string;
  /** Its first slide, from 1. */
  slide: number;
}

/**
 * The agenda slide, added before the sections so it comes second; its list is
 * written by the function it returns once the sections know where they start
 * (a section with nothing to show adds no slide and is not listed).
 */
export function addAgendaSlide(context: DeckContext): (items: readonly AgendaItem[]) => void {
  const { slide, body } = addContentSlide(
    context,
    "Agenda",
    "The sections of this deck, in order, with the slide each starts on; each line links to its slide.",
  );
  return (items) => {
    const fontPt = BODY_FONT_PT + 4;
    const numberWidth = 1.4;
    const lineHeight = textHeight(1, fontPt) - 0.1;
    const height = Math.min(body.height, lineHeight * items.length + 0.3);
    const lines = items.map((item) => ({
      ...item,
      title: fitLine(item.title, body.width - numberWidth - 0.5, fontPt),
    }));
    const list = (text: (item: AgendaItem) => string, bullet: boolean) =>
      lines.map((item) => ({
        text: text(item),
        options: {
          breakLine: true,
          hyperlink: { slide: item.slide },
          ...(bullet ? { bullet: { type: "number" as const } } : {}),
        },
      }));
    const style = { ...textStyle(fontPt), y: body.y, h: height, valign: "top" as const, paraSpaceAfter: 6 };
    slide.addText(
      list((item) => item.title, true),
      {
        ...style,
        x: body.x,
        w: body.width - numberWidth,
        objectName: "Agenda",
      },
    );
    slide.addText(
      list((item) => `slide ${item.slide}`, false),
      {
        ...style,
        x: body.x + body.width - numberWidth,
        w: numberWidth,
        align: "right",
        color: DECK_COLOURS.muted,
        objectName: "Agenda slides",
      },
    );
  };
}
