import {
  CHECKABLE_COMMAND_IDS,
  type CheckableCommandId,
  COMMAND_LIST,
  type CommandId,
  type CommandInfo,
} from "../../shared/commands/commandList";
import { displayShortcut as display, matchesShortcut } from "../../shared/commands/shortcuts";
import { BASE_SCENARIO_ID, type Point, ROADMAP_TEMPLATES } from "../../shared/model";
import {
  addPhaseAt,
  autoArrange,
  deleteSelection,
  duplicateSelection,
  selectAll,
} from "../features/canvas/canvasActions";
import { canvasController } from "../features/canvas/canvasController";
import { commitFieldBeingEdited } from "../features/inspector/fields";
import { addNoteHere } from "../features/notes/noteActions";
import {
  applyToAll,
  createAsIsScenario,
  selectedScenarioTarget,
  showAdjacentScenario,
} from "../features/scenarios/scenarioActions";
import type { AppState } from "./appStore";

export type { CommandId } from "../../shared/commands/commandList";

/** Where a command was invoked from, for commands that act on a spot (a right-click on the canvas). */
export interface CommandContext {
  /** A point in canvas coordinates. */
  at?: Point;
}

/**
 * What a command does and when it applies. Its label, shortcut and menu place
 * are in the shared command list, so the native menu can read them too.
 */
interface Behaviour {
  isEnabled(state: AppState): boolean;
  perform(state: AppState, context: CommandContext): void | Promise<void>;
  /** For a command that turns a setting on or off: whether it is on now. */
  isChecked?(state: AppState): boolean;
}

/**
 * A user command, defined once: the native menu, keyboard shortcuts, the
 * context menu, toolbar buttons and the command palette all run commands from
 * here, so a command behaves the same however it is invoked.
 */
export type Command = CommandInfo & Behaviour & { id: CommandId };

const always = () => true;
const whenRoadmapOpen = (state: AppState) => state.document !== null;

const whenPhasesSelected = (state: AppState) => state.document !== null && state.selection.phaseIds.length > 0;
const whenSomethingSelected = (state: AppState) =>
  state.document !== null &&
  (state.selection.phaseIds.length + state.selection.transitionIds.length > 0 || state.selectedNoteId !== null);

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "color", "button", "submit", "reset", "file", "range"]);

/** Whether keyboard focus is in a text field, which keeps its own undo, select-all and delete. */
export function isTypingInField(): boolean {
  const active = document.activeElement;
  return (
    (active instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(active.type)) ||
    active instanceof HTMLTextAreaElement ||
    (active instanceof HTMLElement && active.isContentEditable)
  );
}

/** In a text field Undo undoes typing; elsewhere it undoes the last change to the roadmap. */
function undoOrRedo(state: AppState, direction: "undo" | "redo"): void {
  if (isTypingInField()) document.execCommand(direction);
  else if (direction === "undo") state.undo();
  else state.redo();
}

