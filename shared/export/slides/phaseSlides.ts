import { describeAudience, describeTiming } from "../../model/labels";
import { namesById } from "../../model/queries";
import type { Phase, Roadmap } from "../../model/schema";
import type { DeckContext } from "./deckContext";
import { figureColumn, rowsShownNote, tableColumns } from "./deckTables";
import { BODY_FONT_PT, DECK_COLOURS, deckColour, SLIDE_BODY } from "./deckTheme";
import { kpisLeftOut, kpiTargetText, shownKpis } from "./kpiSlides";
import {
  addContentSlide,
  addTableSlides,
  type ContentSlide,
  fitLine,
  fitText,
  type TableSlideRows,
  TEXT_INSET,
  textHeight,
  textStyle,
} from "./slideFrame";

/**
 * Up to this many phases each gets a slide of its own; more, and each stage
 * gets one table of its phases and one of their communications, so a
 * 300-phase roadmap makes a deck someone can page through.
 */
export const PHASE_SLIDES_UP_TO = 24;

const FACT_PT = 12;
/** The most a phase's objectives, KPIs and figures take above its communications, with their headings. */
const MAX_FACTS_HEIGHT = 2.1;
const GAP = 0.15;
const STAGE_CHIP = 0.22;

/** What the rows of the section's tables name, looked up once for the whole section. */
interface Names {
  stages: Map<string, string>;
  phases: Map<string, string>;
  channels: Map<string, string>;
  owners: Map<string, string>;
  audience: { segments: Map<string, string>; roles: Map<string, string> };
}

/**
 * A slide per phase (objectives, KPIs, the plan's figures for it, and its
 * communications as a native table continued on further slides), or per stage
 * for roadmaps of more than `PHASE_SLIDES_UP_TO` phases. Every communication
 * is listed: reach and cost are the engine's, cost to the cent.
 */
export function addPhaseSlides(context: DeckContext): void {
  const { roadmap } = context;
  const names: Names = {
    stages: namesById(roadmap.stages),
    phases: namesById(roadmap.phases),
    channels: namesById(roadmap.channels),
    owners: namesById(roadmap.owners),
    audience: { segments: namesById(roadmap.segments), roles: namesById(roadmap.roles) },
  };
  const byPhase = new Map<string, number[]>();
  roadmap.communications.forEach((communication, c) => {
    byPhase.set(communication.phaseId, [...(byPhase.get(communication.phaseId) ?? []), c]);
  });
  if (roadmap.phases.length <= PHASE_SLIDES_UP_TO) {
    roadmap.phases.forEach((phase, p) => {
      addPhaseSlide(context, names, p, byPhase.get(phase.id) ?? []);
    });
    return;
  }
  for (const group of stageGroups(roadmap)) {
    addStageSlides(
      context,
      names,
      group,
      group.phases.flatMap((p) => byPhase.get(roadmap.phases[p]?.id ?? "") ?? []),
    );
  }
}

/** The stages in their order with their phases (indices), then any phase whose stage is gone; empty stages left out. */
function stageGroups(roadmap: Roadmap): { name: string; phases: number[] }[] {
  const known = new Set(roadmap.stages.map((stage) => stage.id));
  const phasesOf = (keep: (phase: Phase) => boolean) => roadmap.phases.flatMap((phase, p) => (keep(phase) ? [p] : []));
  return [
    ...roadmap.stages.map((stage) => ({ name: stage.name, phases: phasesOf((phase) => phase.stageId === stage.id) })),
    { name: "No stage", phases: phasesOf((phase) => !known.has(phase.stageId)) },
  ].filter((group) => group.phases.length > 0);
}

