import type { VersionKind } from "../../../shared/model";

/** Why a version was kept, as the Versions panel says it. */
export const VERSION_KIND_LABELS: Record<VersionKind, string> = {
  named: "Named",
  daily: "Daily",
  beforeImport: "Before import",
  beforeOptimisation: "Before optimisation",
  beforeMigration: "Before migration",
  beforeRestore: "Before restore",
};

const dayAndTime = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});
const day = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
/** The name a new version gets unless the user types one: "Version of 7 Dec, 14:05" in their locale. */
export function defaultVersionName(now: Date): string {
  return `Version of ${dayAndTime.format(now)}`;
}

/** "12 Dec 2026": the day a version was kept, for the read-only banner. */
export function formatVersionDay(iso: string): string {
  return day.format(new Date(iso));
}
