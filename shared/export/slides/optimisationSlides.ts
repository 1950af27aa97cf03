import {
  type HeadlineRow,
  OPTIMISATION_COSTS_HIDDEN,
  type OptimisationRows,
  optimisationRows,
  reportedOptimisation,
} from "../optimisationRows";
import { aboutMoney, addBullets, addCaption, chartText, fitBullets, legendName } from "./analysisSlideParts";
import type { DeckContext } from "./deckContext";
import { BODY_FONT_PT, DECK_COLOURS, SLIDE_BODY } from "./deckTheme";
import { addContentSlide, addTableSlides, textHeight } from "./slideFrame";

/** Changes listed with their reasons, continued over slides; the app's Compare tab lists them all. */
export const DECK_OPTIMISATION_CHANGES = 40;
const CHART_FONT_PT = 12;
const FRONTIER_COLOUR = "2A9D8F";
const PLAN_COLOUR = "E76F51";
const CHOSEN_COLOUR = DECK_COLOURS.accent;

/** What a cell says where the record's text is about money and costs are hidden. */
const NOT_SHOWN = "not shown";

/**
 * How the optimiser made the reported scenario, as the report tells it: the
 * settings it was given, its figures against the plan it was made from, the
 * efficient frontier as a native scatter chart with that plan and the chosen
 * budget marked, each change with its reason, the marginal values and the
 * constraints that bind. With costs hidden, everything about money goes: the
 * figures, the frontier (a curve of value against spend), the marginal values,
 * and any setting, reason or constraint that speaks of cost or budget.
 */
export function addOptimisationSlides(context: DeckContext): void {
  const { roadmap, format, includeCosts } = context;
  const source = reportedOptimisation(roadmap);
  if (!source) return;
  const rows = optimisationRows(roadmap, source, includeCosts ? format.money : null);
  const keep = (text: string) => includeCosts || !aboutMoney(text, roadmap.currency);
  const hide = (text: string) => (text === OPTIMISATION_COSTS_HIDDEN || !keep(text) ? NOT_SHOWN : text);
  const made = `The optimiser made "${rows.scenarioName}" from "${rows.fromScenarioName}" on ${format.date(new Date(rows.createdAt))}. ${rows.status}`;

  addTableSlides(context, {
    title: "Optimisation",
    name: "Optimiser settings",
    caption: made,
    notes: [
      "From the optimisation record kept with the scenario: the settings it was solved with, and how the solver ended.",
      includeCosts ? "" : "Settings about money are left out.",
    ]
      .filter((line) => line !== "")
      .join(" "),
    columns: [
      { header: "Setting", weight: 1 },
      { header: "Value", weight: 3 },
    ],
    rows: rows.settings.filter((row) => keep(row.label) && keep(row.value)).map((row) => [row.label, row.value]),
  });

  if (includeCosts) {
    addTableSlides(context, {
      title: "Optimised against the plan",
      name: "Optimised against the plan",
      caption: `"${rows.scenarioName}" against "${rows.fromScenarioName}", the plan it was made from, as the record keeps both.`,
      notes:
        "Expected value and cost are the plan engine's, discounted; net value is their difference and ROI (value − cost) / cost.",
      columns: [
        { header: "", weight: 1.6 },
        { header: rows.fromScenarioName, weight: 2, align: "right" },
        { header: "Optimised", weight: 2, align: "right" },
        { header: "Difference", weight: 2, align: "right" },
      ],
      rows: rows.headline.map((row) => [
        row.label,
        headlineFigure(context, row, row.plan),
        headlineFigure(context, row, row.optimised),
        headlineDifference(context, row),
      ]),
    });
    addFrontierSlide(context, rows);
  }

  const changes = rows.changes.slice(0, DECK_OPTIMISATION_CHANGES);
  const moreChanges = rows.changes.length - changes.length;
  addTableSlides(context, {
    title: "What the optimiser changed, and why",
    name: "Optimiser changes",
    caption:
      rows.changes.length === 0
        ? `It keeps "${rows.fromScenarioName}" as it was.`
        : `${format.count(rows.changes.length)} communications left out or sent differently${moreChanges > 0 ? `; the first ${changes.length} here` : ""}.`,
    notes: [
      "Each communication the optimised scenario leaves out or sends differently from the plan it was made from, with the optimiser's reason.",
      rows.fromFound
        ? ""
        : `"${rows.fromScenarioName}" has been deleted since: these are the changes the optimiser gave a reason for.`,
      moreChanges > 0 ? `${format.count(moreChanges)} more in the app's Compare tab.` : "",
      includeCosts ? "" : "Reasons about money are not shown.",
    ]
      .filter((line) => line !== "")
      .join(" "),
    columns: [
      { header: "Communication", weight: 2 },
      { header: "Change", weight: 2 },
      { header: "Why", weight: 4 },
    ],
    rows: changes.map((change) => [
      change.name,
      change.what || change.kind,
      change.reason === null ? "—" : hide(change.reason),
    ]),
  });

  const marginals = includeCosts ? rows.marginals : [];
  const binding = rows.binding.filter(keep);
  if (marginals.length === 0 && binding.length === 0) return;
  addLimitsSlide(context, rows, binding);
}

