import { parseArgs } from "node:util";
import { describeDiagnostic, type PlanResult, planRoadmap } from "../shared/engine";
import { communicationPlanCsv } from "../shared/export/communicationPlanCsv";
import { communicationPlanCalendar } from "../shared/export/communicationPlanIcs";
import {
  COST_ONLY_SECTIONS,
  OPTIMISATION_SECTIONS,
  printedSections,
  REPORT_SECTIONS,
  type ReportSection,
  SCENARIO_SECTIONS,
  SURVEY_SECTIONS,
} from "../shared/export/reportOptions";
import { drawRoadmapDiagram } from "../shared/export/roadmapDiagram";
import { createRoadmap } from "../shared/model/createRoadmap";
import { movePhases } from "../shared/model/edits";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { resolveScenario } from "../shared/model/scenarios";
import { BASE_SCENARIO_ID, type Owner, type Roadmap } from "../shared/model/schema";
import { ROADMAP_TEMPLATES, type RoadmapTemplate } from "../shared/model/templates";
import { budgetReport, formatBudgetReport } from "./budgetReport";
import {
  type CliIo,
  type Command,
  clashingPath,
  commandHelp,
  count,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  HELP_OPTION,
  loadRoadmap,
  parseCommandLine,
  usageError,
  writeFailureReason,
} from "./commandLine";
import { OPTIMISE } from "./optimiseCommand";
import { COMPARE, findScenarioNamed, SCENARIO } from "./scenarioCommands";
import { RSI, SURVEY_IMPORT, SURVEY_TEMPLATE } from "./surveyCommands";

export { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./commandLine";

const NEW: Command = {
  name: "new",
  synopsis: "new [--template NAME] [--force] OUT",
  summary: "Write a new roadmap file, blank or from a template",
  help: () =>
    [
      "Writes a new roadmap file at OUT and prints its path: a blank roadmap, or",
      "the template NAME (its id or its name, in any case). --template '?' lists",
      "the gallery of templates with their industry and description, and writes nothing.",
      "",
      "Options:",
      "  -t, --template NAME  start from one of the app's templates:",
      ...ROADMAP_TEMPLATES.map((template) => `                         ${template.id}  ${template.name}`),
      "  -f, --force          replace OUT if it exists",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(NEW, io, () =>
      parseArgs({
        args,
        options: { ...HELP_OPTION, template: { type: "string", short: "t" }, force: { type: "boolean", short: "f" } },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    if (parsed.values.template?.trim() === GALLERY_QUERY) {
      if (parsed.positionals.length > 0) return usageError(NEW, "name no output file with --template '?'", io);
      io.stdout(templateGallery());
      return EXIT_OK;
    }
    const [out, ...extra] = parsed.positionals;
    if (out === undefined || extra.length > 0) return usageError(NEW, "name one output file", io);

    let roadmap: Roadmap;
    if (parsed.values.template === undefined) {
      roadmap = createRoadmap({ now: io.now() });
    } else {
      const template = findTemplateByIdOrName(parsed.values.template);
      if (!template) {
        io.stderr(
          [
            `roadmap new: there is no template “${parsed.values.template}”. The templates are:`,
            ...ROADMAP_TEMPLATES.map((t) => `  ${t.id}  ${t.name}`),
            "Run roadmap new --template '?' to see what each is.",
            "",
          ].join("\n"),
        );
        return EXIT_USAGE;
      }
      roadmap = template.create(io.now());
    }

    const written = await io.files.writeAtomic(out, serializeRoadmap(roadmap), {
      overwrite: parsed.values.force === true,
    });
    if (!written.ok) {
      io.stderr(
        written.error.kind === "exists"
          ? `${out}: already exists; pass --force to replace it\n`
          : `${out}: could not be written: ${written.error.reason}\n`,
      );
      return EXIT_FAILURE;
    }
    io.stdout(`${out}\n`);
    return EXIT_OK;
  },
};

const VALIDATE: Command = {
  name: "validate",
  synopsis: "validate FILE...",
  summary: "Check roadmap files and list every problem",
  help: () =>
    [
      "Reads each FILE as the app opens it (older file formats are migrated) and",
      "prints “valid” with its size, or every problem, one per line, with the",
      "field and the value found there, then the plan's errors (such as outflow",
      "over 100 %) and warnings. Exits with 1 when any file is not a valid roadmap",
      "or its plan has an error; warnings alone do not fail the check.",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(VALIDATE, io, () =>
      parseArgs({ args, options: HELP_OPTION, allowPositionals: true }),
    );
    if (typeof parsed === "number") return parsed;
    if (parsed.positionals.length === 0) return usageError(VALIDATE, "name at least one roadmap file", io);

    let exitCode = EXIT_OK;
    for (const file of parsed.positionals) {
      const loaded = await loadRoadmap(file, io);
      if (!loaded) {
        exitCode = EXIT_FAILURE;
        continue;
      }
      const { roadmap, fromVersion } = loaded;
      const migrated =
        fromVersion < roadmap.schemaVersion
          ? ` (file format ${fromVersion}, read as format ${roadmap.schemaVersion}; saving it in the app updates the file)`
          : "";
      io.stdout(
        `${file}: valid: ${count(roadmap.phases.length, "phase")}, ${count(roadmap.communications.length, "communication")}${migrated}\n`,
      );
      if (reportDiagnostics(file, roadmap, planRoadmap(roadmap), io)) exitCode = EXIT_FAILURE;
    }
    return exitCode;
  },
};

const BUDGET: Command = {
  name: "budget",
  synopsis: "budget FILE [--scenario NAME] [--json]",
  summary: "Print the totals of a roadmap's plan and its roll-ups",
  help: () =>
    [
      "Plans the roadmap in FILE and prints its total cost, expected value, ROI,",
      "send occasions, contacts and customers at the start and end, then the same",
      "figures by stage, phase, channel, owner, segment, purpose and year.",
      "",
      "Options:",
      "  -s, --scenario NAME  the plan of this scenario (its name, in any case) instead of the roadmap's own",
      "  --json               print the unrounded figures as JSON, with ids and names",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(BUDGET, io, () =>
      parseArgs({
        args,
        options: { ...HELP_OPTION, json: { type: "boolean" }, scenario: { type: "string", short: "s" } },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(BUDGET, "name one roadmap file", io);

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    let scenarioId: string | undefined = BASE_SCENARIO_ID;
    if (parsed.values.scenario !== undefined) {
      scenarioId = findScenarioNamed(file, loaded.roadmap, parsed.values.scenario, io);
      if (scenarioId === undefined) return EXIT_FAILURE;
    }
    // The roadmap that scenario plans; the base's own plan leaves out communications added only in other scenarios.
    const roadmap = resolveScenario(loaded.roadmap, scenarioId);
    const plan = planRoadmap(roadmap);
    const report = budgetReport(roadmap, plan);
    io.stdout(
      parsed.values.json ? `${JSON.stringify({ file, ...report }, null, 2)}\n` : formatBudgetReport(report, io.locale),
    );
    reportDiagnostics(file, roadmap, plan, io);
    return EXIT_OK;
  },
};

const EXPORT: Command = {
  name: "export",
  synopsis:
    "export FILE [--pptx OUT] [--xlsx OUT] [--csv OUT] [--ics OUT] [--svg OUT] [--owner NAME] [--sections LIST] [--no-costs]",
  summary: "Write the slide deck, the budget workbook, the communication plan, its calendar and the diagram",
  help: () =>
    [
      "Plans the roadmap in FILE and writes any of its exports, at least one.",
      "Existing outputs are replaced, each whole or not at all; when any export",
      "cannot be made, none is written.",
      "",
      "Options:",
      "  --pptx OUT       the slide deck (PowerPoint), the executive report's sections as",
      "                   editable shapes, tables and charts with speaker notes",
      "  --xlsx OUT       the budget workbook, with formulas over an assumptions sheet",
      "  --csv OUT        the communication plan, one row per send occasion",
      "  --ics OUT        the communication calendar (iCalendar)",
      "  --svg OUT        the roadmap diagram, as the report draws it, with each phase's monthly cost",
      "  --owner NAME     only this owner's communications in the calendar (name or id, any case)",
      "  --sections LIST  the deck's sections, separated by commas (default: all of them):",
      `                   ${REPORT_SECTIONS.join(", ")}`,
      "                   a section the roadmap has nothing for (rsi without survey answers,",
      "                   scenarios without a scenario, optimisation without an optimised one)",
      "                   is left out with a note",
      "  --no-costs       no money anywhere: the deck without the budget or any cost, the",
      "                   diagram without costs, the plan without its cost column, the",
      "                   calendar without costs (not with --xlsx, which is all money)",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(EXPORT, io, () =>
      parseArgs({
        args,
        options: {
          ...HELP_OPTION,
          pptx: { type: "string" },
          xlsx: { type: "string" },
          csv: { type: "string" },
          ics: { type: "string" },
          svg: { type: "string" },
          owner: { type: "string" },
          sections: { type: "string" },
          "no-costs": { type: "boolean" },
        },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(EXPORT, "name one roadmap file", io);
    const { pptx, xlsx, csv, ics, svg, owner: ownerName } = parsed.values;
    const includeCosts = parsed.values["no-costs"] !== true;
    const outputs = [pptx, xlsx, csv, ics, svg].filter((out) => out !== undefined);
    if (outputs.length === 0) {
      return usageError(EXPORT, "name at least one output: --pptx, --xlsx, --csv, --ics or --svg", io);
    }
    if (ownerName !== undefined && ics === undefined) {
      return usageError(EXPORT, "--owner chooses whose calendar --ics writes, so it needs --ics", io);
    }
    if (parsed.values.sections !== undefined && pptx === undefined) {
      return usageError(EXPORT, "--sections chooses the slide deck's sections, so it needs --pptx", io);
    }
    const sections =
      parsed.values.sections === undefined ? [...REPORT_SECTIONS] : parseSections(parsed.values.sections);
    if (typeof sections === "string") return usageError(EXPORT, sections, io);
    if (!includeCosts && xlsx !== undefined) {
      return usageError(EXPORT, "--no-costs cannot apply to --xlsx: the budget workbook is all costs and values", io);
    }
    const clash = clashingPath(file, outputs);
    if (clash) return usageError(EXPORT, clash, io);

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const { roadmap } = loaded;
    let owner: Owner | undefined;
    if (ownerName !== undefined) {
      owner = findOwnerByIdOrName(roadmap, ownerName);
      if (!owner) {
        io.stderr(`${file}: there is no owner “${ownerName}”. ${ownerList(roadmap)}\n`);
        return EXIT_FAILURE;
      }
    }
    if (pptx !== undefined) {
      const shown = printedSections({ sections, includeCosts }, roadmap);
      const notes = sections.filter((section) => !shown.includes(section));
      for (const section of notes) io.stderr(`${file}: the deck leaves out ${section}: ${whyLeftOut(section)}\n`);
      if (shown.length === 0) {
        return usageError(EXPORT, `none of the sections asked for has anything to show for ${file}`, io);
      }
    }

    const plan = planRoadmap(roadmap);
    reportDiagnostics(file, roadmap, plan, io);
    const now = io.now();
    // Everything is built before anything is written, so a failing export leaves no partial set behind.
    const exports: { out: string; what: string; contents: string | Uint8Array }[] = [];
    if (pptx !== undefined) {
      // Loaded only when asked for, as exceljs is: pptxgenjs and its zip writer are most of the command's code.
      const { buildSlideDeck } = await import("../shared/export/slides/slideDeck");
      exports.push({
        out: pptx,
        what: includeCosts ? "slide deck" : "slide deck without costs",
        contents: await buildSlideDeck(roadmap, plan, { sections, includeCosts, now }),
      });
    }
    if (xlsx !== undefined) {
      // Loaded only when asked for: exceljs takes longer to load than the other commands take to run.
      const { buildBudgetWorkbook } = await import("../shared/export/budgetWorkbook");
      exports.push({ out: xlsx, what: "budget workbook", contents: await buildBudgetWorkbook(roadmap, plan, { now }) });
    }
    if (csv !== undefined) {
      exports.push({
        out: csv,
        what: "communication plan",
        contents: communicationPlanCsv(roadmap, plan, { includeCosts }),
      });
    }
    if (ics !== undefined) {
      exports.push({
        out: ics,
        what: owner ? `communication calendar of ${owner.name}` : "communication calendar",
        contents: communicationPlanCalendar(roadmap, plan, { ownerId: owner?.id, now, includeCosts }),
      });
    }
    if (svg !== undefined) {
      exports.push({
        out: svg,
        what: includeCosts ? "roadmap diagram" : "roadmap diagram without costs",
        contents: drawRoadmapDiagram(roadmap, { plan, showCosts: includeCosts }).svg,
      });
    }

    let exitCode = EXIT_OK;
    for (const { out, what, contents } of exports) {
      const written = await io.files.writeAtomic(out, contents, { overwrite: true });
      if (written.ok) {
        io.stdout(`wrote ${what}: ${out}\n`);
      } else {
        io.stderr(`${out}: could not be written: ${writeFailureReason(written.error)}\n`);
        exitCode = EXIT_FAILURE;
      }
    }
    return exitCode;
  },
};

/** `--sections summary,budget` as report sections (any case), or what is wrong with the list. */
function parseSections(list: string): ReportSection[] | string {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) return `--sections names no section; the sections are: ${REPORT_SECTIONS.join(", ")}`;
  const sections: ReportSection[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const section = REPORT_SECTIONS.find((s) => s.toLowerCase() === name.toLowerCase());
    if (section) sections.push(section);
    else unknown.push(`“${name}”`);
  }
  if (unknown.length > 0) {
    const what = unknown.length === 1 ? "is no section" : "are no sections";
    return `there ${what} ${unknown.join(", ")}; the sections are: ${REPORT_SECTIONS.join(", ")}`;
  }
  return sections;
}

/** Why a section asked for has nothing to show in this roadmap's deck, as `printedSections` decides it. */
function whyLeftOut(section: ReportSection): string {
  if (COST_ONLY_SECTIONS.includes(section)) return "it is all money, left out with --no-costs";
  if (SURVEY_SECTIONS.includes(section)) return "the roadmap has no survey answers";
  if (SCENARIO_SECTIONS.includes(section)) return "the roadmap has no scenario besides its own plan";
  if (OPTIMISATION_SECTIONS.includes(section)) return "the roadmap has no scenario made by the optimiser";
  throw new Error(`${section} is always printed; it cannot have been left out`);
}

/** A phase as the canvas draws it before measuring it: the size the app's auto-arrange starts from. */
const PHASE_SIZE = { width: 220, height: 104 };

const ARRANGE: Command = {
  name: "arrange",
  synopsis: "arrange FILE [--out OUT]",
  summary: "Lay the phases out along the lifecycle, as Auto-arrange does",
  help: () =>
    [
      "Lays the phases of the roadmap in FILE out left to right by stage, in bands",
      "that fit a 16:9 screen, as the app's Auto-arrange does, and writes the",
      "roadmap back to FILE, whole or not at all. Nothing but the phases' positions",
      "changes.",
      "",
      "Options:",
      "  -o, --out OUT  write the arranged roadmap to OUT (replaced if it exists) and leave FILE as it is",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(ARRANGE, io, () =>
      parseArgs({
        args,
        options: { ...HELP_OPTION, out: { type: "string", short: "o" } },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(ARRANGE, "name one roadmap file", io);
    const out = parsed.values.out ?? file;

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const { layoutLifecycle } = await import("../shared/layout/layoutLifecycle");
    const positions = await layoutLifecycle(loaded.roadmap, () => PHASE_SIZE);
    const arranged = movePhases(loaded.roadmap, positions);
    const written = await io.files.writeAtomic(out, serializeRoadmap(arranged, loaded.versions), {
      overwrite: true,
    });
    if (!written.ok) {
      io.stderr(`${out}: could not be written: ${writeFailureReason(written.error)}\n`);
      return EXIT_FAILURE;
    }
    io.stdout(`arranged ${count(arranged.phases.length, "phase")}: ${out}\n`);
    return EXIT_OK;
  },
};

const COMMANDS: readonly Command[] = [
  NEW,
  VALIDATE,
  BUDGET,
  EXPORT,
  ARRANGE,
  SURVEY_TEMPLATE,
  SURVEY_IMPORT,
  RSI,
  COMPARE,
  SCENARIO,
  OPTIMISE,
];

/**
 * The `roadmap` command line over the app's own model, engine and exporters:
 * the same files, the same numbers, the same words for what is wrong.
 * Returns the exit code; user errors are messages on stderr, never a stack trace.
 */
export async function runRoadmapCli(args: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    io.stderr(`${usage()}\n`);
    return EXIT_USAGE;
  }
  if (first === "--help" || first === "-h") {
    io.stdout(`${usage()}\n`);
    return EXIT_OK;
  }
  if (first === "help") {
    if (rest.length === 0) {
      io.stdout(`${usage()}\n`);
      return EXIT_OK;
    }
    const found = findCommand(rest);
    if (!found || found.rest.length > 0) {
      const problem = found ? "name one command" : `there is no command “${rest.join(" ")}”`;
      io.stderr(`roadmap help: ${problem}\n\n${usage()}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`${commandHelp(found.command)}\n`);
    return EXIT_OK;
  }
  const found = findCommand(args);
  if (!found) {
    const what = first.startsWith("-") ? `unknown option ${first}` : noSuchCommand(first);
    io.stderr(`roadmap: ${what}\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  return found.command.run(found.rest, io);
}

/** "there is no command “x”", or what a command group such as "survey" can do. */
function noSuchCommand(first: string): string {
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => `roadmap ${c.name}`);
  return group.length > 0 ? `“${first}” needs one of: ${group.join(", ")}` : `there is no command “${first}”`;
}

/** The command the words start with ("survey import" takes two), and the arguments after its name. */
function findCommand(words: readonly string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const name = command.name.split(" ");
    if (name.every((word, i) => words[i] === word)) return { command, rest: words.slice(name.length) };
  }
  return undefined;
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: roadmap <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${"help".padEnd(width)}  Show the options of a command: roadmap help <command>`,
    "",
    ...COMMANDS.map((c) => `  roadmap ${c.synopsis}`),
    "",
    "Exit status: 0 done; 1 a file could not be read, was not a valid roadmap (or",
    "answers file, or mapping) or could not be written, or no plan keeps to the",
    "optimiser's constraints; 2 the command line is wrong.",
  ].join("\n");
}

/**
 * The plan's errors and warnings go to stderr, so they never mix into output a
 * script reads. Says whether one of them was an error.
 */
function reportDiagnostics(file: string, roadmap: Roadmap, plan: PlanResult, io: CliIo): boolean {
  for (const diagnostic of plan.diagnostics) {
    io.stderr(`${file}: ${diagnostic.severity}: ${describeDiagnostic(diagnostic, roadmap)}\n`);
  }
  return plan.diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

/** What `--template` takes to list the gallery instead of naming a template. */
const GALLERY_QUERY = "?";

/** The gallery as the New roadmap dialog shows it: id, name and industry, then the description indented below. */
function templateGallery(): string {
  const idWidth = Math.max(...ROADMAP_TEMPLATES.map((t) => t.id.length));
  return ROADMAP_TEMPLATES.map(
    (t) => `${t.id.padEnd(idWidth)}  ${t.name} (${t.industry})\n${" ".repeat(idWidth + 2)}${t.description}\n`,
  ).join("");
}

function findTemplateByIdOrName(wanted: string): RoadmapTemplate | undefined {
  const key = wanted.trim().toLowerCase();
  return ROADMAP_TEMPLATES.find((t) => t.id.toLowerCase() === key || t.name.toLowerCase() === key);
}

function findOwnerByIdOrName(roadmap: Roadmap, wanted: string): Owner | undefined {
  const key = wanted.trim().toLowerCase();
  return (
    roadmap.owners.find((owner) => owner.id.toLowerCase() === key) ??
    roadmap.owners.find((owner) => owner.name.toLowerCase() === key)
  );
}

function ownerList(roadmap: Roadmap): string {
  if (roadmap.owners.length === 0) return "The roadmap has no owners.";
  return `The owners are: ${roadmap.owners.map((owner) => `“${owner.name}” (${owner.id})`).join(", ")}.`;
}
