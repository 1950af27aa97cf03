import { createContext, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { AppState, AppStore } from "./appStore";

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

/** The store itself, for event handlers that read state with `getState()` at the moment they run. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error("useAppStoreApi must be used inside <AppStoreProvider>");
  return store;
}

/** Subscribes to one slice of state; select primitives or stable references so unrelated changes do not re-render. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
