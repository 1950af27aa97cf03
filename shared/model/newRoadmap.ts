import { err, ok, type Result } from "../result";
import { fromZodIssues } from "./issues";
import { type Roadmap, RoadmapSchema } from "./schema";

/** What the New roadmap dialog asks for; an empty name or client keeps the starting point's. */
export interface NewRoadmapSettings {
  name: string;
  client: string;
  currency: string;
  startMonth: string;
  horizonMonths: number;
}

export type NewRoadmapField = keyof NewRoadmapSettings;

/** Labels the dialog shows, so a message names the field the user sees. */
export const NEW_ROADMAP_FIELD_LABELS: Readonly<Record<NewRoadmapField, string>> = {
  name: "Name",
  client: "Client",
  currency: "Currency",
  startMonth: "Start month",
  horizonMonths: "Horizon",
};

export interface NewRoadmapProblem {
  field: NewRoadmapField;
  /** A sentence naming the field and the value, e.g. `Currency must be … , got "EURO".` */
  message: string;
}

/** A one-off communication moved into the last month because the chosen horizon ends before it. */
export interface MovedOneOff {
  communicationId: string;
  name: string;
  /** Months of the horizon, counted from 0 at the start month. */
  from: number;
  to: number;
}

export interface NewRoadmap {
  roadmap: Roadmap;
  moved: MovedOneOff[];
}

/**
 * A template's one-off sends planned after the last month of `horizonMonths`, and where they go:
 * into the last month, so a shorter plan still holds every communication the template has.
 */
export function oneOffsBeyond(roadmap: Roadmap, horizonMonths: number): MovedOneOff[] {
  const last = horizonMonths - 1;
  return roadmap.communications.flatMap((c) =>
    c.timing.kind === "oneOff" && c.timing.month > last
      ? [{ communicationId: c.id, name: c.name, from: c.timing.month, to: last }]
      : [],
  );
}

/**
 * The starting point (blank or a template) with the dialog's settings applied,
 * checked by the roadmap schema's own rules (currency code, start month, horizon
 * length and its end by 9999-12): a problem names its field and the value typed.
 */
export function prepareNewRoadmap(
  base: Roadmap,
  settings: NewRoadmapSettings,
): Result<NewRoadmap, NewRoadmapProblem[]> {
  const horizonMonths = settings.horizonMonths;
  const moved = Number.isInteger(horizonMonths) && horizonMonths >= 1 ? oneOffsBeyond(base, horizonMonths) : [];
  const lastMonth = new Map(moved.map((m) => [m.communicationId, m.to]));
  const roadmap: Roadmap = {
    ...base,
    name: settings.name.trim() || base.name,
    client: settings.client.trim() || base.client,
    currency: settings.currency.trim().toUpperCase(),
    startMonth: settings.startMonth.trim(),
    horizonMonths,
    communications: base.communications.map((c) => {
      const to = lastMonth.get(c.id);
      return to === undefined ? c : { ...c, timing: { kind: "oneOff", month: to } };
    }),
  };
  const checked = RoadmapSchema.safeParse(roadmap);
  if (checked.success) return ok({ roadmap, moved });
  const problems = fromZodIssues(checked.error.issues, roadmap).flatMap((issue): NewRoadmapProblem[] => {
    const field = Object.keys(NEW_ROADMAP_FIELD_LABELS).find((key) => issue.path === key) as
      | NewRoadmapField
      | undefined;
    return field ? [{ field, message: `${NEW_ROADMAP_FIELD_LABELS[field]} ${issue.problem}.` }] : [];
  });
  // Anything else wrong is the starting point's fault, not the user's: a bug, not bad input.
  if (problems.length === 0) throw new Error(`The starting point "${base.name}" is not a valid roadmap`);
  return err(problems);
}

/** What the dialog and the notice after creating say about one-offs moved by a shorter horizon. */
export function describeMovedOneOffs(moved: readonly MovedOneOff[], horizonMonths: number): string {
  const names = moved.map((m) => `“${m.name}” (planned for month ${m.from + 1})`).join(", ");
  const [what, verb] =
    moved.length === 1
      ? ["1 one-off communication falls", "moves"]
      : [`${moved.length} one-off communications fall`, "move"];
  return `${what} after the ${horizonMonths}-month horizon and ${verb} into its last month, month ${horizonMonths}: ${names}.`;
}
