import type { DocumentState } from "../shared/ipc/contract";

export type CloseChoice = "save" | "discard" | "cancel";

export interface CloseGuardActions {
  /** Asks what to do with changes not yet saved to the roadmap's file. */
  ask(documentTitle: string): Promise<CloseChoice>;
  /** Has the renderer save the roadmap to its file (the "file.save" command). */
  save(): void;
  /** Closes the window for real. */
  close(): void;
}

/**
 * Stands between the close button and a roadmap with changes not yet saved
 * to its file. The library keeps every change regardless; the prompt is about
 * the file the user opened or saved, which colleagues may be waiting for.
 * After "Save" the window closes once the renderer reports the file saved;
 * the renderer reports after every save attempt, so a save that was
 * cancelled or failed (still edited) ends the wait and the window stays open.
 */
export function createCloseGuard(actions: CloseGuardActions) {
  let document: DocumentState = { title: null, edited: false };
  let closeConfirmed = false;
  let closeAfterSave = false;
  let asking = false;

  const closeNow = () => {
    closeConfirmed = true;
    actions.close();
  };

  return {
    documentStateChanged(state: DocumentState): void {
      document = state;
      if (!closeAfterSave) return;
      closeAfterSave = false;
      if (!state.edited) closeNow();
    },

    /** The window's `close` event: let it through, or hold it and ask. */
    windowClosing(event: { preventDefault(): void }): void {
      if (closeConfirmed || !document.edited || document.title === null) return;
      event.preventDefault();
      if (asking) return;
      asking = true;
      void actions.ask(document.title).then((choice) => {
        asking = false;
        if (choice === "discard") closeNow();
        else if (choice === "save") {
          closeAfterSave = true;
          actions.save();
        } else closeAfterSave = false;
      });
    },
  };
}

export type CloseGuard = ReturnType<typeof createCloseGuard>;
