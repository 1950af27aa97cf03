import type { z } from "zod";
import type { RoadmapObjectSchema } from "./schema";
import { SCALE_RANGE } from "./vocabulary";

/** December 9999, counted in months from year 0: month labels keep four year digits. */
const LAST_MONTH = 9999 * 12 + 11;

type RoadmapShape = z.output<typeof RoadmapObjectSchema>;
type Path = (string | number)[];

/**
 * The rules one field cannot check alone: ids are unique, every reference
 * points at something that exists (a sticky note's anchor, a phase in the
 * presentation walk), a transition joins two different phases
 * at most once per direction, and one-off sends fall inside the horizon.
 * A document that passes can be walked without a single dangling lookup.
 */
export function checkReferences(doc: RoadmapShape, ctx: z.RefinementCtx): void {
  const report = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });

  const [startYear = 0, startMonth = 1] = doc.startMonth.split("-").map(Number);
  const lastMonth = startYear * 12 + startMonth - 1 + doc.horizonMonths - 1;
  if (lastMonth > LAST_MONTH) {
    report(["horizonMonths"], `must end by 9999-12: ${doc.horizonMonths} months from ${doc.startMonth} go beyond it`);
  }

  const stageIds = uniqueIds(doc.stages, "stages", report);
  const phaseIds = uniqueIds(doc.phases, "phases", report);
  const segmentIds = uniqueIds(doc.segments, "segments", report);
  const ownerIds = uniqueIds(doc.owners, "owners", report);
  const channelIds = uniqueIds(doc.channels, "channels", report);
  const roleIds = uniqueIds(doc.roles, "roles", report);
  const transitionIds = uniqueIds(doc.transitions, "transitions", report);
  const communicationIds = uniqueIds(doc.communications, "communications", report);
  uniqueIds(doc.stickyNotes, "stickyNotes", report);

  const mustExist = (ids: Set<string>, kind: string, value: string, path: Path) => {
    if (!ids.has(value)) report(path, `refers to ${kind} "${value}", which does not exist`);
  };

  doc.phases.forEach((phase, i) => {
    mustExist(stageIds, "lifecycle stage", phase.stageId, ["phases", i, "stageId"]);
    for (const key of Object.keys(phase.initialCustomers)) {
      mustExist(segmentIds, "segment", key, ["phases", i, "initialCustomers", key]);
    }
    for (const key of Object.keys(phase.arrivalsPerMonth)) {
      mustExist(segmentIds, "segment", key, ["phases", i, "arrivalsPerMonth", key]);
    }
  });

  const directions = new Set<string>();
  doc.transitions.forEach((transition, i) => {
    mustExist(phaseIds, "phase", transition.from, ["transitions", i, "from"]);
    mustExist(phaseIds, "phase", transition.to, ["transitions", i, "to"]);
    if (transition.from === transition.to) {
      report(["transitions", i, "to"], "must lead to a different phase than it starts from");
    }
    const direction = `${transition.from}\u0000${transition.to}`;
    if (directions.has(direction)) {
      report(["transitions", i], `duplicates another transition from "${transition.from}" to "${transition.to}"`);
    }
    directions.add(direction);
    for (const key of Object.keys(transition.rateBySegment)) {
      mustExist(segmentIds, "segment", key, ["transitions", i, "rateBySegment", key]);
    }
  });

  doc.communications.forEach((communication, i) => {
    mustExist(phaseIds, "phase", communication.phaseId, ["communications", i, "phaseId"]);
    mustExist(channelIds, "channel", communication.channelId, ["communications", i, "channelId"]);
    mustExist(ownerIds, "owner", communication.ownerId, ["communications", i, "ownerId"]);
    communication.audience.segmentIds.forEach((segmentId, j) => {
      mustExist(segmentIds, "segment", segmentId, ["communications", i, "audience", "segmentIds", j]);
    });
    communication.audience.roleIds.forEach((roleId, j) => {
      mustExist(roleIds, "role", roleId, ["communications", i, "audience", "roleIds", j]);
    });
    if (communication.timing.kind === "oneOff" && communication.timing.month >= doc.horizonMonths) {
      report(
        ["communications", i, "timing", "month"],
        `must fall inside the ${doc.horizonMonths}-month planning horizon (0 to ${doc.horizonMonths - 1})`,
      );
    }
  });

  doc.stickyNotes.forEach((note, i) => {
    const path = ["stickyNotes", i, "anchor"];
    const { anchor } = note;
    if (anchor.kind === "phase") mustExist(phaseIds, "phase", anchor.phaseId, [...path, "phaseId"]);
    if (anchor.kind === "transition") {
      mustExist(transitionIds, "transition", anchor.transitionId, [...path, "transitionId"]);
    }
    if (anchor.kind === "communication") {
      mustExist(communicationIds, "communication", anchor.communicationId, [...path, "communicationId"]);
    }
  });

  const walked = new Set<string>();
  doc.presentation.walkOrder.forEach((phaseId, i) => {
    const path = ["presentation", "walkOrder", i];
    mustExist(phaseIds, "phase", phaseId, path);
    if (walked.has(phaseId)) report(path, `repeats the phase "${phaseId}" listed earlier in the walk`);
    walked.add(phaseId);
  });

  checkSurveyReferences(doc, { phaseIds, segmentIds, channelIds }, report);
  checkScenarioReferences(doc, { phaseIds, segmentIds, transitionIds, communicationIds }, report);
  checkOptimiserReferences(doc, { phaseIds, ownerIds, communicationIds }, report);
}

