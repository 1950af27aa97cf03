import { type ClipboardEvent, type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import {
  addCommunications,
  CAPTURE_COLUMNS,
  type CaptureColumn,
  type CaptureRowText,
  type Communication,
  captureDefaultsFor,
  findByName,
  formatTimingText,
  parseCaptureRows,
  parseTimingText,
  type Roadmap,
  readCaptureRow,
  updateCommunication,
} from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { selectViewedRoadmap, useViewedRoadmap } from "../editor/viewedRoadmap";

const EMPTY_ROW: CaptureRowText = { Name: "", Owner: "", Channel: "", Timing: "" };

/** What a fresh row starts with: the remembered owner and channel, sent on entry. */
function blankRow(roadmap: Roadmap): CaptureRowText {
  const defaults = captureDefaultsFor(roadmap);
  const nameOf = (items: readonly { id: string; name: string }[], id: string | undefined) =>
    items.find((item) => item.id === id)?.name ?? "";
  return {
    Name: "",
    Owner: nameOf(roadmap.owners, defaults?.ownerId),
    Channel: nameOf(roadmap.channels, defaults?.channelId),
    Timing: "on entry",
  };
}

function rowText(roadmap: Roadmap, communication: Communication): CaptureRowText {
  return {
    Name: communication.name,
    Owner: roadmap.owners.find((o) => o.id === communication.ownerId)?.name ?? "",
    Channel: roadmap.channels.find((c) => c.id === communication.channelId)?.name ?? "",
    Timing: formatTimingText(communication.timing),
  };
}

/**
 * A phase's communications as a spreadsheet, for capturing them as fast as a
 * room talks: Tab goes to the next cell, Enter to the next row, and Enter on
 * the last row adds what was typed there as a communication and opens a new
 * row with the remembered owner and channel. Owners and channels are picked by
 * typing their names; timing is typed ("every 3 months"). Rows copied from a
 * spreadsheet paste in as one undo step, or not at all when one cell is wrong.
 */
export function CaptureTableDialog({ phaseId }: { phaseId: string }) {
  const store = useAppStoreApi();
  const roadmap = useViewedRoadmap();
  const phase = roadmap?.phases.find((p) => p.id === phaseId);
  const [draft, setDraft] = useState<CaptureRowText>(() => (roadmap ? blankRow(roadmap) : EMPTY_ROW));
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const focusNext = useRef<{ row: number; column: number } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const listId = useId();
  const close = () => store.getState().closeDialog();

  const communications = roadmap?.communications.filter((c) => c.phaseId === phaseId) ?? [];
  const draftRow = communications.length;

  // After the dialog has focused its first cell: capture starts on the new row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the dialog opens
  useEffect(() => {
    cellAt(table.current, draftRow, 0)?.focus();
  }, []);

  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    cellAt(table.current, target.row, target.column)?.focus();
  });

  if (!roadmap || !phase) return null;

  const addDraft = () => {
    const current = selectViewedRoadmap(store.getState()) ?? roadmap;
    const read = readCaptureRow(current, draft, `Row ${draftRow + 1}`);
    if (!read.ok) {
      setProblems(read.error);
      return;
    }
    const added = addCommunications(current, phaseId, [read.value]);
    if ("problem" in added) {
      setProblems([added.problem]);
      return;
    }
    store.getState().edit(() => added.roadmap);
    setProblems([]);
    setStatus(`Added “${read.value.name}”.`);
    setDraft(blankRow(added.roadmap));
    focusNext.current = { row: draftRow + 1, column: 0 };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = cellPosition(event.target);
    if (!at) return;
    event.preventDefault();
    if (at.row === draftRow) addDraft();
    else cellAt(table.current, at.row + 1, at.column)?.focus();
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const text = event.clipboardData.getData("text/plain");
    // One value pasted into a cell is typing; rows or columns from a spreadsheet are capture.
    if (!/[\t\n]/.test(text.trim())) return;
    event.preventDefault();
    const current = selectViewedRoadmap(store.getState()) ?? roadmap;
    const rows = parseCaptureRows(text, current);
    if (!rows.ok) {
      setProblems(["Nothing was pasted:", ...rows.error]);
      setStatus("");
      return;
    }
    const added = addCommunications(current, phaseId, rows.value);
    if ("problem" in added) {
      setProblems([added.problem]);
      return;
    }
    store.getState().edit(() => added.roadmap);
    setProblems([]);
    setStatus(`Pasted ${rows.value.length === 1 ? "1 row" : `${rows.value.length} rows`}.`);
    setDraft(blankRow(added.roadmap));
    focusNext.current = { row: draftRow + rows.value.length, column: 0 };
  };

  return (
    <Dialog
      title={`Capture communications — ${phase.name}`}
      wide
      onClose={close}
      footer={
        <button type="button" className="button button-primary" onClick={close}>
          Done
        </button>
      }
    >
      <p className="muted capture-help">
        Tab: next cell · Enter: next row; on the last row, adds it · Timing: “on entry”, “on entry +2”, “every 3
        months”, “once in month 5” · Paste rows from a spreadsheet: name, owner, channel, timing.
      </p>
      <datalist id={`${listId}-Owner`}>
        {roadmap.owners.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <datalist id={`${listId}-Channel`}>
        {roadmap.channels.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
      <datalist id={`${listId}-Timing`}>
        {["on entry", "on entry +1", "every month", "every 3 months", "once in month 1"].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <table
        ref={table}
        className="capture-table"
        aria-label={`Communications of ${phase.name}`}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      >
        <thead>
          <tr>
            <th scope="col" className="capture-row-number">
              #
            </th>
            {CAPTURE_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {communications.map((communication, row) => (
            <ExistingRow
              key={communication.id}
              roadmap={roadmap}
              communication={communication}
              row={row}
              listId={listId}
              onProblem={(problem) => setProblems(problem ? [problem] : [])}
            />
          ))}
          <tr className="capture-new-row">
            <th scope="row" className="capture-row-number">
              +
            </th>
            {CAPTURE_COLUMNS.map((column, index) => (
              <td key={column}>
                <input
                  aria-label={`New communication: ${column}`}
                  data-row={draftRow}
                  data-column={index}
                  list={column === "Name" ? undefined : `${listId}-${column}`}
                  placeholder={column === "Name" ? "Type a name…" : undefined}
                  value={draft[column]}
                  maxLength={column === "Name" ? 200 : undefined}
                  onChange={(event) => setDraft({ ...draft, [column]: event.target.value })}
                />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {problems.length > 0 && (
        <div className="capture-problems" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      <p className="muted capture-status" role="status">
        {status}
      </p>
    </Dialog>
  );
}

/** One communication as a row: each cell changes it when the user leaves the cell, if what was typed is valid. */
function ExistingRow({
  roadmap,
  communication,
  row,
  listId,
  onProblem,
}: {
  roadmap: Roadmap;
  communication: Communication;
  row: number;
  listId: string;
  onProblem(problem: string | null): void;
}) {
  const store = useAppStoreApi();
  const text = rowText(roadmap, communication);
  const commit = (column: CaptureColumn, value: string): string | null => {
    const label = `Row ${row + 1}, column ${column}`;
    const change = (patch: Partial<Communication>) =>
      store.getState().edit((r) => updateCommunication(r, communication.id, patch));
    switch (column) {
      case "Name": {
        const name = value.trim();
        if (name === "") return `${label}: a communication needs a name.`;
        if (name !== communication.name) change({ name });
        return null;
      }
      case "Owner":
      case "Channel": {
        const items = column === "Owner" ? roadmap.owners : roadmap.channels;
        const id = findByName(items, value);
        if (!id) return `${label}: there is no ${column.toLowerCase()} named “${value.trim()}” on this roadmap.`;
        const field = column === "Owner" ? "ownerId" : "channelId";
        if (id !== communication[field]) change({ [field]: id });
        return null;
      }
      case "Timing": {
        const timing = parseTimingText(value, roadmap);
        if (!timing.ok) return `${label}: ${timing.error}`;
        if (formatTimingText(timing.value) !== formatTimingText(communication.timing)) change({ timing: timing.value });
        return null;
      }
    }
  };
  return (
    <tr>
      <th scope="row" className="capture-row-number">
        {row + 1}
      </th>
      {CAPTURE_COLUMNS.map((column, index) => (
        <td key={column}>
          <CaptureCell
            // A change made elsewhere (undo, the inspector) replaces what the cell shows.
            key={text[column]}
            label={`${communication.name}: ${column}`}
            row={row}
            column={index}
            list={column === "Name" ? undefined : `${listId}-${column}`}
            value={text[column]}
            onCommit={(value) => {
              const problem = commit(column, value);
              onProblem(problem);
              return problem === null;
            }}
          />
        </td>
      ))}
    </tr>
  );
}

function CaptureCell({
  label,
  row,
  column,
  list,
  value,
  onCommit,
}: {
  label: string;
  row: number;
  column: number;
  list: string | undefined;
  value: string;
  onCommit(value: string): boolean;
}) {
  const [text, setText] = useState(value);
  const [invalid, setInvalid] = useState(false);
  return (
    <input
      aria-label={label}
      aria-invalid={invalid || undefined}
      data-row={row}
      data-column={column}
      list={list}
      value={text}
      maxLength={200}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        if (text !== value) setInvalid(!onCommit(text));
      }}
    />
  );
}

function cellPosition(target: EventTarget): { row: number; column: number } | null {
  if (!(target instanceof HTMLInputElement)) return null;
  const row = Number(target.dataset.row);
  const column = Number(target.dataset.column);
  return Number.isInteger(row) && Number.isInteger(column) ? { row, column } : null;
}

function cellAt(table: HTMLTableElement | null, row: number, column: number): HTMLInputElement | null {
  return table?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${column}"]`) ?? null;
}
