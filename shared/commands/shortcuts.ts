/**
 * Keyboard shortcuts as the command list writes them ("Mod+Shift+0"), and how
 * a key press, the native menu and the screen read them. Keys are matched on
 * the physical key (`KeyboardEvent.code`), never on the character it types:
 * Shift+0 types ")" on a US keyboard and "=" on a German one, but it is the
 * same key, and Ctrl+I must not depend on the layout's letter either.
 */

/** A modifier: "Mod" is Cmd on macOS and Ctrl elsewhere. */
export type Modifier = "Mod" | "Shift" | "Alt";

export interface ParsedShortcut {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** The physical key, as `KeyboardEvent.code` names it ("KeyI", "Digit0", "Equal"). */
  code: string;
  /** The key as printed on a US keyboard, for menus and tooltips ("I", "0", "="). */
  key: string;
}

/** What a shortcut needs of a key press: the DOM `KeyboardEvent` has these, and a test can pass a plain object. */
export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const PUNCTUATION_CODES: Record<string, string> = {
  "=": "Equal",
  "-": "Minus",
  ",": "Comma",
  ".": "Period",
  "/": "Slash",
  ";": "Semicolon",
  "[": "BracketLeft",
  "]": "BracketRight",
};

const NAMED_KEYS = new Set(["Delete", "Backspace", "Enter", "Escape", "Tab", "Space", "Home", "End"]);

function codeOf(key: string): string {
  if (/^[A-Z]$/.test(key)) return `Key${key}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (/^F([1-9]|1[0-2])$/.test(key) || NAMED_KEYS.has(key)) return key;
  const punctuation = PUNCTUATION_CODES[key];
  if (punctuation) return punctuation;
  // The command list is written by us; a key we cannot name is a bug in it, caught by its tests.
  throw new Error(`unknown key "${key}" in a shortcut`);
}

/** Reads "Mod+Shift+0": modifiers in any order, then one key (an upper-case letter, a digit, F1–F12 or a named key). */
export function parseShortcut(shortcut: string): ParsedShortcut {
  const parts = shortcut.split("+");
  const key = parts.at(-1) ?? "";
  const modifiers = parts.slice(0, -1);
  for (const modifier of modifiers) {
    if (modifier !== "Mod" && modifier !== "Shift" && modifier !== "Alt") {
      throw new Error(`unknown modifier "${modifier}" in shortcut "${shortcut}"`);
    }
  }
  return {
    mod: modifiers.includes("Mod"),
    shift: modifiers.includes("Shift"),
    alt: modifiers.includes("Alt"),
    code: codeOf(key),
    key,
  };
}

/**
 * Whether a key press is the shortcut: the same physical key and exactly its
 * modifiers, with Mod meaning Cmd on macOS and Ctrl elsewhere (so Ctrl+S on a
 * Mac is not Save, and Cmd+S elsewhere is not either).
 */
export function matchesShortcut(shortcut: string, press: KeyPress, mac: boolean): boolean {
  const wanted = parseShortcut(shortcut);
  const mod = mac ? press.metaKey : press.ctrlKey;
  const otherMod = mac ? press.ctrlKey : press.metaKey;
  return (
    press.code === wanted.code &&
    mod === wanted.mod &&
    !otherMod &&
    press.shiftKey === wanted.shift &&
    press.altKey === wanted.alt
  );
}

/** The shortcut as the user's platform writes it: ⇧⌘S on macOS, Ctrl+Shift+S elsewhere. */
export function displayShortcut(shortcut: string, mac: boolean): string {
  const { mod, shift, alt, key } = parseShortcut(shortcut);
  const shown = key === "Delete" && !mac ? "Del" : key;
  if (mac) return `${alt ? "⌥" : ""}${shift ? "⇧" : ""}${mod ? "⌘" : ""}${shown}`;
  return [mod && "Ctrl", shift && "Shift", alt && "Alt", shown].filter(Boolean).join("+");
}

/** The shortcut as an Electron menu accelerator ("CmdOrCtrl+Shift+0"). */
export function toAccelerator(shortcut: string): string {
  const { mod, shift, alt, key } = parseShortcut(shortcut);
  return [mod && "CmdOrCtrl", shift && "Shift", alt && "Alt", key].filter(Boolean).join("+");
}
