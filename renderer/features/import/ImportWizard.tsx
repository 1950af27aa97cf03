import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import {
  CREATE_FROM_VALUE,
  guessMapping,
  guessValues,
  type ImportKind,
  type ImportPreview,
  type ImportTarget,
  valuesToMap,
} from "../../../shared/import/mapping";
import type { Table } from "../../../shared/import/table";
import type { OpenedTableFile } from "../../../shared/ipc/contract";
import type { ImportMapping, Roadmap } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { useNumberLocale } from "../../ui/numberLocale";

/** A setting of the preview the user may change, shown above it (the survey wave's date and name). */
export interface PreviewSetting<Change> {
  id: string;
  label: string;
  type: "date" | "text";
  /** What the preview used when the user has not set it: the kind's default, read from its change. */
  current(change: Change): string;
}

/** What the wizard needs of one kind of import, besides the shared mapping step. */
export interface WizardKind<Change> {
  /** The dialog's title: "Import survey answers". */
  title: string;
  /** What a row of the file is, for the Import button ("respondent", "communication"). */
  rowNoun: { one: string; other: string };
  kind: ImportKind<Change>;
  settings?: readonly PreviewSetting<Change>[];
  /** The preview with the user's settings (only those set); the kind's own `preview` when there are none. */
  preview?(
    roadmap: Roadmap,
    table: Table,
    mapping: ImportMapping,
    locale: string,
    settings: Readonly<Record<string, string>>,
  ): ImportPreview<Change>;
}

type Step =
  | { name: "choose"; error: string | null }
  | { name: "reading"; fileName: string }
  | { name: "sheet"; sheet: string }
  | { name: "columns" }
  | { name: "values" }
  | { name: "preview" };

/** Problems shown in the preview's table; the rest are counted below it. */
const PROBLEMS_SHOWN = 500;

/** The table reader brings exceljs with it: it loads when a file is first read, not with the app. */
const loadReader = () => import("../../../shared/import/table");

/**
 * The import wizard, for any kind of import: choose a file, read it (pick a
 * workbook's sheet), say what each column holds and what each value of the
 * roadmap's things means, see every problem, then import in one undo step.
 * Nothing changes before Import; Cancel or Escape leaves the roadmap as it was.
 */
