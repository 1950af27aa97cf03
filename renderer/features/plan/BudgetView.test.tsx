import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { ROADMAP_TEMPLATES, type Roadmap } from "../../../shared/model";
import { eventually } from "../../../test/eventually";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { formatCount } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { BudgetView, PhaseMonthTable, StatusSplit } from "./BudgetView";

const template = () => {
  const first = ROADMAP_TEMPLATES[0];
  if (!first) throw new Error("no template");
  return first.create(new Date("2027-01-15T00:00:00Z"));
};

const euros = (text: string | null) => Number((text ?? "").replace(/[^\d.-]/g, ""));

describe("the cost by phase and month table", () => {
  it("has a row per phase and a column per month, and its totals add up to the plan's total", () => {
    const roadmap = template();
    const plan = planRoadmap(roadmap);
    render(<PhaseMonthTable roadmap={roadmap} plan={plan} money={moneyFormat("EUR", true)} />);
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row");
    // Header, one row per phase, the totals row.
    expect(rows).toHaveLength(roadmap.phases.length + 2);
    const headerCells = within(rows[0] as HTMLElement).getAllByRole("columnheader");
    expect(headerCells).toHaveLength(roadmap.horizonMonths + 2);

    const bodyRows = rows.slice(1, -1);
    const rowTotals = bodyRows.map((row) => euros(within(row).getAllByRole("cell").at(-1)?.textContent ?? ""));
    const grandTotal = euros(screen.getByTestId("phase-month-grand-total").textContent);
    expect(grandTotal).toBe(Math.round(plan.budget.totalCost));
    // Each shown figure is rounded to the unit, so the sum may differ from the total by half a unit a row.
    expect(Math.abs(rowTotals.reduce((a, b) => a + b, 0) - grandTotal)).toBeLessThanOrEqual(bodyRows.length / 2);

    const footer = rows.at(-1) as HTMLElement;
    const monthTotals = within(footer)
      .getAllByRole("cell")
      .slice(0, -1)
      .map((cell) => euros(cell.textContent));
    expect(Math.abs(monthTotals.reduce((a, b) => a + b, 0) - grandTotal)).toBeLessThanOrEqual(monthTotals.length / 2);
    expect(within(bodyRows[0] as HTMLElement).getByRole("rowheader")).toHaveTextContent(roadmap.phases[0]?.name ?? "");
  });
});

describe("the existing and proposed split", () => {
  const rowsOf = () =>
    within(screen.getByRole("region", { name: "Existing and proposed" }))
      .getAllByRole("row")
      .slice(1)
      .map((row) => [
        within(row).getByRole("rowheader").textContent,
        ...within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      ]);

  it("shows what today's communications and the proposed ones send and cost, side by side", () => {
    const base = template();
    // Two communications of the template, one kept as today's and one proposed, the rest left out.
    const [today, idea, gone] = base.communications;
    if (!today || !idea || !gone) throw new Error("the template has too few communications");
    const roadmap: Roadmap = {
      ...base,
      communications: [
        { ...today, status: "existing" },
        { ...idea, status: "proposed" },
        { ...gone, status: "retired" },
      ],
    };
    const plan = planRoadmap(roadmap);
    const money = moneyFormat("EUR", true);
    render(<StatusSplit roadmap={roadmap} plan={plan} money={money} />);
    const schedule = (id: string) => plan.communications.find((s) => s.communicationId === id);
    const figures = (id: string) => {
      const s = schedule(id);
      return [
        "1",
        String(s?.sends),
        formatCount(s?.totalReach ?? 0),
        money(s?.totalCost ?? 0),
        money(s?.totalValue ?? 0),
      ];
    };
    expect(rowsOf()).toEqual([
      ["Existing", ...figures(today.id)],
      ["Proposed", ...figures(idea.id)],
      ["Retired", "1", "0", "0", money(0), money(0)],
    ]);
  });

  it("leaves out cost and value while costs are hidden", () => {
    const roadmap = template();
    render(<StatusSplit roadmap={roadmap} plan={planRoadmap(roadmap)} money={null} />);
    expect(rowsOf().every((row) => row.length === 4)).toBe(true);
    expect(screen.getByRole("region", { name: "Existing and proposed" }).textContent).not.toMatch(/€/);
  });
});

describe("the Budget view of a plan that costs nothing", () => {
  afterEach(() => vi.restoreAllMocks());

  /** The Budget view of an open roadmap, once its plan is in; React's warnings (duplicate keys and the like) are console errors. */
  async function renderBudget(templateId: string | null, edit: (roadmap: Roadmap) => Roadmap = (r) => r) {
    const consoleErrors = vi.spyOn(console, "error");
    const app = createTestApp();
    const id = await app.store.getState().createRoadmap({ name: "Nothing spent", client: "", templateId });
    await app.store.getState().openRoadmap(id);
    app.store.getState().edit(edit);
    await eventually(() => expect(app.store.getState().planStale).toBe(false));
    const roadmap = app.store.getState().document as Roadmap;
    render(
      <AppStoreProvider store={app.store}>
        <BudgetView roadmap={roadmap} />
      </AppStoreProvider>,
    );
    await screen.findByTestId("budget-total");
    return consoleErrors;
  }

  it("shows a blank roadmap's zero budget without a warning", async () => {
    const consoleErrors = await renderBudget(null);
    expect(screen.getByTestId("budget-total")).toHaveTextContent("€0");
    // One axis line at zero, not five on top of each other.
    const zero = moneyFormat("EUR", true).short(0);
    expect(within(screen.getByRole("img", { name: /Cost per month/ })).getAllByText(zero)).toHaveLength(1);
    expect(consoleErrors).not.toHaveBeenCalled();
  });

  it("shows a roadmap whose communications are all free without a warning", async () => {
    const consoleErrors = await renderBudget("b2b-subscription-software", (r) => ({
      ...r,
      communications: r.communications.map((c) => ({ ...c, fixedCost: 0, costPerContact: 0, valuePerResponse: 0 })),
    }));
    expect(screen.getByTestId("budget-total")).toHaveTextContent("€0");
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});

describe("the Budget view while costs are hidden", () => {
  it("shows whom the plan reaches, by phase, owner and month, and no money", async () => {
    const app = createTestApp();
    app.store.getState().setPreference("showCosts", false);
    const id = await app.store.getState().createRoadmap({ name: "Room", client: "", templateId: null });
    await app.store.getState().openRoadmap(id);
    app.store.getState().edit(() => template());
    await eventually(() => expect(app.store.getState().planStale).toBe(false));
    const roadmap = app.store.getState().document as Roadmap;
    const plan = planRoadmap(roadmap);
    const { container } = render(
      <AppStoreProvider store={app.store}>
        <BudgetView roadmap={roadmap} />
      </AppStoreProvider>,
    );
    const contacts = await screen.findByTestId("reach-contacts");
    expect(euros(contacts.textContent)).toBe(Math.round(plan.budget.totalReach));
    for (const title of ["By phase", "By owner", "By month"]) {
      expect(screen.getByRole("heading", { name: title })).toBeInTheDocument();
    }
    expect(screen.queryByTestId("budget-total")).toBeNull();
    expect(container.textContent).not.toMatch(/€/);
    expect(container.textContent).toMatch(/Costs are hidden/);
  });
});
