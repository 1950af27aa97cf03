import { describe, expect, it, vi } from "vitest";
import { type CloseChoice, createCloseGuard } from "./closeGuard";

function setUp(choice: CloseChoice) {
  const actions = { ask: vi.fn(async () => choice), save: vi.fn(), close: vi.fn(), stayedOpen: vi.fn() };
  const guard = createCloseGuard(actions);
  const closing = () => {
    const event = { preventDefault: vi.fn() };
    guard.windowClosing(event);
    return event;
  };
  return { actions, guard, closing };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** What the renderer reports: after an edit or a rename, or (`afterSave`) as the outcome of a save. */
const state = (edited: boolean, afterSave = false, library: "saved" | "saving" | "failed" = "saved") => ({
  title: "Acme",
  edited,
  afterSave,
  library,
});

describe("closing a window", () => {
  it("closes at once when the roadmap's file is up to date", () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged(state(false));
    expect(closing().preventDefault).not.toHaveBeenCalled();
    expect(actions.ask).not.toHaveBeenCalled();
  });

  it("asks about unsaved changes, and stays open on Cancel", async () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged(state(true));
    expect(closing().preventDefault).toHaveBeenCalled();
    await settle();
    expect(actions.ask).toHaveBeenCalledWith("Acme");
    expect(actions.close).not.toHaveBeenCalled();
    expect(actions.save).not.toHaveBeenCalled();
    expect(actions.stayedOpen).toHaveBeenCalledTimes(1);
  });

  it("closes without saving on Don't Save, and lets that close through", async () => {
    const { guard, closing, actions } = setUp("discard");
    guard.documentStateChanged(state(true));
    closing();
    await settle();
    expect(actions.close).toHaveBeenCalledTimes(1);
    expect(closing().preventDefault).not.toHaveBeenCalled();
  });

  it("saves on Save and closes only once the file is saved", async () => {
    const { guard, closing, actions } = setUp("save");
    guard.documentStateChanged(state(true));
    closing();
    await settle();
    expect(actions.save).toHaveBeenCalledTimes(1);
    expect(actions.close).not.toHaveBeenCalled();
    // Up to date, but not yet the save's own report (the title bar updating as the file is written).
    guard.documentStateChanged(state(false));
    expect(actions.close).not.toHaveBeenCalled();
    guard.documentStateChanged(state(false, true));
    expect(actions.close).toHaveBeenCalledTimes(1);
  });

  it("keeps waiting for the save's outcome through other document states, such as another roadmap opening", async () => {
    const { guard, closing, actions } = setUp("save");
    guard.documentStateChanged(state(true));
    closing();
    await settle();
    guard.documentStateChanged({ title: "Other roadmap", edited: false, afterSave: false, library: "saved" as const });
    expect(actions.close).not.toHaveBeenCalled();
    guard.documentStateChanged({ title: "Other roadmap", edited: false, afterSave: true, library: "saved" as const });
    expect(actions.close).toHaveBeenCalledTimes(1);
  });

  it("stays open when that save is cancelled or fails, and a later save does not close it", async () => {
    const { guard, closing, actions } = setUp("save");
    guard.documentStateChanged(state(true));
    closing();
    await settle();
    // The save's outcome: still edited, the file was not written.
    guard.documentStateChanged(state(true, true));
    expect(actions.stayedOpen).toHaveBeenCalledTimes(1);
    guard.documentStateChanged(state(false, true));
    expect(actions.close).not.toHaveBeenCalled();
  });

  it("asks once while its question is open, however often close is pressed", async () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged(state(true));
    closing();
    closing();
    await settle();
    expect(actions.ask).toHaveBeenCalledTimes(1);
  });

  it("holds a close while the library is being written, and closes once the write is done", async () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged(state(false, false, "saving"));
    expect(closing().preventDefault).toHaveBeenCalled();
    expect(actions.close).not.toHaveBeenCalled();
    guard.documentStateChanged(state(false, false, "saved"));
    expect(actions.close).toHaveBeenCalledTimes(1);
    expect(actions.ask).not.toHaveBeenCalled();
  });

  it("asks when the library refused the changes, even with the file up to date, and offers to save a file", async () => {
    const { guard, closing, actions } = setUp("save");
    guard.documentStateChanged(state(false, false, "saving"));
    closing();
    guard.documentStateChanged(state(false, false, "failed"));
    await settle();
    expect(actions.ask).toHaveBeenCalledWith("Acme");
    expect(actions.save).toHaveBeenCalledTimes(1);
    expect(actions.close).not.toHaveBeenCalled();
  });
});