const BEHAVIOUR: Record<CommandId, Behaviour> = {
  "file.new": {
    isEnabled: always,
    perform: (state) => state.openDialog({ kind: "newRoadmap", templates: ROADMAP_TEMPLATES }),
  },
  "file.open": { isEnabled: always, perform: (state) => state.importFromDisk({ open: true }) },
  "file.save": { isEnabled: whenRoadmapOpen, perform: (state) => state.saveToFile({ saveAs: false }) },
  "file.saveAs": { isEnabled: whenRoadmapOpen, perform: (state) => state.saveToFile({ saveAs: true }) },
  "file.saveAsWithVersions": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.saveToFile({ saveAs: true, includeVersions: true }),
  },
  "version.save": { isEnabled: whenRoadmapOpen, perform: (state) => state.openDialog({ kind: "saveVersion" }) },
  "file.import": { isEnabled: always, perform: (state) => state.importFromDisk({ open: false }) },
  "file.export": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "export", format: state.lastExportFormat }),
  },
  "file.exportPdf": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "export", format: "pdf" }),
  },
  "import.surveyAnswers": { isEnabled: whenRoadmapOpen, perform: (state) => state.openImportWizard("survey") },
  "import.inventory": { isEnabled: whenRoadmapOpen, perform: (state) => state.openImportWizard("inventory") },
  "file.closeRoadmap": { isEnabled: whenRoadmapOpen, perform: (state) => state.closeRoadmap() },
  "survey.exportQuestionnaire": {
    isEnabled: (state) => (state.document?.survey.items.length ?? 0) > 0 && state.exportingSurveyFile === null,
    perform: async (state) => {
      await state.exportSurveyFile("questionnaire");
    },
  },
  "edit.undo": {
    isEnabled: (state) => isTypingInField() || state.past.length > 0,
    perform: (state) => undoOrRedo(state, "undo"),
  },
  "edit.redo": {
    isEnabled: (state) => isTypingInField() || state.future.length > 0,
    perform: (state) => undoOrRedo(state, "redo"),
  },
  "edit.selectAll": {
    isEnabled: (state) => state.document !== null || isTypingInField(),
    perform: (state) => {
      if (isTypingInField()) document.execCommand("selectAll");
      else selectAll(state);
    },
  },
  "canvas.duplicate": { isEnabled: whenPhasesSelected, perform: duplicateSelection },
  "canvas.delete": { isEnabled: whenSomethingSelected, perform: deleteSelection },
  "canvas.rename": {
    isEnabled: (state) => state.document !== null && state.selection.phaseIds.length === 1,
    perform: (state) => state.setRenamingPhase(state.selection.phaseIds[0] ?? null),
  },
  "canvas.addPhase": { isEnabled: whenRoadmapOpen, perform: (state, { at }) => addPhaseAt(state, at) },
  "canvas.autoArrange": {
    isEnabled: (state) => !state.arranging && (state.document?.phases.length ?? 0) > 0,
    perform: autoArrange,
  },
  "roadmap.editStages": { isEnabled: whenRoadmapOpen, perform: (state) => state.openDialog({ kind: "stages" }) },
  "phase.captureTable": {
    isEnabled: (state) => state.document !== null && state.selection.phaseIds.length === 1,
    perform: (state) => {
      const phaseId = state.selection.phaseIds[0];
      if (phaseId) state.openDialog({ kind: "captureTable", phaseId });
    },
  },
  "notes.add": { isEnabled: whenRoadmapOpen, perform: (state, { at }) => addNoteHere(state, at) },
  "view.commandPalette": { isEnabled: always, perform: (state) => state.openDialog({ kind: "commandPalette" }) },
  "canvas.zoomToFit": { isEnabled: whenRoadmapOpen, perform: () => canvasController()?.fitView() },
  "canvas.actualSize": { isEnabled: whenRoadmapOpen, perform: () => canvasController()?.zoomTo(1) },
  "view.present": { isEnabled: whenRoadmapOpen, perform: (state) => state.startPresentation() },
  "view.notesPanel": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.setNotesPanelOpen(!state.notesPanelOpen),
  },
  "app.preferences": { isEnabled: always, perform: (state) => state.openDialog({ kind: "preferences" }) },
  "view.transitionsTable": { isEnabled: whenRoadmapOpen, perform: (state) => state.showView("transitions") },
  "view.customersGrid": { isEnabled: whenRoadmapOpen, perform: (state) => state.showView("customers") },
  "view.showCosts": {
    isEnabled: always,
    isChecked: (state) => state.preferences.showCosts,
    perform: (state) => state.setPreference("showCosts", !state.preferences.showCosts),
  },
  "view.colourByRsi": {
    isEnabled: always,
    isChecked: (state) => state.preferences.colourByRsi,
    perform: (state) => state.setPreference("colourByRsi", !state.preferences.colourByRsi),
  },
  "view.versions": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.setVersionsPanelOpen(!state.versionsPanelOpen),
  },
  "view.optimise": { isEnabled: whenRoadmapOpen, perform: (state) => state.showView("optimise") },
  "optimise.run": {
    isEnabled: (state) =>
      state.document !== null && state.readOnlyVersion === null && state.optimiser.status !== "running",
    perform: async (state) => {
      state.showView("optimise");
      await state.runOptimiser();
    },
  },
  "optimise.cancel": {
    isEnabled: (state) => state.optimiser.status === "running",
    perform: (state) => state.cancelOptimiser(),
  },
  "scenario.new": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "scenario", action: "new" }),
  },
  "scenario.duplicate": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "scenario", action: "duplicate" }),
  },
  "scenario.rename": {
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "scenario", action: "rename" }),
  },
  "scenario.delete": {
    isEnabled: (state) => state.document !== null && state.activeScenarioId !== BASE_SCENARIO_ID,
    perform: (state) => state.openDialog({ kind: "scenario", action: "delete" }),
  },
  "scenario.asIsFromExisting": { isEnabled: whenRoadmapOpen, perform: createAsIsScenario },
  "scenario.applyToAll": {
    isEnabled: (state) => selectedScenarioTarget(state) !== null && state.document !== null,
    perform: (state) => {
      const target = selectedScenarioTarget(state);
      if (target) applyToAll(state, target);
    },
  },
  "scenario.next": {
    isEnabled: (state) => (state.document?.scenarios.length ?? 0) > 0,
    perform: (state) => showAdjacentScenario(state, 1),
  },
  "scenario.previous": {
    isEnabled: (state) => (state.document?.scenarios.length ?? 0) > 0,
    perform: (state) => showAdjacentScenario(state, -1),
  },
  "help.about": { isEnabled: always, perform: (state) => state.openDialog({ kind: "about" }) },
};

