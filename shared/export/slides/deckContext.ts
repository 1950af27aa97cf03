import type PptxGenJS from "pptxgenjs";
import type { PlanResult } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";
import type { ReportSection } from "../reportOptions";
import type { GluedConnector } from "./connectors";

/** What the deck is made of and for whom: the PDF's section picker and "show costs", and when it was made. */
export interface SlideDeckOptions {
  sections: readonly ReportSection[];
  /** Off for an audience that must not see costs: no budget, no costs, no ROI anywhere, notes included. */
  includeCosts: boolean;
  /** The date on the title slide. */
  now: Date;
  /** How numbers, money and dates are written; fixed by default so a roadmap gives the same deck on every machine. */
  locale?: string;
}

/** How the deck writes numbers: money to the cent (tables hold the engine's figures), counts whole. */
export interface DeckFormats {
  /** Money in the roadmap's currency, to the cent. Call only when costs are shown. */
  money(value: number): string;
  /** Money rounded to whole units, for headlines and chart axes. */
  wholeMoney(value: number): string;
  count(value: number): string;
  /** A share (0.25 → "25 %"), to one decimal when below 10 %. */
  percent(share: number): string;
  date(value: Date): string;
}

/**
 * Everything a section's slides are built from. Sections add slides to `pptx`
 * and push the connectors they drew to `connectors`, which `buildSlideDeck`
 * glues to their shapes once pptxgenjs has written the file.
 */
export interface DeckContext {
  readonly pptx: PptxGenJS;
  readonly roadmap: Roadmap;
  readonly plan: PlanResult;
  readonly includeCosts: boolean;
  readonly now: Date;
  readonly locale: string;
  readonly format: DeckFormats;
  readonly connectors: GluedConnector[];
}

export const DEFAULT_DECK_LOCALE = "en-US";

export function deckFormats(currency: string, locale: string = DEFAULT_DECK_LOCALE): DeckFormats {
  const cents = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const whole = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const smallShare = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  return {
    money: (value) => cents.format(value),
    wholeMoney: (value) => whole.format(value),
    count: (value) => count.format(value),
    percent: (value) => (Math.abs(value) < 0.1 ? smallShare : share).format(value),
    date: (value) => date.format(value),
  };
}
