// exceljs is CommonJS in Node and a UMD bundle in the browser (its "browser" field); both hand a default import the whole module.
import ExcelJS, { type CellValue, type Fill, type Style, type Worksheet } from "exceljs";
import type { PlanResult } from "../engine/planEngine";
import { compareScenarios, type ScenarioComparison } from "../engine/scenarioComparison";
import { contactsBySendNumber } from "../engine/schedule";
import { costsOfCommunications } from "../model/costs";
import { segmentCustomersAtStart } from "../model/customers";
import { CHANNEL_KIND_LABELS, describeTiming, OWNER_KIND_LABELS, PURPOSE_LABELS, STATUS_LABELS } from "../model/labels";
import { scenarioChoices } from "../model/scenarios";
import type { Roadmap } from "../model/schema";
import {
  columnName,
  currencyNumberFormat,
  distinctLabels,
  BUDGET_WORKBOOK_SHEETS as SHEETS,
  workbookText,
} from "./budgetWorkbookLayout";
import {
  COMPARED_BREAKDOWNS,
  type ComparedFigure,
  comparedBreakdown,
  comparedSegments,
  comparedTotals,
  hasScenariosToCompare,
} from "./scenarioComparisonRows";

/** Columns of the Communications sheet: the inputs of each communication, then what they add up to. */
const COMMUNICATION_COLUMNS = {
  name: 1,
  phase: 2,
  stage: 3,
  purpose: 4,
  channel: 5,
  owner: 6,
  status: 7,
  timing: 8,
  share: 9,
  fixedCost: 10,
  costPerContact: 11,
  responseRate: 12,
  valuePerResponse: 13,
  reach: 14,
  customersReached: 15,
  responses: 16,
  cost: 17,
  value: 18,
  roi: 19,
} as const;

/** Data tables have their header in row 1; the Budget's and the breakdowns' total row follows the data. */
const FIRST_DATA_ROW = 2;

/**
 * Columns before the months or sends: Reach and Responses (communication, phase), Budget (communication,
 * owner, channel), breakdowns (name, kind).
 */
const REACH_LEAD_COLUMNS = 2;
const BUDGET_LEAD_COLUMNS = 3;
const BREAKDOWN_LEAD_COLUMNS = 2;

/** Fonts are given in full, as Excel itself writes them, rather than as changes to the default font. */
const FONT = { name: "Calibri", family: 2, size: 11 };
const BOLD = { ...FONT, bold: true };
/** The consultant's convention: inputs in blue on light yellow, everything else computed. */
const INPUT_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const INPUT_FONT = { ...FONT, color: { argb: "FF0000FF" } };
const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN = { style: "thin" as const, color: { argb: "FF8EA9DB" } };

const COUNT_FORMAT = "#,##0";
const SHARE_FORMAT = "0.0%";
const RATE_FORMAT = "0.00%";
const DATE_FORMAT = "yyyy-mm-dd";

type CellStyle = Partial<Style>;

/**
 * The style of a cell given none. exceljs works out a style id once per style object and reuses it for every cell
 * sharing the object; a cell left with the empty style exceljs gives each cell would be worked out on its own.
 * The id goes by the object whatever the cell holds, so a date must carry a style of its own (`styles.date`).
 */
const PLAIN: CellStyle = {};

/**
 * Every style the workbook uses, made once: cells share these objects rather
 * than each carrying a copy, which keeps a 2,000-communication workbook small
 * in memory.
 */
function workbookStyles(moneyFormat: string) {
  const input = (numFmt: string): CellStyle => ({ numFmt, fill: INPUT_FILL, font: INPUT_FONT });
  const total = (numFmt: string): CellStyle => ({ numFmt, font: BOLD, border: { top: THIN } });
  return {
    title: { font: { ...BOLD, size: 14 } },
    section: { font: { ...BOLD, size: 12 } },
    note: { font: { ...FONT, italic: true, color: { argb: "FF595959" } } },
    header: {
      font: BOLD,
      fill: HEADER_FILL,
      border: { bottom: THIN },
      alignment: { wrapText: true, vertical: "middle" },
    },
    label: { font: BOLD },
    money: { numFmt: moneyFormat },
    count: { numFmt: COUNT_FORMAT },
    share: { numFmt: SHARE_FORMAT },
    rate: { numFmt: RATE_FORMAT },
    date: { numFmt: DATE_FORMAT, alignment: { horizontal: "left" } },
    moneyInput: input(moneyFormat),
    countInput: input(COUNT_FORMAT),
    rateInput: input(RATE_FORMAT),
    totalLabel: total("General"),
    totalMoney: total(moneyFormat),
    grandTotal: { numFmt: moneyFormat, font: BOLD, border: { top: THIN, bottom: { style: "double" } } },
  } satisfies Record<string, CellStyle>;
}

type Styles = ReturnType<typeof workbookStyles>;

