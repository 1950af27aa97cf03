import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { runCommand } from "../../app/commands";
import { PreferencesDialog } from "../../app/PreferencesDialog";
import { createMemoryPreferencesStorage } from "../../data/preferencesStorage";
import { createTestApp } from "../../test/fakes";
import { deleteSelection, moveDraggedPhases } from "../canvas/canvasActions";
import { CommunicationNotes } from "./NoteBadge";
import { NotesPanel } from "./NotesPanel";
import { revealNote } from "./noteActions";

const NOW = new Date("2027-03-01T10:00:00Z");

async function openTemplate(authorName = "Ana") {
  const app = createTestApp(() => NOW, { preferences: createMemoryPreferencesStorage({ authorName }) });
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Plan", client: "", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  return app;
}

type App = Awaited<ReturnType<typeof openTemplate>>;
const state = (app: App) => app.store.getState();
const notes = (app: App) => state(app).document?.stickyNotes ?? [];
const phaseNamed = (app: App, name: string) => {
  const phase = state(app).document?.phases.find((p) => p.name === name);
  if (!phase) throw new Error(`no phase ${name}`);
  return phase;
};

describe("adding notes", () => {
  it("N adds a note on the selected phase, signed and stamped, as one undo step, and opens it for typing", async () => {
    const app = await openTemplate();
    const trial = phaseNamed(app, "Trial");
    state(app).select({ phaseIds: [trial.id], transitionIds: [] });
    const steps = state(app).past.length;
    runCommand("notes.add", state(app));
    expect(notes(app)).toEqual([
      expect.objectContaining({
        author: "Ana",
        createdAt: NOW.toISOString(),
        status: "open",
        anchor: { kind: "phase", phaseId: trial.id },
      }),
    ]);
    expect(state(app).past.length).toBe(steps + 1);
    expect(state(app).editingNoteId).toBe(notes(app)[0]?.id);
    expect(state(app).openNotesOf).toBe(trial.id);
    state(app).undo();
    expect(notes(app)).toEqual([]);
  });

  it("puts the note on the spot pointed at, on the canvas, even with a phase selected", async () => {
    const app = await openTemplate();
    state(app).select({ phaseIds: [phaseNamed(app, "Trial").id], transitionIds: [] });
    runCommand("notes.add", state(app), { at: { x: 120, y: 80 } });
    expect(notes(app)[0]?.anchor).toEqual({ kind: "canvas", position: { x: 120, y: 80 } });
    expect(state(app).selectedNoteId).toBe(notes(app)[0]?.id);
  });

  it("asks for the author name before the first note, then adds the note signed with it", async () => {
    const app = await openTemplate("");
    const trial = phaseNamed(app, "Trial");
    state(app).addNoteTo({ kind: "phase", phaseId: trial.id });
    expect(notes(app)).toEqual([]);
    const dialog = state(app).dialog;
    expect(dialog).toEqual({ kind: "preferences", firstNote: { kind: "phase", phaseId: trial.id } });
    render(
      <AppStoreProvider store={app.store}>
        <PreferencesDialog firstNote={{ kind: "phase", phaseId: trial.id }} onClose={() => state(app).closeDialog()} />
      </AppStoreProvider>,
    );
    const ask = screen.getByRole("dialog", { name: "Who is writing this note?" });
    fireEvent.click(within(ask).getByRole("button", { name: "Add note" }));
    expect(within(ask).getByText("Type the name your notes are signed with.")).toBeInTheDocument();
    expect(notes(app)).toEqual([]);
    fireEvent.change(within(ask).getByRole("textbox", { name: /Your name/ }), { target: { value: " Bo Lind " } });
    fireEvent.click(within(ask).getByRole("button", { name: "Add note" }));
    expect(state(app).preferences.authorName).toBe("Bo Lind");
    expect(notes(app).map((n) => n.author)).toEqual(["Bo Lind"]);
    expect(state(app).dialog).toBeNull();
  });
});

