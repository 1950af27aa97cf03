import type { DocumentState } from "../shared/ipc/contract";

export type CloseChoice = "save" | "discard" | "cancel";

export interface CloseGuardActions {
  /** Asks what to do with changes not yet saved to the roadmap's file. */
  ask(documentTitle: string): Promise<CloseChoice>;
  /** Has the renderer save the roadmap to its file (the "file.save" command). */
  save(): void;
  /** Closes the window for real. */
  close(): void;
  /** The window stays open after asking (Cancel, or a save that did not write the file). */
  stayedOpen(): void;
}

/**
 * Stands between the close button and a roadmap with changes not yet saved
 * to its file. The library keeps every change regardless; the prompt is about
 * the file the user opened or saved, which colleagues may be waiting for.
 * After "Save" the window closes once the renderer reports the save's
 * outcome (`afterSave`) with the file up to date; a save that was cancelled
 * or failed ends the wait with the window open. Other document states —
 * a rename, another roadmap opening — do not end the wait.
 */
export function createCloseGuard(actions: CloseGuardActions) {
  let document: DocumentState = { title: null, edited: false, afterSave: false, library: "saved" };
  let closeConfirmed = false;
  let closeAfterSave = false;
  let closeAfterLibrarySave = false;
  let asking = false;

  const closeNow = () => {
    closeConfirmed = true;
    actions.close();
  };

  /** Changes only this window holds: not yet in the roadmap's file, or refused by the library. */
  const needsAsking = () => document.title !== null && (document.edited || document.library === "failed");

  const ask = (title: string) => {
    if (asking) return;
    asking = true;
    void actions.ask(title).then((choice) => {
      asking = false;
      if (choice === "discard") closeNow();
      else if (choice === "save") {
        closeAfterSave = true;
        actions.save();
      } else actions.stayedOpen();
    });
  };

  return {
    documentStateChanged(state: DocumentState): void {
      document = state;
      if (closeAfterLibrarySave && state.library !== "saving") {
        // The write the close waited for is done (or failed): decide now as if the close had just come.
        closeAfterLibrarySave = false;
        if (needsAsking() && document.title !== null) ask(document.title);
        else closeNow();
        return;
      }
      if (!closeAfterSave || !state.afterSave) return;
      closeAfterSave = false;
      if (state.edited) actions.stayedOpen();
      else closeNow();
    },

    /** The window's `close` event: let it through, hold it until the library has the changes, or hold it and ask. */
    windowClosing(event: { preventDefault(): void }): void {
      if (closeConfirmed) return;
      if (document.title !== null && document.library === "saving") {
        // Closing mid-write would leave the last second of edits out of the library: wait for the write.
        event.preventDefault();
        closeAfterLibrarySave = true;
        return;
      }
      if (!needsAsking() || document.title === null) return;
      event.preventDefault();
      ask(document.title);
    },
  };
}

export type CloseGuard = ReturnType<typeof createCloseGuard>;