/** What every sheet writer needs: the document, its plan, and the labels and styles worked out once. */
interface WorkbookContext {
  readonly roadmap: Roadmap;
  readonly plan: PlanResult;
  /** Months of the horizon. */
  readonly T: number;
  /** Communications, one row each from `FIRST_DATA_ROW` in every per-communication sheet. */
  readonly n: number;
  readonly styles: Styles;
  readonly ownerLabels: ReadonlyMap<string, string>;
  readonly channelLabels: ReadonlyMap<string, string>;
  /** Each channel's row in the Assumptions' channel table, whose default costs communications can follow. */
  readonly channelRows: Map<string, number>;
  /** Each communication's contacts by how often the customer had it (`contactsBySendNumber`). */
  readonly contactsBySend: readonly Float64Array[];
}

/**
 * The live budget workbook the client's finance team gets: Summary,
 * Assumptions, Communications (one row of inputs per communication), Reach
 * (customers reached per communication and month, as the plan computed it),
 * Budget (cost per communication and month as formulas over the two), and the
 * Budget by owner and by channel; and for a roadmap with scenarios, a
 * Scenarios sheet with a column per scenario. Every total is a formula that also carries
 * the plan's figure, and Excel recalculates on open, so changing a cost per
 * contact moves every total that depends on it. `plan` must be the plan of
 * `roadmap`; `now` is the date the Summary gives as generated.
 */
export async function buildBudgetWorkbook(
  roadmap: Roadmap,
  plan: PlanResult,
  options: { now?: Date } = {},
): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Relationship Roadmap";
  workbook.title = workbookText(roadmap.name);
  workbook.created = now;
  workbook.modified = now;
  workbook.calcProperties.fullCalcOnLoad = true;

  const context: WorkbookContext = {
    roadmap,
    plan,
    T: plan.calendar.months.length,
    n: roadmap.communications.length,
    styles: workbookStyles(currencyNumberFormat(roadmap.currency)),
    ownerLabels: labelsById(
      roadmap.owners,
      roadmap.communications.map((communication) => communication.ownerId),
      "Owner",
    ),
    channelLabels: labelsById(
      roadmap.channels,
      roadmap.communications.map((communication) => communication.channelId),
      "Channel",
    ),
    channelRows: new Map(),
    contactsBySend: roadmap.communications.map((communication, c) => {
      const schedule = plan.communications[c];
      return schedule ? contactsBySendNumber(plan.flow, communication, schedule) : new Float64Array(0);
    }),
  };

  writeSummary(workbook.addWorksheet(SHEETS.summary), context, now);
  writeAssumptions(workbook.addWorksheet(SHEETS.assumptions), context);
  writeCommunications(workbook.addWorksheet(SHEETS.communications), context);
  writeReach(workbook.addWorksheet(SHEETS.reach), context);
  writeResponses(workbook.addWorksheet(SHEETS.responses), context);
  writeBudget(workbook.addWorksheet(SHEETS.budget), context);
  const { owner, channel } = plan.budget.byDimension;
  writeBreakdown(workbook.addWorksheet(SHEETS.byOwner), context, {
    title: "Owner",
    budgetColumn: 2,
    keys: owner.keys,
    labels: context.ownerLabels,
    kinds: new Map(roadmap.owners.map((item) => [item.id, OWNER_KIND_LABELS[item.kind]])),
    monthlyCost: owner.byMonth.cost,
    totalCost: owner.totalCost,
  });
  writeBreakdown(workbook.addWorksheet(SHEETS.byChannel), context, {
    title: "Channel",
    budgetColumn: 3,
    keys: channel.keys,
    labels: context.channelLabels,
    kinds: new Map(roadmap.channels.map((item) => [item.id, CHANNEL_KIND_LABELS[item.kind]])),
    monthlyCost: channel.byMonth.cost,
    totalCost: channel.totalCost,
  });
  if (hasScenariosToCompare(roadmap)) {
    const everyScenario = scenarioChoices(roadmap).map((choice) => choice.id);
    writeScenarios(workbook.addWorksheet(SHEETS.scenarios), context, compareScenarios(roadmap, everyScenario));
  }

  // The XML is repetitive enough that the fastest deflate level still compresses it well, in a fraction of the time.
  // exceljs types its buffer as an ArrayBuffer; at run time it is a (Node or polyfilled) Buffer, which this copies into a plain Uint8Array.
  return new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } }));
}

/**
 * Distinct labels for the listed objects, then for any id a communication
 * uses that is not listed (named by the id, as the budget keys it).
 */
function labelsById(
  listed: readonly { id: string; name: string }[],
  used: readonly string[],
  unnamed: string,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of listed) if (!names.has(item.id)) names.set(item.id, item.name);
  for (const id of used) if (!names.has(id)) names.set(id, id);
  const labels = distinctLabels([...names.values()], unnamed);
  return new Map([...names.keys()].map((id, i) => [id, labels[i] as string]));
}

function put(sheet: Worksheet, row: number, column: number, value: CellValue, style?: CellStyle): void {
  // Through the row: the sheet's getCell(row, column) decodes an address object for every cell.
  const cell = sheet.getRow(row).getCell(column);
  cell.value = value;
  cell.style = style ?? PLAIN;
}