function headlineFigure(context: DeckContext, row: HeadlineRow, value: number | null): string {
  if (value === null) return "—";
  return row.kind === "roi" ? context.format.percent(value) : context.format.money(value);
}

function headlineDifference(context: DeckContext, row: HeadlineRow): string {
  if (row.difference === null) return "—";
  const sign = row.difference > 0 ? "+" : row.difference < 0 ? "−" : "±";
  const size = Math.abs(row.difference);
  return row.kind === "roi" ? `${sign}${Math.round(size * 1000) / 10} points` : `${sign}${context.format.money(size)}`;
}

/**
 * The frontier as a scatter chart: the best value at each budget solved, a
 * line through them, with the budget the scenario was made with and the plan
 * it was made from as points of their own (the plan off the line when a plan
 * of its cost could be worth more).
 */
function addFrontierSlide(context: DeckContext, rows: OptimisationRows): void {
  const { format } = context;
  const feasible = rows.frontier.filter((point) => point.feasible).sort((a, b) => a.cost - b.cost);
  const onFrontier =
    rows.plan.onFrontier === null
      ? `Where "${rows.fromScenarioName}" stands against the frontier was not kept with this optimisation.`
      : rows.plan.onFrontier
        ? `"${rows.fromScenarioName}" is on the frontier: no plan of its cost is worth more.`
        : `"${rows.fromScenarioName}" is below the frontier: a plan of its cost could be worth more.`;
  const infeasible = rows.frontier.length - feasible.length;
  const { slide, body } = addContentSlide(
    context,
    "Efficient frontier",
    [
      `The best expected value the optimiser found at ${format.count(feasible.length)} budgets, each a solve of its own${infeasible > 0 ? ` (${format.count(infeasible)} more budgets allow no plan)` : ""}.`,
      `"${rows.fromScenarioName}" costs ${format.money(rows.plan.cost)} and is expected to bring ${format.money(rows.plan.value)}.`,
      "The chart's data is inside it: right-click, Edit Data.",
    ].join(" "),
  );
  const captionHeight = textHeight(2, BODY_FONT_PT);
  addCaption(slide, onFrontier, { ...body, height: captionHeight }, "Frontier caption");
  if (feasible.length === 0) return;
  const chosen = feasible.findIndex((point) => point.chosen);
  // A scatter chart's series share one list of x values: the frontier's costs, then the plan's. Each series is
  // blank where it has no point; the chosen budget's point is its own series only, so no frontier marker hides it,
  // and the frontier's line spans the gap.
  const xs = [...feasible.map((point) => point.cost), rows.plan.cost];
  const only = (at: number, value: number) => xs.map((_, i) => (i === at ? value : null));
  const series = [
    {
      name: "Best value at each budget",
      values: [...feasible.map((point) => (point.chosen ? null : point.value)), null],
    },
    ...(chosen >= 0
      ? [
          {
            name: `The budget "${legendName(rows.scenarioName)}" was made with`,
            values: only(chosen, feasible[chosen]?.value ?? 0),
          },
        ]
      : []),
    { name: legendName(rows.fromScenarioName), values: only(xs.length - 1, rows.plan.value) },
  ];
  const colours = [FRONTIER_COLOUR, ...(chosen >= 0 ? [CHOSEN_COLOUR] : []), PLAN_COLOUR];
  slide.addChart(context.pptx.ChartType.scatter, [{ name: "Cost", values: xs }, ...series], {
    ...chartText(CHART_FONT_PT),
    x: body.x,
    y: body.y + captionHeight,
    w: body.width,
    h: body.height - captionHeight,
    chartColors: colours,
    lineSize: 2,
    lineDataSymbol: "circle",
    lineDataSymbolSize: 9,
    showCatAxisTitle: true,
    catAxisTitle: `Cost (${context.roadmap.currency})`,
    showValAxisTitle: true,
    valAxisTitle: `Expected value (${context.roadmap.currency})`,
    valAxisLabelFormatCode: "#,##0",
    catLabelFormatCode: "#,##0",
    showLegend: true,
    legendPos: "b",
    objectName: "Efficient frontier",
  });
}

function addLimitsSlide(context: DeckContext, rows: OptimisationRows, binding: readonly string[]): void {
  const marginals = context.includeCosts ? rows.marginals : [];
  if (marginals.length > 0) {
    addTableSlides(context, {
      title: "What one more unit is worth",
      name: "Marginal values",
      notes:
        "From the optimiser: an LP dual is the value of one more unit at the solution; a slope between solves is the change in value between two budgets of the frontier, per unit.",
      columns: [
        { header: "One more", weight: 2 },
        { header: "Is worth", weight: 3 },
        { header: "Measured by", weight: 1.5 },
      ],
      rows: marginals.map((row) => [row.label, row.value, row.method]),
    });
  }
  if (binding.length === 0) return;
  const bullets = fitBullets(binding, SLIDE_BODY);
  const more = binding.length - bullets.length;
  const { slide, body } = addContentSlide(
    context,
    "Constraints that bind",
    [
      "The limits the optimised plan runs up against: loosen one and the optimiser could do better.",
      more > 0 ? `${context.format.count(more)} more in the app's Optimise tab.` : "",
    ]
      .filter((line) => line !== "")
      .join(" "),
  );
  addBullets(slide, bullets, body, "Constraints that bind");
}
