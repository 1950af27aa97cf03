import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { DiagnosticsPanel } from "../plan/DiagnosticsPanel";
import { CaptureTableDialog } from "./CaptureTable";
import { Inspector } from "./Inspector";

const openTemplate = openTemplateInTestApp;

async function renderCaptureTable(phase: string) {
  const app = await openTemplate();
  const id = app.phaseId(phase);
  render(
    <AppStoreProvider store={app.store}>
      <CaptureTableDialog phaseId={id} />
    </AppStoreProvider>,
  );
  const dialog = screen.getByRole("dialog", { name: `Capture communications — ${phase}` });
  const onPhase = () => app.document().communications.filter((c) => c.phaseId === id);
  return { ...app, dialog, onPhase };
}

const paste = (target: HTMLElement, text: string) =>
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") } });

describe("the capture table", () => {
  it("adds the last row on Enter, then starts a new one with the owner and channel just used", async () => {
    const { dialog, onPhase, user, store } = await renderCaptureTable("Lapsed");
    const before = onPhase().length;
    const name = within(dialog).getByRole("textbox", { name: "New communication: Name" });
    expect(name).toHaveFocus();
    await user.type(name, "Come-back offer");
    await user.tab();
    await user.clear(within(dialog).getByRole("combobox", { name: "New communication: Owner" }));
    await user.type(within(dialog).getByRole("combobox", { name: "New communication: Owner" }), "reseller partners");
    await user.tab();
    await user.clear(within(dialog).getByRole("combobox", { name: "New communication: Channel" }));
    await user.keyboard("customer event");
    await user.tab();
    await user.clear(within(dialog).getByRole("combobox", { name: "New communication: Timing" }));
    await user.keyboard("once in month 3{Enter}");

    expect(onPhase()).toHaveLength(before + 1);
    expect(onPhase().at(-1)).toMatchObject({
      name: "Come-back offer",
      ownerId: "owner-resellers",
      channelId: "event",
      timing: { kind: "oneOff", month: 2 },
    });
    expect(within(dialog).getByRole("textbox", { name: "New communication: Name" })).toHaveFocus();
    expect(within(dialog).getByRole("textbox", { name: "New communication: Name" })).toHaveValue("");
    expect(within(dialog).getByRole("combobox", { name: "New communication: Owner" })).toHaveValue("Reseller partners");
    expect(within(dialog).getByRole("combobox", { name: "New communication: Channel" })).toHaveValue("Customer event");
    store.getState().undo();
    expect(onPhase()).toHaveLength(before);
  });

  it("keeps a row it cannot read and says which cell is wrong", async () => {
    const { dialog, onPhase, user } = await renderCaptureTable("Lapsed");
    const before = onPhase().length;
    await user.type(within(dialog).getByRole("textbox", { name: "New communication: Name" }), "Nudge");
    await user.clear(within(dialog).getByRole("combobox", { name: "New communication: Timing" }));
    await user.type(within(dialog).getByRole("combobox", { name: "New communication: Timing" }), "fortnightly{Enter}");
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      'Row 3, column Timing: Timing “fortnightly” is not understood: write "on entry", "on entry +2", "every 3 months" or "once in month 5".',
    );
    expect(onPhase()).toHaveLength(before);
    expect(within(dialog).getByRole("textbox", { name: "New communication: Name" })).toHaveValue("Nudge");
  });

  it("changes an existing communication from its row, and refuses an owner the roadmap does not have", async () => {
    const { dialog, onPhase, user } = await renderCaptureTable("Lapsed");
    const first = onPhase()[0];
    if (!first) throw new Error("Lapsed has no communication");
    const owner = within(dialog).getByRole("combobox", { name: `${first.name}: Owner` });
    await user.clear(owner);
    await user.type(owner, "Nobody{Enter}");
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "Row 1, column Owner: there is no owner named “Nobody” on this roadmap.",
    );
    expect(owner).toHaveAttribute("aria-invalid", "true");
    expect(onPhase()[0]?.ownerId).toBe(first.ownerId);

    await user.clear(owner);
    await user.type(owner, "MARKETING{Enter}");
    expect(onPhase()[0]?.ownerId).toBe("owner-marketing");
  });

  it("pastes spreadsheet rows as one undo step, and refuses a paste with a bad row whole", async () => {
    const { dialog, onPhase, store } = await renderCaptureTable("Lapsed");
    const before = onPhase().length;
    const name = within(dialog).getByRole("textbox", { name: "New communication: Name" });
    paste(name, "Reactivation email\tMarketing\tEmail\ton entry\nReactivation call\tNo one\tEmail\ton entry");
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "Nothing was pasted:Row 2, column Owner: there is no owner named “No one”",
    );
    expect(onPhase()).toHaveLength(before);

    paste(
      name,
      "Name\tOwner\tChannel\tTiming\nA\tMarketing\tEmail\ton entry\nB\t\t\tevery month\nC\tmarketing\temail\t",
    );
    expect(onPhase().map((c) => c.name)).toEqual([
      ...onPhase()
        .slice(0, before)
        .map((c) => c.name),
      "A",
      "B",
      "C",
    ]);
    expect(within(dialog).queryByRole("alert")).toBeNull();
    expect(within(dialog).getByRole("status")).toHaveTextContent("Pasted 3 rows.");
    store.getState().undo();
    expect(onPhase()).toHaveLength(before);
  });

  it("lets a single value pasted into a cell be typed there", async () => {
    const { dialog, onPhase } = await renderCaptureTable("Lapsed");
    const before = onPhase().length;
    const name = within(dialog).getByRole("textbox", { name: "New communication: Name" });
    const event = paste(name, "Welcome back");
    expect(event).toBe(true);
    expect(onPhase()).toHaveLength(before);
  });
});