/** A formula with the plan's figure as its result, which Excel shows until it recalculates and other readers keep. */
function formula(text: string, result: number | string): CellValue {
  return { formula: text, result };
}

/** Writes a formula into a cell of the sheet: `text` is asked for only when the cell needs it. */
type ColumnFormula = (
  row: number,
  column: number,
  text: () => string,
  result: number | string,
  style?: CellStyle,
) => void;

/**
 * Formulas that repeat down a column with only their rows moving, written as
 * Excel's shared formulas: the column's first such cell holds the text, the
 * cells below refer to it, and Excel (like any reader) gives each the formula
 * shifted to its own row, so the sheet reads as if every cell held its own.
 * The text is then kept and written once per column rather than once per
 * row, which is most of what a 2,000-communication workbook costs in memory
 * while exceljs writes it. `text` must be the formula of that row and column
 * on the same pattern as the column's first, every relative reference moving
 * with the row and nothing else.
 */
function columnFormulas(sheet: Worksheet): ColumnFormula {
  const masters = new Map<number, string>();
  return (row, column, text, result, style) => {
    const master = masters.get(column);
    if (master === undefined) masters.set(column, `${columnName(column)}${row}`);
    put(sheet, row, column, master === undefined ? formula(text(), result) : { sharedFormula: master, result }, style);
  };
}

function writeHeader(sheet: Worksheet, context: WorkbookContext, row: number, headers: readonly string[]): void {
  // Two lines, so headers such as "Fixed cost per send (EUR)" wrap in a narrow column rather than hide half.
  sheet.getRow(row).height = 30;
  for (const [i, header] of headers.entries()) put(sheet, row, i + 1, header, context.styles.header);
}

function setWidths(sheet: Worksheet, widths: readonly number[]): void {
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}

/** Frozen header row and lead columns, and a filter on the header of a table of `rows` data rows. */
function frameTable(sheet: Worksheet, leadColumns: number, columns: number, rows: number): void {
  sheet.views = [{ state: "frozen", xSplit: leadColumns, ySplit: 1 }];
  sheet.autoFilter = `A1:${columnName(columns)}${Math.max(rows, 1) + 1}`;
}

function monthHeaders(context: WorkbookContext): string[] {
  return context.plan.calendar.months.map((month) => month.label);
}

/** The rows of the per-communication sheets, or null when there are no communications to add up. */
function dataRange(context: WorkbookContext): { first: number; last: number } | null {
  return context.n === 0 ? null : { first: FIRST_DATA_ROW, last: FIRST_DATA_ROW + context.n - 1 };
}

/** A column total: SUM over the data rows, or a plain 0 when there are none (an empty range is no range). */
function columnSum(
  column: number,
  rows: { first: number; last: number } | null,
  result: number,
  sheet = "",
): CellValue {
  if (!rows) return 0;
  const letter = columnName(column);
  const prefix = sheet ? `${sheet}!` : "";
  return formula(`SUM(${prefix}${letter}${rows.first}:${letter}${rows.last})`, result);
}

function budgetTotalColumn(context: WorkbookContext): number {
  return BUDGET_LEAD_COLUMNS + context.T + 1;
}

function budgetTotalRow(context: WorkbookContext): number {
  return FIRST_DATA_ROW + context.n;
}

function writeSummary(sheet: Worksheet, context: WorkbookContext, now: Date): void {
  const { roadmap, plan, styles } = context;
  setWidths(sheet, [30, 22, 60]);
  put(sheet, 1, 1, workbookText(roadmap.name), styles.title);
  put(sheet, 2, 1, "Budget workbook exported from Relationship Roadmap", styles.note);

  let row = 4;
  const line = (label: string, value: CellValue, style?: CellStyle) => {
    put(sheet, row, 1, label, styles.label);
    put(sheet, row, 2, value, style);
    return row++;
  };
  line("Client", workbookText(roadmap.client));
  line("Prepared by", workbookText(roadmap.preparedBy));
  line("Currency", roadmap.currency);
  line("Start month", roadmap.startMonth);
  line("Horizon (months)", roadmap.horizonMonths);
  // Excel's dates have no time zone; exceljs writes a Date as its UTC day, so this is the exporter's own calendar day.
  line("Generated", new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())), styles.date);

  row++;
  const budget = `${SHEETS.budget}!${columnName(budgetTotalColumn(context))}${budgetTotalRow(context)}`;
  const costRow = line("Total cost", formula(budget, plan.budget.totalCost), styles.grandTotal);
  const valueRow = line(
    "Expected value",
    columnSum(COMMUNICATION_COLUMNS.value, dataRange(context), plan.budget.totalValue, SHEETS.communications),
    styles.money,
  );
  line(
    "Return on investment",
    formula(`IF(B${costRow}>0,(B${valueRow}-B${costRow})/B${costRow},"")`, plan.budget.roi ?? ""),
    styles.share,
  );
  line("Customers at start", plan.customers.atStart, styles.count);
  line("Customers at end", plan.customers.atEnd, styles.count);

  row++;
  put(sheet, row++, 1, "Cost by year", styles.section);
  const totalRow = budgetTotalRow(context);
  plan.calendar.years.forEach((year, j) => {
    const first = columnName(BUDGET_LEAD_COLUMNS + year.firstMonth + 1);
    const last = columnName(BUDGET_LEAD_COLUMNS + year.firstMonth + year.monthCount);
    line(
      year.label,
      formula(
        `SUM(${SHEETS.budget}!${first}${totalRow}:${last}${totalRow})`,
        plan.budget.overall.byYear.cost[j] as number,
      ),
      styles.money,
    );
  });

  row++;
  put(sheet, row, 1, "How to read it", styles.section);
  put(sheet, row, 2, "Input", styles.moneyInput);
  for (const note of [
    "Yellow cells are inputs; totals recalculate.",
    "Change a fixed cost, cost per contact, response rate or value per response on Communications,",
    "a channel's default costs on Assumptions (communications that follow them move with them),",
    "or contacts on Reach and Responses, and every total that depends on it moves.",
    "Reach was planned in Relationship Roadmap from the Assumptions: changing a customer figure does not re-plan it.",
    "A customer answers a communication at most once per stay in its phase: see Responses.",
  ]) {
    put(sheet, row++, 3, note, styles.note);
  }
}