export function ImportWizard<Change>({
  wizard,
  file,
  onCancel,
}: {
  wizard: WizardKind<Change>;
  /** A file already chosen (dropped, or a sample): the wizard starts by reading it. */
  file: OpenedTableFile | null;
  onCancel: () => void;
}) {
  const store = useAppStoreApi();
  const locale = useNumberLocale();
  const roadmap = store.getState().document;
  const [step, setStep] = useState<Step>(
    file ? { name: "reading", fileName: file.name } : { name: "choose", error: null },
  );
  const [source, setSource] = useState<OpenedTableFile | null>(file);
  const [table, setTable] = useState<Table | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ columns: [], values: [] });
  const [settings, setSettings] = useState<Record<string, string>>({});
  const readCount = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const targets = useMemo(() => (roadmap ? wizard.kind.targets(roadmap) : []), [roadmap, wizard]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes, not when its fields do.
  useEffect(() => {
    // After the dialog's own first focus: each step's heading takes the keyboard, so a screen reader says where it is.
    queueMicrotask(() => heading.current?.focus());
  }, [step.name]);

  const read = async (chosen: OpenedTableFile, sheet?: string) => {
    const attempt = ++readCount.current;
    setStep({ name: "reading", fileName: chosen.name });
    const { readTable } = await loadReader();
    const result = await readTable(chosen.name, chosen.bytes, sheet === undefined ? {} : { sheet });
    // A later choice (another file, Back) wins over a slow read.
    if (attempt !== readCount.current || !roadmap) return;
    if (!result.ok) {
      setStep({ name: "choose", error: result.error });
      return;
    }
    const read = result.value;
    setSource(chosen);
    setTable(read);
    setSettings({});
    if (sheet === undefined && read.sheetNames.length > 1) {
      setStep({ name: "sheet", sheet: read.sheetName ?? read.sheetNames[0] ?? "" });
      return;
    }
    setMapping(guessMapping(read, targets, roadmap.importMappings[wizard.kind.mappingKey]));
    setStep({ name: "columns" });
  };

  // A file given when the wizard opens is read at once.
  const initialFile = useRef(file);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, for the file the wizard opened with.
  useEffect(() => {
    if (initialFile.current) void read(initialFile.current);
  }, []);

  const choose = async () => {
    const picked = await store.getState().chooseTableFile();
    if ("error" in picked) setStep({ name: "choose", error: picked.error });
    else if (!picked.canceled) await read(picked.file);
  };

  const onPreview = step.name === "preview";
  // A large file takes a moment to preview: worked out again only when a choice or setting changes.
  const preview = useMemo(() => {
    if (!onPreview || !roadmap || !table) return null;
    return wizard.preview
      ? wizard.preview(roadmap, table, mapping, locale, settings)
      : wizard.kind.preview(roadmap, table, mapping, locale);
  }, [onPreview, roadmap, table, mapping, locale, settings, wizard]);

  if (!roadmap) return null;

  const valueGroups = table ? valuesToMap(table, mapping.columns, targets) : [];
  const missing = targets.filter((t) => t.required && !mapping.columns.some((c) => c.target === t.id));

  const leaveColumns = () => {
    if (!table) return;
    // Choices made on the values step before going back stay; the roadmap's remembered ones fill the rest.
    const remembered = [...roadmap.importMappings[wizard.kind.mappingKey].values, ...mapping.values];
    setMapping({ ...mapping, values: guessValues(table, mapping.columns, targets, remembered) });
    setStep(valuesToMap(table, mapping.columns, targets).length > 0 ? { name: "values" } : { name: "preview" });
  };

  const importRows = (preview: ImportPreview<Change>) => {
    const before = store.getState().document;
    store.getState().edit((current) => wizard.kind.apply(current, preview.change, mapping));
    store.getState().closeDialog();
    if (before && store.getState().document !== before) {
      // Not awaited: the import is done; the version of the roadmap before it is written behind it.
      void store.getState().keepAutomaticVersion("beforeImport", { roadmapId: before.id, document: before });
      store.getState().notify({
        tone: "info",
        message: `Imported from ${source?.name ?? "the file"}: ${preview.summary}`,
        action: { label: "Undo", run: () => store.getState().undo() },
      });
    }
  };

  let body: ReactNode;
  let primary: { label: string; run: () => void; disabled?: boolean; problem?: string };
  let back: (() => void) | null = null;
  switch (step.name) {
    case "choose":
      body = <ChooseStep heading={heading} error={step.error} />;
      primary = { label: "Choose a file…", run: () => void choose() };
      break;
    case "reading":
      body = (
        <StepHeading heading={heading} title="Reading the file">
          <p role="status">Reading {step.fileName}…</p>
        </StepHeading>
      );
      primary = { label: "Next", run: () => {}, disabled: true };
      break;
    case "sheet":
      body = (
        <SheetStep
          heading={heading}
          fileName={source?.name ?? ""}
          sheets={table?.sheetNames ?? []}
          sheet={step.sheet}
          onChange={(sheet) => setStep({ name: "sheet", sheet })}
        />
      );
      primary = { label: "Next", run: () => source && void read(source, step.sheet) };
      back = () => setStep({ name: "choose", error: null });
      break;
    case "columns":
      body = table && (
        <ColumnsStep
          heading={heading}
          table={table}
          targets={targets}
          mapping={mapping}
          missing={missing}
          onChange={(columns) => setMapping({ ...mapping, columns })}
        />
      );
      primary = {
        label: "Next",
        run: leaveColumns,
        disabled: missing.length > 0,
        problem: missing.length > 0 ? `Choose a column for ${listOf(missing.map((t) => t.label))}.` : undefined,
      };
      back = () =>
        table && table.sheetNames.length > 1
          ? setStep({ name: "sheet", sheet: table.sheetName ?? "" })
          : setStep({ name: "choose", error: null });
      break;
    case "values":
      body = (
        <ValuesStep
          heading={heading}
          groups={valueGroups}
          targets={targets}
          mapping={mapping}
          onChange={(values) => setMapping({ ...mapping, values })}
        />
      );
      primary = { label: "Next", run: () => setStep({ name: "preview" }) };
      back = () => setStep({ name: "columns" });
      break;
    case "preview": {
      body = preview && (
        <PreviewStep
          heading={heading}
          preview={preview}
          settings={wizard.settings ?? []}
          values={settings}
          onSetting={(id, value) => setSettings({ ...settings, [id]: value })}
        />
      );
      const rows = preview?.accepted ?? 0;
      primary = {
        label: `Import ${rows.toLocaleString()} ${rows === 1 ? wizard.rowNoun.one : wizard.rowNoun.other}`,
        run: () => preview && importRows(preview),
        disabled: rows === 0,
        problem: rows === 0 ? "No row can be imported: see the problems above." : undefined,
      };
      back = () => setStep(valueGroups.length > 0 ? { name: "values" } : { name: "columns" });
      break;
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // Enter on a heading or a text field carries on, as the primary button would; buttons and lists keep theirs.
    if (event.key !== "Enter" || target.closest("button, select, textarea, a")) return;
    event.preventDefault();
    if (!primary.disabled) primary.run();
  };

  return (
    <Dialog
      title={wizard.title}
      onClose={onCancel}
      wide
      footer={
        <>
          {primary.problem && <p className="import-footer-problem">{primary.problem}</p>}
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          {back && (
            <button type="button" className="button" onClick={back}>
              Back
            </button>
          )}
          <button type="button" className="button button-primary" disabled={primary.disabled} onClick={primary.run}>
            {primary.label}
          </button>
        </>
      }
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Enter anywhere in the step is a shortcut for its primary button, which stays the way to act. */}
      <div className="import-wizard" onKeyDown={onKeyDown}>
        {body}
      </div>
    </Dialog>
  );
}

