import type { LifecycleStage, Phase, Roadmap, Transition } from "./schema";

/** Customers in the phase at plan start, all segments together. */
export function customersAtStart(phase: Phase): number {
  return Object.values(phase.initialCustomers).reduce((sum, n) => sum + n, 0);
}

/** New customers arriving in the phase each month, all segments together. */
export function arrivalsPerMonth(phase: Phase): number {
  return Object.values(phase.arrivalsPerMonth).reduce((sum, n) => sum + n, 0);
}

/** The stages in their order, each with its phases in document order. */
export function phasesByStage(roadmap: Roadmap): { stage: LifecycleStage; phases: Phase[] }[] {
  return roadmap.stages.map((stage) => ({
    stage,
    phases: roadmap.phases.filter((phase) => phase.stageId === stage.id),
  }));
}

export function outgoingTransitions(roadmap: Roadmap, phaseId: string): Transition[] {
  return roadmap.transitions.filter((transition) => transition.from === phaseId);
}

export function communicationsOf(roadmap: Roadmap, phaseId: string): Roadmap["communications"] {
  return roadmap.communications.filter((communication) => communication.phaseId === phaseId);
}

/** Name by id, for views that show what a document refers to. */
export function namesById(items: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(items.map((item) => [item.id, item.name]));
}