function writeAssumptions(sheet: Worksheet, context: WorkbookContext): void {
  const { roadmap, styles } = context;
  setWidths(sheet, [34, 22, 20, 20, 40]);
  put(sheet, 1, 1, "Planning assumptions", styles.title);
  put(
    sheet,
    2,
    1,
    "What the plan's reach was computed from, for reference: changing these does not re-plan.",
    styles.note,
  );
  let row = 4;
  const table = (title: string, headers: readonly string[], rows: readonly (readonly [CellValue, CellStyle?][])[]) => {
    put(sheet, row++, 1, title, styles.section);
    writeHeader(sheet, context, row++, headers);
    for (const cells of rows) {
      for (const [i, [value, style]] of cells.entries()) put(sheet, row, i + 1, value, style);
      row++;
    }
    row++;
  };
  const text = (value: string): [CellValue] => [workbookText(value)];
  const phaseNames = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const stageNames = new Map(roadmap.stages.map((stage) => [stage.id, stage.name]));
  const segmentNames = new Map(roadmap.segments.map((segment) => [segment.id, segment.name]));
  const sum = (perSegment: Record<string, number>) => Object.values(perSegment).reduce((a, b) => a + b, 0);
  const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 2 });

  table(
    "Segments",
    ["Segment", "Customers at start", `Annual value per customer (${roadmap.currency})`],
    roadmap.segments.map((segment) => [
      text(segment.name),
      [segmentCustomersAtStart(roadmap, segment.id), styles.count],
      [segment.annualValue, styles.money],
    ]),
  );
  table(
    "Phases",
    ["Phase", "Stage", "Monthly churn", "Customers at start", "New customers per month"],
    roadmap.phases.map((phase) => [
      text(phase.name),
      text(stageNames.get(phase.stageId) ?? phase.stageId),
      [phase.churnRate, styles.rate],
      [sum(phase.initialCustomers), styles.count],
      [sum(phase.arrivalsPerMonth), styles.count],
    ]),
  );
  table(
    "Transitions",
    ["From", "To", "Monthly rate", "Trigger", "Rate by segment"],
    roadmap.transitions.map((transition) => [
      text(phaseNames.get(transition.from) ?? transition.from),
      text(phaseNames.get(transition.to) ?? transition.to),
      [transition.rate, styles.rate],
      text(transition.trigger),
      text(
        Object.entries(transition.rateBySegment)
          .map(([segmentId, rate]) => `${segmentNames.get(segmentId) ?? segmentId}: ${percent.format(rate)}`)
          .join("; "),
      ),
    ]),
  );
  // The channels' default costs are inputs: the communications that follow them read them from here.
  roadmap.channels.forEach((channel, i) => {
    if (!context.channelRows.has(channel.id)) context.channelRows.set(channel.id, row + 2 + i);
  });
  table(
    "Channels",
    ["Channel", "Kind", "Fixed cost per send", "Cost per contact", "Most sends per customer a month"],
    roadmap.channels.map((channel) => [
      [context.channelLabels.get(channel.id) ?? ""],
      [CHANNEL_KIND_LABELS[channel.kind]],
      [channel.fixedCost, styles.moneyInput],
      [channel.costPerContact, styles.moneyInput],
      [channel.contactCap ?? "No limit", styles.count],
    ]),
  );
  table(
    "Plan settings",
    ["Setting", "Value"],
    [
      [["Communications per customer a month before it counts as a collision"], [roadmap.contactCap, styles.count]],
      [["Annual discount rate (lifetime value)"], [roadmap.annualDiscountRate, styles.rate]],
    ],
  );
}

