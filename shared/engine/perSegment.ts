/**
 * The figure a per-segment record holds for one segment, 0 when it holds none.
 * Own properties only: a segment id such as "constructor" must not read
 * something off Object.prototype.
 */
export function perSegmentValue(record: Readonly<Record<string, number>>, segmentId: string): number {
  return Object.hasOwn(record, segmentId) ? (record[segmentId] ?? 0) : 0;
}

/** The rate a transition applies to one segment: its override when it has one, else its general rate. */
export function rateForSegment(
  transition: { readonly rate: number; readonly rateBySegment: Readonly<Record<string, number>> },
  segmentId: string,
): number {
  return Object.hasOwn(transition.rateBySegment, segmentId)
    ? (transition.rateBySegment[segmentId] ?? transition.rate)
    : transition.rate;
}

/** Same keys, same numbers: lets a rebuilt record count as unchanged. */
export function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && Object.is(a[key], b[key]));
}
