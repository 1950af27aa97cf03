import type { MenuCommand } from "../../shared/ipc/contract";
import { ROADMAP_TEMPLATES } from "../../shared/model";
import type { AppState } from "./appStore";

/**
 * Every user command, defined once: its label, its shortcut, when it applies
 * and what it does. The native menu, keyboard shortcuts and buttons all run
 * commands from here, so a command behaves the same however it is invoked.
 */
export interface Command {
  id: MenuCommand;
  label: string;
  /** "Mod" is Cmd on macOS and Ctrl elsewhere. */
  shortcut?: string;
  isEnabled(state: AppState): boolean;
  perform(state: AppState): void | Promise<void>;
}

const always = () => true;
const whenRoadmapOpen = (state: AppState) => state.document !== null;

/** Text fields keep their own undo; everything else will go to the roadmap's history. */
function undoInTextField(direction: "undo" | "redo"): void {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    document.execCommand(direction);
  }
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
    label: "Export .roadmap…",
    shortcut: "Mod+E",
    isEnabled: whenRoadmapOpen,
    perform: (state) => (state.document ? state.exportRoadmap(state.document.id) : undefined),
  },
  {
    id: "file.closeRoadmap",
    label: "Close roadmap",
    shortcut: "Mod+W",
    isEnabled: whenRoadmapOpen,
    perform: (state) => state.closeRoadmap(),
  },
  { id: "edit.undo", label: "Undo", shortcut: "Mod+Z", isEnabled: always, perform: () => undoInTextField("undo") },
  {
    id: "edit.redo",
    label: "Redo",
    shortcut: "Mod+Shift+Z",
    isEnabled: always,
    perform: () => undoInTextField("redo"),
  },
  {
    id: "help.about",
    label: "About Relationship Roadmap",
    isEnabled: always,
    perform: (state) => state.openDialog({ kind: "about" }),
  },
];

export function findCommand(id: MenuCommand): Command | undefined {
  return COMMANDS.find((command) => command.id === id);
}

/** Runs a command if it applies now; a command that does not apply is ignored, as a greyed-out menu item would be. */
export function runCommand(id: MenuCommand, state: AppState): void {
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