function writeCommunications(sheet: Worksheet, context: WorkbookContext): void {
  const { roadmap, plan, styles } = context;
  const C = COMMUNICATION_COLUMNS;
  writeHeader(sheet, context, 1, [
    "Communication",
    "Phase",
    "Stage",
    "Purpose",
    "Channel",
    "Owner",
    "Status",
    "Timing",
    "Audience share",
    `Fixed cost per send (${roadmap.currency})`,
    `Cost per contact (${roadmap.currency})`,
    "Response rate",
    `Value per response (${roadmap.currency})`,
    "Contacts",
    "Customers reached",
    "Expected responses",
    `Cost (${roadmap.currency})`,
    `Expected value (${roadmap.currency})`,
    "Return on investment",
  ]);
  setWidths(sheet, [36, 24, 14, 16, 22, 22, 11, 20, 10, 14, 14, 11, 14, 13, 13, 13, 16, 16, 12]);
  frameTable(sheet, 1, C.roi, context.n);

  const phases = new Map(roadmap.phases.map((phase) => [phase.id, phase]));
  const stageNames = new Map(roadmap.stages.map((stage) => [stage.id, stage.name]));
  const lastMonth = columnName(REACH_LEAD_COLUMNS + context.T);
  const firstMonth = columnName(REACH_LEAD_COLUMNS + 1);
  const budgetTotal = columnName(budgetTotalColumn(context));
  const sends = maxSends(context);
  const customersColumn = columnName(REACH_LEAD_COLUMNS + sends + 1);
  const responsesColumn = columnName(REACH_LEAD_COLUMNS + sends + 2);
  const costs = costsOfCommunications(roadmap);
  const shared = columnFormulas(sheet);

  roadmap.communications.forEach((communication, c) => {
    const schedule = plan.communications[c];
    const r = FIRST_DATA_ROW + c;
    const phase = phases.get(communication.phaseId);
    put(sheet, r, C.name, workbookText(communication.name));
    put(sheet, r, C.phase, workbookText(phase?.name ?? communication.phaseId));
    put(sheet, r, C.stage, phase ? workbookText(stageNames.get(phase.stageId) ?? phase.stageId) : "");
    put(sheet, r, C.purpose, PURPOSE_LABELS[communication.purpose]);
    put(sheet, r, C.channel, context.channelLabels.get(communication.channelId) ?? "");
    put(sheet, r, C.owner, context.ownerLabels.get(communication.ownerId) ?? "");
    put(sheet, r, C.status, STATUS_LABELS[communication.status]);
    put(sheet, r, C.timing, describeTiming(communication.timing, plan.calendar.months));
    put(sheet, r, C.share, communication.audience.share, styles.share);
    const own = costs[c];
    const channelRow = context.channelRows.get(communication.channelId);
    // A cost that follows the channel reads the channel's input on Assumptions; one set here is an input itself.
    const writeCost = (field: "fixedCost" | "costPerContact", assumptionsColumn: string) => {
      const value = own?.[field] ?? 0;
      return communication[field] === null && channelRow !== undefined
        ? put(
            sheet,
            r,
            C[field],
            formula(`${SHEETS.assumptions}!$${assumptionsColumn}$${channelRow}`, value),
            styles.money,
          )
        : put(sheet, r, C[field], value, styles.moneyInput);
    };
    writeCost("fixedCost", "C");
    writeCost("costPerContact", "D");
    put(sheet, r, C.responseRate, communication.responseRate, styles.rateInput);
    put(sheet, r, C.valuePerResponse, communication.valuePerResponse, styles.moneyInput);
    shared(
      r,
      C.reach,
      () => `SUM(${SHEETS.reach}!${firstMonth}${r}:${lastMonth}${r})`,
      schedule?.totalReach ?? 0,
      styles.count,
    );
    shared(
      r,
      C.customersReached,
      () => `${SHEETS.responses}!${customersColumn}${r}`,
      schedule?.totalCustomersReached ?? 0,
      styles.count,
    );
    shared(
      r,
      C.responses,
      () => `${SHEETS.responses}!${responsesColumn}${r}`,
      schedule?.totalResponses ?? 0,
      styles.count,
    );
    shared(r, C.cost, () => `${SHEETS.budget}!${budgetTotal}${r}`, schedule?.totalCost ?? 0, styles.money);
    shared(
      r,
      C.value,
      () => `${columnName(C.responses)}${r}*${columnName(C.valuePerResponse)}${r}`,
      schedule?.totalValue ?? 0,
      styles.money,
    );
    const cost = `${columnName(C.cost)}${r}`;
    shared(
      r,
      C.roi,
      () => `IF(${cost}>0,(${columnName(C.value)}${r}-${cost})/${cost},"")`,
      schedule?.roi ?? "",
      styles.share,
    );
  });
}

