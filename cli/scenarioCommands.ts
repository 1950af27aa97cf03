import { parseArgs } from "node:util";
import { compareScenarios, type ScenarioFigures } from "../shared/engine";
import { describeDifference } from "../shared/model/differenceText";
import { diffRoadmaps, type RoadmapDifference } from "../shared/model/roadmapDiff";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { asIsFromExisting } from "../shared/model/scenarioEdits";
import { scenarioChoices, scenarioIdByName } from "../shared/model/scenarios";
import { BASE_SCENARIO_ID, type Roadmap } from "../shared/model/schema";
import { alignTable } from "./budgetReport";
import {
  type CliIo,
  type Command,
  count,
  EXIT_FAILURE,
  EXIT_OK,
  HELP_OPTION,
  loadRoadmap,
  parseCommandLine,
  usageError,
  writeFailureReason,
} from "./commandLine";

/**
 * The scenario id a user named, or undefined after saying on stderr which
 * scenarios the file has: `budget --scenario` and `compare --scenarios` share it.
 */
export function findScenarioNamed(file: string, roadmap: Roadmap, name: string, io: CliIo): string | undefined {
  const id = scenarioIdByName(roadmap, name);
  if (id === undefined) io.stderr(`${file}: there is no scenario “${name.trim()}”. ${scenarioList(roadmap)}\n`);
  return id;
}

function scenarioList(roadmap: Roadmap): string {
  return `The scenarios are: ${scenarioChoices(roadmap)
    .map((choice) => `“${choice.name}”`)
    .join(", ")}.`;
}

/** What `compare --json` prints for each side: the headline figures, budget by year and owner, contact pressure. */
interface ComparedJson {
  name: string;
  totals: ScenarioFigures["totals"];
  byYear: ScenarioFigures["byYear"];
  byOwner: ScenarioFigures["byOwner"];
  pressure: { segment: string; name: string; collisions: number; worstContactsPerMonth: number }[];
}

