import { lazy, Suspense } from "react";

const OptimiserTab = lazy(async () => ({ default: (await import("./OptimiserTab")).OptimiserTab }));

/** The Optimise tab, whose code (settings, result, frontier chart) loads the first time it opens rather than with the app. */
export function LazyOptimiserTab() {
  return (
    <Suspense fallback={<p className="plan-message muted">Opening the optimiser…</p>}>
      <OptimiserTab />
    </Suspense>
  );
}