function writeReach(sheet: Worksheet, context: WorkbookContext): void {
  const { roadmap, plan, styles, T } = context;
  writeHeader(sheet, context, 1, ["Communication", "Phase", ...monthHeaders(context)]);
  setWidths(sheet, [36, 24, ...Array<number>(T).fill(10)]);
  frameTable(sheet, REACH_LEAD_COLUMNS, REACH_LEAD_COLUMNS + T, context.n);
  const phaseNames = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  roadmap.communications.forEach((communication, c) => {
    const r = FIRST_DATA_ROW + c;
    const reach = plan.communications[c]?.reach;
    put(sheet, r, 1, workbookText(communication.name));
    put(sheet, r, 2, workbookText(phaseNames.get(communication.phaseId) ?? communication.phaseId));
    // A month without reach stays blank, so the sheet reads as a calendar of sends (and a large plan
    // carries a third of the cells); the Budget's formulas read a blank as no one reached.
    for (let t = 0; t < T; t++) {
      const reached = reach?.[t] ?? 0;
      if (reached > 0) put(sheet, r, REACH_LEAD_COLUMNS + 1 + t, reached, styles.countInput);
    }
  });
}

/** The most times any customer gets one communication in a stay: the Responses sheet's columns of sends. */
function maxSends(context: WorkbookContext): number {
  return Math.max(1, ...context.contactsBySend.map((bySend) => bySend.findLastIndex((contacts) => contacts > 0) + 1));
}

/**
 * Contacts of each communication by how often the customer had had it in
 * their stay in the phase (1st send, 2nd…), and the responses they bring: a
 * customer who answered does not answer again, so the n-th send to a customer
 * is answered at rate × (1 − rate)^(n − 1) — one formula per row over the
 * communication's response rate, which moves with it.
 */
function writeResponses(sheet: Worksheet, context: WorkbookContext): void {
  const { roadmap, plan, styles } = context;
  const sends = maxSends(context);
  const firstSend = columnName(REACH_LEAD_COLUMNS + 1);
  const lastSend = columnName(REACH_LEAD_COLUMNS + sends);
  const customersColumn = REACH_LEAD_COLUMNS + sends + 1;
  const responsesColumn = REACH_LEAD_COLUMNS + sends + 2;
  writeHeader(sheet, context, 1, ["Communication", "Phase"]);
  // The send numbers are numbers, shown as "Send 1", so the responses formula can raise to them.
  for (let i = 0; i < sends; i++) {
    put(sheet, 1, REACH_LEAD_COLUMNS + 1 + i, i + 1, { ...styles.header, numFmt: '"Send "0' });
  }
  put(sheet, 1, customersColumn, "Customers reached", styles.header);
  put(sheet, 1, responsesColumn, "Expected responses", styles.header);
  setWidths(sheet, [36, 24, ...Array<number>(sends).fill(11), 14, 14]);
  frameTable(sheet, REACH_LEAD_COLUMNS, responsesColumn, context.n);

  const phaseNames = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const rate = `${SHEETS.communications}!$${columnName(COMMUNICATION_COLUMNS.responseRate)}`;
  const shared = columnFormulas(sheet);
  roadmap.communications.forEach((communication, c) => {
    const r = FIRST_DATA_ROW + c;
    const schedule = plan.communications[c];
    put(sheet, r, 1, workbookText(communication.name));
    put(sheet, r, 2, workbookText(phaseNames.get(communication.phaseId) ?? communication.phaseId));
    for (const [i, contacts] of (context.contactsBySend[c] ?? []).entries()) {
      if (contacts > 0) put(sheet, r, REACH_LEAD_COLUMNS + 1 + i, contacts, styles.countInput);
    }
    // SUM, not a plain reference: a communication that reaches no one has a blank first send, which must read 0.
    shared(r, customersColumn, () => `SUM(${firstSend}${r})`, schedule?.totalCustomersReached ?? 0, styles.count);
    const sendRow = `${firstSend}${r}:${lastSend}${r}`;
    const sendNumbers = `$${firstSend}$1:$${lastSend}$1`;
    shared(
      r,
      responsesColumn,
      () => `SUMPRODUCT(${sendRow},${rate}${r}*(1-${rate}${r})^(${sendNumbers}-1))`,
      schedule?.totalResponses ?? 0,
      styles.count,
    );
  });
}

