import { cellText, type ImportKind, type ImportProblem } from "../../../shared/import/mapping";
import { fileRowNumber } from "../../../shared/import/table";
import type { ImportMapping, Roadmap } from "../../../shared/model";
import type { WizardKind } from "./ImportWizard";

/** What the test kind imports: an objective for a phase, per row. */
export interface ObjectiveChange {
  objectives: { phaseId: string; objective: string }[];
}

/**
 * A small import kind for the wizard's tests, independent of the real ones:
 * rows of (phase, objective, owner) add objectives to phases. It has a
 * required column, a column whose values name phases, one whose values may
 * create owners, and a preview setting.
 */
export const objectiveImportKind: ImportKind<ObjectiveChange> = {
  mappingKey: "inventory",
  targets: (roadmap) => [
    {
      id: "phase",
      label: "Phase",
      group: "Where",
      required: true,
      headerNames: ["Lifecycle phase", "Stage"],
      values: { options: roadmap.phases.map((p) => ({ id: p.id, name: p.name })), creatable: false },
    },
    { id: "objective", label: "Objective", group: "What", required: true, headerNames: ["Goal"] },
    {
      id: "owner",
      label: "Owner",
      group: "What",
      required: false,
      headerNames: ["Team"],
      values: { options: roadmap.owners.map((o) => ({ id: o.id, name: o.name })), creatable: true },
    },
  ],
  preview: (roadmap, table, mapping) => previewObjectives(roadmap, table.rows, table.headers, mapping, ""),
  apply: (roadmap, change, mapping) => ({
    ...roadmap,
    phases: roadmap.phases.map((phase) => {
      const added = change.objectives.filter((o) => o.phaseId === phase.id).map((o) => o.objective);
      return added.length > 0 ? { ...phase, objectives: [...phase.objectives, ...added] } : phase;
    }),
    importMappings: { ...roadmap.importMappings, inventory: mapping },
  }),
};

function previewObjectives(
  roadmap: Roadmap,
  rows: readonly (string | number)[][],
  headers: readonly string[],
  mapping: ImportMapping,
  prefix: string,
) {
  const column = (target: string) => mapping.columns.findIndex((c) => c.target === target);
  const [phaseAt, objectiveAt] = [column("phase"), column("objective")];
  const problems: ImportProblem[] = [];
  const objectives: ObjectiveChange["objectives"] = [];
  rows.forEach((row, index) => {
    const phaseText = cellText(row[phaseAt]).trim();
    const objective = cellText(row[objectiveAt]).trim();
    const phaseId = mapping.values.find((v) => v.target === "phase" && v.value === phaseText)?.id ?? null;
    const problem = (at: number, text: string) =>
      problems.push({
        row: fileRowNumber(index),
        column: headers[at] ?? null,
        value: cellText(row[at]),
        problem: text,
      });
    if (phaseId === null) problem(phaseAt, "is not a phase of the roadmap");
    else if (objective === "") problem(objectiveAt, "is empty");
    else objectives.push({ phaseId, objective: `${prefix}${objective}` });
  });
  const phases = new Set(objectives.map((o) => o.phaseId)).size;
  return {
    change: { objectives },
    problems,
    accepted: objectives.length,
    refused: rows.length - objectives.length,
    summary: `${objectives.length} objectives will be added to ${phases} ${phases === 1 ? "phase" : "phases"} of ${roadmap.name}.`,
  };
}

/** The test kind in the wizard, with a preview setting that prefixes every objective. */
export const OBJECTIVE_WIZARD: WizardKind<ObjectiveChange> = {
  title: "Import objectives",
  rowNoun: { one: "objective", other: "objectives" },
  kind: objectiveImportKind,
  settings: [{ id: "prefix", label: "Prefix", type: "text", current: () => "" }],
  preview: (roadmap, table, mapping, _locale, settings) =>
    previewObjectives(roadmap, table.rows, table.headers, mapping, settings.prefix ?? ""),
};
