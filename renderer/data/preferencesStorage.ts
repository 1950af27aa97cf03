import { z } from "zod";

/** The inspector's width in px: wide enough for its fields, never wider than most of a laptop screen. */
export const INSPECTOR_WIDTH = { min: 280, max: 720, default: 340 } as const;

/**
 * The user's own settings, kept on this computer rather than in a roadmap:
 * they follow the person from roadmap to roadmap. Each field falls back to
 * its default on its own, so one bad value never resets the others.
 */
export const PreferencesSchema = z.object({
  /** Off: every money figure is hidden on screen and in what is exported, for a room that must not see costs. */
  showCosts: z.boolean().catch(true),
  /** Signs the sticky notes this person writes. */
  authorName: z.string().max(200).catch(""),
  inspectorWidth: z.number().int().min(INSPECTOR_WIDTH.min).max(INSPECTOR_WIDTH.max).catch(INSPECTOR_WIDTH.default),
  diagnosticsCollapsed: z.boolean().catch(false),
  /** Phases on the canvas tinted by their Relationship Strength Index, red (weak) to green (strong). */
  colourByRsi: z.boolean().catch(false),
});

export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

/** Where preferences live; the app uses the browser's local storage, tests keep them in memory. */
export interface PreferencesStorage {
  load(): Preferences;
  /** False when the storage refused the write (full or disabled); the preferences still apply until the app closes. */
  save(preferences: Preferences): boolean;
}

const STORAGE_KEY = "relationship-roadmap.preferences";

export function createLocalPreferencesStorage(storage: Storage): PreferencesStorage {
  return {
    load: () => readPreferences(() => storage.getItem(STORAGE_KEY)),
    save: (preferences) => {
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify(preferences));
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function createMemoryPreferencesStorage(initial: Partial<Preferences> = {}): PreferencesStorage & {
  saved: Preferences[];
} {
  let current: Preferences = { ...DEFAULT_PREFERENCES, ...initial };
  const saved: Preferences[] = [];
  return {
    saved,
    load: () => current,
    save: (preferences) => {
      current = preferences;
      saved.push(preferences);
      return true;
    },
  };
}

function readPreferences(read: () => string | null): Preferences {
  try {
    const text = read();
    const stored: unknown = text === null ? {} : JSON.parse(text);
    return PreferencesSchema.parse(stored !== null && typeof stored === "object" ? stored : {});
  } catch {
    return DEFAULT_PREFERENCES;
  }
}
