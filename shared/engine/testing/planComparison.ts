/**
 * Comparing plans bit for bit, for tests of the incremental engine: an edited
 * roadmap must plan to the same bits as the same roadmap planned afresh.
 */

const bits = new DataView(new ArrayBuffer(8));

function hexOfNumber(n: number): string {
  bits.setFloat64(0, n);
  return bits.getBigUint64(0).toString(16);
}

/**
 * Every number of a result, typed arrays included, as the hex of its bits:
 * two results with the same fingerprint are identical bit for bit.
 */
export function fingerprint(result: unknown): string {
  return JSON.stringify(result, (_, value: unknown) => {
    if (typeof value === "number") return hexOfNumber(value);
    if (value instanceof Float64Array) return Array.from(value, hexOfNumber).join(",");
    if (ArrayBuffer.isView(value))
      return Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)).join(",");
    return value;
  });
}

/** Where two plans differ: the path to the figure, and its value in each. */
export interface PlanDifference {
  path: string;
  actual: unknown;
  expected: unknown;
}

/**
 * The first `limit` places where `actual` differs from `expected`, numbers
 * compared by their bits (so 0 and -0 differ, and NaN equals NaN), arrays and
 * typed arrays element by element, objects key by key.
 */
export function planDifferences(actual: unknown, expected: unknown, limit = 10): PlanDifference[] {
  const found: PlanDifference[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (found.length >= limit) return;
    if (typeof a === "number" && typeof b === "number") {
      if (!Object.is(a, b)) found.push({ path, actual: a, expected: b });
      return;
    }
    if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && !(a instanceof DataView) && !(b instanceof DataView)) {
      const x = a as unknown as ArrayLike<number>;
      const y = b as unknown as ArrayLike<number>;
      if (a.constructor !== b.constructor || x.length !== y.length) {
        found.push({
          path,
          actual: `${a.constructor.name}(${x.length})`,
          expected: `${b.constructor.name}(${y.length})`,
        });
        return;
      }
      for (let i = 0; i < x.length; i++) walk(x[i], y[i], `${path}[${i}]`);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) found.push({ path: `${path}.length`, actual: a.length, expected: b.length });
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      }
      return;
    }
    if (!Object.is(a, b)) found.push({ path, actual: a, expected: b });
  };
  walk(actual, expected, "plan");
  return found;
}

/** The differences in words, one a line, for a failing test's message. */
export function describePlanDifferences(differences: readonly PlanDifference[]): string {
  return differences
    .map(({ path, actual, expected }) => `${path}: ${JSON.stringify(actual)}, afresh ${JSON.stringify(expected)}`)
    .join("\n");
}
