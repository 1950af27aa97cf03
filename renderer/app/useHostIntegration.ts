import { useEffect } from "react";
import { documentState } from "../features/editor/editorSlice";
import { commitFieldBeingEdited } from "../features/inspector/fields";
import { useAppStoreApi } from "./AppStoreContext";
import type { AppStore } from "./appStore";
import { COMMANDS, type CommandId, isMenuCommand, isTypingInField, matchesShortcut, runCommand } from "./commands";
import type { Services } from "./services";

/** Commands a text field carries out itself while the user types in it. */
const FIELD_COMMANDS: readonly CommandId[] = ["edit.undo", "edit.redo", "edit.selectAll"];

/**
 * Connects the app to where it runs: menu commands and files opened from
 * outside (Electron), keyboard shortcuts (the browser, where no native menu
 * owns them), and the window title.
 */
export function useHostIntegration({ platform }: Pick<Services, "platform">): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const offMenu = platform.onMenuCommand((command) => run(command, store));
    const offFile = platform.onFileOpened((file) => void store.getState().importFile(file, { open: true }));
    platform.ready();
    return () => {
      offMenu();
      offFile();
    };
  }, [platform, store]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (store.getState().dialog) return;
      const command = COMMANDS.find((c) => c.shortcut && matchesShortcut(c.shortcut, event));
      if (!command) return;
      // The native menu's accelerators already run these in Electron.
      if (platform.hasNativeMenu && isMenuCommand(command.id)) return;
      // Text fields keep their own undo and select-all.
      if (isTypingInField() && FIELD_COMMANDS.includes(command.id)) return;
      event.preventDefault();
      run(command.id, store);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [platform, store]);

  useEffect(() => {
    // Electron's close guard holds the window itself; in a browser, leaving the page is held by asking.
    if (platform.kind !== "web") return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (store.getState().saveStatus === "saved") return;
      // Write now; the browser's "Leave site?" question gives the write time to finish, or the user a way back.
      void store.getState().flushAutosave();
      event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [platform, store]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const now = documentState(state, false);
        const before = documentState(previous, false);
        if (now.title === before.title && now.edited === before.edited && now.library === before.library) return;
        platform.setDocumentState(now);
      }),
    [platform, store],
  );
}

/** Runs a command on what the user sees: a number or name still being typed counts, as if they had pressed Enter. */
function run(id: CommandId, store: AppStore): void {
  if (!FIELD_COMMANDS.includes(id)) commitFieldBeingEdited();
  runCommand(id, store.getState());
}
