import type { Period } from "../../engine/calendar";
import { type ContactCollision, type ContactPressure, worstContactPressure } from "../../engine/pressure";
import { namesById } from "../../model/queries";
import { periodsFitting, reportLayout, type Shown, SUMMARY_LIMITS } from "../reportLayout";
import type { DeckContext } from "./deckContext";
import { addTableSlides, type DeckTableCell } from "./slideFrame";

/** Period columns of one heatmap slide: at 12 pt a month's label ("27-03") and a two-digit count fit this many. */
export const HEATMAP_COLUMNS = 12;
/** Heatmap slides at most: the horizon is cut into months, quarters or years so it fits this many. */
const HEATMAP_SLIDES = 3;

const HEAT_FULL = [0x2a, 0x9d, 0x8f];
const HEAT_EMPTY = [0xf1, 0xf4, 0xf8];
/** A cell over the cap, as the report prints it. */
export const OVER_CAP_FILL = "B42318";

/** The report's heat colour: the teal mixed in up to 70 % as the count nears the cap. */
export function heatFill(count: number, cap: number): string {
  if (count > cap) return OVER_CAP_FILL;
  const share = Math.min(1, count / Math.max(1, cap)) * 0.7;
  return HEAT_FULL.map((full, i) => {
    const empty = HEAT_EMPTY[i] as number;
    return Math.round(empty + (full - empty) * share)
      .toString(16)
      .padStart(2, "0");
  })
    .join("")
    .toUpperCase();
}

/** The most sends reaching one customer of segment `s` in any month of `period`. */
function worstIn(pressure: ContactPressure, s: number, period: Period): number {
  let worst = 0;
  for (let t = period.firstMonth; t < period.firstMonth + period.monthCount; t++) {
    worst = Math.max(worst, worstContactPressure(pressure, "segment", s, t));
  }
  return worst;
}

/** One owner's part in the plan's collisions. */
export interface OwnerCollisions {
  readonly ownerId: string;
  /** Collisions the owner sends to. */
  readonly collisions: number;
  /** Of those, the ones where another owner sends to the same customers. */
  readonly withOthers: number;
  /** The most sends one customer gets in such a month. */
  readonly worstCount: number;
  /** The other owners in them, in the roadmap's order. */
  readonly otherOwnerIds: readonly string[];
}

/**
 * Each owner's collisions, the owners with the most first (ties in the
 * roadmap's order): who to bring together to plan fewer sends.
 */
export function collisionsByOwner(
  ownerIds: readonly string[],
  collisions: readonly ContactCollision[],
): OwnerCollisions[] {
  const rows = ownerIds.map((ownerId, order) => {
    const theirs = collisions.filter((collision) => collision.ownerIds.includes(ownerId));
    const others = new Set(theirs.flatMap((collision) => collision.ownerIds).filter((id) => id !== ownerId));
    return {
      order,
      row: {
        ownerId,
        collisions: theirs.length,
        withOthers: theirs.filter((collision) => collision.ownerIds.length > 1).length,
        worstCount: theirs.reduce((worst, collision) => Math.max(worst, collision.count), 0),
        otherOwnerIds: ownerIds.filter((id) => others.has(id)),
      },
    };
  });
  return rows
    .filter(({ row }) => row.collisions > 0)
    .sort((a, b) => b.row.collisions - a.row.collisions || a.order - b.order)
    .map(({ row }) => row);
}

/**
 * Contact pressure as the report shows it: a heatmap of the most sends one
 * customer of each segment gets a month (its cells coloured as the report's,
 * red over the cap), the owners whose sends collide, and the collisions
 * themselves, each list continued over slides at 12 pt.
 */
