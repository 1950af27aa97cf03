import { PERSONALISATION_LABELS } from "../model/labels";
import { resolveScenario } from "../model/scenarios";
import { type Communication, PERSONALISATION_LEVELS, type Roadmap } from "../model/schema";
import { formatTimingText } from "../model/timingText";

/** One communication the optimiser changed, as it was and as it is in the optimised scenario. */
export interface OptimisationChange {
  readonly communicationId: string;
  readonly name: string;
  /** "every month", "Mass"; for a dropped communication, how it was sent. */
  readonly before: string;
  /** "every 3 months", "One-to-one"; "" for a dropped communication. */
  readonly after: string;
}

/** What the optimiser did to the plan it started from, grouped as a person reads it. */
export interface OptimisationChanges {
  readonly dropped: readonly OptimisationChange[];
  readonly lessFrequent: readonly OptimisationChange[];
  readonly moreFrequent: readonly OptimisationChange[];
  readonly morePersonal: readonly OptimisationChange[];
  readonly lessPersonal: readonly OptimisationChange[];
  /** Communications sent exactly as before. */
  readonly keptAsIs: number;
}

const personalRank = (c: Communication) => PERSONALISATION_LEVELS.indexOf(c.personalisation);
const everyMonths = (c: Communication) => (c.timing.kind === "recurring" ? c.timing.everyMonths : null);

/**
 * How the optimised scenario differs from the scenario it was optimised from:
 * the communications it leaves out, those it sends less or more often, and
 * those it makes more or less personal (one communication can be in two of
 * these). The optimiser only chooses among the communications the plan sends
 * (retired ones are not candidates), so nothing is ever added. A scenario that
 * was optimised from one since deleted is read against the roadmap's own plan.
 */
export function optimisationChanges(
  document: Roadmap,
  scenarioId: string,
  fromScenarioId: string,
): OptimisationChanges {
  const before = resolveScenario(document, fromScenarioId).communications.filter((c) => c.status !== "retired");
  const after = new Map(resolveScenario(document, scenarioId).communications.map((c) => [c.id, c]));
  const dropped: OptimisationChange[] = [];
  const lessFrequent: OptimisationChange[] = [];
  const moreFrequent: OptimisationChange[] = [];
  const morePersonal: OptimisationChange[] = [];
  const lessPersonal: OptimisationChange[] = [];
  let keptAsIs = 0;
  for (const was of before) {
    const now = after.get(was.id);
    const change = (from: string, to: string) => ({ communicationId: was.id, name: was.name, before: from, after: to });
    if (!now || now.status === "retired") {
      dropped.push(change(`${formatTimingText(was.timing)}, ${PERSONALISATION_LABELS[was.personalisation]}`, ""));
      continue;
    }
    const [wasEvery, nowEvery] = [everyMonths(was), everyMonths(now)];
    const frequency = wasEvery !== null && nowEvery !== null && wasEvery !== nowEvery;
    if (frequency) {
      (nowEvery > wasEvery ? lessFrequent : moreFrequent).push(
        change(formatTimingText(was.timing), formatTimingText(now.timing)),
      );
    }
    const personal = personalRank(now) !== personalRank(was);
    if (personal) {
      (personalRank(now) > personalRank(was) ? morePersonal : lessPersonal).push(
        change(PERSONALISATION_LABELS[was.personalisation], PERSONALISATION_LABELS[now.personalisation]),
      );
    }
    if (!frequency && !personal) keptAsIs += 1;
  }
  return { dropped, lessFrequent, moreFrequent, morePersonal, lessPersonal, keptAsIs };
}
