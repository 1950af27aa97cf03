import { MENU_COMMANDS, type MenuCommand } from "../../shared/ipc/contract";
import { ROADMAP_TEMPLATES } from "../../shared/model";
import {
  addPhaseAt,
  autoArrange,
  deleteSelection,
  duplicateSelection,
  selectAll,
} from "../features/canvas/canvasActions";
import { canvasController } from "../features/canvas/canvasController";
import type { AppState } from "./appStore";

/** Commands only the app's own UI offers (toolbar, context menu, keyboard), not the native menu. */
export type AppCommand =
  | "canvas.addPhase"
  | "canvas.duplicate"
  | "canvas.delete"
  | "canvas.autoArrange"
  | "canvas.zoomToFit"
  | "canvas.actualSize"
  | "roadmap.editStages";

export type CommandId = MenuCommand | AppCommand;

/**
 * Every user command, defined once: its label, its shortcut, when it applies
 * and what it does. The native menu, keyboard shortcuts and buttons all run
 * commands from here, so a command behaves the same however it is invoked.
 */
export interface Command {
  id: CommandId;
  label: string;
  /** "Mod" is Cmd on macOS and Ctrl elsewhere. */
  shortcut?: string;
  isEnabled(state: AppState): boolean;
  perform(state: AppState): void | Promise<void>;
}

const always = () => true;
const whenRoadmapOpen = (state: AppState) => state.document !== null;

const whenPhasesSelected = (state: AppState) => state.document !== null && state.selection.phaseIds.length > 0;
const whenSomethingSelected = (state: AppState) =>
  state.document !== null && state.selection.phaseIds.length + state.selection.transitionIds.length > 0;

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

export const COMMANDS: readonly Command[] = [
  {
    id: "file.new",
    label: "New roadmap…",
    shortcut: "Mod+N",
    isEnabled: always,
    perform: (state) => state.openDialog({ kind: "newRoadmap", templates: ROADMAP_TEMPLATES }),
  },
  {
    id: "file.open",
    label: "Open…",
    shortcut: "Mod+O",
    isEnabled: always,
    perform: (state) => state.importFromDisk({ open: true }),
  },
  {
    id: "file.save",
    label: "Save",
    shortcut: "Mod+S",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.saveToFile({ saveAs: false }),
  },
  {
    id: "file.saveAs",
    label: "Save As…",
    shortcut: "Mod+Shift+S",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.saveToFile({ saveAs: true }),
  },
  {
    id: "file.import",
    label: "Import .roadmap…",
    shortcut: "Mod+I",
    isEnabled: always,
    perform: (state) => state.importFromDisk({ open: false }),
  },
  {
    id: "file.export",
    label: "Export…",
    shortcut: "Mod+E",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "export", format: state.lastExportFormat }),
  },
  {
    id: "file.exportPdf",
    label: "Export PDF report…",
    shortcut: "Mod+P",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "export", format: "pdf" }),
  },
  {
    id: "file.closeRoadmap",
    label: "Close roadmap",
    shortcut: "Mod+W",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.closeRoadmap(),
  },
  {
    id: "edit.undo",
    label: "Undo",
    shortcut: "Mod+Z",
    isEnabled: (state) => isTypingInField() || state.past.length > 0,
    perform: (state) => undoOrRedo(state, "undo"),
  },
  {
    id: "edit.redo",
    label: "Redo",
    shortcut: "Mod+Shift+Z",
    isEnabled: (state) => isTypingInField() || state.future.length > 0,
    perform: (state) => undoOrRedo(state, "redo"),
  },
  {
    id: "canvas.addPhase",
    label: "Add phase",
    isEnabled: whenRoadmapOpen,
    perform: (state) => addPhaseAt(state),
  },
  {
    id: "canvas.duplicate",
    label: "Duplicate",
    shortcut: "Mod+D",
    isEnabled: whenPhasesSelected,
    perform: duplicateSelection,
  },
  { id: "canvas.delete", label: "Delete", isEnabled: whenSomethingSelected, perform: deleteSelection },
  {
    id: "edit.selectAll",
    label: "Select all",
    shortcut: "Mod+A",
    isEnabled: (state) => state.document !== null || isTypingInField(),
    perform: (state) => {
      if (isTypingInField()) document.execCommand("selectAll");
      else selectAll(state);
    },
  },
  {
    id: "canvas.autoArrange",
    label: "Auto-arrange",
    shortcut: "Mod+Shift+L",
    isEnabled: (state) => !state.arranging && (state.document?.phases.length ?? 0) > 0,
    perform: autoArrange,
  },
  {
    id: "canvas.zoomToFit",
    label: "Zoom to fit",
    shortcut: "Mod+Shift+F",
    isEnabled: whenRoadmapOpen,
    perform: () => canvasController()?.fitView(),
  },
  {
    id: "canvas.actualSize",
    label: "100 %",
    shortcut: "Mod+Shift+0",
    isEnabled: whenRoadmapOpen,
    perform: () => canvasController()?.zoomTo(1),
  },
  {
    id: "roadmap.editStages",
    label: "Stages…",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.openDialog({ kind: "stages" }),
  },
  {
    id: "help.about",
    label: "About Relationship Roadmap",
    isEnabled: always,
    perform: (state) => state.openDialog({ kind: "about" }),
  },
];

export function findCommand(id: CommandId): Command | undefined {
  return COMMANDS.find((command) => command.id === id);
}

/** Whether the native menu (when there is one) owns this command's shortcut. */
export function isMenuCommand(id: CommandId): id is MenuCommand {
  return (MENU_COMMANDS as readonly string[]).includes(id);
}

/** Runs a command if it applies now; a command that does not apply is ignored, as a greyed-out menu item would be. */
export function runCommand(id: CommandId, state: AppState): void {
  const command = findCommand(id);
  if (command?.isEnabled(state)) void command.perform(state);
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether a key press is the command's shortcut. */
export function matchesShortcut(shortcut: string, event: KeyboardEvent, mac = isMac()): boolean {
  const parts = shortcut.split("+");
  const key = parts.at(-1)?.toLowerCase();
  const wantsMod = parts.includes("Mod");
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  return (
    event.key.toLowerCase() === key &&
    mod === wantsMod &&
    !otherMod &&
    event.shiftKey === parts.includes("Shift") &&
    event.altKey === parts.includes("Alt")
  );
}

/** The shortcut as the user's platform writes it: ⇧⌘S on macOS, Ctrl+Shift+S elsewhere. */
export function displayShortcut(shortcut: string, mac = isMac()): string {
  if (!mac) return shortcut.replace("Mod", "Ctrl");
  const symbols: Record<string, string> = { Mod: "⌘", Shift: "⇧", Alt: "⌥" };
  const parts = shortcut.split("+");
  const modifiers = ["Alt", "Shift", "Mod"].filter((m) => parts.includes(m)).map((m) => symbols[m]);
  return `${modifiers.join("")}${parts.at(-1)?.toUpperCase()}`;
}
