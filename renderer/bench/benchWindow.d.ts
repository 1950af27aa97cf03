/** What the canvas benchmark page exposes to the script that drives it (scripts/benchCanvas.ts). */
interface Window {
  bench: {
    openedAt?: number;
    interactiveAt?: number;
    /** The plan (worked out in a worker, as in the app) has reached the canvas; the bare page has none. */
    planned: boolean;
    renders: { phase: Map<string, number>; transition: Map<string, number> };
    frames: number[];
    recording: boolean;
    /** Transitions into or out of a phase: the edges a drag of that phase may re-render. */
    incident: (phaseId: string) => string[];
    /** Zooms the canvas to a level, keeping its centre. */
    zoomTo: (zoom: number) => void;
    /** `?mode=layout`: Auto-arrange of the largest template, in ms: the first call, then medians of warm runs. */
    layout?: {
      roadmap: string;
      phases: number;
      transitions: number;
      firstMs: number;
      workerMs: number;
      bareMs: number;
    };
  };
}

/** What the scenario comparison benchmark page exposes to scripts/benchScenarios.ts. */
interface Window {
  compareBench: {
    /** Medians in ms of `runs` runs after a warm-up: a new worker's first comparison, then one after an edit. */
    run: (runs: number) => Promise<{ first: number; afterEdit: number; baseAlone: number }>;
  };
}
