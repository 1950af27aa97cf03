import path from "node:path";
import type { MenuItemConstructorOptions } from "electron";
import {
  COMMAND_LIST,
  type CommandInfo,
  commandInfo,
  type MenuCommandId,
  type MenuName,
} from "../shared/commands/commandList";
import { toAccelerator } from "../shared/commands/shortcuts";
import type { CheckedCommands, MenuCommand } from "../shared/ipc/contract";

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and developer tools are for working on the app, not for users. */
  isDevelopment: boolean;
  recentFiles: readonly string[];
  /** Which on/off commands are on, as the renderer last said; unknown ones show unchecked. */
  checked: CheckedCommands;
}

export interface MenuActions {
  /** Passes a command to the renderer, whose command registry performs it. */
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
}

type Item = MenuItemConstructorOptions;

const separator: Item = { type: "separator" };

/**
 * The native menu as data. Each command's label, accelerator and place come
 * from the shared command list, and a click sends its id to the renderer,
 * whose registry performs it; clipboard, page zoom and window chores use
 * Electron's built-in roles, which do the right thing per platform.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === "darwin";
  const commands = (menu: MenuName, extras: Extras = {}) => commandItems(menu, options.checked, actions, extras);
  const about = commandItem(commandInfo("help.about"), options.checked, actions);

  const appMenu: Item = {
    label: options.appName,
    submenu: [
      about,
      separator,
      { role: "services" },
      separator,
      { role: "hide" },
      { role: "hideOthers" },
      { role: "unhide" },
      separator,
      { role: "quit" },
    ],
  };

  const fileMenu: Item = {
    label: "File",
    submenu: [
      ...commands("file", {
        after: { "file.open": [{ label: "Open Recent", submenu: recentMenu(options.recentFiles, actions) }] },
      }),
      // On macOS, Quit lives in the app menu.
      ...(mac ? [] : [separator, { role: "quit" } satisfies Item]),
    ],
  };

  // The roadmap has its own history and selection, so undo, redo and select-all are commands rather than the
  // text-field roles; the renderer hands them to a text field when one has focus.
  const editMenu: Item = {
    label: "Edit",
    submenu: commands("edit", { before: { "edit.selectAll": [{ role: "cut" }, { role: "copy" }, { role: "paste" }] } }),
  };

  const viewMenu: Item = {
    label: "View",
    submenu: [
      ...commands("view"),
      separator,
      { role: "zoomIn" },
      { role: "zoomOut" },
      { role: "resetZoom" },
      separator,
      { role: "togglefullscreen" },
      ...(options.isDevelopment
        ? [separator, { role: "reload" } satisfies Item, { role: "toggleDevTools" } satisfies Item]
        : []),
    ],
  };

  const helpMenu: Item = { role: "help", submenu: commands("help") };

  return mac
    ? [appMenu, fileMenu, editMenu, viewMenu, { role: "windowMenu" }]
    : [fileMenu, editMenu, viewMenu, helpMenu];
}

/** Items that are not commands (roles, Open Recent), placed next to a command. */
interface Extras {
  before?: Partial<Record<MenuCommandId, Item[]>>;
  after?: Partial<Record<MenuCommandId, Item[]>>;
}

/** The commands placed in one menu, in list order, with a separator between sections. */
function commandItems(menu: MenuName, checked: CheckedCommands, actions: MenuActions, extras: Extras): Item[] {
  const items: Item[] = [];
  let section: number | undefined;
  for (const info of COMMAND_LIST) {
    if (!("menu" in info) || info.menu.in !== menu) continue;
    if (section !== undefined && info.menu.section !== section) items.push(separator);
    section = info.menu.section;
    items.push(
      ...(extras.before?.[info.id] ?? []),
      commandItem(info, checked, actions),
      ...(extras.after?.[info.id] ?? []),
    );
  }
  return items;
}

function commandItem(info: CommandInfo & { id: MenuCommandId }, checked: CheckedCommands, actions: MenuActions): Item {
  const shortcut = info.shortcuts?.[0];
  return {
    label: info.label,
    // The renderer owns the setting: a click asks it to toggle, and the check mark follows what it says back.
    ...(info.checkable ? { type: "checkbox", checked: checked[info.id as keyof CheckedCommands] ?? false } : {}),
    ...(shortcut === undefined
      ? {}
      : {
          accelerator: toAccelerator(shortcut),
          // Shown but not registered: the renderer matches every shortcut itself (on the physical key, in the web
          // build too), and a registered accelerator would run the command a second time. macOS ignores this flag,
          // but there the page sees a key first and the menu only gets the keys the page left unhandled.
          registerAccelerator: false,
        }),
    click: () => actions.send(info.id),
  };
}

function recentMenu(files: readonly string[], actions: MenuActions): Item[] {
  if (files.length === 0) return [{ label: "No Recent Roadmaps", enabled: false }];
  return [
    ...files.map(
      (file): Item => ({
        label: path.basename(file),
        sublabel: path.dirname(file),
        click: () => actions.openRecent(file),
      }),
    ),
    { type: "separator" },
    { label: "Clear Recent", click: () => actions.clearRecent() },
  ];
}
