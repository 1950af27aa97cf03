import path from "node:path";
import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../shared/ipc/contract";

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and developer tools are for working on the app, not for users. */
  isDevelopment: boolean;
  recentFiles: readonly string[];
}

export interface MenuActions {
  /** Passes a command to the renderer, whose command registry performs it. */
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
}

type Item = MenuItemConstructorOptions;

/**
 * The native menu as data. Document commands go to the renderer as
 * `MenuCommand`s, because it owns the document; clipboard, zoom and window
 * chores use Electron's built-in roles, which do the right thing per platform.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === "darwin";
  const command = (id: MenuCommand, label: string, accelerator?: string): Item => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => actions.send(id),
  });
  const separator: Item = { type: "separator" };

  const appMenu: Item = {
    label: options.appName,
    submenu: [
      command("help.about", `About ${options.appName}`),
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
      command("file.new", "New", "CmdOrCtrl+N"),
      command("file.open", "Open…", "CmdOrCtrl+O"),
      { label: "Open Recent", submenu: recentMenu(options.recentFiles, actions) },
      separator,
      command("file.save", "Save", "CmdOrCtrl+S"),
      command("file.saveAs", "Save As…", "CmdOrCtrl+Shift+S"),
      separator,
      command("file.import", "Import…"),
      command("file.export", "Export…", "CmdOrCtrl+E"),
      command("file.exportPdf", "Export PDF Report…", "CmdOrCtrl+P"),
      separator,
      command("file.closeRoadmap", "Close Roadmap"),
      // On macOS, Quit lives in the app menu.
      ...(mac ? [] : [separator, { role: "quit" } satisfies Item]),
    ],
  };

  const editMenu: Item = {
    label: "Edit",
    submenu: [
      // The roadmap has its own history and selection, so these are commands rather than the text-field roles;
      // the renderer hands them to a text field when one has focus.
      command("edit.undo", "Undo", "CmdOrCtrl+Z"),
      command("edit.redo", "Redo", "CmdOrCtrl+Shift+Z"),
      separator,
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      command("edit.selectAll", "Select All", "CmdOrCtrl+A"),
    ],
  };

  const viewMenu: Item = {
    label: "View",
    submenu: [
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

  const helpMenu: Item = { role: "help", submenu: [command("help.about", `About ${options.appName}`)] };

  return mac
    ? [appMenu, fileMenu, editMenu, viewMenu, { role: "windowMenu" }]
    : [fileMenu, editMenu, viewMenu, helpMenu];
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
