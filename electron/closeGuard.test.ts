import { describe, expect, it, vi } from "vitest";
import { type CloseChoice, createCloseGuard } from "./closeGuard";

function setUp(choice: CloseChoice) {
  const actions = { ask: vi.fn(async () => choice), save: vi.fn(), close: vi.fn() };
  const guard = createCloseGuard(actions);
  const closing = () => {
    const event = { preventDefault: vi.fn() };
    guard.windowClosing(event);
    return event;
  };
  return { actions, guard, closing };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("closing a window", () => {
  it("closes at once when the roadmap's file is up to date", () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged({ title: "Acme", edited: false });
    expect(closing().preventDefault).not.toHaveBeenCalled();
    expect(actions.ask).not.toHaveBeenCalled();
  });

  it("asks about unsaved changes, and stays open on Cancel", async () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged({ title: "Acme", edited: true });
    expect(closing().preventDefault).toHaveBeenCalled();
    await settle();
    expect(actions.ask).toHaveBeenCalledWith("Acme");
    expect(actions.close).not.toHaveBeenCalled();
    expect(actions.save).not.toHaveBeenCalled();
  });

  it("closes without saving on Don't Save, and lets that close through", async () => {
    const { guard, closing, actions } = setUp("discard");
    guard.documentStateChanged({ title: "Acme", edited: true });
    closing();
    await settle();
    expect(actions.close).toHaveBeenCalledTimes(1);
    expect(closing().preventDefault).not.toHaveBeenCalled();
  });

  it("saves on Save and closes only once the file is saved", async () => {
    const { guard, closing, actions } = setUp("save");
    guard.documentStateChanged({ title: "Acme", edited: true });
    closing();
    await settle();
    expect(actions.save).toHaveBeenCalledTimes(1);
    expect(actions.close).not.toHaveBeenCalled();
    guard.documentStateChanged({ title: "Acme", edited: false });
    expect(actions.close).toHaveBeenCalledTimes(1);
  });

  it("stays open when that save is cancelled or fails, and a later save does not close it", async () => {
    const { guard, closing, actions } = setUp("save");
    guard.documentStateChanged({ title: "Acme", edited: true });
    closing();
    await settle();
    // The renderer reports after the save attempt: still edited, the file was not written.
    guard.documentStateChanged({ title: "Acme", edited: true });
    guard.documentStateChanged({ title: "Acme", edited: false });
    expect(actions.close).not.toHaveBeenCalled();
  });

  it("asks once while its question is open, however often close is pressed", async () => {
    const { guard, closing, actions } = setUp("cancel");
    guard.documentStateChanged({ title: "Acme", edited: true });
    closing();
    closing();
    await settle();
    expect(actions.ask).toHaveBeenCalledTimes(1);
  });
});
