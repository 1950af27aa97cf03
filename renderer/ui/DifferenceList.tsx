import { useId, useState } from "react";
import {
  DIFF_COLLECTION_TITLES,
  DIFF_COLLECTIONS,
  type DiffCollection,
  differenceParts,
  type Roadmap,
  type RoadmapDifference,
} from "../../shared/model";
import { plural } from "./format";
import { COSTS_HIDDEN, useMoneyFormat } from "./money";
import "./differences.css";

/** Rows a group shows before it offers the rest behind "Show all N". */
export const DIFFERENCES_SHOWN = 8;

export interface DifferenceListProps {
  readonly differences: readonly RoadmapDifference[];
  /** Names the ids the differences mention (the newer roadmap of the two); its currency writes the money. */
  readonly roadmap: Roadmap;
  /** Said when nothing differs. */
  readonly emptyText?: string;
  /**
   * Why each communication differs, by its id (an optimised scenario's record
   * keeps one for each change): written under the communication's first row.
   */
  readonly reasons?: Readonly<Record<string, string>>;
}

/**
 * What differs between two roadmaps or scenarios, grouped by what it is
 * (settings, phases, communications…), each row "Changed · Welcome email ·
 * Response rate: 10 % → 12 %". Amounts follow the Show costs preference.
 */
export function DifferenceList({
  differences,
  roadmap,
  emptyText = "Nothing differs.",
  reasons = {},
}: DifferenceListProps) {
  const money = useMoneyFormat(roadmap.currency);
  if (differences.length === 0) return <p className="difference-list-empty muted">{emptyText}</p>;
  const groups = new Map<DiffCollection, RoadmapDifference[]>();
  for (const difference of differences) {
    const group = groups.get(difference.collection);
    if (group) group.push(difference);
    else groups.set(difference.collection, [difference]);
  }
  const format = { money: money ? (value: number) => money.typed(value) : null };
  return (
    <div className="difference-list">
      {DIFF_COLLECTIONS.flatMap((collection) => {
        const group = groups.get(collection);
        return group
          ? [
              <DifferenceGroup
                key={collection}
                collection={collection}
                group={group}
                roadmap={roadmap}
                format={format}
                reasons={collection === "communications" ? reasons : {}}
              />,
            ]
          : [];
      })}
    </div>
  );
}

function DifferenceGroup({
  collection,
  group,
  roadmap,
  format,
  reasons,
}: {
  collection: DiffCollection;
  group: readonly RoadmapDifference[];
  roadmap: Roadmap;
  format: { money: ((value: number) => string) | null };
  reasons: Readonly<Record<string, string>>;
}) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? group : group.slice(0, DIFFERENCES_SHOWN);
  // Two lists can share a page (the Compare tab shows one per scenario): each heading needs its own id.
  const headingId = `${useId()}-differences-${collection}`;
  return (
    <section className="difference-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="difference-group-title">
        {DIFF_COLLECTION_TITLES[collection]}{" "}
        <span className="difference-count muted">({plural(group.length, "difference")})</span>
      </h3>
      <ul className="difference-rows">
        {shown.map((difference, i) => (
          <DifferenceRow
            key={`${difference.kind}:${difference.id ?? ""}:${difference.field ?? ""}`}
            difference={difference}
            roadmap={roadmap}
            format={format}
            // Once per communication, however many of its fields differ.
            reason={
              difference.id !== null && shown.findIndex((other) => other.id === difference.id) === i
                ? reasons[difference.id]
                : undefined
            }
          />
        ))}
      </ul>
      {shown.length < group.length && (
        <button type="button" className="link-button difference-show-all" onClick={() => setExpanded(true)}>
          Show all {group.length}
        </button>
      )}
    </section>
  );
}

function DifferenceRow({
  difference,
  roadmap,
  format,
  reason,
}: {
  difference: RoadmapDifference;
  roadmap: Roadmap;
  format: { money: ((value: number) => string) | null };
  reason: string | undefined;
}) {
  const parts = differenceParts(difference, roadmap, format);
  const field = parts.field ?? (difference.kind === "changed" ? null : parts.noun);
  return (
    <li className={`difference difference-${difference.kind}`}>
      <span className="difference-verb">{parts.verb}</span>
      <span className="difference-separator" aria-hidden="true">
        {" · "}
      </span>
      <span className="difference-label">{parts.label}</span>
      {difference.kind !== "changed" ? (
        <span className="difference-noun muted"> ({field})</span>
      ) : (
        <>
          {parts.field !== null && (
            <>
              <span className="difference-separator" aria-hidden="true">
                {" · "}
              </span>
              <span className="difference-field">{capitalise(parts.field)}</span>
            </>
          )}
          {": "}
          {parts.hidden ? (
            <span className="difference-hidden muted">{COSTS_HIDDEN}</span>
          ) : (
            <>
              <span className="difference-before">{parts.before ?? "not set"}</span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> to </span>
              <span className="difference-after">{parts.after ?? "not set"}</span>
            </>
          )}
        </>
      )}
      {reason !== undefined && <span className="difference-reason">Why: {reason}</span>}
    </li>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
