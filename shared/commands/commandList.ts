/**
 * Every user command's description, in one list that both the native menu
 * (electron/) and the app (renderer/) read: its id, label, shortcut and where
 * it sits in the menu bar. What a command does and when it applies depends on
 * the document, so that half lives in the renderer's registry, keyed by these ids.
 */

export type CommandGroup = "File" | "Edit" | "Canvas" | "View" | "Help";

/** The native menus a command can sit in; the app menu on macOS takes "About" from Help. */
export type MenuName = "file" | "edit" | "view" | "help";

export interface CommandInfo {
  id: string;
  /** The name in menus, the palette and tooltips. */
  label: string;
  /** A tighter name for a toolbar button, when the label is too long for one. */
  shortLabel?: string;
  /** Further words the palette finds the command by. */
  keywords?: readonly string[];
  /** Keys that run it (see `parseShortcut`); the first is the one menus and tooltips show. */
  shortcuts?: readonly string[];
  /**
   * "canvas": the keys act only while the canvas has the keyboard, because they
   * mean something else elsewhere (Delete in a table, F2 in a list).
   */
  shortcutScope?: "canvas";
  /** Heading of its section in the palette. */
  group: CommandGroup;
  /** Its place in the menu bar: which menu, and which separator-delimited section of it. */
  menu?: { in: MenuName; section: number };
  /** Turns a setting on or off: menus show it with a check mark while it is on. */
  checkable?: true;
}

