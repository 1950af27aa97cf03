import { defaultChannels, defaultStages, emptySegmentStrategy, emptyWorkshopFields } from "./defaults";
import { MAX_NAME_LENGTH } from "./fields";
import { createId } from "./ids";
import { CURRENT_SCHEMA_VERSION, ROADMAP_FILE_TYPE, type Roadmap } from "./schema";

export interface NewRoadmapOptions {
  name?: string;
  client?: string;
  currency?: string;
  /** Defaults to the month after `now`. */
  startMonth?: string;
  horizonMonths?: number;
  now?: Date;
}

/** A blank roadmap: the default lifecycle stages and channels, one segment, no phases yet. */
export function createRoadmap(options: NewRoadmapOptions = {}): Roadmap {
  const now = options.now ?? new Date();
  const timestamp = now.toISOString();
  return {
    type: ROADMAP_FILE_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: createId(),
    name: options.name ?? "Untitled roadmap",
    client: options.client ?? "",
    preparedBy: "",
    currency: options.currency ?? "EUR",
    startMonth: options.startMonth ?? nextMonth(now),
    horizonMonths: options.horizonMonths ?? 24,
    annualDiscountRate: 0.1,
    contactCap: 4,
    notes: "",
    createdAt: timestamp,
    updatedAt: timestamp,
    stages: defaultStages(),
    phases: [],
    transitions: [],
    segments: [
      {
        id: "all",
        name: "All customers",
        annualValue: 0,
        color: "#4f5d75",
        strategy: emptySegmentStrategy(),
      },
    ],
    owners: [],
    channels: defaultChannels(),
    roles: [],
    communications: [],
    ...emptyWorkshopFields(),
  };
}

/** "YYYY-MM" of the month after the given date (UTC). */
export function nextMonth(date: Date): string {
  const year = date.getUTCFullYear() + (date.getUTCMonth() === 11 ? 1 : 0);
  const month = ((date.getUTCMonth() + 1) % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * A copy under a new id, e.g. to try a variant in a workshop without touching the original; its
 * name is the original's with `marker` after it ("Acme (copy)", "Acme (version Board, 12 May)").
 */
export function duplicateRoadmap(roadmap: Roadmap, now = new Date(), marker = " (copy)"): Roadmap {
  const timestamp = now.toISOString();
  return {
    ...structuredCloneRoadmap(roadmap),
    id: createId(),
    name: copyName(roadmap.name, marker),
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/** Shortens the original rather than the marker, so a copy of a long name still reads as a copy. */
function copyName(name: string, marker: string): string {
  return `${name.slice(0, MAX_NAME_LENGTH - marker.length).trimEnd()}${marker}`;
}

function structuredCloneRoadmap(roadmap: Roadmap): Roadmap {
  return JSON.parse(JSON.stringify(roadmap)) as Roadmap;
}
