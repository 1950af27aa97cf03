import { useEffect } from "react";
import { documentState } from "../features/editor/editorSlice";
import { useAppStoreApi } from "./AppStoreContext";
import { checkedCommands, commandForKey, isTypingInField, runCommand } from "./commands";
import type { Services } from "./services";

/**
 * Connects the app to where it runs: menu commands and files opened from
 * outside (Electron), keyboard shortcuts, and the window title. Shortcuts are
 * matched here in Electron as in a browser; the native menu only shows them.
 */
export function useHostIntegration({ platform }: Pick<Services, "platform">): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const offMenu = platform.onMenuCommand((command) => runCommand(command, store.getState()));
    const offFile = platform.onFileOpened((file) => void store.getState().importFile(file, { open: true }));
    platform.setCheckedCommands(checkedCommands(store.getState()));
    platform.ready();
    return () => {
      offMenu();
      offFile();
    };
  }, [platform, store]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog's keys are the dialog's; a key some control already handled is not a shortcut.
      if (store.getState().dialog || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const command = commandForKey(event, {
        typingInField: isTypingInField(),
        inCanvas: Boolean(target?.closest(".canvas")),
      });
      if (!command) return;
      // Also keeps the browser's own meaning of the keys (Ctrl+P prints, Ctrl+D bookmarks) from running too.
      event.preventDefault();
      runCommand(command.id, store.getState());
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);

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
        if (state.preferences !== previous.preferences) platform.setCheckedCommands(checkedCommands(state));
      }),
    [platform, store],
  );

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