export function addPressureSlides(context: DeckContext): void {
  const { roadmap, plan } = context;
  const { pressure, calendar } = plan;
  const layout = reportLayout(roadmap, plan, { includeCosts: context.includeCosts }, SUMMARY_LIMITS);
  const segmentNames = namesById(roadmap.segments);
  const periods = periodsFitting(calendar, HEATMAP_COLUMNS * HEATMAP_SLIDES);
  const byMonth = periods === calendar.months;
  const segments = layout.pressureSegments;
  const left =
    segments.more > 0
      ? ` The ${segments.more} least contacted segments are left out; the app's Pressure view shows them all.`
      : "";
  for (let first = 0; first < periods.length; first += HEATMAP_COLUMNS) {
    const block = periods.slice(first, first + HEATMAP_COLUMNS);
    const span = block.length === 1 ? block[0]?.label : `${block[0]?.label} to ${block[block.length - 1]?.label}`;
    addTableSlides(context, {
      title: `Contact pressure, ${span}`,
      name: "Contact pressure heatmap",
      caption: `Communications reaching one customer in a month, all owners together, in the segment's most contacted phase${byMonth ? "" : "; each cell is the worst month of its period"}. Red: over the cap of ${pressure.contactCap} a month.`,
      notes: [
        "From the plan's contact pressure: for each segment and month, the most sends one cohort (the customers who entered a phase in the same month) receives from every owner.",
        byMonth
          ? ""
          : `The horizon is shown by ${periods === calendar.quarters ? "quarter" : "year"}: each cell is its worst month.`,
        left,
      ]
        .filter((line) => line !== "")
        .join(" "),
      columns: [
        { header: "Segment", weight: 2.6 },
        ...block.map((period) => ({
          header: byMonth ? period.label.slice(2) : period.label,
          weight: 1,
          align: "center" as const,
        })),
      ],
      rows: segments.indices.map((s) => [
        segmentNames.get(pressure.segmentIds[s] as string) ?? "",
        ...block.map((period): DeckTableCell => {
          const count = worstIn(pressure, s, period);
          const over = count > pressure.contactCap;
          return {
            text: count === 0 ? "" : String(count),
            fill: heatFill(count, pressure.contactCap),
            ...(over ? { colour: "FFFFFF", bold: true } : {}),
          };
        }),
      ]),
    });
  }
  addCollisionSlides(context, layout.collisions);
}

function addCollisionSlides(context: DeckContext, shown: Shown): void {
  const { roadmap, plan, format } = context;
  const { collisions } = plan.pressure;
  if (collisions.length === 0) return;
  const owners = namesById(roadmap.owners);
  const ownerName = (id: string) => owners.get(id) ?? id;
  const byOwner = collisionsByOwner(
    roadmap.owners.map((owner) => owner.id),
    collisions,
  );
  addTableSlides(context, {
    title: "Collisions by owner",
    name: "Collisions by owner",
    caption: `${format.count(collisions.length)} times a cohort gets more sends in a month than a cap allows. Per owner: those they send to, those shared with another owner, and who with.`,
    notes:
      "From the plan's collisions: one per segment, phase, month and cap (the roadmap's or a channel's), counted for every owner sending to the cohort that month.",
    columns: [
      { header: "Owner", weight: 2.5 },
      { header: "Collisions", weight: 1.2, align: "right" },
      { header: "With other owners", weight: 1.4, align: "right" },
      { header: "Most sends a month", weight: 1.4, align: "right" },
      { header: "Collides with", weight: 4 },
    ],
    rows: byOwner.map((row) => [
      ownerName(row.ownerId),
      format.count(row.collisions),
      format.count(row.withOthers),
      format.count(row.worstCount),
      row.otherOwnerIds.length === 0 ? "no other owner" : row.otherOwnerIds.map(ownerName).join(", "),
    ]),
  });
  const segments = namesById(roadmap.segments);
  const phases = namesById(roadmap.phases);
  const channels = namesById(roadmap.channels);
  const months = plan.calendar.months;
  addTableSlides(context, {
    title: "Collisions by month",
    name: "Collisions",
    notes: [
      "Each row: the month, the cohort (segment, phase, and when it entered), its sends that month, the cap it is over, and the owners sending.",
      shown.more > 0
        ? `The first ${format.count(shown.indices.length)} of ${format.count(collisions.length)} are listed: ${format.count(shown.more)} more in the app's Pressure view.`
        : "",
    ]
      .filter((line) => line !== "")
      .join(" "),
    columns: [
      { header: "Month", weight: 1.1 },
      { header: "Segment", weight: 2 },
      { header: "Phase", weight: 2 },
      { header: "Entered", weight: 1.3 },
      { header: "Sends", weight: 0.9, align: "right" },
      { header: "Cap", weight: 1.6 },
      { header: "Owners", weight: 3 },
    ],
    rows: shown.indices.flatMap((i) => {
      const collision = collisions[i];
      if (!collision) return [];
      return [
        [
          months[collision.month]?.label ?? "",
          segments.get(collision.segmentId) ?? collision.segmentId,
          phases.get(collision.phaseId) ?? collision.phaseId,
          collision.entryMonth === null ? "before the plan" : (months[collision.entryMonth]?.label ?? ""),
          format.count(collision.count),
          collision.capOf === "roadmap"
            ? `Roadmap, ${collision.cap}`
            : `${channels.get(collision.capOf) ?? collision.capOf}, ${collision.cap}`,
          collision.ownerIds.map(ownerName).join(", "),
        ],
      ];
    }),
  });
}