function writeBudget(sheet: Worksheet, context: WorkbookContext): void {
  const { roadmap, plan, styles, T } = context;
  const C = COMMUNICATION_COLUMNS;
  const totalColumn = budgetTotalColumn(context);
  writeHeader(sheet, context, 1, ["Communication", "Owner", "Channel", ...monthHeaders(context), "Total"]);
  setWidths(sheet, [36, 22, 22, ...Array<number>(T).fill(13), 16]);
  frameTable(sheet, BUDGET_LEAD_COLUMNS, totalColumn, context.n);

  const communications = `${SHEETS.communications}!`;
  const fixedCost = `${communications}$${columnName(C.fixedCost)}`;
  const costPerContact = `${communications}$${columnName(C.costPerContact)}`;
  const reachColumns = Array.from({ length: T }, (_, t) => `${SHEETS.reach}!${columnName(REACH_LEAD_COLUMNS + 1 + t)}`);
  const firstMonth = columnName(BUDGET_LEAD_COLUMNS + 1);
  const lastMonth = columnName(BUDGET_LEAD_COLUMNS + T);
  const shared = columnFormulas(sheet);

  roadmap.communications.forEach((communication, c) => {
    const schedule = plan.communications[c];
    const r = FIRST_DATA_ROW + c;
    // Read from Communications, so moving a communication to another owner or channel there moves its money too.
    shared(r, 1, () => `${communications}${columnName(C.name)}${r}`, workbookText(communication.name));
    shared(
      r,
      2,
      () => `${communications}${columnName(C.owner)}${r}`,
      context.ownerLabels.get(communication.ownerId) ?? "",
    );
    shared(
      r,
      3,
      () => `${communications}${columnName(C.channel)}${r}`,
      context.channelLabels.get(communication.channelId) ?? "",
    );
    for (let t = 0; t < T; t++) {
      // A month it does not send in stays blank, as in Reach: a large plan is mostly such months, and
      // exceljs holds every written cell in memory (2,000 communications × 60 months otherwise need 0.5 GB).
      if (schedule?.fires[t] !== 1) continue;
      // As the plan computes it (schedule.ts): a month with no one to reach sends nothing and costs nothing.
      const cost = () => {
        const reach = `${reachColumns[t]}${r}`;
        return `IF(${reach}>0,${fixedCost}${r}+${costPerContact}${r}*${reach},0)`;
      };
      shared(r, BUDGET_LEAD_COLUMNS + 1 + t, cost, schedule.cost[t] ?? 0, styles.money);
    }
    shared(
      r,
      totalColumn,
      () => `SUM(${firstMonth}${r}:${lastMonth}${r})`,
      schedule?.totalCost ?? 0,
      styles.totalMoney,
    );
  });

  const totalRow = budgetTotalRow(context);
  const rows = dataRange(context);
  put(sheet, totalRow, 1, "Total", styles.totalLabel);
  put(sheet, totalRow, 2, "", styles.totalLabel);
  put(sheet, totalRow, 3, "", styles.totalLabel);
  const monthly = plan.budget.overall.byMonth.cost;
  for (let t = 0; t < T; t++) {
    const column = BUDGET_LEAD_COLUMNS + 1 + t;
    put(sheet, totalRow, column, columnSum(column, rows, monthly[t] as number), styles.totalMoney);
  }
  put(sheet, totalRow, totalColumn, columnSum(totalColumn, rows, plan.budget.totalCost), styles.grandTotal);
}

interface Breakdown {
  /** "Owner" or "Channel": the first column's header. */
  readonly title: string;
  /** The Budget column holding each communication's owner or channel label. */
  readonly budgetColumn: number;
  readonly keys: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly kinds: ReadonlyMap<string, string>;
  /** The plan's cost of `keys[k]` in month t, at `[k * T + t]`. */
  readonly monthlyCost: Float64Array;
  readonly totalCost: Float64Array;
}

/**
 * Cost per owner (or channel) and month, each cell adding up the Budget rows
 * whose owner is the row's. SUMPRODUCT with "=" rather than SUMIF, because
 * SUMIF would read a name such as "<Partners>" or "Sales*" as a condition.
 */
function writeBreakdown(sheet: Worksheet, context: WorkbookContext, breakdown: Breakdown): void {
  const { styles, T } = context;
  const totalColumn = BREAKDOWN_LEAD_COLUMNS + T + 1;
  const keys = breakdown.keys;
  writeHeader(sheet, context, 1, [breakdown.title, "Kind", ...monthHeaders(context), "Total"]);
  setWidths(sheet, [30, 20, ...Array<number>(T).fill(13), 16]);
  frameTable(sheet, BREAKDOWN_LEAD_COLUMNS, totalColumn, keys.length);

  const rows = dataRange(context);
  const budget = `${SHEETS.budget}!`;
  const labelColumn = columnName(breakdown.budgetColumn);
  const labels = rows ? `${budget}$${labelColumn}$${rows.first}:$${labelColumn}$${rows.last}` : "";
  const firstMonth = columnName(BREAKDOWN_LEAD_COLUMNS + 1);
  const lastMonth = columnName(BREAKDOWN_LEAD_COLUMNS + T);
  const columnTotals = new Float64Array(T);
  let grandTotal = 0;

  keys.forEach((key, k) => {
    const r = FIRST_DATA_ROW + k;
    put(sheet, r, 1, breakdown.labels.get(key) ?? "");
    put(sheet, r, 2, breakdown.kinds.get(key) ?? "");
    for (let t = 0; t < T; t++) {
      const cost = breakdown.monthlyCost[k * T + t] as number;
      columnTotals[t] = (columnTotals[t] as number) + cost;
      const month = columnName(BUDGET_LEAD_COLUMNS + 1 + t);
      const value = rows
        ? formula(`SUMPRODUCT((${labels}=$A${r})*${budget}${month}$${rows.first}:${month}$${rows.last})`, cost)
        : 0;
      put(sheet, r, BREAKDOWN_LEAD_COLUMNS + 1 + t, value, styles.money);
    }
    const total = breakdown.totalCost[k] as number;
    grandTotal += total;
    put(sheet, r, totalColumn, formula(`SUM(${firstMonth}${r}:${lastMonth}${r})`, total), styles.totalMoney);
  });

  const totalRow = FIRST_DATA_ROW + keys.length;
  const keyRows = keys.length === 0 ? null : { first: FIRST_DATA_ROW, last: totalRow - 1 };
  put(sheet, totalRow, 1, "Total", styles.totalLabel);
  put(sheet, totalRow, 2, "", styles.totalLabel);
  for (let t = 0; t < T; t++) {
    const column = BREAKDOWN_LEAD_COLUMNS + 1 + t;
    put(sheet, totalRow, column, columnSum(column, keyRows, columnTotals[t] as number), styles.totalMoney);
  }
  put(sheet, totalRow, totalColumn, columnSum(totalColumn, keyRows, grandTotal), styles.grandTotal);
}

