import type { BudgetDimension } from "../../../shared/engine";
import { PURPOSE_LABELS, type Roadmap } from "../../../shared/model";

const SERIES_COLORS = [
  "#1d3557",
  "#e76f51",
  "#2a9d8f",
  "#e9c46a",
  "#8e44ad",
  "#457b9d",
  "#f4a261",
  "#6a994e",
  "#c0392b",
  "#7f8c8d",
];

export interface KeyLabel {
  label: string;
  color: string;
}

/** Names and colours for the keys of a budget breakdown: stage colours for stages, a palette otherwise. */
export function labelsFor(roadmap: Roadmap, dimension: BudgetDimension): (key: string, index: number) => KeyLabel {
  const palette = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length] ?? "#888888";
  const named = (items: readonly { id: string; name: string }[]) => {
    const names = new Map(items.map((item) => [item.id, item.name]));
    return (key: string, index: number) => ({ label: names.get(key) ?? key, color: palette(index) });
  };
  switch (dimension) {
    case "stage": {
      const stages = new Map(roadmap.stages.map((s) => [s.id, s]));
      return (key, index) => ({ label: stages.get(key)?.name ?? key, color: stages.get(key)?.color ?? palette(index) });
    }
    case "segment": {
      const segments = new Map(roadmap.segments.map((s) => [s.id, s]));
      return (key, index) => ({
        label: segments.get(key)?.name ?? key,
        color: segments.get(key)?.color ?? palette(index),
      });
    }
    case "phase":
      return named(roadmap.phases);
    case "channel":
      return named(roadmap.channels);
    case "owner":
      return named(roadmap.owners);
    case "purpose":
      return (key, index) => ({
        label: PURPOSE_LABELS[key as keyof typeof PURPOSE_LABELS] ?? key,
        color: palette(index),
      });
  }
}
