import type { Communication, Roadmap } from "../model/schema";
import {
  biggestDrops,
  describeDrop,
  describeMismatch,
  frequencyMismatches,
  frequencyPreferences,
} from "../survey/insights";
import { computeRsi, latestWave } from "../survey/rsi";
import { planCalendar } from "./calendar";
import { type CustomerFlow, OUTFLOW_TOLERANCE } from "./flow";
import type { ContactPressure } from "./pressure";
import type { CommunicationSchedule } from "./schedule";

/**
 * Something in the roadmap that makes the plan's figures doubtful, with the
 * ids of what it concerns. An error means the engine had to change the
 * figures to compute at all; a warning means they are computed as drawn but
 * probably not as meant.
 */
export type PlanDiagnostic =
  | {
      /** Outgoing rates plus churn exceed 100 % a month; the plan scales them down to 100 %. */
      readonly kind: "outflowOverLimit";
      readonly severity: "error";
      readonly phaseId: string;
      readonly segmentId: string;
      /** The monthly outflow as drawn, e.g. 1.12 for 112 %. */
      readonly outflow: number;
    }
  | {
      /** No customers at the start, no arrivals, and no path in from a phase that has some. */
      readonly kind: "unreachablePhase";
      readonly severity: "warning";
      readonly phaseId: string;
    }
  | {
      /** No way out and no churn for these segments: their customers stay for ever. */
      readonly kind: "absorbingPhase";
      readonly severity: "warning";
      readonly phaseId: string;
      readonly segmentIds: readonly string[];
    }
  | {
      /** The communication can reach no one: a share of 0, or only segments that do not exist (listed). */
      readonly kind: "emptyAudience";
      readonly severity: "warning";
      readonly communicationId: string;
      readonly reason: "zeroShare" | "unknownSegments";
      readonly segmentIds: readonly string[];
    }
  | {
      /** The communication fires but neither a fixed cost nor a cost per contact is set. */
      readonly kind: "missingCost";
      readonly severity: "warning";
      readonly communicationId: string;
    }
  | {
      /** Its audience exists, yet no one of it is in the phase when it sends, over the whole horizon. */
      readonly kind: "reachesNoOne";
      readonly severity: "warning";
      readonly communicationId: string;
    }
  | {
      /** One response is worth more than a year of these segments' customers (listed). */
      readonly kind: "valueAboveAnnualValue";
      readonly severity: "warning";
      readonly communicationId: string;
      readonly segmentIds: readonly string[];
    }
  | {
      /** Every customer reached is expected to respond: a 100 % response rate. */
      readonly kind: "certainResponse";
      readonly severity: "warning";
      readonly communicationId: string;
    }
  | {
      /** The survey's respondents want fewer communications a month than the plan sends the segment in the phase. */
      readonly kind: "contactsAboveWanted";
      readonly severity: "warning";
      readonly segmentId: string;
      readonly phaseId: string;
      /** Whose wish it is: the segment's respondents, or null for all respondents of a survey without segments. */
      readonly wantedBy: string | null;
      readonly wanted: number;
      readonly respondents: number;
      readonly planned: number;
      /** The first month of the horizon (from 0) the plan sends that many. */
      readonly month: number;
    }
  | {
      /** The survey's RSI falls most from the phase before to this one along the lifecycle: the first place to act. */
      readonly kind: "rsiDrop";
      readonly severity: "warning";
      readonly phaseId: string;
      readonly fromPhaseId: string;
      readonly from: number;
      readonly to: number;
      readonly drop: number;
      readonly clear: boolean;
      readonly weakestDimensionId: string | null;
      readonly weakestScore: number | null;
    };

/** Diagnostics about the plan as the survey's answers see it: the same for one survey and one contact pressure. */
export type SurveyDiagnostic = Extract<PlanDiagnostic, { kind: "contactsAboveWanted" | "rsiDrop" }>;

/** Problems of the lifecycle graph: outflow over 100 %, unreachable phases, absorbing phases. */
export function diagnoseFlow(flow: CustomerFlow): PlanDiagnostic[] {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const diagnostics: PlanDiagnostic[] = [];

  for (let p = 0; p < P; p++) {
    for (let s = 0; s < S; s++) {
      const outflow = flow.outflow[s * P + p] as number;
      if (outflow > 1 + OUTFLOW_TOLERANCE) {
        diagnostics.push({
          kind: "outflowOverLimit",
          severity: "error",
          phaseId: flow.phaseIds[p] as string,
          segmentId: flow.segmentIds[s] as string,
          outflow,
        });
      }
    }
  }

  const reachable = reachablePhases(flow);
  for (let p = 0; p < P; p++) {
    if (reachable[p] === 0) {
      diagnostics.push({ kind: "unreachablePhase", severity: "warning", phaseId: flow.phaseIds[p] as string });
    }
  }

  for (let p = 0; p < P; p++) {
    const stuck = flow.segmentIds.filter((_, s) => flow.outflow[s * P + p] === 0);
    if (stuck.length > 0) {
      diagnostics.push({
        kind: "absorbingPhase",
        severity: "warning",
        phaseId: flow.phaseIds[p] as string,
        segmentIds: stuck,
      });
    }
  }
  return diagnostics;
}

