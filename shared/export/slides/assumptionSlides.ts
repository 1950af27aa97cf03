import { formatLocaleAmount } from "../../format/localeNumber";
import { segmentCustomersAtStart, segmentCustomersByPhase } from "../../model/customers";
import { CHANNEL_KIND_LABELS } from "../../model/labels";
import { arrivalsPerMonth, customersAtStart, namesById } from "../../model/queries";
import { planCountingRules } from "../planRules";
import type { DeckContext } from "./deckContext";
import { figureColumn, rowsShownNote, type SizedColumn, tableColumns } from "./deckTables";
import { BODY_FONT_PT, DECK_COLOURS } from "./deckTheme";
import { addContentSlide, addTableSlides, fitLine, fitText, textHeight, textStyle } from "./slideFrame";

const RULE_PT = 12;
const FIGURES_WIDTH = 4.6;
const GAP = 0.3;

/**
 * Everything the numbers rest on, as the PDF's assumptions page has it: the
 * plan's settings and how it counts, then the segments, phases, transitions
 * and channels as tables (every row, continued over slides), money only when
 * costs are shown.
 */
export function addAssumptionSlides(context: DeckContext): void {
  addSettingsSlide(context);
  const { roadmap, format, includeCosts } = context;
  const share = (value: number) => formatLocaleAmount(value, context.locale, { percent: true });
  const phases = namesById(roadmap.phases);
  const segments = namesById(roadmap.segments);
  const stages = namesById(roadmap.stages);

  const segmentRows = roadmap.segments.map((segment) => [
    segment.name,
    format.count(segmentCustomersAtStart(roadmap, segment.id)),
    segmentCustomersByPhase(roadmap, segment.id)
      .map(({ phaseId, customers }) => `${phases.get(phaseId) ?? phaseId} ${format.count(customers)}`)
      .join(", ") || "—",
    ...(includeCosts ? [format.money(segment.annualValue)] : []),
  ]);
  const phaseRows = roadmap.phases.map((phase) => [
    phase.name,
    stages.get(phase.stageId) ?? "No stage",
    format.count(customersAtStart(phase)),
    format.count(arrivalsPerMonth(phase)),
    share(phase.churnRate),
  ]);
  const transitionRows = roadmap.transitions.map((transition) => {
    const bySegment = Object.entries(transition.rateBySegment).map(
      ([segmentId, rate]) => `${segments.get(segmentId) ?? segmentId}: ${share(rate)}`,
    );
    return [
      phases.get(transition.from) ?? transition.from,
      phases.get(transition.to) ?? transition.to,
      bySegment.length > 0 ? `${share(transition.rate)}; ${bySegment.join(", ")}` : share(transition.rate),
      transition.trigger || "—",
    ];
  });
  const channelRows = roadmap.channels.map((channel) => [
    channel.name,
    CHANNEL_KIND_LABELS[channel.kind],
    ...(includeCosts ? [format.money(channel.fixedCost), format.money(channel.costPerContact)] : []),
    channel.contactCap === null ? "—" : format.count(channel.contactCap),
  ]);
  const channelLimit =
    "Most sends a month is the channel's own limit for one customer; — means none beyond the roadmap's.";

  const tables: { what: string; rows: string[][]; columns: SizedColumn[]; about: string }[] = [
    {
      what: "Segments",
      rows: segmentRows,
      columns: [
        { header: "Segment", weight: 1 },
        figureColumn("Customers at start", segmentRows, 1),
        { header: "Where they are at the start", weight: 2 },
        ...(includeCosts ? [figureColumn("Yearly value of a customer", segmentRows, 3)] : []),
      ],
      about:
        "A segment's customers at the start are the sum of its customers in the phases at the start; it holds no number of its own.",
    },
    {
      what: "Phases",
      rows: phaseRows,
      columns: [
        { header: "Phase", weight: 2 },
        { header: "Stage", weight: 1 },
        figureColumn("Customers at start", phaseRows, 2),
        figureColumn("Arriving a month", phaseRows, 3),
        figureColumn("Churn a month", phaseRows, 4),
      ],
      about:
        "Customers at the start and arriving each month are summed over the segments; churn is the share who leave for good each month.",
    },
    {
      what: "Transitions",
      rows: transitionRows,
      columns: [
        { header: "From", weight: 2 },
        { header: "To", weight: 2 },
        { header: "Rate a month", weight: 2 },
        { header: "Trigger", weight: 2.5 },
      ],
      about:
        "A rate is the share of the phase's customers who move each month; a segment named after it has a rate of its own.",
    },
    {
      what: "Channels",
      rows: channelRows,
      columns: [
        { header: "Channel", weight: 2 },
        { header: "Kind", weight: 1.5 },
        ...(includeCosts
          ? [figureColumn("Fixed cost a send", channelRows, 2), figureColumn("Cost per contact", channelRows, 3)]
          : []),
        figureColumn("Most sends a month", channelRows, includeCosts ? 4 : 2),
      ],
      about: includeCosts
        ? `A communication uses its channel's costs unless it sets its own. ${channelLimit}`
        : channelLimit,
    },
  ];
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    addTableSlides(context, {
      title: `Assumptions: ${table.what.toLowerCase()}`,
      name: table.what,
      columns: tableColumns(table.columns),
      rows: table.rows,
      notes: (shown) => [rowsShownNote(context, table.what, "in the roadmap's order", shown), table.about].join("\n"),
    });
  }
}