describe("a communication's notes in its inspector row", () => {
  it("offers Add note, then a badge counting the open notes that opens them for typing", async () => {
    const app = await openTemplate();
    const communication = state(app).document?.communications[0];
    if (!communication) throw new Error("the template has communications");
    render(
      <AppStoreProvider store={app.store}>
        <CommunicationNotes communicationId={communication.id} />
      </AppStoreProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(notes(app)[0]?.anchor).toEqual({ kind: "communication", communicationId: communication.id });
    const list = screen.getByRole("region", { name: "Notes" });
    fireEvent.change(within(list).getByRole("textbox", { name: "Note text" }), {
      target: { value: "Is this still sent by post?" },
    });
    fireEvent.keyDown(within(list).getByRole("textbox", { name: "Note text" }), { key: "Enter", ctrlKey: true });
    expect(notes(app)[0]?.text).toBe("Is this still sent by post?");
    fireEvent.click(screen.getByRole("button", { name: "1 open note" }));
    expect(screen.queryByRole("region", { name: "Notes" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "1 open note" }));
    fireEvent.click(within(screen.getByRole("region", { name: "Notes" })).getByRole("button", { name: "Resolve" }));
    expect(notes(app)[0]?.status).toBe("resolved");
    expect(screen.getByRole("button", { name: "0 open notes" })).toBeInTheDocument();
  });
});

describe("changing notes", () => {
  it("resolves, reopens, moves with the phases dragged alongside, and deletes with Delete, each one undo step", async () => {
    const app = await openTemplate();
    runCommand("notes.add", state(app), { at: { x: 0, y: 0 } });
    const id = notes(app)[0]?.id as string;
    state(app).setNoteText(id, "Who owns renewals?");
    state(app).setNoteStatus(id, "resolved");
    expect(notes(app)[0]).toMatchObject({
      text: "Who owns renewals?",
      status: "resolved",
      resolvedAt: NOW.toISOString(),
    });
    state(app).undo();
    expect(notes(app)[0]).toMatchObject({ status: "open", resolvedAt: null });

    const trial = phaseNamed(app, "Trial");
    const steps = state(app).past.length;
    moveDraggedPhases(state(app), new Map([[trial.id, { x: 1000, y: 1000 }]]), new Map([[id, { x: 40, y: 60 }]]));
    expect(state(app).past.length).toBe(steps + 1);
    expect(notes(app)[0]?.anchor).toEqual({ kind: "canvas", position: { x: 40, y: 60 } });
    expect(phaseNamed(app, "Trial").position).toEqual({ x: 1000, y: 1000 });

    state(app).select({ phaseIds: [], transitionIds: [] });
    state(app).selectNote(id);
    deleteSelection(state(app));
    expect(notes(app)).toEqual([]);
  });
});

describe("the Notes panel", () => {
  it("lists open notes with what they are on, hides resolved ones behind a switch, and jumps to a communication's note", async () => {
    const app = await openTemplate();
    const communication = state(app).document?.communications[0];
    if (!communication) throw new Error("the template has communications");
    state(app).addNoteTo({ kind: "communication", communicationId: communication.id });
    state(app).setNoteText(notes(app)[0]?.id as string, "Is this mail still sent?");
    state(app).addNoteTo({ kind: "canvas", position: { x: 0, y: 0 } });
    state(app).setNoteText(notes(app)[1]?.id as string, "Settled already");
    state(app).setNoteStatus(notes(app)[1]?.id as string, "resolved");
    state(app).showView("plan");

    const { rerender } = render(
      <AppStoreProvider store={app.store}>
        <NotesPanel roadmap={state(app).document ?? never()} />
      </AppStoreProvider>,
    );
    const panel = screen.getByRole("complementary", { name: "Notes panel" });
    expect(
      within(panel)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining(`Communication “${communication.name}”`)]);
    fireEvent.click(within(panel).getByRole("checkbox", { name: "Show resolved (1)" }));
    rerender(
      <AppStoreProvider store={app.store}>
        <NotesPanel roadmap={state(app).document ?? never()} />
      </AppStoreProvider>,
    );
    expect(within(panel).getAllByRole("listitem")).toHaveLength(2);
    expect(within(panel).getByText("Resolved")).toBeInTheDocument();

    fireEvent.click(within(panel).getByRole("button", { name: /Is this mail still sent\?/ }));
    expect(state(app).view).toBe("canvas");
    expect(state(app).selectedCommunicationId).toBe(communication.id);
    expect(state(app).selection.phaseIds).toEqual([communication.phaseId]);
    expect(state(app).openNotesOf).toBe(communication.id);
    expect(state(app).noteToReveal).toBe(notes(app)[0]?.id);
  });

  it("shows a resolved canvas note on the canvas when jumped to", async () => {
    const app = await openTemplate();
    state(app).addNoteTo({ kind: "canvas", position: { x: 0, y: 0 } });
    const id = notes(app)[0]?.id as string;
    state(app).setNoteStatus(id, "resolved");
    revealNote(state(app), id);
    expect(state(app).showResolvedNotes).toBe(true);
    expect(state(app).selectedNoteId).toBe(id);
  });
});

function never(): never {
  throw new Error("no document");
}
