import { formatLocaleNumber } from "../../format/localeNumber";
import { isMoneyKpi } from "../../model/kpiUnits";
import type { Kpi } from "../../model/schema";
import { kpiRows } from "../reportLayout";
import type { DeckContext } from "./deckContext";
import { rowsShownNote } from "./deckTables";
import { addTableSlides } from "./slideFrame";

/**
 * The KPIs a deck shows: all of them, or with costs hidden those not measured
 * in money (a money KPI's name and unit would tell what the deck leaves out).
 */
export function shownKpis(context: DeckContext, kpis: readonly Kpi[]): Kpi[] {
  return context.includeCosts ? [...kpis] : kpis.filter((kpi) => !isMoneyKpi(kpi, context.roadmap.currency));
}

/** A KPI's target with every decimal typed and its unit ("2.5 %", "30 days"), or "—" when none is set. */
export function kpiTargetText(context: DeckContext, kpi: Kpi): string {
  if (kpi.target === null) return "—";
  return `${formatLocaleNumber(kpi.target, context.locale)} ${kpi.unit}`.trim();
}

/** Money KPIs a deck without costs leaves out, said in the notes without naming what they measure. */
export function kpisLeftOut(context: DeckContext, all: number, shown: number): string {
  const left = all - shown;
  if (left === 0) return "";
  return `${left === 1 ? "One KPI measured" : `${context.format.count(left)} KPIs measured`} in money ${left === 1 ? "is" : "are"} left out, as this deck shows no money.`;
}

/** The value-capture plan: every phase's KPIs with their targets and timeframes, one table continued over slides. */
export function addKpiSlides(context: DeckContext): void {
  const all = kpiRows(context.roadmap);
  const rows = all.filter(({ kpi }) => shownKpis(context, [kpi]).length === 1);
  if (rows.length === 0) return;
  const phaseCount = new Set(rows.map(({ phase }) => phase.id)).size;
  addTableSlides(context, {
    title: "KPIs and targets",
    name: "KPIs",
    columns: [
      { header: "Phase", weight: 3 },
      { header: "KPI", weight: 4 },
      { header: "Target", weight: 2.2, align: "right" },
      { header: "Timeframe", weight: 3 },
    ],
    rows: rows.map(({ phase, kpi }) => [phase.name, kpi.name, kpiTargetText(context, kpi), kpi.timeframe || "—"]),
    notes: (shown) =>
      [
        rowsShownNote(
          context,
          "KPIs",
          `over ${context.format.count(phaseCount)} phase${phaseCount === 1 ? "" : "s"}`,
          shown,
        ),
        "The targets are the workshop's, as typed, in the roadmap's order.",
        kpisLeftOut(context, all.length, rows.length),
      ]
        .filter((line) => line !== "")
        .join("\n"),
  });
}
