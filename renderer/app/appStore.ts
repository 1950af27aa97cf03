import { createStore, type StoreApi } from "zustand/vanilla";
import { createEditorSlice, type EditorSlice } from "../features/editor/editorSlice";
import { createLibrarySlice, type LibrarySlice } from "../features/library/librarySlice";
import type { Services } from "./services";
import { createShellSlice, type ShellSlice } from "./shellSlice";

export type AppState = ShellSlice & LibrarySlice & EditorSlice;
export type AppStore = StoreApi<AppState>;

/** Set and get of the whole store, handed to each slice with the services it may use. */
export interface SliceContext {
  set: StoreApi<AppState>["setState"];
  get: StoreApi<AppState>["getState"];
  services: Services;
}

export function createAppStore(services: Services): AppStore {
  return createStore<AppState>()((set, get) => {
    const context: SliceContext = { set, get, services };
    return {
      ...createShellSlice(context),
      ...createLibrarySlice(context),
      ...createEditorSlice(context),
    };
  });
}
