import { useEffect, useState } from "react";
import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import type { Roadmap } from "../../../shared/model";

/** Works a comparison out off the UI thread (`compareService.compare` in the app, in-process in tests). */
export type CompareScenarios = (roadmap: Roadmap, scenarioIds: readonly string[]) => Promise<ScenarioComparison>;

export interface ComparisonState {
  /** The newest comparison of these very scenarios; it may be of an earlier state of the roadmap while `computing`. */
  readonly comparison: ScenarioComparison | null;
  readonly computing: boolean;
  readonly error: string | null;
}

interface Settled {
  readonly key: string;
  readonly comparison: ScenarioComparison | null;
  readonly error: string | null;
  readonly roadmap: Roadmap;
}

/**
 * The comparison of `scenarioIds` in `roadmap`, asked for again whenever
 * either changes. Only the newest request's answer is ever shown: one that
 * comes back after a newer request was made is dropped, and a comparison of
 * other scenarios is never shown for these.
 */
export function useScenarioComparison(
  compare: CompareScenarios,
  roadmap: Roadmap,
  scenarioIds: readonly string[],
): ComparisonState {
  const key = scenarioIds.join("\n");
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    let current = true;
    compare(roadmap, key.split("\n")).then(
      (comparison) => {
        if (current) setSettled({ key, comparison, error: null, roadmap });
      },
      (error: unknown) => {
        if (current) {
          setSettled({ key, comparison: null, error: error instanceof Error ? error.message : String(error), roadmap });
        }
      },
    );
    // The effect's cleanup runs before the next request is made, so an older answer arriving late is ignored.
    return () => {
      current = false;
    };
  }, [compare, roadmap, key]);
  const mine = settled?.key === key ? settled : null;
  return {
    comparison: mine?.comparison ?? null,
    computing: mine?.roadmap !== roadmap,
    error: mine?.roadmap === roadmap ? mine.error : null,
  };
}
