import type { Roadmap } from "../../../model/schema";

export const MONEY_KPI_NAME = "Average contract";

/** The roadmap with a KPI measured in its currency on its first phase: what a deck without costs leaves out. */
export function withMoneyKpi(roadmap: Roadmap): Roadmap {
  return {
    ...roadmap,
    phases: roadmap.phases.map((phase, p) =>
      p === 0
        ? {
            ...phase,
            kpis: [
              ...phase.kpis,
              { id: "kpi-money", name: MONEY_KPI_NAME, target: 1250.5, unit: roadmap.currency, timeframe: "" },
            ],
          }
        : phase,
    ),
  };
}