/** What diagnosing one communication reads of the rest of the roadmap, worked out once for all of them. */
export interface CommunicationDiagnosisContext {
  readonly knownSegments: ReadonlySet<string>;
  readonly segments: Roadmap["segments"];
  /** The lowest annual value of a customer of any segment: a response worth less cannot outvalue one. */
  readonly lowestAnnualValue: number;
}

export function communicationDiagnosisContext(
  flow: CustomerFlow,
  segments: Roadmap["segments"],
): CommunicationDiagnosisContext {
  return {
    knownSegments: new Set(flow.segmentIds),
    segments,
    lowestAnnualValue: Math.min(...segments.map((segment) => segment.annualValue)),
  };
}

/**
 * Problems of single communications: an audience no one is in, a send that
 * reaches no one, a cost nobody filled in, and figures too good to be true (a
 * response worth more than a customer's year, everyone responding). Retired
 * communications never send, so they are left alone.
 */
export function diagnoseCommunications(
  flow: CustomerFlow,
  roadmap: Pick<Roadmap, "communications" | "segments">,
  schedules: readonly CommunicationSchedule[],
): PlanDiagnostic[] {
  const context = communicationDiagnosisContext(flow, roadmap.segments);
  return roadmap.communications.flatMap((communication, c) =>
    diagnoseCommunication(communication, schedules[c], context),
  );
}

/** What is doubtful about one communication and its schedule (see `diagnoseCommunications`). */
export function diagnoseCommunication(
  communication: Communication,
  schedule: CommunicationSchedule | undefined,
  { knownSegments, segments, lowestAnnualValue }: CommunicationDiagnosisContext,
): PlanDiagnostic[] {
  if (communication.status === "retired") return [];
  const diagnostics: PlanDiagnostic[] = [];
  const { segmentIds, share } = communication.audience;
  if (share === 0) {
    diagnostics.push({
      kind: "emptyAudience",
      severity: "warning",
      communicationId: communication.id,
      reason: "zeroShare",
      segmentIds: [],
    });
  } else if (segmentIds.length > 0 && segmentIds.every((id) => !knownSegments.has(id))) {
    diagnostics.push({
      kind: "emptyAudience",
      severity: "warning",
      communicationId: communication.id,
      reason: "unknownSegments",
      segmentIds: [...segmentIds],
    });
  } else if (schedule && schedule.totalReach === 0) {
    diagnostics.push({ kind: "reachesNoOne", severity: "warning", communicationId: communication.id });
  }
  if (schedule && schedule.sends > 0 && schedule.totalCost === 0) {
    diagnostics.push({ kind: "missingCost", severity: "warning", communicationId: communication.id });
  }
  const { valuePerResponse } = communication;
  if (communication.responseRate > 0 && valuePerResponse > lowestAnnualValue) {
    const outvalued = segments
      .filter((segment) => segmentIds.length === 0 || segmentIds.includes(segment.id))
      .filter((segment) => valuePerResponse > segment.annualValue)
      .map((segment) => segment.id);
    if (outvalued.length > 0) {
      diagnostics.push({
        kind: "valueAboveAnnualValue",
        severity: "warning",
        communicationId: communication.id,
        segmentIds: outvalued,
      });
    }
  }
  if (communication.responseRate === 1) {
    diagnostics.push({ kind: "certainResponse", severity: "warning", communicationId: communication.id });
  }
  return diagnostics;
}

/**
 * Everything doubtful about the plan: first the lifecycle graph (phases in
 * document order), then the communications (in document order).
 */
export function diagnoseRoadmap(
  roadmap: Pick<Roadmap, "communications" | "segments">,
  flow: CustomerFlow,
  schedules: readonly CommunicationSchedule[],
): PlanDiagnostic[] {
  return [...diagnoseFlow(flow), ...diagnoseCommunications(flow, roadmap, schedules)];
}

/**
 * What the latest survey wave says against the plan (see survey/insights.ts):
 * every phase where a segment gets more contacts a month than its respondents
 * want, segment by segment, then the largest fall of the RSI along the lifecycle.
 */