/** The communications (indices into the roadmap's) as table rows and columns, with their phase when `withPhase`. */
function communicationTable(context: DeckContext, names: Names, indices: readonly number[], withPhase: boolean) {
  const { roadmap, plan, format } = context;
  const rows = indices.flatMap((c) => {
    const communication = roadmap.communications[c];
    if (!communication) return [];
    const schedule = plan.communications[c];
    return [
      [
        ...(withPhase ? [names.phases.get(communication.phaseId) ?? "—"] : []),
        communication.name,
        names.owners.get(communication.ownerId) ?? "—",
        names.channels.get(communication.channelId) ?? "—",
        describeTiming(communication.timing, plan.calendar.months),
        describeAudience(communication.audience, names.audience),
        format.count(schedule?.sends ?? 0),
        format.count(schedule?.totalReach ?? 0),
        ...(context.includeCosts ? [format.money(schedule?.totalCost ?? 0)] : []),
      ],
    ];
  });
  const first = withPhase ? 1 : 0;
  const figures = (header: string, column: number) => figureColumn(header, rows, first + column);
  const columns = tableColumns([
    ...(withPhase ? [{ header: "Phase", weight: 1.5 }] : []),
    { header: "Communication", weight: 2.2 },
    { header: "Owner", weight: 1.4 },
    { header: "Channel", weight: 1.3 },
    { header: "Timing", weight: 1.4 },
    { header: "Audience", weight: 2.9 },
    figures("Sends", 5),
    figures("Reach", 6),
    ...(context.includeCosts ? [figures("Cost", 7)] : []),
  ]);
  return { rows, columns };
}

/** Speaker notes for a slide of a communications table: which rows it shows and what the figures mean. */
function communicationNotes(context: DeckContext, where: string) {
  return (rows: TableSlideRows) =>
    [
      rowsShownNote(context, "Communications", `${where}, in the roadmap's order`, rows),
      `Sends are the months a communication goes out in the ${context.roadmap.horizonMonths}-month plan; reach counts contacts (a customer reached in three months counts three times), expected numbers from the plan's customer flow.`,
      context.includeCosts
        ? "Cost is each send's fixed cost plus the cost per contact times its reach, to the cent, as the plan computes it."
        : "",
    ]
      .filter((line) => line !== "")
      .join("\n");
}

/** Items as bulleted lines in `width` × `height` at `FACT_PT`: whole items while they fit, then "and N more". */
function fitItems(items: readonly string[], width: number, height: number): { lines: string[]; shown: number } {
  let maxLines = 1;
  while (textHeight(maxLines + 1, FACT_PT) <= height) maxLines += 1;
  const lines: string[] = [];
  for (const [i, item] of items.entries()) {
    const itemLines = fitText(`• ${item}`, { width, height: textHeight(2, FACT_PT) }, FACT_PT);
    const reserve = i < items.length - 1 ? 1 : 0;
    if (lines.length + itemLines.length + reserve > maxLines) {
      lines.push(`and ${items.length - i} more`);
      return { lines, shown: i };
    }
    lines.push(...itemLines);
  }
  return { lines, shown: items.length };
}

