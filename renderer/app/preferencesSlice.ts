import type { Preferences } from "../data/preferencesStorage";
import type { SliceContext } from "./appStore";

/** The user's settings (show costs, author name, panel sizes), applied at once and kept for the next session. */
export interface PreferencesSlice {
  preferences: Preferences;
  setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void;
}

export function createPreferencesSlice({ set, get, services }: SliceContext): PreferencesSlice {
  return {
    preferences: services.preferences.load(),
    setPreference: (key, value) => {
      if (get().preferences[key] === value) return;
      const preferences = { ...get().preferences, [key]: value };
      set({ preferences });
      if (!services.preferences.save(preferences)) {
        get().notify({
          tone: "error",
          message: "Your settings could not be stored on this computer; they apply until you close the app.",
        });
      }
    },
  };
}
