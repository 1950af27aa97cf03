import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Roadmap } from "../../../shared/model";
import { err } from "../../../shared/result";
import { runCommand } from "../../app/commands";
import { renderApp } from "../../test/renderApp";

/** A comparison that fails as a worker crash or an engine bug would, while `message` is set. */
const failing = vi.hoisted(() => ({ message: null as string | null }));
vi.mock("./compareRoadmaps", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./compareRoadmaps")>();
  return {
    ...actual,
    compareRoadmapsSafely: (request: Parameters<typeof actual.compareRoadmapsSafely>[0]) =>
      failing.message === null ? actual.compareRoadmapsSafely(request) : Promise.resolve(err(failing.message)),
  };
});
afterEach(() => {
  failing.message = null;
});

// Each test renders the whole app and opens a roadmap: about a second alone, several on a busy machine.
const APP_TEST = { timeout: 30_000 };

/** The app on the template, with a clock that moves a minute each time it is read, so versions sort by time. */
async function editorOnTemplate() {
  let minute = 0;
  const user = userEvent.setup();
  const app = await renderApp(() => new Date(Date.UTC(2026, 11, 7, 14, minute++)));
  await act(async () => {
    const state = app.store.getState();
    const id = await state.createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
    await state.openRoadmap(id);
    state.setPreference("authorName", "Ana Consultant");
  });
  const document = () => app.store.getState().document as Roadmap;
  const rename = (from: string, to: string) =>
    act(() =>
      app.store.getState().edit((roadmap) => ({
        ...roadmap,
        phases: roadmap.phases.map((phase) => (phase.name === from ? { ...phase, name: to } : phase)),
      })),
    );
  const saveVersion = (name: string, note = "") => act(() => app.store.getState().saveVersion({ name, note }));
  const openPanel = async () => {
    act(() => runCommand("view.versions", app.store.getState()));
    return screen.findByRole("complementary", { name: "Versions panel" });
  };
  return { ...app, user, document, rename, saveVersion, openPanel };
}

const phaseNames = (roadmap: Roadmap) => roadmap.phases.map((phase) => phase.name);

