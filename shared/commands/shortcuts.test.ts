import { describe, expect, it } from "vitest";
import { COMMAND_LIST } from "./commandList";
import { displayShortcut, type KeyPress, matchesShortcut, parseShortcut, toAccelerator } from "./shortcuts";

const press = (code: string, modifiers: Partial<Omit<KeyPress, "code">> = {}): KeyPress => ({
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("matching a key press to a shortcut", () => {
  // The key a browser reports for Ctrl+Shift+0 is ")" on a US layout and "=" on a German one; the physical key is
  // Digit0 on both, and that is what a shortcut is matched on.
  it.each([
    ["US", ")"],
    ["German", "="],
  ])("Ctrl+Shift+0 is actual size on a %s keyboard (key %s)", (_, key) => {
    const windows = { ...press("Digit0", { ctrlKey: true, shiftKey: true }), key };
    const mac = { ...press("Digit0", { metaKey: true, shiftKey: true }), key };
    expect(matchesShortcut("Mod+Shift+0", windows, false)).toBe(true);
    expect(matchesShortcut("Mod+Shift+0", mac, true)).toBe(true);
  });

  it("Ctrl+I and Ctrl+W match on Windows and Linux, Cmd+I and Cmd+W on macOS", () => {
    expect(matchesShortcut("Mod+I", press("KeyI", { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut("Mod+W", press("KeyW", { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut("Mod+I", press("KeyI", { metaKey: true }), true)).toBe(true);
    expect(matchesShortcut("Mod+W", press("KeyW", { metaKey: true }), true)).toBe(true);
  });

  it("wants exactly the shortcut's modifiers", () => {
    expect(matchesShortcut("Mod+S", press("KeyS", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut("Mod+Shift+S", press("KeyS", { ctrlKey: true }), false)).toBe(false);
    expect(matchesShortcut("Mod+S", press("KeyS", { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(matchesShortcut("Mod+S", press("KeyS"), false)).toBe(false);
    // Ctrl is not Mod on a Mac, and Cmd (the Windows key) is not Mod elsewhere.
    expect(matchesShortcut("Mod+S", press("KeyS", { ctrlKey: true }), true)).toBe(false);
    expect(matchesShortcut("Mod+S", press("KeyS", { metaKey: true }), false)).toBe(false);
    expect(matchesShortcut("Mod+S", press("KeyS", { ctrlKey: true, metaKey: true }), true)).toBe(false);
  });

  it("tells apart keys that type the same character on some layout", () => {
    expect(matchesShortcut("Mod+Shift+0", press("Equal", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut("Mod+Shift+0", press("Numpad0", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut("F2", press("F2"), false)).toBe(true);
    expect(matchesShortcut("Delete", press("Backspace"), false)).toBe(false);
  });
});

describe("reading and writing shortcuts", () => {
  it("names the physical key of letters, digits, punctuation and named keys", () => {
    expect(parseShortcut("Mod+Shift+0")).toEqual({ mod: true, shift: true, alt: false, code: "Digit0", key: "0" });
    expect(parseShortcut("Alt+K").code).toBe("KeyK");
    expect(parseShortcut("Mod+=").code).toBe("Equal");
    expect(parseShortcut("Mod+-").code).toBe("Minus");
    expect(parseShortcut("Backspace").code).toBe("Backspace");
  });

  it("refuses a key or modifier it cannot name, so a typo in the command list fails its tests", () => {
    expect(() => parseShortcut("Mod+i")).toThrow('unknown key "i"');
    expect(() => parseShortcut("Ctrl+I")).toThrow('unknown modifier "Ctrl"');
  });

  it("shows shortcuts the way each platform writes them", () => {
    expect(displayShortcut("Mod+Shift+0", false)).toBe("Ctrl+Shift+0");
    expect(displayShortcut("Mod+Shift+0", true)).toBe("⇧⌘0");
    expect(displayShortcut("Alt+Mod+K", true)).toBe("⌥⌘K");
    expect(displayShortcut("Delete", false)).toBe("Del");
    expect(displayShortcut("F2", true)).toBe("F2");
  });

  it("gives Electron accelerators", () => {
    expect(toAccelerator("Mod+Shift+0")).toBe("CmdOrCtrl+Shift+0");
    expect(toAccelerator("Mod+I")).toBe("CmdOrCtrl+I");
    expect(toAccelerator("Alt+F2")).toBe("Alt+F2");
  });
});

describe("the command list's shortcuts", () => {
  const all = COMMAND_LIST.flatMap((command) =>
    (("shortcuts" in command ? command.shortcuts : undefined) ?? []).map((shortcut) => ({ id: command.id, shortcut })),
  );

  it("all parse", () => {
    for (const { shortcut } of all) expect(() => parseShortcut(shortcut)).not.toThrow();
    expect(all.length).toBeGreaterThan(15);
  });

  it("are each one command's, so a key never runs two", () => {
    const owners = new Map<string, string[]>();
    for (const { id, shortcut } of all) {
      const { mod, shift, alt, code } = parseShortcut(shortcut);
      const keyName = `${mod}${shift}${alt}${code}`;
      owners.set(keyName, [...(owners.get(keyName) ?? []), id]);
    }
    expect([...owners.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it("leave the keys of Electron's own menu roles alone (page zoom, quit, clipboard)", () => {
    const taken = ["Mod+0", "Mod+=", "Mod+-", "Mod+Q", "Mod+X", "Mod+C", "Mod+V"].map(toAccelerator);
    expect(all.map(({ shortcut }) => toAccelerator(shortcut)).filter((a) => taken.includes(a))).toEqual([]);
  });
});