/**
 * The optimiser's settings name only communications, owners and phases the
 * roadmap has, and budget only years of the horizon. The settings kept in an
 * optimised scenario's record are a snapshot of their day and not checked.
 */
function checkOptimiserReferences(
  doc: RoadmapShape,
  known: { phaseIds: Set<string>; ownerIds: Set<string>; communicationIds: Set<string> },
  report: (path: Path, message: string) => void,
): void {
  const settings = doc.optimiser;
  const path = ["optimiser"];
  const mustExist = (ids: Set<string>, kind: string, value: string, at: Path) => {
    if (!ids.has(value)) report([...path, ...at], `refers to ${kind} "${value}", which does not exist`);
  };
  for (const communicationId of Object.keys(settings.communications)) {
    mustExist(known.communicationIds, "communication", communicationId, ["communications", communicationId]);
  }
  const years = Math.ceil(doc.horizonMonths / 12);
  const budgetedYears = new Set<number>();
  settings.yearBudgets.forEach((yearBudget, i) => {
    if (yearBudget.year >= years) {
      report([...path, "yearBudgets", i, "year"], `must be a year of the ${years}-year horizon (0 to ${years - 1})`);
    }
    if (budgetedYears.has(yearBudget.year)) {
      report([...path, "yearBudgets", i, "year"], `repeats year ${yearBudget.year}, budgeted earlier`);
    }
    budgetedYears.add(yearBudget.year);
  });
  const budgetedOwners = new Set<string>();
  settings.ownerBudgets.forEach((ownerBudget, i) => {
    mustExist(known.ownerIds, "owner", ownerBudget.ownerId, ["ownerBudgets", i, "ownerId"]);
    if (budgetedOwners.has(ownerBudget.ownerId)) {
      report([...path, "ownerBudgets", i, "ownerId"], `repeats owner "${ownerBudget.ownerId}", budgeted earlier`);
    }
    budgetedOwners.add(ownerBudget.ownerId);
  });
  uniqueIds(settings.purposeCoverage, "optimiser.purposeCoverage", report, [...path, "purposeCoverage"]);
  settings.purposeCoverage.forEach((rule, i) => {
    rule.phaseIds.forEach((phaseId, j) => {
      mustExist(known.phaseIds, "phase", phaseId, ["purposeCoverage", i, "phaseIds", j]);
    });
  });
  uniqueIds(settings.exclusiveGroups, "optimiser.exclusiveGroups", report, [...path, "exclusiveGroups"]);
  settings.exclusiveGroups.forEach((group, i) => {
    group.communicationIds.forEach((communicationId, j) => {
      mustExist(known.communicationIds, "communication", communicationId, [
        "exclusiveGroups",
        i,
        "communicationIds",
        j,
      ]);
    });
  });
}

