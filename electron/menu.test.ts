import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it, vi } from "vitest";
import { COMMAND_LIST, type CommandInfo, type MenuName } from "../shared/commands/commandList";
import { toAccelerator } from "../shared/commands/shortcuts";
import { buildMenuTemplate, type MenuOptions } from "./menu";

type Item = MenuItemConstructorOptions;

function build(options: Partial<MenuOptions> = {}) {
  const actions = { send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() };
  const template = buildMenuTemplate(
    {
      appName: "Relationship Roadmap",
      platform: "linux",
      isDevelopment: false,
      recentFiles: [],
      checked: {},
      ...options,
    },
    actions,
  );
  return { template, actions };
}

function submenu(item: Item | undefined): Item[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`${item?.label ?? item?.role} has no submenu`);
  return item.submenu;
}

/** The item reached by following labels (or roles) from the menu bar. */
function find(template: Item[], ...names: string[]): Item {
  let items = template;
  let found: Item | undefined;
  for (const name of names) {
    found = items.find((item) => item.label === name || item.role === name);
    if (!found) throw new Error(`no menu item ${names.join(" › ")}`);
    items = Array.isArray(found.submenu) ? found.submenu : [];
  }
  if (!found) throw new Error("no names given");
  return found;
}

function click(item: Item): void {
  if (!item.click) throw new Error(`${item.label} does nothing when clicked`);
  item.click({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
}

const everything = (items: Item[]): Item[] =>
  items.flatMap((item) => [item, ...everything(Array.isArray(item.submenu) ? item.submenu : [])]);

const MENU_TITLES: Record<MenuName, string> = { file: "File", edit: "Edit", view: "View", help: "help" };

describe("menu commands", () => {
  const placed = COMMAND_LIST.flatMap((info: CommandInfo) => (info.menu ? [{ ...info, menu: info.menu }] : []));

  it.each(placed.map((info) => [info.id, info.menu.in, info.label, info.shortcuts?.[0]] as const))(
    "%s is in the %s menu as “%s” with shortcut %s, and sends its id to the renderer",
    (id, menu, label, shortcut) => {
      for (const platform of ["linux", "win32", "darwin"] as const) {
        const { template, actions } = build({ platform });
        // On macOS, About sits in the app menu.
        const title = menu === "help" && platform === "darwin" ? "Relationship Roadmap" : MENU_TITLES[menu];
        const item = find(template, title, label);
        expect(item.accelerator).toBe(shortcut === undefined ? undefined : toAccelerator(shortcut));
        // The renderer matches every shortcut itself; a registered accelerator would run the command twice.
        if (shortcut !== undefined) expect(item.registerAccelerator).toBe(false);
        click(item);
        expect(actions.send).toHaveBeenCalledExactlyOnceWith(id);
      }
    },
  );

  it.each([
    [["File", "Import .roadmap…"], "CmdOrCtrl+I"],
    [["File", "Close roadmap"], "CmdOrCtrl+W"],
    [["View", "Command palette…"], "CmdOrCtrl+K"],
    [["View", "Zoom to 100 %"], "CmdOrCtrl+Shift+0"],
  ])("shows %j with %s", (labels, accelerator) => {
    expect(find(build().template, ...labels).accelerator).toBe(accelerator);
  });

  it("holds each placed command once, and no other", () => {
    const { template, actions } = build();
    for (const item of everything(template)) if (item.click && item.label !== "Clear Recent") click(item);
    expect(actions.send.mock.calls.map(([id]) => id)).toEqual(placed.map((info) => info.id));
  });

  it("leaves clipboard, zoom and full screen to Electron's roles", () => {
    const { template } = build();
    const roles = everything(template).map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining(["cut", "copy", "paste", "zoomIn", "zoomOut", "resetZoom", "togglefullscreen", "quit"]),
    );
    // Undo, redo and select-all belong to the roadmap's own history and selection, not the text field's.
    expect(roles).not.toContain("undo");
    expect(roles).not.toContain("redo");
    expect(roles).not.toContain("selectAll");
  });

  it("offers reload and developer tools only in development", () => {
    const roles = (isDevelopment: boolean) => everything(build({ isDevelopment }).template).map((item) => item.role);
    expect(roles(false)).not.toContain("toggleDevTools");
    expect(roles(false)).not.toContain("reload");
    expect(roles(true)).toEqual(expect.arrayContaining(["toggleDevTools", "reload"]));
  });
});

describe("settings in the menu", () => {
  it("shows Show costs as a check box, ticked as the renderer last said", () => {
    for (const showCosts of [true, false]) {
      const { template, actions } = build({ checked: { "view.showCosts": showCosts } });
      const item = find(template, "View", "Show costs");
      expect(item.type).toBe("checkbox");
      expect(item.checked).toBe(showCosts);
      // The click asks the renderer to toggle; the tick follows what it says back.
      click(item);
      expect(actions.send).toHaveBeenCalledWith("view.showCosts");
    }
  });

  it("shows it unticked until the renderer has said", () => {
    expect(find(build().template, "View", "Show costs").checked).toBe(false);
  });

  it("gives commands that are not settings no check box", () => {
    expect(find(build().template, "View", "Zoom to fit").type).toBeUndefined();
  });
});

describe("platform conventions", () => {
  it("starts with the app menu on macOS, holding About and Quit", () => {
    const { template, actions } = build({ platform: "darwin" });
    expect(template[0]?.label).toBe("Relationship Roadmap");
    const appMenu = submenu(template[0]);
    expect(appMenu.map((item) => item.role)).toContain("quit");
    click(find(template, "Relationship Roadmap", "About Relationship Roadmap"));
    expect(actions.send).toHaveBeenCalledWith("help.about");
    expect(submenu(find(template, "File")).map((item) => item.role)).not.toContain("quit");
  });

  it("has no app menu elsewhere and quits from the File menu", () => {
    const { template } = build({ platform: "win32" });
    expect(template.map((item) => item.label ?? item.role)).toEqual(["File", "Edit", "View", "help"]);
    expect(submenu(find(template, "File")).map((item) => item.role)).toContain("quit");
  });
});

describe("Open Recent", () => {
  it("lists recent files by name and opens the one picked", () => {
    const recentFiles = ["/home/ann/Acme.roadmap", "/home/ann/work/Beta.roadmap"];
    const { template, actions } = build({ recentFiles });
    const items = submenu(find(template, "File", "Open Recent"));
    expect(items.slice(0, 2).map((item) => [item.label, item.sublabel])).toEqual([
      ["Acme.roadmap", "/home/ann"],
      ["Beta.roadmap", "/home/ann/work"],
    ]);
    click(find(template, "File", "Open Recent", "Beta.roadmap"));
    expect(actions.openRecent).toHaveBeenCalledWith("/home/ann/work/Beta.roadmap");
    click(find(template, "File", "Open Recent", "Clear Recent"));
    expect(actions.clearRecent).toHaveBeenCalled();
  });

  it("says so when there are none", () => {
    const { template } = build();
    expect(submenu(find(template, "File", "Open Recent"))).toEqual([{ label: "No Recent Roadmaps", enabled: false }]);
  });
});
