/** The parts of a roadmap a comparison walks, each listed by id; "settings" are the roadmap's own fields. */
export type DiffCollection =
  | "settings"
  | "stages"
  | "phases"
  | "transitions"
  | "segments"
  | "owners"
  | "channels"
  | "roles"
  | "communications"
  | "scenarios";

/** One thing that differs between two roadmaps, or two scenarios of one. */
export interface RoadmapDifference {
  readonly kind: "added" | "removed" | "changed";
  readonly collection: DiffCollection;
  /** The item's id; null for a setting. */
  readonly id: string | null;
  /** The item's name as the user knows it (a transition's "Trial → Customer"), or the setting's label. */
  readonly label: string;
  /** For a change: the field's path inside the item, e.g. "timing.everyMonths" or "rateBySegment.enterprise". */
  readonly field: string | null;
  /** The old and new values as JSON; undefined for an added or removed item. */
  readonly before?: unknown;
  readonly after?: unknown;
}