/** Every scenario names only things the roadmap has: what it leaves out, and what it overrides. */
function checkScenarioReferences(
  doc: RoadmapShape,
  known: { phaseIds: Set<string>; segmentIds: Set<string>; transitionIds: Set<string>; communicationIds: Set<string> },
  report: (path: Path, message: string) => void,
): void {
  const excludedMustExist = (ids: readonly string[], path: Path) =>
    ids.forEach((id, i) => {
      if (!known.communicationIds.has(id))
        report([...path, i], `refers to communication "${id}", which does not exist`);
    });
  excludedMustExist(doc.baseScenario.excludedCommunicationIds, ["baseScenario", "excludedCommunicationIds"]);
  const names = new Set([doc.baseScenario.name.trim().toLowerCase()]);
  uniqueIds(doc.scenarios, "scenarios", report);
  doc.scenarios.forEach((scenario, s) => {
    const path = ["scenarios", s];
    const name = scenario.name.trim().toLowerCase();
    if (names.has(name)) report([...path, "name"], `repeats the scenario name "${scenario.name}" used earlier`);
    names.add(name);
    excludedMustExist(scenario.excludedCommunicationIds, [...path, "excludedCommunicationIds"]);
    const keysMustExist = (record: Record<string, unknown>, ids: Set<string>, kind: string, field: string) => {
      for (const key of Object.keys(record)) {
        if (!ids.has(key)) report([...path, field, key], `overrides ${kind} "${key}", which does not exist`);
      }
    };
    keysMustExist(scenario.communications, known.communicationIds, "communication", "communications");
    keysMustExist(scenario.transitions, known.transitionIds, "transition", "transitions");
    keysMustExist(scenario.phases, known.phaseIds, "phase", "phases");
    for (const [transitionId, override] of Object.entries(scenario.transitions)) {
      keysMustExist(
        override.rateBySegment ?? {},
        known.segmentIds,
        "the rate of segment",
        `transitions.${transitionId}.rateBySegment`,
      );
    }
    for (const [communicationId, override] of Object.entries(scenario.communications)) {
      const timing = override.timing;
      if (timing?.kind === "oneOff" && timing.month >= doc.horizonMonths) {
        report(
          [...path, "communications", communicationId, "timing", "month"],
          `must fall inside the ${doc.horizonMonths}-month planning horizon (0 to ${doc.horizonMonths - 1})`,
        );
      }
    }
  });
}

/** A wave of a crafted file could hold a million bad answers; the first few say what is wrong. */
const MAX_ANSWER_PROBLEMS_PER_WAVE = 20;

function checkSurveyReferences(
  doc: RoadmapShape,
  known: { phaseIds: Set<string>; segmentIds: Set<string>; channelIds: Set<string> },
  report: (path: Path, message: string) => void,
): void {
  const { survey } = doc;
  const mustExist = (ids: Set<string>, kind: string, value: string, path: Path) => {
    if (!ids.has(value)) report(path, `refers to ${kind} "${value}", which does not exist`);
  };
  const dimensionIds = uniqueIds(survey.dimensions, "survey.dimensions", report, ["survey", "dimensions"]);
  uniqueIds(survey.items, "survey.items", report, ["survey", "items"]);
  survey.items.forEach((item, i) => {
    mustExist(dimensionIds, "survey dimension", item.dimensionId, ["survey", "items", i, "dimensionId"]);
  });
  uniqueIds(survey.waves, "survey.waves", report, ["survey", "waves"]);
  const dates = new Set<string>();
  survey.waves.forEach((wave, w) => {
    const wavePath = ["survey", "waves", w];
    if (dates.has(wave.date)) report([...wavePath, "date"], `repeats the date ${wave.date} of an earlier wave`);
    dates.add(wave.date);
    const { min, max } = SCALE_RANGE[wave.scale];
    let problems = 0;
    const answerProblem = (path: Path, message: string) => {
      if (problems++ < MAX_ANSWER_PROBLEMS_PER_WAVE) report(path, message);
    };
    wave.respondents.forEach((respondent, r) => {
      const path = [...wavePath, "respondents", r];
      if (respondent.phaseId !== null && !known.phaseIds.has(respondent.phaseId)) {
        answerProblem([...path, "phaseId"], `refers to phase "${respondent.phaseId}", which does not exist`);
      }
      if (respondent.segmentId !== null && !known.segmentIds.has(respondent.segmentId)) {
        answerProblem([...path, "segmentId"], `refers to segment "${respondent.segmentId}", which does not exist`);
      }
      respondent.preferredChannelIds.forEach((channelId, c) => {
        if (!known.channelIds.has(channelId)) {
          answerProblem([...path, "preferredChannelIds", c], `refers to channel "${channelId}", which does not exist`);
        }
      });
      respondent.answers.forEach((answer, a) => {
        if (answer !== null && !(answer >= min && answer <= max)) {
          answerProblem([...path, "answers", a], `must be on the wave's ${min}–${max} scale, got ${answer}`);
        }
      });
    });
  });
}

/** The ids of `items`, reporting each repeat at `at` (the collection's path in the document) and its index. */
function uniqueIds(
  items: readonly { id: string }[],
  collection: string,
  report: (path: Path, message: string) => void,
  at: Path = [collection],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report([...at, i, "id"], `repeats the id "${item.id}" used earlier in ${collection}`);
    seen.add(item.id);
  });
  return seen;
}