/** A phase's slide: its stage, description, objectives, KPIs and figures, then its communications. */
function addPhaseSlide(context: DeckContext, names: Names, p: number, communications: readonly number[]): void {
  const { roadmap, plan, format } = context;
  const phase = roadmap.phases[p];
  if (!phase) return;
  const summary = plan.phases[p];
  const stage = roadmap.stages.find((candidate) => candidate.id === phase.stageId);
  const kpis = shownKpis(context, phase.kpis);

  const headingHeight = textHeight(1, BODY_FONT_PT);
  const itemsHeight = MAX_FACTS_HEIGHT - headingHeight;
  const factsWidth = (SLIDE_BODY.width - 2 * GAP) / 3;
  const objectives = fitItems(phase.objectives, factsWidth, itemsHeight);
  const kpiItems = kpis.map(
    (kpi) => `${kpi.name}: ${kpiTargetText(context, kpi)}${kpi.timeframe ? ` (${kpi.timeframe})` : ""}`,
  );
  const kpiLines = fitItems(kpiItems, factsWidth, itemsHeight);
  const figures: [string, string][] = summary
    ? [
        ["Customers at start", format.count(summary.customersAtStart)],
        ["Entering over the plan", format.count(summary.entries)],
        ["Churned", format.count(summary.churned)],
        ["At the end", format.count(summary.customersAtEnd)],
        ...(context.includeCosts
          ? ([
              ["Cost over the plan", format.money(summary.totalCost)],
              ["Expected value", format.money(summary.totalValue)],
            ] as [string, string][])
          : []),
      ]
    : [];

  const stageName = stage?.name ?? "No stage";
  const content = addContentSlide(
    context,
    phase.name,
    [
      `${phase.name}, in the ${stageName} stage: what it is for, how it is measured and what the plan sends there.`,
      `The figures are expected customers over the ${roadmap.horizonMonths} months of the plan, all segments together: at the start, entering (moved in or newly arrived), churned and at the end.`,
      context.includeCosts
        ? "Cost and expected value are those of the phase's communications over the plan, to the cent."
        : "",
      objectives.shown < phase.objectives.length
        ? `Objectives not on the slide for lack of room: ${phase.objectives.slice(objectives.shown).join("; ")}.`
        : "",
      kpiLines.shown < kpiItems.length
        ? `KPIs not on the slide for lack of room: ${kpiItems.slice(kpiLines.shown).join("; ")}.`
        : "",
      kpisLeftOut(context, phase.kpis.length, kpis.length),
      communications.length === 0 ? "No communications are planned in this phase." : "",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  const { slide, body } = content;
  let y = body.y;
  slide.addShape(context.pptx.ShapeType.rect, {
    x: body.x + TEXT_INSET,
    y: y + (headingHeight - STAGE_CHIP) / 2,
    w: STAGE_CHIP,
    h: STAGE_CHIP,
    fill: { color: stage ? deckColour(stage.color) : DECK_COLOURS.unknownStage },
    line: { type: "none" },
    objectName: "Stage colour",
  });
  const stageWidth = body.width - STAGE_CHIP - TEXT_INSET;
  slide.addText(fitLine(`Stage: ${stageName}`, stageWidth, BODY_FONT_PT, true), {
    ...textStyle(BODY_FONT_PT, { bold: true, color: DECK_COLOURS.inkSoft }),
    x: body.x + STAGE_CHIP + TEXT_INSET,
    y,
    w: stageWidth,
    h: headingHeight,
    valign: "middle",
    objectName: "Stage",
  });
  y += headingHeight;
  if (phase.description.trim() !== "") {
    const lines = fitText(phase.description, { width: body.width, height: textHeight(2, BODY_FONT_PT) }, BODY_FONT_PT);
    const height = textHeight(lines.length, BODY_FONT_PT);
    slide.addText(lines.join("\n"), {
      ...textStyle(BODY_FONT_PT),
      x: body.x,
      y,
      w: body.width,
      h: height,
      valign: "top",
      objectName: "Description",
    });
    y += height;
  }

  const columns = [
    { heading: "Objectives", lines: objectives.lines.length > 0 ? objectives.lines : ["None set yet"] },
    { heading: "KPIs", lines: kpiLines.lines.length > 0 ? kpiLines.lines : ["None set yet"] },
  ];
  const factsHeight =
    headingHeight + textHeight(Math.max(figures.length, ...columns.map((column) => column.lines.length)), FACT_PT);
  columns.forEach((column, i) => {
    const x = body.x + i * (factsWidth + GAP);
    addHeading(content, column.heading, x, y, factsWidth);
    slide.addText(column.lines.join("\n"), {
      ...textStyle(FACT_PT),
      x,
      y: y + headingHeight,
      w: factsWidth,
      h: textHeight(column.lines.length, FACT_PT),
      valign: "top",
      objectName: column.heading,
    });
  });
  const figuresX = body.x + 2 * (factsWidth + GAP);
  addHeading(content, "Over the plan", figuresX, y, factsWidth);
  const valueWidth = factsWidth * 0.45;
  const labelWidth = factsWidth - valueWidth;
  for (const [part, x, width, align, pick] of [
    ["labels", figuresX, labelWidth, "left", 0],
    ["values", figuresX + labelWidth, valueWidth, "right", 1],
  ] as const) {
    slide.addText(figures.map((figure) => fitLine(figure[pick], width, FACT_PT)).join("\n"), {
      ...textStyle(FACT_PT, { align }),
      x,
      y: y + headingHeight,
      w: width,
      h: textHeight(figures.length, FACT_PT),
      valign: "top",
      objectName: `Figures ${part}`,
    });
  }
  y += factsHeight + 0.1;

  if (communications.length === 0) {
    slide.addText("No communications planned in this phase.", {
      ...textStyle(BODY_FONT_PT, { color: DECK_COLOURS.muted }),
      x: body.x,
      y,
      w: body.width,
      h: headingHeight,
      objectName: "No communications",
    });
    return;
  }
  addTableSlides(context, {
    title: phase.name,
    name: "Communications",
    ...communicationTable(context, names, communications, false),
    notes: communicationNotes(context, `in ${phase.name}`),
    startOn: { content, y },
  });
}

function addHeading({ slide }: ContentSlide, text: string, x: number, y: number, width: number): void {
  slide.addText(fitLine(text, width, BODY_FONT_PT, true), {
    ...textStyle(BODY_FONT_PT, { bold: true, color: DECK_COLOURS.accent }),
    x,
    y,
    w: width,
    h: textHeight(1, BODY_FONT_PT),
    valign: "top",
    objectName: `${text} heading`,
  });
}

/** A stage of a large roadmap: its phases with their objectives, KPIs and figures, then all their communications. */
function addStageSlides(
  context: DeckContext,
  names: Names,
  group: { name: string; phases: number[] },
  communications: readonly number[],
): void {
  const { roadmap, plan, format } = context;
  const counts = new Map<string, number>();
  for (const c of communications) {
    const phaseId = roadmap.communications[c]?.phaseId ?? "";
    counts.set(phaseId, (counts.get(phaseId) ?? 0) + 1);
  }
  const rows = group.phases.flatMap((p) => {
    const phase = roadmap.phases[p];
    const summary = plan.phases[p];
    if (!phase) return [];
    const kpis = shownKpis(context, phase.kpis);
    return [
      [
        phase.name,
        phase.objectives.join("; ") || "—",
        kpis.map((kpi) => `${kpi.name}: ${kpiTargetText(context, kpi)}`).join("; ") || "—",
        format.count(summary?.customersAtStart ?? 0),
        format.count(summary?.customersAtEnd ?? 0),
        format.count(counts.get(phase.id) ?? 0),
        ...(context.includeCosts ? [format.money(summary?.totalCost ?? 0)] : []),
      ],
    ];
  });
  const figures = (header: string, column: number) => figureColumn(header, rows, column);
  const phaseCount = format.count(rows.length);
  const kpiCount = group.phases.reduce((sum, p) => sum + (roadmap.phases[p]?.kpis.length ?? 0), 0);
  const kpisShown = group.phases.reduce((sum, p) => sum + shownKpis(context, roadmap.phases[p]?.kpis ?? []).length, 0);
  addTableSlides(context, {
    title: `${group.name}: ${phaseCount} phase${rows.length === 1 ? "" : "s"}`,
    name: "Phases",
    columns: tableColumns([
      { header: "Phase", weight: 2 },
      { header: "Objectives", weight: 3.5 },
      { header: "KPIs", weight: 3.5 },
      figures("Customers at start", 3),
      figures("At the end", 4),
      figures("Communications", 5),
      ...(context.includeCosts ? [figures("Cost", 6)] : []),
    ]),
    rows,
    notes: (shown) =>
      [
        `The roadmap has ${format.count(roadmap.phases.length)} phases, more than fit a slide each, so its phases are shown stage by stage.`,
        rowsShownNote(context, "Phases", `in ${group.name}`, shown),
        "Objectives and KPIs cut short on a row end in …; the roadmap holds them in full.",
        `Customers are expected numbers over the ${roadmap.horizonMonths} months of the plan, all segments together.`,
        context.includeCosts ? "Cost is that of the phase's communications over the plan, to the cent." : "",
        kpisLeftOut(context, kpiCount, kpisShown),
      ]
        .filter((line) => line !== "")
        .join("\n"),
  });
  if (communications.length === 0) return;
  addTableSlides(context, {
    title: `${group.name}: communications`,
    name: "Communications",
    ...communicationTable(context, names, communications, true),
    notes: communicationNotes(context, `in the phases of ${group.name}`),
  });
}