export const COMMAND_LIST = [
  {
    id: "file.new",
    label: "New roadmap…",
    shortcuts: ["Mod+N"],
    group: "File",
    menu: { in: "file", section: 0 },
  },
  { id: "file.open", label: "Open…", shortcuts: ["Mod+O"], group: "File", menu: { in: "file", section: 0 } },
  { id: "file.save", label: "Save", shortcuts: ["Mod+S"], group: "File", menu: { in: "file", section: 1 } },
  {
    id: "file.saveAs",
    label: "Save as…",
    shortcuts: ["Mod+Shift+S"],
    group: "File",
    menu: { in: "file", section: 1 },
  },
  {
    id: "file.saveAsWithVersions",
    label: "Save as file with versions…",
    keywords: ["history", "export versions", "backup"],
    group: "File",
    menu: { in: "file", section: 1 },
  },
  {
    id: "version.save",
    label: "Save version…",
    keywords: ["snapshot", "history", "checkpoint", "board", "named version"],
    shortcuts: ["Mod+Alt+S"],
    group: "File",
    menu: { in: "file", section: 1 },
  },
  {
    id: "file.import",
    label: "Import .roadmap…",
    keywords: ["add file", "library"],
    shortcuts: ["Mod+I"],
    group: "File",
    menu: { in: "file", section: 2 },
  },
  {
    id: "file.export",
    label: "Export…",
    keywords: ["pptx", "powerpoint", "slides", "deck", "xlsx", "csv", "ics", "svg", "png", "workbook", "calendar"],
    shortcuts: ["Mod+E"],
    group: "File",
    menu: { in: "file", section: 2 },
  },
  {
    id: "file.exportPdf",
    label: "Export PDF report…",
    keywords: ["print", "executive"],
    shortcuts: ["Mod+P"],
    group: "File",
    menu: { in: "file", section: 2 },
  },
  {
    id: "import.surveyAnswers",
    label: "Import survey answers…",
    keywords: ["survey", "responses", "wave", "rsi", "csv", "xlsx"],
    group: "File",
    menu: { in: "file", section: 2 },
  },
  {
    id: "import.inventory",
    label: "Import communications…",
    keywords: ["inventory", "existing communications", "spreadsheet", "csv", "xlsx"],
    group: "File",
    menu: { in: "file", section: 2 },
  },
  {
    id: "survey.exportQuestionnaire",
    label: "Export questionnaire…",
    keywords: ["survey", "xlsx", "relationship", "statements", "rsi"],
    group: "File",
    menu: { in: "file", section: 2 },
  },
  {
    id: "file.closeRoadmap",
    label: "Close roadmap",
    keywords: ["back to roadmaps", "library"],
    shortcuts: ["Mod+W"],
    group: "File",
    menu: { in: "file", section: 3 },
  },
  { id: "edit.undo", label: "Undo", shortcuts: ["Mod+Z"], group: "Edit", menu: { in: "edit", section: 0 } },
  { id: "edit.redo", label: "Redo", shortcuts: ["Mod+Shift+Z"], group: "Edit", menu: { in: "edit", section: 0 } },
  { id: "edit.selectAll", label: "Select all", shortcuts: ["Mod+A"], group: "Edit", menu: { in: "edit", section: 1 } },
  {
    id: "canvas.duplicate",
    label: "Duplicate",
    keywords: ["copy phase"],
    shortcuts: ["Mod+D"],
    group: "Edit",
    menu: { in: "edit", section: 2 },
  },
  {
    id: "canvas.delete",
    label: "Delete",
    keywords: ["remove phase", "remove transition"],
    shortcuts: ["Delete", "Backspace"],
    shortcutScope: "canvas",
    group: "Edit",
  },
  { id: "canvas.rename", label: "Rename phase", shortcuts: ["F2"], shortcutScope: "canvas", group: "Edit" },
  { id: "canvas.addPhase", label: "Add phase", keywords: ["new phase"], group: "Canvas" },
  {
    id: "canvas.autoArrange",
    label: "Auto-arrange",
    keywords: ["layout", "tidy"],
    shortcuts: ["Mod+Shift+L"],
    group: "Canvas",
    menu: { in: "edit", section: 2 },
  },
  {
    id: "app.preferences",
    label: "Preferences…",
    keywords: ["settings", "author name"],
    shortcuts: ["Mod+,"],
    group: "Edit",
    menu: { in: "edit", section: 3 },
  },
  {
    id: "scenario.new",
    label: "New scenario…",
    keywords: ["variant", "to-be", "lean", "what if"],
    group: "Edit",
    menu: { in: "edit", section: 4 },
  },
  {
    id: "scenario.duplicate",
    label: "Duplicate scenario…",
    shortLabel: "Duplicate…",
    keywords: ["copy scenario", "variant"],
    group: "Edit",
    menu: { in: "edit", section: 4 },
  },
  {
    id: "scenario.rename",
    label: "Rename scenario…",
    shortLabel: "Rename…",
    group: "Edit",
    menu: { in: "edit", section: 4 },
  },
  {
    id: "scenario.delete",
    label: "Delete scenario…",
    shortLabel: "Delete…",
    keywords: ["remove scenario"],
    group: "Edit",
    menu: { in: "edit", section: 4 },
  },
  {
    id: "scenario.asIsFromExisting",
    label: "As-is from existing communications",
    keywords: ["scenario", "today", "current state", "baseline", "as is"],
    group: "Edit",
    menu: { in: "edit", section: 4 },
  },
  {
    id: "scenario.applyToAll",
    label: "Apply to all scenarios",
    keywords: ["scenario", "same value", "every scenario"],
    group: "Edit",
  },
  {
    id: "roadmap.editStages",
    label: "Edit stages…",
    shortLabel: "Stages…",
    group: "Canvas",
  },
  {
    id: "phase.captureTable",
    label: "Capture table…",
    keywords: ["communications", "spreadsheet", "paste rows", "quick add"],
    group: "Canvas",
  },
  {
    id: "notes.add",
    label: "Add note",
    keywords: ["sticky note", "comment", "open question"],
    shortcuts: ["N"],
    shortcutScope: "canvas",
    group: "Canvas",
  },
  {
    id: "view.commandPalette",
    label: "Command palette…",
    shortcuts: ["Mod+K"],
    group: "View",
    menu: { in: "view", section: 0 },
  },
  {
    id: "canvas.zoomToFit",
    label: "Zoom to fit",
    shortcuts: ["Mod+Shift+F"],
    group: "View",
    menu: { in: "view", section: 1 },
  },
  {
    id: "canvas.actualSize",
    label: "Zoom to 100 %",
    shortLabel: "100 %",
    keywords: ["actual size"],
    shortcuts: ["Mod+Shift+0"],
    group: "View",
    menu: { in: "view", section: 1 },
  },
  {
    id: "view.present",
    label: "Present",
    keywords: ["presentation", "full screen", "slideshow", "projector", "walk through"],
    shortcuts: ["F5"],
    group: "View",
    menu: { in: "view", section: 2 },
  },
  {
    id: "view.notesPanel",
    label: "Show or hide the Notes panel",
    shortLabel: "Notes",
    keywords: ["sticky notes", "comments", "open questions"],
    group: "View",
    menu: { in: "view", section: 2 },
  },
  {
    id: "view.transitionsTable",
    label: "Show transitions table",
    keywords: ["rates", "flow", "segments"],
    group: "View",
    menu: { in: "view", section: 2 },
  },
  {
    id: "view.customersGrid",
    label: "Show customers grid",
    keywords: ["initial customers", "arrivals", "new per month", "paste"],
    group: "View",
    menu: { in: "view", section: 2 },
  },
  {
    id: "view.showCosts",
    label: "Show costs",
    keywords: ["hide costs", "money", "budget", "prices", "presentation", "client"],
    shortcuts: ["Mod+Shift+M"],
    group: "View",
    menu: { in: "view", section: 2 },
    checkable: true,
  },
  {
    id: "view.colourByRsi",
    label: "Colour phases by RSI",
    shortLabel: "Colour by RSI",
    keywords: ["relationship strength", "survey", "heat map", "color", "colour scale", "tint"],
    group: "View",
    menu: { in: "view", section: 2 },
    checkable: true,
  },
  {
    id: "view.versions",
    label: "Show or hide the Versions panel",
    shortLabel: "Versions",
    keywords: ["history", "restore", "compare versions", "snapshots", "read only"],
    group: "View",
    menu: { in: "view", section: 2 },
  },
  {
    id: "view.optimise",
    label: "Show the optimiser",
    shortLabel: "Optimise",
    keywords: ["optimise", "optimize", "best plan", "budget", "contact cap", "efficient frontier", "solver"],
    group: "View",
    menu: { in: "view", section: 2 },
  },
  {
    id: "optimise.run",
    label: "Optimise the scenario shown",
    shortLabel: "Optimise",
    keywords: ["optimiser", "optimize", "best plan", "run", "budget", "solve"],
    shortcuts: ["Mod+Alt+O"],
    group: "Edit",
  },
  {
    id: "optimise.cancel",
    label: "Stop optimising",
    shortLabel: "Stop",
    keywords: ["cancel optimiser", "stop solver", "keep best plan"],
    group: "Edit",
  },
  {
    id: "scenario.next",
    label: "Next scenario",
    keywords: ["switch scenario", "show scenario"],
    shortcuts: ["Mod+Alt+]"],
    group: "View",
    menu: { in: "view", section: 3 },
  },
  {
    id: "scenario.previous",
    label: "Previous scenario",
    keywords: ["switch scenario", "show scenario"],
    shortcuts: ["Mod+Alt+["],
    group: "View",
    menu: { in: "view", section: 3 },
  },
  {
    id: "help.about",
    label: "About Relationship Roadmap",
    keywords: ["version"],
    group: "Help",
    menu: { in: "help", section: 0 },
  },
] as const satisfies readonly CommandInfo[];

export type CommandId = (typeof COMMAND_LIST)[number]["id"];

export const COMMAND_IDS: readonly CommandId[] = COMMAND_LIST.map((command) => command.id);

/** The description of a command by id. */
export function commandInfo<Id extends CommandId>(id: Id): CommandInfo & { id: Id } {
  const info = COMMAND_LIST.find((command): command is Extract<Listed, { id: Id }> => command.id === id);
  if (!info) throw new Error(`no command ${id}`);
  return info;
}

type Listed = (typeof COMMAND_LIST)[number];

/** Commands with a place in the native menu: the only ones the menu sends to the renderer. */
export type MenuCommandId = Extract<Listed, { menu: object }>["id"];

export const MENU_COMMAND_IDS = COMMAND_LIST.flatMap((command): MenuCommandId[] =>
  "menu" in command ? [command.id] : [],
);

/** Commands that turn a setting on or off, whose state the menus show with a check mark. */
export type CheckableCommandId = Extract<Listed, { checkable: true }>["id"];

export const CHECKABLE_COMMAND_IDS = COMMAND_LIST.flatMap((command): CheckableCommandId[] =>
  "checkable" in command ? [command.id] : [],
);