/** The plan's settings beside how it counts, and the roadmap's own notes below when it has some. */
function addSettingsSlide(context: DeckContext): void {
  const { roadmap, includeCosts } = context;
  const settings: [string, string][] = [
    ["Plan", `${roadmap.horizonMonths} months from ${roadmap.startMonth}`],
    ...(includeCosts
      ? ([
          ["Currency", roadmap.currency],
          [
            "Discount rate",
            `${formatLocaleAmount(roadmap.annualDiscountRate, context.locale, { percent: true })} a year`,
          ],
        ] as [string, string][])
      : []),
    ["Contact cap", `${roadmap.contactCap} a month`],
  ];
  const rules = planCountingRules(roadmap, includeCosts);
  const { slide, body } = addContentSlide(
    context,
    "Assumptions",
    [
      "The settings every figure in this deck rests on and how the plan counts; the tables that follow give the segments, phases, transitions and channels as the roadmap holds them.",
      roadmap.notes.trim() !== "" ? "The roadmap's own notes are on the slide as far as they fit." : "",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  const headingHeight = textHeight(1, BODY_FONT_PT);
  const heading = (text: string, x: number, y: number, width: number) =>
    slide.addText(fitLine(text, width, BODY_FONT_PT, true), {
      ...textStyle(BODY_FONT_PT, { bold: true, color: DECK_COLOURS.accent }),
      x,
      y,
      w: width,
      h: headingHeight,
      valign: "top",
      objectName: `${text} heading`,
    });

  heading("The plan", body.x, body.y, FIGURES_WIDTH);
  const labelWidth = 1.6;
  const settingLines = settings.map(([label, value]) => [
    fitLine(label, labelWidth, BODY_FONT_PT, true),
    fitLine(value, FIGURES_WIDTH - labelWidth, BODY_FONT_PT),
  ]);
  for (const [part, x, width, pick, bold] of [
    ["labels", body.x, labelWidth, 0, true],
    ["values", body.x + labelWidth, FIGURES_WIDTH - labelWidth, 1, false],
  ] as const) {
    slide.addText(settingLines.map((line) => line[pick]).join("\n"), {
      ...textStyle(BODY_FONT_PT, { bold }),
      x,
      y: body.y + headingHeight,
      w: width,
      h: textHeight(settingLines.length, BODY_FONT_PT),
      valign: "top",
      objectName: `Settings ${part}`,
    });
  }

  const rulesX = body.x + FIGURES_WIDTH + GAP;
  const rulesWidth = body.width - FIGURES_WIDTH - GAP;
  heading("How the plan counts", rulesX, body.y, rulesWidth);
  const ruleLines = rules.flatMap((rule) =>
    fitText(`• ${rule}`, { width: rulesWidth, height: textHeight(4, RULE_PT) }, RULE_PT),
  );
  const rulesHeight = textHeight(ruleLines.length, RULE_PT);
  slide.addText(ruleLines.join("\n"), {
    ...textStyle(RULE_PT),
    x: rulesX,
    y: body.y + headingHeight,
    w: rulesWidth,
    h: rulesHeight,
    valign: "top",
    objectName: "How the plan counts",
  });

  if (roadmap.notes.trim() === "") return;
  const notesY = body.y + headingHeight + Math.max(rulesHeight, textHeight(settingLines.length, BODY_FONT_PT)) + 0.2;
  const room = body.y + body.height - notesY - headingHeight;
  if (room < textHeight(1, RULE_PT)) return;
  heading("Notes", body.x, notesY, body.width);
  const noteLines = fitText(roadmap.notes, { width: body.width, height: room }, RULE_PT);
  slide.addText(noteLines.join("\n"), {
    ...textStyle(RULE_PT),
    x: body.x,
    y: notesY + headingHeight,
    w: body.width,
    h: textHeight(noteLines.length, RULE_PT),
    valign: "top",
    objectName: "Roadmap notes",
  });
}