describe("the Save version dialog", APP_TEST, () => {
  it("proposes a name from the date, keeps the name and note typed on Enter, and confirms", async () => {
    const { store, user } = await editorOnTemplate();
    act(() => runCommand("version.save", store.getState()));
    const dialog = await screen.findByRole("dialog", { name: "Save version" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    expect((name as HTMLInputElement).value).toMatch(/^Version of /);

    await user.type(within(dialog).getByRole("textbox", { name: "Note" }), "Budget before the cuts");
    await user.clear(name);
    await user.type(name, "Board 12th{Enter}");

    expect(await screen.findByText("Saved the version “Board 12th”.")).toBeInTheDocument();
    expect(dialog).not.toBeInTheDocument();
    await waitFor(() => expect(store.getState().versions.map((v) => v.name)).toEqual(["Board 12th"]));
    expect(store.getState().versions[0]).toMatchObject({
      note: "Budget before the cuts",
      kind: "named",
      author: "Ana Consultant",
    });
  });

  it("refuses an empty name, saying why, and saves nothing", async () => {
    const { store, user } = await editorOnTemplate();
    act(() => runCommand("version.save", store.getState()));
    const dialog = await screen.findByRole("dialog", { name: "Save version" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await user.clear(name);
    await user.type(name, "   {Enter}");

    expect(within(dialog).getByRole("alert")).toHaveTextContent("Give the version a name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    await act(() => store.getState().refreshVersions());
    expect(store.getState().versions).toEqual([]);
  });
});

describe("the Versions panel", APP_TEST, () => {
  it("lists the versions newest first, with kind, author, note and size", async () => {
    const { saveVersion, rename, openPanel } = await editorOnTemplate();
    await saveVersion("Kick-off", "First draft");
    await rename("Trial", "Free trial");
    await saveVersion("Board 12th", "Shown to the board");

    const panel = await openPanel();
    const items = await within(panel).findAllByRole("listitem", { name: /^Version / });
    // The day's first edit kept the state before it as the daily version.
    expect(items.map((item) => item.getAttribute("aria-label"))).toEqual([
      "Version Board 12th",
      "Version Start of the day",
      "Version Kick-off",
    ]);
    expect(items[1]).toHaveTextContent("Daily");
    const board = items[0] as HTMLElement;
    expect(board).toHaveTextContent("Named");
    expect(board).toHaveTextContent("Ana Consultant");
    expect(board).toHaveTextContent("Shown to the board");
    expect(board).toHaveTextContent(/\d+ KB/);
    expect(within(board).getByRole("time")).toHaveAttribute("datetime", expect.stringMatching(/^2026-12-07T14:/));
  });

  it("compares a version with the current state: the totals' movement and each change's old and new value", async () => {
    const { user, saveVersion, rename, openPanel } = await editorOnTemplate();
    await saveVersion("Board 12th");
    await rename("Trial", "Free trial");

    const panel = await openPanel();
    const compare = within(panel).getByRole("button", { name: /^Compare/ });
    expect(compare).toBeDisabled();
    await user.click(await within(panel).findByRole("checkbox", { name: "Tick “Board 12th” to compare" }));
    expect(compare).toBeDisabled();
    await user.click(within(panel).getByRole("checkbox", { name: "Current state" }));
    await user.click(compare);

    const dialog = await screen.findByRole("dialog", { name: "Compare “Board 12th” with the current state" });
    const totals = await within(dialog).findByRole("region", { name: "How the totals moved" });
    for (const total of ["Budget", "Expected value", "ROI", "Customers kept", "Collisions"]) {
      expect(within(totals).getByRole("row", { name: new RegExp(`^${total}`) })).toBeInTheDocument();
    }
    // Only a name changed: no total moves.
    expect(within(totals).getByRole("row", { name: /^Budget/ })).toHaveTextContent("No change");
    const changes = within(dialog).getByRole("region", { name: "What changed" });
    expect(changes).toHaveTextContent("1 difference: 0 added, 0 removed, 1 changed.");
    expect(changes).toHaveTextContent("Trial");
    expect(changes).toHaveTextContent("Free trial");
  });

  it("says why a comparison could not be made", async () => {
    const { store, user, saveVersion, openPanel } = await editorOnTemplate();
    await saveVersion("Board 12th");
    failing.message = "the engine ran out of memory";
    const panel = await openPanel();
    await user.click(await within(panel).findByRole("checkbox", { name: "Tick “Board 12th” to compare" }));
    await user.click(within(panel).getByRole("checkbox", { name: "Current state" }));
    await user.click(within(panel).getByRole("button", { name: /^Compare/ }));

    const dialog = await screen.findByRole("dialog", { name: /^Compare/ });
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "The two could not be compared: the engine ran out of memory",
    );
    expect(phaseNames(store.getState().document as Roadmap)).toContain("Trial");
  });

  it("restores a version after asking, as one undo step", async () => {
    const { store, user, document, saveVersion, rename, openPanel } = await editorOnTemplate();
    await saveVersion("Board 12th");
    await rename("Trial", "Free trial");
    const panel = await openPanel();
    const board = await within(panel).findByRole("listitem", { name: "Version Board 12th" });

    await user.click(within(board).getByRole("button", { name: "Restore…" }));
    const confirm = screen.getByRole("alertdialog", { name: "Restore “Board 12th”?" });
    expect(confirm).toHaveTextContent("Its current state is kept as a version first");
    await user.click(within(confirm).getByRole("button", { name: "Restore" }));

    await waitFor(() => expect(phaseNames(document())).toContain("Trial"));
    expect(await screen.findByText(/Restored “Board 12th”/)).toBeInTheDocument();
    expect(await within(panel).findByText("Before restore")).toBeInTheDocument();
    act(() => store.getState().undo());
    expect(phaseNames(document())).toContain("Free trial");
  });

  it("tells the user when a version is no longer in the library", async () => {
    const { store, repository, saveVersion, openPanel, user } = await editorOnTemplate();
    await saveVersion("Board 12th");
    const panel = await openPanel();
    const board = await within(panel).findByRole("listitem", { name: "Version Board 12th" });
    await act(() => repository.deleteVersions(store.getState().versions.map((v) => v.id)));

    await user.click(within(board).getByRole("button", { name: "Open read only" }));
    expect(await screen.findByText("That version is no longer in the library.")).toBeInTheDocument();
    expect(store.getState().readOnlyVersion).toBeNull();
  });
});

describe("a version open read only", APP_TEST, () => {
  it("is shown with a banner, refuses every edit (saying so once), and Back returns to the roadmap", async () => {
    const { store, user, document, saveVersion, rename, openPanel } = await editorOnTemplate();
    await saveVersion("Board 12th");
    await rename("Trial", "Free trial");
    const edited = document();
    const panel = await openPanel();
    const board = await within(panel).findByRole("listitem", { name: "Version Board 12th" });

    await user.click(within(board).getByRole("button", { name: "Open read only" }));
    const banner = (await screen.findByText(/Viewing version “Board 12th”/)).closest(
      ".read-only-banner",
    ) as HTMLElement;
    expect(banner).toHaveTextContent(/Viewing version “Board 12th” of (7 Dec|Dec 7).*read only/);
    await user.click(screen.getByRole("tab", { name: "Outline" }));
    expect(await screen.findByRole("article", { name: "Phase Trial" })).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: "Phase Free trial" })).not.toBeInTheDocument();

    act(() => {
      store.getState().edit((roadmap) => ({ ...roadmap, name: "Changed" }));
      store.getState().edit((roadmap) => ({ ...roadmap, name: "Changed again" }));
      store.getState().undo();
    });
    expect(document()).toBe(edited);
    expect(screen.getAllByText(/“Board 12th” is open read only/)).toHaveLength(1);

    await user.click(within(banner).getByRole("button", { name: "Back to the roadmap" }));
    expect(await screen.findByRole("article", { name: "Phase Free trial" })).toBeInTheDocument();
    expect(screen.queryByText(/Viewing version/)).not.toBeInTheDocument();
    act(() => store.getState().edit((roadmap) => ({ ...roadmap, name: "Changed" })));
    expect(document().name).toBe("Changed");
  });

  it("disables the inspector's fields", async () => {
    const { store, saveVersion } = await editorOnTemplate();
    await saveVersion("Board 12th");
    await act(() => store.getState().refreshVersions());
    const [version] = store.getState().versions;
    await act(() => store.getState().openVersionReadOnly(version?.id ?? ""));
    act(() => {
      const trial = store.getState().readOnlyVersion?.roadmap.phases.find((phase) => phase.name === "Trial");
      store.getState().select({ phaseIds: [trial?.id ?? ""], transitionIds: [] });
    });
    const inspector = screen.getByRole("complementary", { name: "Inspector" });
    const fields = await within(inspector).findAllByRole("textbox");
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).toBeDisabled();
  });
});
