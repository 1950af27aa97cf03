import type { Period } from "../../engine/calendar";
import { namesById } from "../../model/queries";
import { sendsByMonth, sumByPeriods } from "../reportLayout";
import type { DeckContext } from "./deckContext";
import { BODY_FONT_PT } from "./deckTheme";
import { addContentSlide, addTableSlides, type DeckTableCell, fitLine, textHeight, textStyle } from "./slideFrame";

/** Plans up to two years are shown by month, up to ten by quarter, longer ones by year (as the PDF's calendar). */
export const MONTHLY_UP_TO_MONTHS = 24;
export const QUARTERLY_UP_TO_QUARTERS = 40;

/** Period columns of one table: a year of months fits beside the channel's name at 12 pt. */
export const PERIODS_PER_TABLE = 12;

/** The busiest cell's colour; others are shaded between white and it by their sends. */
const BUSIEST = [0x8f, 0xb3, 0xdc] as const;

/**
 * When the plan's communications go out: sends per channel in each month
 * (quarter, year for long plans) as native tables, a year of columns at a
 * time, each cell shaded by how busy it is, with a total row and column.
 * Counts only, so it reads the same with costs shown or hidden.
 */
export function addCalendarSlides(context: DeckContext): void {
  const { roadmap, plan, format } = context;
  const months = plan.calendar.months.length;
  const { periods, noun } = calendarPeriods(context);
  const channelBudget = plan.budget.byDimension.channel;
  const perPeriod = sumByPeriods(sendsByMonth(roadmap, plan, "channel"), months, periods);
  const names = namesById(roadmap.channels);
  const at = (k: number, j: number) => perPeriod[k * periods.length + j] ?? 0;
  const totalOf = (k: number) => periods.reduce((sum, _, j) => sum + at(k, j), 0);
  const channels = channelBudget.keys
    .map((key, k) => ({ name: names.get(key) ?? key, k, total: totalOf(k) }))
    .filter((channel) => channel.total > 0)
    .sort((a, b) => b.total - a.total || a.k - b.k);
  const busiest = Math.max(1, ...channels.flatMap(({ k }) => periods.map((_, j) => at(k, j))));
  const sends = channels.reduce((sum, channel) => sum + channel.total, 0);
  const heading = (period: Period) => periodHeading(period, noun, context.locale);
  const notes = (block: readonly Period[]) =>
    [
      `Sends per channel in each ${noun} from ${heading(block[0] as Period)} to ${heading(block[block.length - 1] as Period)}: how many communications of the channel go out, whatever their reach. ${format.count(sends)} sends over the whole plan.`,
      "Sends count the months in which each communication goes out; the darker the cell, the busier the channel that period. Channels that send nothing are left out.",
      `Calendar ${noun}s: the first and last may be partial.`,
    ].join("\n");

  if (channels.length === 0) {
    const { slide, body } = addContentSlide(context, "Communication calendar", notes(periods));
    const sentence = "No communication is sent over the plan.";
    slide.addText(fitLine(sentence, body.width, BODY_FONT_PT), {
      ...textStyle(BODY_FONT_PT),
      x: body.x,
      y: body.y,
      w: body.width,
      h: textHeight(1, BODY_FONT_PT),
      objectName: "No sends",
    });
    return;
  }
  for (let first = 0; first < periods.length; first += PERIODS_PER_TABLE) {
    const block = periods.slice(first, first + PERIODS_PER_TABLE);
    const columns = block.map((_, i) => first + i);
    const row = (name: string, values: readonly number[], bold: boolean): DeckTableCell[] => [
      { text: name, bold },
      ...values.map((value) => ({
        text: value === 0 ? "" : format.count(value),
        bold,
        ...(bold ? {} : { fill: heat(value / busiest) }),
      })),
      { text: format.count(values.reduce((sum, value) => sum + value, 0)), bold: true },
    ];
    const whole = block.length === periods.length;
    addTableSlides(context, {
      title: whole
        ? "Communication calendar"
        : `Communication calendar, ${heading(block[0] as Period)} to ${heading(block[block.length - 1] as Period)}`,
      notes: notes(block),
      caption: `Sends per channel in each ${noun}${whole ? "" : ` (${format.count(sends)} over the whole plan)`}.`,
      columns: [
        { header: "Channel", weight: 2.6 },
        ...block.map((period) => ({ header: heading(period), weight: 0.8, align: "right" as const })),
        { header: "Total", weight: 1, align: "right" },
      ],
      rows: [
        ...channels.map(({ name, k }) =>
          row(
            name,
            columns.map((j) => at(k, j)),
            false,
          ),
        ),
        row(
          "All channels",
          columns.map((j) => channels.reduce((sum, { k }) => sum + at(k, j), 0)),
          true,
        ),
      ],
      name: "Sends by channel",
    });
  }
}

/** The calendar's columns for the plan's length, and what one is called. */
export function calendarPeriods(context: Pick<DeckContext, "plan">): {
  periods: readonly Period[];
  noun: "month" | "quarter" | "year";
} {
  const { calendar } = context.plan;
  if (calendar.months.length <= MONTHLY_UP_TO_MONTHS) return { periods: calendar.months, noun: "month" };
  if (calendar.quarters.length <= QUARTERLY_UP_TO_QUARTERS) return { periods: calendar.quarters, noun: "quarter" };
  return { periods: calendar.years, noun: "year" };
}

/**
 * A column heading that wraps onto two short lines in a narrow column:
 * "Jan 2027" for "2027-01", "Q1 2027" for "2027 Q1", the year as it is.
 */
export function periodHeading(period: Period, noun: "month" | "quarter" | "year", locale: string): string {
  if (noun === "month") {
    const [year, month] = period.label.split("-").map(Number);
    const name = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)),
    );
    return `${name} ${year}`;
  }
  if (noun === "quarter") {
    const [year, quarter] = period.label.split(" ");
    return `${quarter} ${year}`;
  }
  return period.label;
}

/** White for a quiet cell, `BUSIEST` for the busiest, as six hex digits. */
function heat(share: number): string {
  return BUSIEST.map((channel) =>
    Math.round(255 - (255 - channel) * Math.min(1, Math.max(0, share)))
      .toString(16)
      .padStart(2, "0"),
  )
    .join("")
    .toUpperCase();
}
