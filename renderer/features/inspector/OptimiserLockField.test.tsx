import { act, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { AppStoreProvider, useAppState } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { Inspector } from "./Inspector";

function LiveInspector() {
  const roadmap = useAppState((state) => state.document);
  return roadmap ? <Inspector roadmap={roadmap} /> : null;
}

describe("the optimiser's lock in the communication inspector", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("keeps a communication in or leaves it out for the optimiser, each one undo step, and forgets it once free", async () => {
    const app = await openTemplateInTestApp();
    const communication = app.document().communications.find((c) => c.status !== "retired");
    if (!communication) throw new Error("the template has communications");
    app.store.getState().select({ phaseIds: [communication.phaseId], transitionIds: [] });
    render(
      <AppStoreProvider store={app.store}>
        <LiveInspector />
      </AppStoreProvider>,
    );
    const item = screen.getByRole("listitem", { name: `Communication ${communication.name}` });
    const lock = within(item).getByRole("combobox", { name: "Optimiser" });
    expect(lock).toHaveValue("free");
    await app.user.selectOptions(lock, "Keep");
    expect(app.document().optimiser.communications[communication.id]?.lock).toBe("in");
    await app.user.selectOptions(lock, "Leave out");
    expect(app.document().optimiser.communications[communication.id]?.lock).toBe("out");
    expect(app.store.getState().past).toHaveLength(2);
    await app.user.selectOptions(lock, "Free");
    expect(app.document().optimiser.communications).toEqual({});
    act(() => app.store.getState().undo());
    expect(within(item).getByRole("combobox", { name: "Optimiser" })).toHaveValue("out");
  });
});
