import { formatLocaleAmount, formatLocaleNumber } from "../../shared/format/localeNumber";

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const count = new Intl.NumberFormat();

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", "yesterday"; "just now" under a minute. */
export function formatRelativeTime(iso: string, now: Date): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

export function formatDateTime(iso: string): string {
  return absolute.format(new Date(iso));
}

export function formatCount(value: number): string {
  return count.format(Math.round(value));
}

/** A figure someone typed, such as a KPI's target, with every decimal it has: "25", "2.5", "1,200". */
export function formatDecimal(value: number): string {
  return formatLocaleNumber(value);
}

/** A rate or share someone typed, with every decimal it has: "1.25%" where `formatPercent` would round to "1.3%". */
export function formatTypedPercent(share: number): string {
  return formatLocaleAmount(share, undefined, { percent: true });
}

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });

export function formatPercent(share: number): string {
  return percent.format(share);
}

/** "1 phase", "3 phases". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const size = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Space on disk: "900 bytes", "320 KB", "1.4 MB" (1 KB = 1,024 bytes, as file managers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, "byte");
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} KB`;
  return `${size.format(bytes / (1024 * 1024))} MB`;
}

/** "12 versions · 1.4 MB": how many versions a roadmap has and the space they take. */
export function formatVersionSpace(space: { count: number; bytes: number }): string {
  return `${plural(space.count, "version")} · ${formatBytes(space.bytes)}`;
}