export function diagnoseSurvey(
  roadmap: Roadmap,
  pressure: Pick<ContactPressure, "segmentIds" | "phaseIds" | "months" | "counts">,
): SurveyDiagnostic[] {
  const wave = latestWave(roadmap);
  if (!wave) return [];
  const mismatches = frequencyMismatches(roadmap, frequencyPreferences(roadmap, wave), pressure);
  const drops = biggestDrops(roadmap, computeRsi(roadmap, wave.id), "phases", 1);
  return [
    ...mismatches.map((mismatch) => ({
      kind: "contactsAboveWanted" as const,
      severity: "warning" as const,
      ...mismatch,
    })),
    ...drops.map(({ segmentId: _all, ...drop }) => ({
      kind: "rsiDrop" as const,
      severity: "warning" as const,
      ...drop,
    })),
  ];
}

/** A sentence for the user, naming what the diagnostic concerns. */
export function describeDiagnostic(
  diagnostic: PlanDiagnostic,
  roadmap: Pick<
    Roadmap,
    "phases" | "segments" | "communications" | "channels" | "survey" | "startMonth" | "horizonMonths"
  >,
): string {
  const nameOf = (items: readonly { id: string; name: string }[], id: string) =>
    `“${items.find((item) => item.id === id)?.name ?? id}”`;
  switch (diagnostic.kind) {
    case "outflowOverLimit":
      return `${nameOf(roadmap.phases, diagnostic.phaseId)}: outgoing rates plus churn add up to ${percent(diagnostic.outflow)} a month for ${nameOf(roadmap.segments, diagnostic.segmentId)}; the plan scales them down to 100 %.`;
    case "unreachablePhase":
      return `${nameOf(roadmap.phases, diagnostic.phaseId)}: no customer can reach this phase (no customers at the start, no arrivals, and no transition leading in from a phase that has some).`;
    case "absorbingPhase":
      return `${nameOf(roadmap.phases, diagnostic.phaseId)}: customers of ${diagnostic.segmentIds.map((id) => nameOf(roadmap.segments, id)).join(", ")} never leave this phase (no way out and no churn).`;
    case "emptyAudience":
      return diagnostic.reason === "zeroShare"
        ? `${nameOf(roadmap.communications, diagnostic.communicationId)}: the audience share is 0 %, so it reaches no one.`
        : `${nameOf(roadmap.communications, diagnostic.communicationId)}: its audience names only segments that do not exist (${diagnostic.segmentIds.join(", ")}), so it reaches no one.`;
    case "missingCost":
      return `${nameOf(roadmap.communications, diagnostic.communicationId)}: it is sent but costs nothing; set a fixed cost or a cost per contact (or its channel's).`;
    case "reachesNoOne":
      return `${nameOf(roadmap.communications, diagnostic.communicationId)}: no customer is in its phase when it sends, so over the whole plan it reaches no one.`;
    case "valueAboveAnnualValue":
      return `${nameOf(roadmap.communications, diagnostic.communicationId)}: one response is worth more than a whole year of a customer of ${diagnostic.segmentIds.map((id) => nameOf(roadmap.segments, id)).join(", ")} (the segment's annual value).`;
    case "certainResponse":
      return `${nameOf(roadmap.communications, diagnostic.communicationId)}: a response rate of 100 % expects every customer reached to respond.`;
    case "contactsAboveWanted": {
      const { months } = planCalendar(roadmap.startMonth, roadmap.horizonMonths);
      return `Survey: ${describeMismatch(diagnostic, roadmap, (t) => months[t]?.label)}`;
    }
    case "rsiDrop":
      return `Survey, the place to act first: ${describeDrop({ ...diagnostic, segmentId: null }, roadmap)}`;
  }
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

/**
 * 1 for phases some segment's customers are in at the start, arrive in, or
 * can get to along transitions that move that segment (rate above 0).
 */
function reachablePhases(flow: CustomerFlow): Uint8Array {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const R = flow.transitionIds.length;
  const T = flow.months;
  const outgoing: number[][] = Array.from({ length: P }, () => []);
  for (let r = 0; r < R; r++) {
    const from = flow.transitionFrom[r] as number;
    if (from >= 0 && (flow.transitionTo[r] as number) >= 0) outgoing[from]?.push(r);
  }
  const reachable = new Uint8Array(P);
  const seen = new Uint8Array(P);
  const queue: number[] = [];
  for (let s = 0; s < S; s++) {
    seen.fill(0);
    queue.length = 0;
    for (let p = 0; p < P; p++) {
      const populated = (flow.population[s * (T + 1) * P + p] as number) > 0;
      const arriving = T > 0 && (flow.arrivals[s * T * P + p] as number) > 0;
      if (populated || arriving) {
        seen[p] = 1;
        queue.push(p);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const p = queue[head] as number;
      reachable[p] = 1;
      for (const r of outgoing[p] ?? []) {
        const to = flow.transitionTo[r] as number;
        if (seen[to] === 0 && (flow.transitionRate[s * R + r] as number) > 0) {
          seen[to] = 1;
          queue.push(to);
        }
      }
    }
  }
  return reachable;
}
