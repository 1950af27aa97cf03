import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "../test/renderApp";

/** The Budget view, with a bug switched on or off by the test. */
const fault = vi.hoisted(() => ({ on: false }));
vi.mock("../features/plan/BudgetView", async (importOriginal) => {
  const original = await importOriginal<typeof import("../features/plan/BudgetView")>();
  return {
    ...original,
    BudgetView: (props: Parameters<typeof original.BudgetView>[0]) => {
      if (fault.on) throw new Error("budget rows out of step with the plan");
      return original.BudgetView(props);
    },
  };
});

afterEach(() => {
  fault.on = false;
  vi.restoreAllMocks();
});

async function openTemplateRoadmap() {
  const user = userEvent.setup();
  const app = await renderApp();
  await user.click(screen.getByRole("button", { name: "Start from “B2B subscription software”" }));
  await waitFor(() => expect(app.store.getState().screen.kind).toBe("editor"));
  await app.store.getState().flushAutosave();
  return { user, ...app };
}

describe("a view that crashes in the app", () => {
  it("shows its crash panel, leaves the document, library and other views alone, and comes back on Reload view", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { user, store, repository } = await openTemplateRoadmap();
    const document = store.getState().document;
    const id = document?.id ?? "";
    const storedBefore = await repository.loadRoadmap(id);

    fault.on = true;
    await user.click(screen.getByRole("tab", { name: "Budget" }));
    const panel = await screen.findByRole("alert", { name: "Budget stopped working" });
    expect(panel).toHaveTextContent("budget rows out of step with the plan");

    // The store was not reset, the library's copy is as it was, and the inspector beside it still works.
    expect(store.getState().document).toBe(document);
    expect(await repository.loadRoadmap(id)).toEqual(storedBefore);
    expect(screen.getByRole("complementary", { name: /Inspector|Roadmap/ })).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Outline" }));
    expect(await screen.findByRole("article", { name: "Phase Trial" })).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Budget" }));
    fault.on = false;
    await user.click(
      within(screen.getByRole("alert", { name: "Budget stopped working" })).getByRole("button", {
        name: "Reload view",
      }),
    );
    expect(await screen.findByTestId("budget-total")).toBeInTheDocument();
    expect(store.getState().document).toBe(document);
    // The whole editor renders several times over: on a busy two-core machine that takes seconds.
  }, 30_000);

  it("shows an error nobody caught — a throw in a handler, a promise left unawaited — as a message", async () => {
    const { store } = await renderApp();
    act(() => {
      window.dispatchEvent(new ErrorEvent("error", { error: new Error("menu handler failed"), message: "x" }));
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong: menu handler failed.");

    const rejection = Object.assign(new Event("unhandledrejection"), { reason: new Error("export worker gone") });
    act(() => {
      window.dispatchEvent(rejection);
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong: export worker gone.");
    expect(store.getState().notices.map((n) => n.tone)).toEqual(["error"]);
  });

  it("in a browser, holds a reload or close while a change is not yet in the library, and writes it", async () => {
    const { store, repository } = await openTemplateRoadmap();
    const leave = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);

    act(() => store.getState().edit((r) => ({ ...r, name: "Edited just before reload" })));
    expect(leave()).toBe(true);
    await waitFor(() => expect(store.getState().saveStatus).toBe("saved"));
    const stored = await repository.loadRoadmap(store.getState().document?.id ?? "");
    expect(stored.ok && stored.value.roadmap.name).toBe("Edited just before reload");
    expect(leave()).toBe(false);
  }, 30_000);
});
