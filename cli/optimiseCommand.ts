import { parseArgs } from "node:util";
import { PERSONALISATION_LABELS } from "../shared/model/labels";
import { LIMITS } from "../shared/model/limits";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { resolveScenario, scenarioChoices } from "../shared/model/scenarios";
import {
  BASE_SCENARIO_ID,
  OPTIMISATION_OBJECTIVES,
  type OptimisationObjective,
  type OptimiserSettings,
  type Roadmap,
} from "../shared/model/schema";
import { formatTimingText } from "../shared/model/timingText";
import { describeConflict } from "../shared/optimise/constraintText";
import {
  bindingSentences,
  explainDecisions,
  optimisationJson,
  planFigures,
  writeOptimisedScenario,
} from "../shared/optimise/optimisedScenario";
import { runOptimisation } from "../shared/optimise/runOptimisation";
import type { OptimisationRun } from "../shared/optimise/types";
import { err, ok, type Result } from "../shared/result";
import { alignTable } from "./budgetReport";
import {
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
import { findScenarioNamed } from "./scenarioCommands";

/** What `--budget` takes to lift the file's budget. */
const NO_BUDGET = "none";

export const OPTIMISE: Command = {
  name: "optimise",
  synopsis:
    "optimise FILE [--budget N|none] [--objective net|value] [--scenario NAME] [--frontier] [--json] [--out OUT]",
  summary: "Choose the communications, frequencies and personalisation that bring the most within the budget and caps",
  help: () =>
    [
      "Runs the campaign optimiser on the roadmap's own plan (or --scenario NAME)",
      "with the optimiser settings saved in FILE: which communications to keep,",
      "how often to send the recurring ones and how personalised, so the plan",
      "brings the most within its budgets, the contact caps, the locks, the",
      "purposes each phase must keep and the alternatives. Prints the chosen",
      "options, the value, cost, ROI and gap, why each communication was dropped",
      "or changed, and the constraints that bind. Exits with 1, naming the",
      "constraints that conflict, when no plan keeps to all of them. FILE is",
      "never changed unless --out names it.",
      "",
      "Options:",
      "  -b, --budget N|none    the most the plan may cost over the horizon, a plain number in the roadmap's",
      "                         currency (1200000), instead of the settings' budget; none: no limit",
      "  --objective net|value  net: the most value minus cost; value: the most value within the budget",
      "  -s, --scenario NAME    optimise this scenario (its name, in any case) instead of the roadmap's own plan",
      "  --frontier             also the best value at ten budgets, and what one more unit of budget and one",
      "                         more allowed contact a month are worth",
      "  --json                 print {status, objective, value, cost, roi, gap, chosen: [{communication,",
      "                         frequency, personalisation}], dropped, binding} with communication ids",
      "                         (objective: what was maximised, discounted; frequency: every N months, null",
      "                         for sends that do not recur)",
      "  -o, --out OUT          write the roadmap with the optimised plan as a new scenario to OUT, whole or",
      "                         not at all (OUT may be FILE itself)",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(OPTIMISE, io, () =>
      parseArgs({
        args,
        options: {
          ...HELP_OPTION,
          budget: { type: "string", short: "b" },
          objective: { type: "string" },
          scenario: { type: "string", short: "s" },
          frontier: { type: "boolean" },
          json: { type: "boolean" },
          out: { type: "string", short: "o" },
        },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(OPTIMISE, "name one roadmap file", io);
    const budget = parsed.values.budget === undefined ? undefined : parseBudget(parsed.values.budget);
    if (budget && !budget.ok) return usageError(OPTIMISE, budget.error, io);
    const objective = parsed.values.objective;
    if (objective !== undefined && !isObjective(objective)) {
      return usageError(
        OPTIMISE,
        `--objective “${objective}” is not one of: ${OPTIMISATION_OBJECTIVES.join(", ")}`,
        io,
      );
    }

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const { roadmap } = loaded;
    let scenarioId: string | undefined = BASE_SCENARIO_ID;
    if (parsed.values.scenario !== undefined) {
      scenarioId = findScenarioNamed(file, roadmap, parsed.values.scenario, io);
      if (scenarioId === undefined) return EXIT_FAILURE;
    }
    const settings: OptimiserSettings = {
      ...roadmap.optimiser,
      ...(budget ? { budget: budget.value } : {}),
      ...(objective ? { objective } : {}),
    };
    // Loaded only here: compiling the solver's WebAssembly takes longer than the other commands take to run.
    const highs = await (await import("highs")).default();
    const run = runOptimisation(highs, roadmap, scenarioId, settings, {
      withFrontier: parsed.values.frontier === true,
    });
    if (!run.ok) {
      io.stderr(`${file}: ${run.error}\n`);
      return EXIT_FAILURE;
    }
    const viewed = resolveScenario(roadmap, scenarioId);
    const { model, outcome } = run.value;
    if (outcome.status === "infeasible") {
      io.stderr(`${file}: No plan keeps to every constraint. ${describeConflict(outcome.conflict, model, viewed)}\n`);
      return EXIT_FAILURE;
    }

    io.stdout(
      parsed.values.json
        ? `${JSON.stringify(optimisationJson(run.value, viewed), null, 2)}\n`
        : formatOptimisation(run.value, viewed, {
            scenarioName: scenarioChoices(roadmap).find((choice) => choice.id === scenarioId)?.name ?? scenarioId,
            settings,
            locale: io.locale,
          }),
    );
    const out = parsed.values.out;
    if (out === undefined) return EXIT_OK;
    const written = writeOptimisedScenario(roadmap, run.value, { now: io.now(), settings });
    if (!written.ok) {
      io.stderr(`${file}: ${written.error} ${out} is not written.\n`);
      return EXIT_FAILURE;
    }
    const saved = await io.files.writeAtomic(out, serializeRoadmap(written.value.roadmap, loaded.versions), {
      overwrite: true,
    });
    if (!saved.ok) {
      io.stderr(`${out}: could not be written: ${writeFailureReason(saved.error)}\n`);
      return EXIT_FAILURE;
    }
    const name = written.value.roadmap.scenarios.find((s) => s.id === written.value.scenarioId)?.name;
    // With --json, stdout is the JSON alone.
    (parsed.values.json ? io.stderr : io.stdout)(`added the scenario “${name}”: ${out}\n`);
    return EXIT_OK;
  },
};

function isObjective(value: string): value is OptimisationObjective {
  return (OPTIMISATION_OBJECTIVES as readonly string[]).includes(value);
}

/** A budget typed on the command line: a plain number (no grouping, no currency), or "none" for no limit. */
function parseBudget(text: string): Result<number | null, string> {
  const value = text.trim();
  if (value.toLowerCase() === NO_BUDGET) return ok(null);
  if (!/^\d+(\.\d+)?$/.test(value)) {
    return err(`--budget “${text}” is not an amount: write a plain number such as 1200000, or ${NO_BUDGET}`);
  }
  const budget = Number(value);
  if (budget > LIMITS.money) {
    return err(
      `--budget “${text}” is more than the largest amount a roadmap holds, ${LIMITS.money.toLocaleString("en-US")}`,
    );
  }
  return ok(budget);
}

/** The run as a person reads it: headline figures against the plan, each communication's choice and why, what binds. */
function formatOptimisation(
  run: OptimisationRun,
  roadmap: Roadmap,
  { scenarioName, settings, locale }: { scenarioName: string; settings: OptimiserSettings; locale: string | undefined },
): string {
  const { model, outcome, frontier } = run;
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: roadmap.currency,
    maximumFractionDigits: 0,
  });
  const cents = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: roadmap.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const roi = (value: number | null) => (value === null ? "—" : percent.format(value));
  const plan = planFigures(model);
  const planRoi = plan.cost > 0 ? (plan.value - plan.cost) / plan.cost : null;
  const reasons = explainDecisions(run, roadmap);
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));

  const objective =
    model.objective === "net"
      ? "the most value minus cost (discounted)"
      : "the most value within the budget (discounted)";
  const budget = model.budget === null ? "no budget limit" : `a budget of ${money.format(model.budget)}`;
  const status =
    outcome.status === "optimal"
      ? outcome.gap > 0
        ? `the best plan, within ${percent.format(outcome.gap)} of the best possible`
        : "the best plan"
      : `stopped after ${settings.timeLimitSeconds} s; the plan may be up to ${percent.format(outcome.gap)} short of the best possible`;
  const sections: string[] = [
    `Optimised “${scenarioName}” for ${objective}, with ${budget}: ${status}.`,
    alignTable(
      [
        ["", "Optimised", scenarioName],
        ["Value", money.format(outcome.value), money.format(plan.value)],
        ["Cost", money.format(outcome.cost), money.format(plan.cost)],
        ["Value − cost", money.format(outcome.value - outcome.cost), money.format(plan.value - plan.cost)],
        ["ROI", roi(outcome.roi), roi(planRoi)],
        // How far from the best possible the plan may be: 0 when proven best.
        ["Gap", percent.format(outcome.gap), ""],
      ],
      ["left", "right", "right"],
    ),
  ];

  const kept: string[][] = [];
  const dropped: string[] = [];
  model.candidates.forEach((candidate, i) => {
    const option = model.options[outcome.choice[i] ?? -1];
    const reason = reasons[candidate.communicationId];
    if (!option) {
      // The section says they were dropped; the reason need not say it again.
      dropped.push(`  ${candidate.name}${reason ? `: ${reason.replace(/^dropped: /, "")}` : ""}`);
      return;
    }
    const timing =
      option.everyMonths !== null
        ? formatTimingText({ kind: "recurring", everyMonths: option.everyMonths })
        : formatTimingText(
            communications.get(candidate.communicationId)?.timing ?? { kind: "onEntry", offsetMonths: 0 },
          );
    kept.push([
      `  ${candidate.name}`,
      timing,
      PERSONALISATION_LABELS[option.personalisation].toLowerCase(),
      reason ?? "",
    ]);
  });
  sections.push(
    `Kept (${count(kept.length, "communication")}):\n${alignTable(kept, ["left", "left", "left", "left"])}`.trimEnd(),
  );
  if (dropped.length > 0) sections.push(`Dropped (${dropped.length}):\n${dropped.join("\n")}`);
  const binding = bindingSentences(outcome.binding, roadmap);
  sections.push(
    binding.length === 0
      ? "No constraint binds: the plan is limited only by what each send brings."
      : `Binding (${binding.length}):\n${binding.map((sentence) => `  ${sentence}`).join("\n")}`,
  );
  if (frontier) {
    const rows = frontier.points.map((point) => [
      money.format(point.budget),
      point.feasible ? money.format(point.cost) : "no plan",
      point.feasible ? money.format(point.value) : "",
      point.feasible ? money.format(point.net) : "",
    ]);
    const onFrontier = frontier.plan.onFrontier
      ? `“${scenarioName}” is on the frontier: no plan that costs as much brings more.`
      : `“${scenarioName}” is not on the frontier: for what it costs, a plan could bring ${money.format(frontier.plan.shortfall)} more ${model.objective === "net" ? "value net of cost" : "value"} (discounted).`;
    const marginal = [
      frontier.marginalBudget &&
        `One more unit of budget is worth ${cents.format(frontier.marginalBudget.perUnit)} (${methodText(frontier.marginalBudget.method)}).`,
      frontier.marginalContact &&
        `One more allowed contact a month is worth ${cents.format(frontier.marginalContact.perUnit)} (${methodText(frontier.marginalContact.method)}).`,
    ].filter((line) => line !== null);
    sections.push(
      [
        "Frontier:",
        alignTable([["Budget", "Cost", "Value", "Net (discounted)"], ...rows], ["right", "right", "right", "right"]),
        onFrontier,
        ...marginal,
      ].join("\n"),
    );
  }
  return `${sections.join("\n\n")}\n`;
}

function methodText(method: "dual" | "slope"): string {
  return method === "dual" ? "the LP relaxation's shadow price" : "the frontier's slope";
}