function StepHeading({
  heading,
  title,
  children,
}: {
  heading: React.RefObject<HTMLHeadingElement | null>;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="import-step" aria-label={title}>
      <h3 ref={heading} tabIndex={-1} className="import-step-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function ChooseStep({ heading, error }: { heading: React.RefObject<HTMLHeadingElement | null>; error: string | null }) {
  return (
    <StepHeading heading={heading} title="Choose a file">
      <p>
        A CSV file (separated by commas, semicolons or tabs) or an Excel workbook (.xlsx), with the column names in its
        first row.
      </p>
      {error && (
        <p className="import-error" role="alert">
          {error} Choose another file.
        </p>
      )}
    </StepHeading>
  );
}

function SheetStep({
  heading,
  fileName,
  sheets,
  sheet,
  onChange,
}: {
  heading: React.RefObject<HTMLHeadingElement | null>;
  fileName: string;
  sheets: readonly string[];
  sheet: string;
  onChange: (sheet: string) => void;
}) {
  return (
    <StepHeading heading={heading} title="Choose a sheet">
      <p>{fileName} has several sheets. Which one holds the rows to import?</p>
      <label className="field">
        <span>Sheet</span>
        <select value={sheet} onChange={(event) => onChange(event.target.value)}>
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </StepHeading>
  );
}

function ColumnsStep({
  heading,
  table,
  targets,
  mapping,
  missing,
  onChange,
}: {
  heading: React.RefObject<HTMLHeadingElement | null>;
  table: Table;
  targets: readonly ImportTarget[];
  mapping: ImportMapping;
  missing: readonly ImportTarget[];
  onChange: (columns: ImportMapping["columns"]) => void;
}) {
  const groups = groupTargets(targets);
  const choose = (index: number, target: string) =>
    // A target takes one column: choosing it for this column takes it from any other.
    onChange(
      mapping.columns.map((column, i) =>
        i === index
          ? { ...column, target }
          : target !== "" && column.target === target
            ? { ...column, target: "" }
            : column,
      ),
    );
  return (
    <StepHeading heading={heading} title="What each column holds">
      <p className="muted">
        {table.fileName}
        {table.sheetName ? `, sheet ${table.sheetName}` : ""}: {table.rows.length.toLocaleString()}{" "}
        {table.rows.length === 1 ? "row" : "rows"}. Columns left as “Not imported” are never stored in the roadmap:
        leave names, e-mail addresses and comments out this way.
      </p>
      {missing.length > 0 && (
        <p className="import-error" role="alert">
          No column is chosen for {listOf(missing.map((t) => t.label))}, which the import needs.
        </p>
      )}
      <div className="import-scroll">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">First values</th>
              <th scope="col">Imported as</th>
            </tr>
          </thead>
          <tbody>
            {mapping.columns.map((column, index) => (
              // Headers may repeat in a file; a column's position is what identifies it.
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a read file never move.
              <tr key={index}>
                <th scope="row">{column.header}</th>
                <td className="import-samples">{samples(table, index).join(" · ") || <em>empty</em>}</td>
                <td>
                  <select
                    aria-label={`${column.header} imported as`}
                    value={column.target}
                    onChange={(event) => choose(index, event.target.value)}
                  >
                    <option value="">Not imported</option>
                    {groups.map(([group, members]) => (
                      <optgroup key={group} label={group}>
                        {members.map((target) => (
                          <option key={target.id} value={target.id}>
                            {target.label}
                            {target.required ? " (required)" : ""}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StepHeading>
  );
}

/** The select's value for "Refuse these rows" (a value mapped to nothing). */
const REFUSE = "";

function ValuesStep({
  heading,
  groups,
  targets,
  mapping,
  onChange,
}: {
  heading: React.RefObject<HTMLHeadingElement | null>;
  groups: readonly { target: string; values: string[] }[];
  targets: readonly ImportTarget[];
  mapping: ImportMapping;
  onChange: (values: ImportMapping["values"]) => void;
}) {
  const chosen = new Map(mapping.values.map((v) => [`${v.target}\u0000${v.value}`, v.id]));
  const choose = (target: string, value: string, id: string | null) => {
    const rest = mapping.values.filter((v) => !(v.target === target && v.value === value));
    onChange([...rest, { target, value, id }]);
  };
  return (
    <StepHeading heading={heading} title="What the values mean">
      <p className="muted">
        Each value written in the file, and which of the roadmap’s own it stands for. Rows with a value set to “Refuse
        these rows” are not imported and are listed in the preview.
      </p>
      <div className="import-scroll">
        {groups.map(({ target, values }) => {
          const info = targets.find((t) => t.id === target);
          const options = info?.values?.options ?? [];
          const header = mapping.columns.find((c) => c.target === target)?.header ?? target;
          return (
            <fieldset key={target} className="import-values">
              <legend>
                {info?.label ?? target} <span className="muted">(column {header})</span>
              </legend>
              {values.map((value) => {
                const id = chosen.get(`${target}\u0000${value}`) ?? null;
                return (
                  <label key={value} className="import-value-row">
                    <span>{value}</span>
                    <select
                      aria-label={`${info?.label ?? target}: ${value}`}
                      value={id ?? REFUSE}
                      aria-invalid={id === null}
                      onChange={(event) =>
                        choose(target, value, event.target.value === REFUSE ? null : event.target.value)
                      }
                    >
                      {options.map((option) => (
                        <option key={option.id} value={option.id}>
                          {option.name}
                        </option>
                      ))}
                      {info?.values?.creatable && <option value={CREATE_FROM_VALUE}>Create new “{value}”</option>}
                      <option value={REFUSE}>Refuse these rows</option>
                    </select>
                  </label>
                );
              })}
            </fieldset>
          );
        })}
      </div>
    </StepHeading>
  );
}

function PreviewStep<Change>({
  heading,
  preview,
  settings,
  values,
  onSetting,
}: {
  heading: React.RefObject<HTMLHeadingElement | null>;
  preview: ImportPreview<Change>;
  settings: readonly PreviewSetting<Change>[];
  values: Readonly<Record<string, string>>;
  onSetting: (id: string, value: string) => void;
}) {
  const shown = preview.problems.slice(0, PROBLEMS_SHOWN);
  return (
    <StepHeading heading={heading} title="Preview">
      {settings.length > 0 && (
        <div className="import-settings">
          {settings.map((setting) => (
            <label key={setting.id} className="field">
              <span>{setting.label}</span>
              <input
                type={setting.type}
                value={values[setting.id] ?? setting.current(preview.change)}
                onChange={(event) => onSetting(setting.id, event.target.value)}
              />
            </label>
          ))}
        </div>
      )}
      <p className="import-summary">{preview.summary}</p>
      <p>
        <strong>{preview.accepted.toLocaleString()}</strong> {preview.accepted === 1 ? "row" : "rows"} will be imported,{" "}
        <strong>{preview.refused.toLocaleString()}</strong> refused. Nothing changes until you choose Import.
      </p>
      {preview.problems.length > 0 && (
        <div className="import-scroll import-problems">
          <table className="import-table">
            <caption>Problems</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((problem, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a preview's problems are a fixed list, rebuilt whole.
                <tr key={i}>
                  <td>{problem.row ?? "—"}</td>
                  <td>{problem.column ?? "—"}</td>
                  <td>{problem.value ?? ""}</td>
                  <td>{problem.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.problems.length > shown.length && (
            <p className="muted">…and {(preview.problems.length - shown.length).toLocaleString()} more problems.</p>
          )}
        </div>
      )}
    </StepHeading>
  );
}

/** The targets under their headings, in the kind's order. */
function groupTargets(targets: readonly ImportTarget[]): [string, ImportTarget[]][] {
  const groups = new Map<string, ImportTarget[]>();
  for (const target of targets) groups.set(target.group, [...(groups.get(target.group) ?? []), target]);
  return [...groups];
}

/** The first three non-empty cells of a column, as the user recognises it by. */
function samples(table: Table, index: number): string[] {
  const found: string[] = [];
  for (const row of table.rows) {
    const cell = String(row[index] ?? "").trim();
    if (cell !== "") found.push(cell);
    if (found.length === 3) break;
  }
  return found;
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
