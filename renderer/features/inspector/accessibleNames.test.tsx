import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  COMMUNICATION_STATUSES,
  OWNER_KIND_LABELS,
  OWNER_KINDS,
  PARTNER_TYPE_LABELS,
  PARTNER_TYPES,
  PERSONALISATION_LABELS,
  PERSONALISATION_LEVELS,
  PURPOSE_LABELS,
  PURPOSES,
  type Roadmap,
  STATUS_LABELS,
  updateCommunication,
} from "../../../shared/model";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { AudiencesView } from "../audiences/AudiencesView";
import { PlanTableView } from "../plan/PlanTableView";
import { Inspector } from "./Inspector";

/** The document's own words for its fixed choices, where they differ from how people say them. */
const RAW_IDS = new Set(
  [
    [PURPOSES, PURPOSE_LABELS],
    [COMMUNICATION_STATUSES, STATUS_LABELS],
    [PERSONALISATION_LEVELS, PERSONALISATION_LABELS],
    [OWNER_KINDS, OWNER_KIND_LABELS],
    [CHANNEL_KINDS, CHANNEL_KIND_LABELS],
    [PARTNER_TYPES, PARTNER_TYPE_LABELS],
  ].flatMap(([ids, labels]) =>
    (ids as readonly string[]).filter((id) => (labels as Record<string, string>)[id] !== id),
  ),
);

const ROLE_OF: Record<string, string> = {
  checkbox: "checkbox",
  radio: "radio",
  textarea: "textbox",
  select: "combobox",
};

/** Every control in `container` is named by the text of its own label, which is on screen. */
function expectEveryControlNamedByItsVisibleLabel(container: HTMLElement) {
  const controls = [...container.querySelectorAll<HTMLInputElement>("input, select, textarea")];
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    // A colour swatch shows its colour, not words; its label says whose colour it is.
    if (control.type === "color") continue;
    const [label] = control.labels ?? [];
    const text = label?.textContent?.trim();
    expect(text, `${control.outerHTML} has no label`).toBeTruthy();
    expect(label?.closest(".visually-hidden"), `the label “${text}” is hidden`).toBeNull();
    const role =
      ROLE_OF[control.tagName.toLowerCase()] ??
      ROLE_OF[control.type] ??
      (control.tagName === "SELECT" ? "combobox" : "textbox");
    expect(within(container).getAllByRole(role, { name: text })).toContain(control);
    expect(within(container).getAllByLabelText(text ?? "")).toContain(control);
  }
}

function expectNoRawIds(container: HTMLElement) {
  const shown = [...container.querySelectorAll("option, td, th, label, legend, span")].map((element) =>
    element.textContent?.trim(),
  );
  expect(shown.filter((text) => text !== undefined && RAW_IDS.has(text))).toEqual([]);
}

async function openTemplate() {
  const app = createTestApp();
  const id = await app.store
    .getState()
    .createRoadmap({ name: "", client: "", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  const roadmap = app.store.getState().document as Roadmap;
  return { ...app, roadmap };
}

describe("every input is found by its visible label, and every choice is a word", () => {
  it("in a phase's inspector, with every field of its communications", async () => {
    const { store, roadmap } = await openTemplate();
    const phase = roadmap.phases.find((p) => roadmap.communications.some((c) => c.phaseId === p.id));
    if (!phase) throw new Error("no phase with communications");
    store.getState().select({ phaseIds: [phase.id], transitionIds: [] });
    const { container } = render(
      <AppStoreProvider store={store}>
        <Inspector roadmap={roadmap} />
      </AppStoreProvider>,
    );
    expect(screen.getByRole("textbox", { name: "New communication" })).toBeInTheDocument();
    expectEveryControlNamedByItsVisibleLabel(container);
    expectNoRawIds(container);
  });

  it("in a transition's inspector and in the roadmap's settings", async () => {
    const { store, roadmap } = await openTemplate();
    store.getState().select({ phaseIds: [], transitionIds: [roadmap.transitions[0]?.id ?? ""] });
    const transition = render(
      <AppStoreProvider store={store}>
        <Inspector roadmap={roadmap} />
      </AppStoreProvider>,
    );
    expect(screen.getByRole("textbox", { name: "Monthly rate" })).toBeInTheDocument();
    expectEveryControlNamedByItsVisibleLabel(transition.container);
    transition.unmount();

    store.getState().select({ phaseIds: [], transitionIds: [] });
    const settings = render(
      <AppStoreProvider store={store}>
        <Inspector roadmap={roadmap} />
      </AppStoreProvider>,
    );
    expect(screen.getByRole("textbox", { name: "Horizon" })).toBeInTheDocument();
    expectEveryControlNamedByItsVisibleLabel(settings.container);
  });

  it("in the Audiences view", async () => {
    const { store, roadmap } = await openTemplate();
    const { container } = render(
      <AppStoreProvider store={store}>
        <AudiencesView roadmap={roadmap} />
      </AppStoreProvider>,
    );
    expectEveryControlNamedByItsVisibleLabel(container);
    expectNoRawIds(container);
    const resellers = screen.getByRole("article", { name: "Owner Reseller partners" });
    expect(within(resellers).getByRole("combobox", { name: "Kind" })).toHaveDisplayValue("Partner channel");
    expect(within(resellers).getByRole("combobox", { name: "Partner type" })).toHaveDisplayValue("Reseller");
  });

  it("in the Plan table: personalisation and status are words", async () => {
    const { store, roadmap } = await openTemplate();
    const [first] = roadmap.communications;
    if (!first) throw new Error("no communication");
    const changed = updateCommunication(roadmap, first.id, { personalisation: "oneToOne", status: "existing" });
    const { container } = render(
      <AppStoreProvider store={store}>
        <PlanTableView roadmap={changed} />
      </AppStoreProvider>,
    );
    const row = screen.getByRole("row", { name: `Plan row ${first.name}` });
    expect(within(row).getByRole("cell", { name: "One-to-one" })).toBeInTheDocument();
    expect(within(row).getByRole("combobox", { name: `Status of ${first.name}` })).toHaveDisplayValue("Existing");
    expectNoRawIds(container);
  });
});
