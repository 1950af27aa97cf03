import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../shared/engine";
import { planMovement } from "../../shared/engine/planMovement";
import type { Roadmap } from "../../shared/model";
import { sampleRoadmap } from "../../shared/model/testing/sampleRoadmap";
import { AppStoreProvider } from "../app/AppStoreContext";
import { createTestApp } from "../test/fakes";
import { PlanMovementTable } from "./PlanMovementTable";

/** The sample with a second welcome email the same month under a cap of one contact a month: more cost, a collision. */
function crowded(): Roadmap {
  const roadmap = sampleRoadmap();
  const welcome = roadmap.communications[0];
  if (!welcome) throw new Error("the sample has a communication");
  return {
    ...roadmap,
    contactCap: 1,
    communications: [...roadmap.communications, { ...welcome, id: "comm-reminder", name: "Reminder" }],
  };
}

function renderMovement({ showCosts }: { showCosts: boolean }) {
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  const movement = planMovement(planRoadmap(sampleRoadmap()), planRoadmap(crowded()));
  render(
    <AppStoreProvider store={app.store}>
      <PlanMovementTable movement={movement} currency="EUR" beforeLabel="12 March" afterLabel="Today" />
    </AppStoreProvider>,
  );
  return movement;
}

function row(label: string): HTMLElement[] {
  const header = screen.getByRole("rowheader", { name: label });
  return within(header.closest("tr") as HTMLElement).getAllByRole("cell");
}

describe("PlanMovementTable", () => {
  it("shows each total before and after, and its change with an arrow and words", () => {
    const movement = renderMovement({ showCosts: true });
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Total",
      "12 March",
      "Today",
      "Change",
    ]);
    expect(screen.getAllByRole("rowheader").map((h) => h.textContent)).toEqual([
      "Budget",
      "Expected value",
      "ROI",
      "Customers kept",
      "Collisions",
    ]);
    const [, , budgetChange] = row("Budget");
    expect(budgetChange).toHaveTextContent(/^▲ €[\d,.]+ more$/);
    const [collisionsBefore, collisionsAfter, collisionsChange] = row("Collisions");
    expect(collisionsBefore).toHaveTextContent("0");
    expect(collisionsAfter).toHaveTextContent(String(movement.collisions.after));
    expect(collisionsChange).toHaveTextContent(`▲ ${movement.collisions.change} more`);
    // More collisions is bad news; the colour repeats what the words say.
    expect(collisionsChange).toHaveClass("movement-worse");
    expect(row("Customers kept")[2]).toHaveTextContent("No change");
  });

  it("leaves budget, value and ROI out while costs are hidden", () => {
    renderMovement({ showCosts: false });
    expect(screen.getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["Customers kept", "Collisions"]);
    expect(screen.getByText(/costs are hidden/i)).toBeInTheDocument();
    expect(screen.getByRole("table").textContent).not.toMatch(/€/);
  });
});
