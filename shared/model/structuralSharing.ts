import type { Roadmap } from "./schema";

type Collections = Pick<
  Roadmap,
  "stages" | "phases" | "transitions" | "segments" | "owners" | "channels" | "roles" | "communications"
>;

const COLLECTIONS: readonly (keyof Collections)[] = [
  "stages",
  "phases",
  "transitions",
  "segments",
  "owners",
  "channels",
  "roles",
  "communications",
];

/**
 * The next version of a roadmap that reuses every object of the previous one
 * it equals. A document that crossed a thread boundary (the plan's worker)
 * arrives as new objects throughout; sharing the unchanged ones again lets the
 * engine recompute only what an edit touched.
 */
export function shareUnchanged(previous: Roadmap | null, next: Roadmap): Roadmap {
  if (!previous) return next;
  const shared: Partial<Collections> = {};
  for (const key of COLLECTIONS) {
    const before: readonly { id: string }[] = previous[key];
    const after: readonly { id: string }[] = next[key];
    Object.assign(shared, { [key]: shareElements(before, after) });
  }
  return { ...next, ...shared };
}

function shareElements<T extends { id: string }>(previous: readonly T[], next: readonly T[]): readonly T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let allSame = previous.length === next.length;
  const result = next.map((item, i) => {
    const old = before.get(item.id);
    const same = old !== undefined && JSON.stringify(old) === JSON.stringify(item);
    if (!same || previous[i] !== old) allSame = false;
    return same ? old : item;
  });
  return allSame ? previous : result;
}