describe("the inspector's edge", () => {
  it("widens and narrows the inspector by keyboard within its limits, and keeps the width", async () => {
    const { store, document, user } = await openTemplate();
    render(
      <AppStoreProvider store={store}>
        <Inspector roadmap={document()} />
      </AppStoreProvider>,
    );
    const edge = screen.getByRole("separator", { name: "Inspector width" });
    expect(edge).toHaveAttribute("aria-valuenow", "340");
    edge.focus();
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(edge).toHaveAttribute("aria-valuenow", "380");
    expect(screen.getByRole("complementary", { name: "Inspector" })).toHaveStyle({ width: "380px" });
    await user.keyboard("{Home}{ArrowRight}");
    expect(edge).toHaveAttribute("aria-valuenow", "280");
    expect(store.getState().preferences.inspectorWidth).toBe(280);
  });
});

describe("the diagnostics panel", () => {
  it("folds down to its counts, and opens again", async () => {
    const { store, document, user } = await openTemplate();
    store.setState({
      plan: {
        ...(store.getState().plan as NonNullable<ReturnType<typeof store.getState>["plan"]>),
        diagnostics: [
          {
            kind: "outflowOverLimit",
            severity: "error",
            phaseId: document().phases[0]?.id ?? "",
            segmentId: "x",
            outflow: 1.2,
          },
          { kind: "unreachablePhase", severity: "warning", phaseId: document().phases[1]?.id ?? "" },
          { kind: "unreachablePhase", severity: "warning", phaseId: document().phases[2]?.id ?? "" },
        ],
      },
    });
    render(
      <AppStoreProvider store={store}>
        <DiagnosticsPanel roadmap={document()} />
      </AppStoreProvider>,
    );
    const toggle = screen.getByRole("button", { name: "Diagnostics 1 error, 2 warnings" });
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryAllByRole("listitem")).toHaveLength(0);
    expect(store.getState().preferences.diagnosticsCollapsed).toBe(true);
    await user.click(toggle);
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
  });
});
