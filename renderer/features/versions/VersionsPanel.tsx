import { useEffect, useState } from "react";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import type { VersionSummary } from "../../data/roadmapRepository";
import { formatBytes, formatDateTime, plural } from "../../ui/format";
import { VERSION_KIND_LABELS } from "./versionText";
import type { ComparedState } from "./versionViewingSlice";
import "./versions.css";

/** The row that stands for the roadmap as it is now, which can be compared like a version. */
const CURRENT = "current";

/**
 * The open roadmap's saved versions, newest first: when, what, why, by whom
 * and how big. Each can be restored, opened read only or copied to a new
 * roadmap; ticking two (the current state counts as one) compares them.
 */
export function VersionsPanel({ roadmapId }: { roadmapId: string }) {
  const store = useAppStoreApi();
  const versions = useAppState((state) => state.versions);
  const viewing = useAppState((state) => state.readOnlyVersion?.versionId ?? null);
  const [ticked, setTicked] = useState<readonly string[]>([]);

  useEffect(() => {
    // The list is read when the panel opens for a roadmap; saving and restoring refresh it themselves.
    if (roadmapId) void store.getState().refreshVersions();
  }, [store, roadmapId]);

  const listed = new Set([CURRENT, ...versions.map((v) => v.id)]);
  const selected = ticked.filter((id) => listed.has(id));
  const toggle = (id: string, on: boolean) =>
    // Ticking a third replaces the older of the two ticked: the last two ticked are compared.
    setTicked(on ? [...selected.filter((t) => t !== id), id].slice(-2) : selected.filter((t) => t !== id));

  const compare = () => {
    const [before, after] = comparedInOrder(selected, versions);
    if (before && after) void store.getState().compareVersions(before, after);
  };

  return (
    <aside className="versions-panel" aria-label="Versions panel">
      <header className="versions-panel-header">
        <h2>Versions</h2>
        <span className="muted">{plural(versions.length, "version")}</span>
        <button
          type="button"
          className="button button-small"
          onClick={() => store.getState().setVersionsPanelOpen(false)}
          aria-label="Close the Versions panel"
        >
          Close
        </button>
      </header>
      <div className="versions-panel-actions">
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => store.getState().openDialog({ kind: "saveVersion" })}
        >
          Save version…
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={selected.length !== 2}
          onClick={compare}
          title="Tick two versions, or one and the current state, to compare them"
        >
          Compare {selected.length === 2 ? "the two ticked" : `(tick ${2 - selected.length} more)`}
        </button>
      </div>
      <ul className="versions-list">
        <li className="version-item is-current">
          <label className="version-tick">
            <input
              type="checkbox"
              checked={selected.includes(CURRENT)}
              onChange={(event) => toggle(CURRENT, event.target.checked)}
            />
            <span className="version-name">Current state</span>
          </label>
          <p className="version-meta muted">The roadmap as it is now, with its unsaved changes.</p>
        </li>
        {versions.map((version) => (
          <VersionItem
            key={version.id}
            version={version}
            ticked={selected.includes(version.id)}
            viewing={version.id === viewing}
            onTick={(on) => toggle(version.id, on)}
          />
        ))}
      </ul>
      {versions.length === 0 && (
        <p className="muted">
          No versions yet. Save one before a meeting or a big change; one is also kept automatically each day you edit,
          and before imports, optimisations and restores.
        </p>
      )}
    </aside>
  );
}

function VersionItem({
  version,
  ticked,
  viewing,
  onTick,
}: {
  version: VersionSummary;
  ticked: boolean;
  viewing: boolean;
  onTick: (on: boolean) => void;
}) {
  const store = useAppStoreApi();
  return (
    <li className={`version-item${viewing ? " is-viewing" : ""}`} aria-label={`Version ${version.name}`}>
      <label className="version-tick">
        <input
          type="checkbox"
          checked={ticked}
          onChange={(event) => onTick(event.target.checked)}
          aria-label={`Tick “${version.name}” to compare`}
        />
        <span className="version-name">{version.name}</span>
        <span className={`version-kind kind-${version.kind}`}>{VERSION_KIND_LABELS[version.kind]}</span>
      </label>
      <p className="version-meta">
        <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
        {version.author && <> · {version.author}</>} · {formatBytes(version.sizeBytes)}
      </p>
      {version.note && <p className="version-note">{version.note}</p>}
      <div className="version-actions">
        <button
          type="button"
          className="link-button"
          onClick={() => store.getState().openDialog({ kind: "restoreVersion", versionId: version.id })}
        >
          Restore…
        </button>
        <button
          type="button"
          className="link-button"
          disabled={viewing}
          onClick={() => void store.getState().openVersionReadOnly(version.id)}
        >
          {viewing ? "Open read only (shown)" : "Open read only"}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => void store.getState().copyVersionToNewRoadmap(version.id)}
        >
          Copy to new roadmap
        </button>
      </div>
    </li>
  );
}

/** The two ticked, older first; the current state is always the newer. */
function comparedInOrder(ticked: readonly string[], versions: readonly VersionSummary[]): ComparedState[] {
  const createdAt = (id: string) =>
    id === CURRENT ? "\uffff" : (versions.find((version) => version.id === id)?.createdAt ?? "");
  return [...ticked]
    .sort((a, b) => createdAt(a).localeCompare(createdAt(b)))
    .map((id): ComparedState => (id === CURRENT ? { kind: "current" } : { kind: "version", versionId: id }));
}