/**
 * Every scenario of the roadmap side by side, a column each, as the app
 * planned it: the budget and expected value by year, stage, owner and
 * channel, the customers, and each segment's figures. The planned figures are
 * values (the other sheets are the base plan's live workings); every total and
 * return on investment is a formula over them.
 */
function writeScenarios(sheet: Worksheet, context: WorkbookContext, comparison: ScenarioComparison): void {
  const { styles } = context;
  const names = comparison.scenarios.map((scenario) => workbookText(scenario.name));
  const letters = names.map((_, i) => columnName(2 + i));
  setWidths(sheet, [34, ...names.map(() => 18)]);
  put(sheet, 1, 1, "Scenarios", styles.title);
  put(
    sheet,
    2,
    1,
    "Each scenario as Relationship Roadmap planned it; the other sheets are the first one's live workings.",
    styles.note,
  );
  let row = 4;
  /** What each row written holds, column by column: the results the formulas below it store. */
  const written = new Map<number, readonly number[]>();
  const header = (title: string) => writeHeader(sheet, context, row++, [title, ...names]);
  const figures = (label: string, values: readonly (number | null)[], style: CellStyle) => {
    put(sheet, row, 1, workbookText(label));
    for (const [i, value] of values.entries()) put(sheet, row, 2 + i, value ?? "", style);
    written.set(
      row,
      values.map((value) => value ?? 0),
    );
    return row++;
  };
  /** A total row adding up the rows from `first` to the one above it. */
  const total = (label: string, first: number) => {
    put(sheet, row, 1, label, styles.totalLabel);
    const sums = letters.map((letter, i) => {
      let sum = 0;
      for (let r = first; r < row; r++) sum += written.get(r)?.[i] ?? 0;
      put(
        sheet,
        row,
        2 + i,
        first < row ? formula(`SUM(${letter}${first}:${letter}${row - 1})`, sum) : 0,
        styles.totalMoney,
      );
      return sum;
    });
    written.set(row, sums);
    return row++;
  };
  /** The return on the cost in `costRow` of the value in `valueRow`, blank where nothing is spent. */
  const roi = (label: string, costRow: number, valueRow: number) => {
    put(sheet, row, 1, label);
    letters.forEach((letter, i) => {
      const cost = written.get(costRow)?.[i] ?? 0;
      const value = written.get(valueRow)?.[i] ?? 0;
      const at = `${letter}${costRow}`;
      put(
        sheet,
        row,
        2 + i,
        formula(`IF(${at}>0,(${letter}${valueRow}-${at})/${at},"")`, cost > 0 ? (value - cost) / cost : ""),
        styles.share,
      );
    });
    return row++;
  };
  const block = (title: string, rows: readonly ComparedFigure[], totalLabel: string) => {
    header(title);
    const first = row;
    for (const figure of rows) figures(figure.label, figure.values, styles.money);
    return total(totalLabel, first);
  };

  const years = comparedBreakdown(comparison, "byYear");
  const budgetRow = block(
    "Budget by year",
    years.map((year) => year.cost),
    "Total budget",
  );
  row++;
  const valueRow = block(
    "Expected value by year",
    years.map((year) => year.value),
    "Total expected value",
  );
  roi("Return on investment", budgetRow, valueRow);
  for (const { key, title } of COMPARED_BREAKDOWNS.filter((breakdown) => breakdown.key !== "byYear")) {
    row++;
    block(
      title,
      comparedBreakdown(comparison, key).map((group) => group.cost),
      "Total",
    );
  }
  row++;
  header("Customers");
  for (const figure of comparedTotals(comparison).filter((f) => f.kind === "count")) {
    figures(figure.label, figure.values, styles.count);
  }
  for (const segment of comparedSegments(comparison)) {
    row++;
    header(workbookText(`Segment: ${segment.name}`));
    // The segment's ROI is a formula over its cost and value rows, which come before it.
    const rowOf: Record<string, number> = {};
    for (const figure of segment.figures) {
      if (figure.kind === "roi") roi(figure.label, rowOf.cost ?? 0, rowOf.value ?? 0);
      else
        rowOf[figure.key] = figures(figure.label, figure.values, figure.kind === "money" ? styles.money : styles.count);
    }
  }
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
}
