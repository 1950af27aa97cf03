import { describe, expect, it } from "vitest";
import {
  createLocalPreferencesStorage,
  createMemoryPreferencesStorage,
  DEFAULT_PREFERENCES,
  INSPECTOR_WIDTH,
} from "../data/preferencesStorage";
import { createTestApp } from "../test/fakes";

/** A Storage over a plain map, with a switch to make it refuse writes like a full disk does. */
function mapStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  let full = false;
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException("quota", "QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key: string) => items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    length: 0,
  } as Storage;
  return { storage, items, fill: () => (full = true) };
}

describe("preferences", () => {
  it("start from the defaults: costs shown, no author, the standard inspector width", () => {
    expect(createLocalPreferencesStorage(mapStorage().storage).load()).toEqual({
      showCosts: true,
      authorName: "",
      inspectorWidth: INSPECTOR_WIDTH.default,
      diagnosticsCollapsed: false,
      colourByRsi: false,
    });
  });

  it("come back as they were saved, the next time the app starts", () => {
    const { storage } = mapStorage();
    const saved = {
      ...DEFAULT_PREFERENCES,
      showCosts: false,
      authorName: "Ana Silva",
      inspectorWidth: 500,
      colourByRsi: true,
    };
    expect(createLocalPreferencesStorage(storage).save(saved)).toBe(true);
    expect(createLocalPreferencesStorage(storage).load()).toEqual(saved);
  });

  it("keep every good value when one stored value is bad, and ignore text that is not JSON", () => {
    const stored = JSON.stringify({ showCosts: false, authorName: 42, inspectorWidth: 99_999 });
    const { storage } = mapStorage({ "relationship-roadmap.preferences": stored });
    expect(createLocalPreferencesStorage(storage).load()).toEqual({ ...DEFAULT_PREFERENCES, showCosts: false });
    const broken = mapStorage({ "relationship-roadmap.preferences": "{not json" }).storage;
    expect(createLocalPreferencesStorage(broken).load()).toEqual(DEFAULT_PREFERENCES);
  });

  it("apply at once in the app and are stored for next time", () => {
    const preferences = createMemoryPreferencesStorage();
    const { store } = createTestApp(undefined, { preferences });
    store.getState().setPreference("showCosts", false);
    expect(store.getState().preferences.showCosts).toBe(false);
    expect(preferences.load().showCosts).toBe(false);
  });

  it("still apply when the storage refuses them, and the user is told they will not be kept", () => {
    const { storage, fill } = mapStorage();
    fill();
    const { store } = createTestApp(undefined, { preferences: createLocalPreferencesStorage(storage) });
    store.getState().setPreference("authorName", "Ana");
    expect(store.getState().preferences.authorName).toBe("Ana");
    expect(store.getState().notices.map((n) => n.message)).toEqual([
      "Your settings could not be stored on this computer; they apply until you close the app.",
    ]);
  });
});