/** Every command, in the order of the shared list (menus and the palette keep that order). */
export const COMMANDS: readonly Command[] = COMMAND_LIST.map((info) => ({ ...info, ...BEHAVIOUR[info.id] }));

export function findCommand(id: CommandId): Command {
  const command = COMMANDS.find((c) => c.id === id);
  // Every id in the shared list has a behaviour (the record's type says so), so this is a bug, not bad input.
  if (!command) throw new Error(`no command ${id}`);
  return command;
}

/** The on/off state of every checkable command, as the native menu shows it. */
export function checkedCommands(state: AppState): Record<CheckableCommandId, boolean> {
  return Object.fromEntries(
    CHECKABLE_COMMAND_IDS.map((id) => [id, findCommand(id).isChecked?.(state) ?? false]),
  ) as Record<CheckableCommandId, boolean>;
}

/** Commands a text field carries out itself while the user types in it. */
const FIELD_COMMANDS: readonly CommandId[] = ["edit.undo", "edit.redo", "edit.selectAll"];

/**
 * Runs a command on what the user sees, if it applies now: a number or name
 * still being typed counts, as if they had pressed Enter. A command that does
 * not apply is ignored, as a greyed-out menu item would be.
 */
export function runCommand(id: CommandId, state: AppState, context: CommandContext = {}): void {
  const command = findCommand(id);
  if (!FIELD_COMMANDS.includes(id)) commitFieldBeingEdited();
  if (command.isEnabled(state)) void command.perform(state, context);
}

/** Where the keyboard is when a key is pressed, which decides whether a shortcut applies. */
export interface KeyFocus {
  typingInField: boolean;
  inCanvas: boolean;
}

/**
 * The command a key press runs, if any. In a text field the field keeps its
 * own undo, redo and select-all, and keys without Ctrl/Cmd or Alt type (but
 * function keys do not); keys
 * scoped to the canvas act only while it has the keyboard.
 */
export function commandForKey(event: KeyboardEvent, focus: KeyFocus, mac = isMac()): Command | undefined {
  const command = COMMANDS.find((c) => c.shortcuts?.some((shortcut) => matchesShortcut(shortcut, event, mac)));
  if (!command) return undefined;
  if (command.shortcutScope === "canvas" && !focus.inCanvas) return undefined;
  if (
    focus.typingInField &&
    (FIELD_COMMANDS.includes(command.id) || !(event.ctrlKey || event.metaKey || event.altKey || isFunctionKey(event)))
  ) {
    return undefined;
  }
  return command;
}

/** F1–F12 type nothing, so they act even from a text field (F5 presents rather than reloading the page). */
const isFunctionKey = (event: KeyboardEvent) => /^F([1-9]|1[0-2])$/.test(event.code);

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The command's first shortcut as this platform writes it, if it has one. */
export function shortcutText(command: Command, mac = isMac()): string | undefined {
  const shortcut = command.shortcuts?.[0];
  return shortcut === undefined ? undefined : display(shortcut, mac);
}

/** A button's tooltip: the label and, when there is one, the shortcut. */
export function commandTitle(command: Command): string {
  const shortcut = shortcutText(command);
  return shortcut ? `${command.label} (${shortcut})` : command.label;
}
