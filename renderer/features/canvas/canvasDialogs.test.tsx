import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { copyPhases, DUPLICATE_OFFSET, type Roadmap } from "../../../shared/model";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { DeletePhasesDialog } from "./DeletePhasesDialog";
import { PastePhasesDialog } from "./PastePhasesDialog";

const openTemplate = openTemplateInTestApp;

const customersIn = (roadmap: Roadmap) =>
  roadmap.phases.reduce((sum, p) => sum + Object.values(p.initialCustomers).reduce((a, b) => a + b, 0), 0);

describe("the delete-phases dialog", () => {
  it("lists the transitions that go with the phases, and one undo brings back all it deleted", async () => {
    const { store, document, phaseId, user } = await openTemplate();
    const before = document();
    const ids = [phaseId("At risk"), phaseId("Lapsed")];
    render(
      <AppStoreProvider store={store}>
        <DeletePhasesDialog phaseIds={ids} transitionIds={[]} />
      </AppStoreProvider>,
    );
    const dialog = screen.getByRole("alertdialog", { name: "Delete 2 phases" });
    const list = within(dialog).getByRole("list", { name: "7 transitions go with “At risk”, “Lapsed”:" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "“First 90 days” → “At risk” 4% a month · Fewer than 30 % of seats active at day 60",
      "“Active single-product” → “At risk” 2% a month · Usage down more than 40 % or a support escalation",
      "“Multi-product” → “At risk” 1% a month · Champion leaves the customer",
      "“Renewal due” → “At risk” 7% a month · No renewal decision 30 days before contract end",
      "“At risk” → “Active single-product” 15% a month · Save plan agreed",
      "“At risk” → “Lapsed” 12% a month · Contract ends without renewal",
      "“Lapsed” → “Active single-product” 3% a month · Re-subscribes (win-back)",
    ]);
    expect(within(dialog).getByText(/have 3 communications/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(document().phases.map((p) => p.name)).not.toContain("At risk");
    expect(document().transitions).toHaveLength(before.transitions.length - 7);
    store.getState().undo();
    expect(document().phases).toEqual(before.phases);
    expect(document().transitions).toEqual(before.transitions);
    expect(document().communications).toEqual(before.communications);
  });

  it("offers no choice about communications when the phases have none", async () => {
    const { store, document, phaseId } = await openTemplate();
    const advocate = phaseId("Advocate");
    store.getState().edit((r) => ({ ...r, communications: r.communications.filter((c) => c.phaseId !== advocate) }));
    render(
      <AppStoreProvider store={store}>
        <DeletePhasesDialog phaseIds={[advocate]} transitionIds={[]} />
      </AppStoreProvider>,
    );
    const dialog = screen.getByRole("alertdialog", { name: "Delete phase" });
    const touching = document().transitions.filter((t) => t.from === advocate || t.to === advocate);
    expect(within(dialog).getAllByRole("listitem")).toHaveLength(touching.length);
    expect(within(dialog).queryByRole("radio")).toBeNull();
  });
});

describe("the paste-phases dialog", () => {
  async function renderPaste() {
    const app = await openTemplate();
    const clip = copyPhases(app.document(), [app.phaseId("Renewal due"), app.phaseId("At risk")]);
    if (!clip) throw new Error("nothing copied");
    render(
      <AppStoreProvider store={app.store}>
        <PastePhasesDialog clip={clip} offset={DUPLICATE_OFFSET} action="paste" />
      </AppStoreProvider>,
    );
    return { ...app, dialog: screen.getByRole("alertdialog", { name: "Paste 2 phases" }) };
  }

  it("says how many customers the phases hold and pastes them without those customers by default", async () => {
    const { dialog, document, user } = await renderPaste();
    const before = document();
    expect(dialog).toHaveTextContent(
      "These phases hold 686 customers at the plan’s start: “Renewal due” 415, “At risk” 271.",
    );
    expect(within(dialog).getByRole("radio", { name: /^Without starting customers/ })).toBeChecked();
    await user.click(within(dialog).getByRole("button", { name: "Paste" }));
    expect(document().phases).toHaveLength(before.phases.length + 2);
    expect(customersIn(document())).toBe(customersIn(before));
  });

  it("adds the customers when the user chooses so", async () => {
    const { dialog, document, user } = await renderPaste();
    const before = document();
    await user.click(
      within(dialog).getByRole("radio", { name: "With starting customers: adds 686 customers to the roadmap" }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Paste" }));
    expect(customersIn(document())).toBe(customersIn(before) + 686);
  });

  it("pastes nothing when cancelled", async () => {
    const { dialog, document, store, user } = await renderPaste();
    const before = document();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(document()).toBe(before);
    expect(store.getState().dialog).toBeNull();
  });
});
