import { type KeyboardEvent, useState } from "react";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import type { RoadmapSummary } from "../../data/roadmapRepository";
import { formatCount, formatDateTime, formatRelativeTime, formatVersionSpace } from "../../ui/format";
import { IconButton } from "../../ui/IconButton";
import { CopyIcon, ExportIcon, PencilIcon, TrashIcon } from "../../ui/icons";

export function RoadmapTable({ summaries }: { summaries: RoadmapSummary[] }) {
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const now = new Date();
  return (
    <table className="roadmap-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Client</th>
          <th scope="col" className="numeric">
            Phases
          </th>
          <th scope="col">Last change</th>
          <th scope="col">Versions</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((summary) => (
          <RoadmapRow
            key={summary.id}
            summary={summary}
            now={now}
            renaming={renamingId === summary.id}
            onRenameStart={() => setRenamingId(summary.id)}
            onRenameEnd={() => setRenamingId(null)}
          />
        ))}
      </tbody>
    </table>
  );
}

interface RoadmapRowProps {
  summary: RoadmapSummary;
  now: Date;
  renaming: boolean;
  onRenameStart: () => void;
  onRenameEnd: () => void;
}

function RoadmapRow({ summary, now, renaming, onRenameStart, onRenameEnd }: RoadmapRowProps) {
  const store = useAppStoreApi();
  const versions = useAppState((state) => state.versionSpace.get(summary.id));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "F2" && !renaming) {
      event.preventDefault();
      onRenameStart();
    }
  };
  return (
    <tr onKeyDown={onKeyDown} data-testid="roadmap-row">
      <td className="roadmap-name-cell">
        {renaming ? (
          <RenameField summary={summary} onDone={onRenameEnd} />
        ) : (
          <button
            type="button"
            className="link-button roadmap-name"
            onClick={() => void store.getState().openRoadmap(summary.id)}
            onDoubleClick={onRenameStart}
          >
            {summary.name}
          </button>
        )}
      </td>
      <td>{summary.client || <span className="muted">—</span>}</td>
      <td className="numeric">{formatCount(summary.phaseCount)}</td>
      <td title={formatDateTime(summary.updatedAt)}>{formatRelativeTime(summary.updatedAt, now)}</td>
      <td>{versions ? formatVersionSpace(versions) : <span className="muted">—</span>}</td>
      <td className="row-actions">
        <IconButton label={`Rename ${summary.name}`} onClick={onRenameStart}>
          <PencilIcon />
        </IconButton>
        <IconButton
          label={`Duplicate ${summary.name}`}
          onClick={() => void store.getState().duplicateRoadmap(summary.id)}
        >
          <CopyIcon />
        </IconButton>
        <IconButton label={`Export ${summary.name}`} onClick={() => void store.getState().exportRoadmap(summary.id)}>
          <ExportIcon />
        </IconButton>
        <IconButton
          label={`Move ${summary.name} to the trash`}
          onClick={() => void store.getState().moveToTrash(summary.id)}
        >
          <TrashIcon />
        </IconButton>
      </td>
    </tr>
  );
}

function RenameField({ summary, onDone }: { summary: RoadmapSummary; onDone: () => void }) {
  const rename = useAppState((state) => state.renameRoadmap);
  const [value, setValue] = useState(summary.name);
  const [problem, setProblem] = useState<string | null>(null);

  const commit = async () => {
    const result = await rename(summary.id, value);
    if (result) setProblem(result);
    else onDone();
  };

  return (
    <div className="rename-field">
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this row, so typing goes here.
        autoFocus
        aria-label={`New name for ${summary.name}`}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `rename-problem-${summary.id}` : undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
        onFocus={(event) => event.target.select()}
        onKeyDown={(event) => {
          if (event.key === "Enter") void commit();
          if (event.key === "Escape") {
            event.stopPropagation();
            onDone();
          }
        }}
        onBlur={() => {
          if (problem === null) void commit();
        }}
      />
      {problem && (
        <p id={`rename-problem-${summary.id}`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