export const COMPARE: Command = {
  name: "compare",
  synopsis: "compare FILE [--scenarios A,B[,C…]] [--json] | compare FILE_A FILE_B [--json]",
  summary: "Compare a roadmap's scenarios, or the plans of two roadmap files, side by side",
  help: () =>
    [
      "With one FILE: plans the scenarios named by --scenarios (names separated by",
      "commas, in any case; the roadmap's own plan is one of them, by its name), or",
      "by default every scenario of the roadmap, its own plan first, and prints",
      "their totals side by side, the budget by year, stage, owner and channel,",
      "each segment's customers kept, cost, ROI, lifetime value and contact",
      "pressure, then what each scenario says differently from the first.",
      "",
      "With two files (two roadmaps, or two versions exported as files): compares",
      "the plans of their own base scenarios, and lists what differs from FILE_A",
      "to FILE_B, field by field.",
      "",
      "Options:",
      "  -s, --scenarios A,B  the scenarios to compare, at least two; the first is what the others are compared with",
      "  --json               print {scenarios: [{name, totals, byYear, byOwner, pressure}], differences:",
      "                       [{from, to, changes}]} unrounded; pressure is per segment:",
      "                       {segment, name, collisions, worstContactsPerMonth}",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(COMPARE, io, () =>
      parseArgs({
        args,
        options: { ...HELP_OPTION, json: { type: "boolean" }, scenarios: { type: "string", short: "s" } },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, other, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(COMPARE, "name one roadmap file, or two", io);
    if (other !== undefined && parsed.values.scenarios !== undefined) {
      return usageError(
        COMPARE,
        "--scenarios compares the scenarios of one file; with two files, name no scenarios",
        io,
      );
    }
    const names = parsed.values.scenarios?.split(",").map((name) => name.trim());
    if (names !== undefined && names.filter((name) => name !== "").length < 2) {
      return usageError(COMPARE, "--scenarios needs at least two scenario names, separated by commas", io);
    }

    if (other !== undefined) return compareFiles(file, other, parsed.values.json === true, io);

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const { roadmap } = loaded;
    let ids: string[];
    if (names === undefined) {
      ids = scenarioChoices(roadmap).map((choice) => choice.id);
      if (ids.length < 2) {
        io.stderr(
          `${file}: has only its own plan, “${roadmap.baseScenario.name}”, so there is nothing to compare; add a scenario in the app, or an as-is one with roadmap scenario ${file} --as-is NAME\n`,
        );
        return EXIT_FAILURE;
      }
    } else {
      const found = names.filter((name) => name !== "").map((name) => findScenarioNamed(file, roadmap, name, io));
      if (found.some((id) => id === undefined)) return EXIT_FAILURE;
      ids = found as string[];
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      if (twice !== undefined) {
        const name = scenarioChoices(roadmap).find((choice) => choice.id === twice)?.name ?? twice;
        return usageError(COMPARE, `--scenarios names “${name}” twice`, io);
      }
    }
    const comparison = compareScenarios(roadmap, ids);
    const nameOf = new Map(comparison.scenarios.map((figures) => [figures.scenarioId, figures.name]));
    const differences = comparison.differences.map(({ from, to, changes }) => ({
      from: nameOf.get(from) ?? from,
      to: nameOf.get(to) ?? to,
      changes,
    }));
    printComparison(roadmap, comparison.scenarios, differences, parsed.values.json === true, io);
    return EXIT_OK;
  },
};

/** Two files' own plans side by side, and what changed from the first to the second. */
async function compareFiles(fileA: string, fileB: string, json: boolean, io: CliIo): Promise<number> {
  const a = await loadRoadmap(fileA, io);
  const b = await loadRoadmap(fileB, io);
  if (!a || !b) return EXIT_FAILURE;
  const figures = [
    { file: fileA, roadmap: a.roadmap },
    { file: fileB, roadmap: b.roadmap },
  ].map(({ file, roadmap }): ScenarioFigures => {
    const planned = compareScenarios(roadmap, [BASE_SCENARIO_ID]).scenarios[0];
    if (!planned) throw new Error("a roadmap always has its own plan");
    return { ...planned, name: file };
  });
  const differences = [{ from: fileA, to: fileB, changes: diffRoadmaps(a.roadmap, b.roadmap) }];
  printComparison(b.roadmap, figures, differences, json, io);
  return EXIT_OK;
}

function printComparison(
  roadmap: Roadmap,
  scenarios: readonly ScenarioFigures[],
  differences: readonly { from: string; to: string; changes: readonly RoadmapDifference[] }[],
  json: boolean,
  io: CliIo,
): void {
  if (json) {
    const compared: ComparedJson[] = scenarios.map((figures) => ({
      name: figures.name,
      totals: figures.totals,
      byYear: figures.byYear,
      byOwner: figures.byOwner,
      pressure: figures.bySegment.map((segment) => ({
        segment: segment.segmentId,
        name: segment.name,
        collisions: segment.collisions,
        worstContactsPerMonth: segment.worstContactsPerMonth,
      })),
    }));
    io.stdout(`${JSON.stringify({ scenarios: compared, differences }, null, 2)}\n`);
    return;
  }
  io.stdout(formatComparison(roadmap, scenarios, differences, io.locale));
}

/** The comparison as aligned tables, one column per scenario, then the differences as sentences. */
function formatComparison(
  roadmap: Roadmap,
  scenarios: readonly ScenarioFigures[],
  differences: readonly { from: string; to: string; changes: readonly RoadmapDifference[] }[],
  locale?: string,
): string {
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: roadmap.currency,
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const roi = (value: number | null) => (value === null ? "—" : percent.format(value));
  const columns = scenarios.map(() => "right" as const);
  const table = (title: string, rows: string[][]) =>
    alignTable([[title, ...scenarios.map((s) => s.name)], ...rows], ["left", ...columns]);
  const row = (label: string, cell: (figures: ScenarioFigures) => string) => [label, ...scenarios.map(cell)];
  const breakdown = (title: string, pick: (figures: ScenarioFigures) => ScenarioFigures["byYear"]) => {
    const labels = [...new Map(scenarios.flatMap((s) => pick(s).map((r) => [r.id, r.label] as const))).entries()];
    return table(
      `${title} (cost)`,
      labels.map(([id, label]) => row(label, (s) => money.format(pick(s).find((r) => r.id === id)?.cost ?? 0))),
    );
  };
  const segmentRows = roadmap.segments.flatMap((segment) => {
    const of = (s: ScenarioFigures) => s.bySegment.find((figures) => figures.segmentId === segment.id);
    return [
      row(`${segment.name}: customers kept`, (s) => number.format(of(s)?.customersKept ?? 0)),
      row(`${segment.name}: cost`, (s) => money.format(of(s)?.cost ?? 0)),
      row(`${segment.name}: ROI`, (s) => roi(of(s)?.roi ?? null)),
      row(`${segment.name}: lifetime value`, (s) => {
        const value = of(s)?.lifetimeValue;
        return value === null || value === undefined ? "—" : money.format(value);
      }),
      row(`${segment.name}: collisions`, (s) => number.format(of(s)?.collisions ?? 0)),
      row(`${segment.name}: most contacts a month`, (s) => number.format(of(s)?.worstContactsPerMonth ?? 0)),
    ];
  });
  const sections = [
    table("Totals", [
      row("Budget", (s) => money.format(s.totals.budget)),
      row("Expected value", (s) => money.format(s.totals.value)),
      row("ROI", (s) => roi(s.totals.roi)),
      row("Customers at start", (s) => number.format(s.totals.customersAtStart)),
      row("Arrivals", (s) => number.format(s.totals.arrivals)),
      row("Churned", (s) => number.format(s.totals.churned)),
      row("Customers kept", (s) => number.format(s.totals.customersKept)),
      row("Collisions", (s) => number.format(s.totals.collisions)),
    ]),
    breakdown("Year", (s) => s.byYear),
    breakdown("Stage", (s) => s.byStage),
    breakdown("Owner", (s) => s.byOwner),
    breakdown("Channel", (s) => s.byChannel),
    table("Segment", segmentRows),
    ...differences.map(({ from, to, changes }) =>
      [
        `${to} against ${from}: ${changes.length === 0 ? "no differences" : count(changes.length, "difference")}`,
        ...changes.map((change) => `  ${describeDifference(change, roadmap)}`),
      ].join("\n"),
    ),
  ];
  return `${sections.join("\n\n")}\n`;
}

export const SCENARIO: Command = {
  name: "scenario",
  synopsis: "scenario FILE --as-is NAME",
  summary: "Add to a roadmap an as-is scenario of its existing communications",
  help: () =>
    [
      "Adds to the roadmap in FILE a scenario called NAME of exactly the",
      "communications whose status is “Existing”: what the client does today, to",
      "compare the plan against (roadmap compare FILE). FILE is written back whole",
      "or not at all, and left byte for byte as it was when NAME is taken or no",
      "communication is existing.",
      "",
      "Options:",
      "  --as-is NAME  the new scenario's name, unique among the roadmap's scenarios",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(SCENARIO, io, () =>
      parseArgs({ args, options: { ...HELP_OPTION, "as-is": { type: "string" } }, allowPositionals: true }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(SCENARIO, "name one roadmap file", io);
    const name = parsed.values["as-is"];
    if (name === undefined || name.trim() === "") {
      return usageError(SCENARIO, "name the scenario to add with --as-is NAME", io);
    }

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const added = asIsFromExisting(loaded.roadmap, name);
    if (!added.ok) {
      io.stderr(`${file}: ${added.error} ${file} is unchanged.\n`);
      return EXIT_FAILURE;
    }
    const { roadmap, scenarioId } = added.value;
    const written = await io.files.writeAtomic(file, serializeRoadmap(roadmap), { overwrite: true });
    if (!written.ok) {
      io.stderr(`${file}: could not be written: ${writeFailureReason(written.error)}\n`);
      return EXIT_FAILURE;
    }
    const scenario = roadmap.scenarios.find((s) => s.id === scenarioId);
    const kept = roadmap.communications.length - (scenario?.excludedCommunicationIds.length ?? 0);
    io.stdout(`added the scenario “${scenario?.name ?? name}” of ${count(kept, "existing communication")}: ${file}\n`);
    return EXIT_OK;
  },
};
