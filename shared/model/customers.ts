import type { Roadmap } from "./schema";

/**
 * A segment's customers at the plan's start: the sum of its initial customers
 * over the phases (DOMAIN.md; a segment stores no separate number).
 */
export function segmentCustomersAtStart(roadmap: Pick<Roadmap, "phases">, segmentId: string): number {
  let customers = 0;
  for (const phase of roadmap.phases) {
    if (Object.hasOwn(phase.initialCustomers, segmentId)) customers += phase.initialCustomers[segmentId] ?? 0;
  }
  return customers;
}

/** Where a segment's customers are at the plan's start: the phases holding some, in document order. */
export function segmentCustomersByPhase(
  roadmap: Pick<Roadmap, "phases">,
  segmentId: string,
): { phaseId: string; customers: number }[] {
  return roadmap.phases.flatMap((phase) => {
    const customers = Object.hasOwn(phase.initialCustomers, segmentId) ? (phase.initialCustomers[segmentId] ?? 0) : 0;
    return customers > 0 ? [{ phaseId: phase.id, customers }] : [];
  });
}
