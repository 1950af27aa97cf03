import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { figurePeriods, reachAndCostIn, totalReachAndCost } from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { eventually } from "../../../test/eventually";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { formatCount } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { PlanTableView } from "./PlanTableView";

/** The template's plan table once its plan is in; the template plans 24 months from April 2027. */
async function renderPlanTable() {
  const app = createTestApp(() => new Date("2027-03-01T10:00:00Z"));
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  await eventually(() => expect(app.store.getState().plan).not.toBeNull());
  const state = app.store.getState();
  const roadmap = state.document as Roadmap;
  const plan = state.plan as NonNullable<typeof state.plan>;
  render(
    <AppStoreProvider store={app.store}>
      <PlanTableView roadmap={roadmap} />
    </AppStoreProvider>,
  );
  const schedule = (name: string) => {
    const communication = roadmap.communications.find((c) => c.name === name);
    const found = plan.communications.find((s) => s.communicationId === communication?.id);
    if (!found) throw new Error(`no schedule for ${name}`);
    return found;
  };
  return { roadmap, plan, schedule, user: userEvent.setup() };
}

const euros = moneyFormat("EUR", true);

/** The text of a row's cells, by column header. */
function cellsOf(row: HTMLElement): Record<string, string> {
  const headers = within(screen.getByRole("table"))
    .getAllByRole("columnheader")
    .map((h) => h.textContent?.replace(/ [▲▼]$/, "") ?? "");
  const texts: Record<string, string> = {};
  let column = 0;
  for (const cell of Array.from(row.children) as HTMLTableCellElement[]) {
    texts[headers[column] ?? ""] = cell.textContent ?? "";
    column += cell.colSpan;
  }
  return texts;
}

// Each test plans the template and drives the table by events: seconds on a busy two-core machine.
describe("the plan table's figures", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("shows a year's real contacts and cost, not the plan's total split evenly, and the period in the headers", async () => {
    const { plan, schedule, user } = await renderPlanTable();
    const [year2027, year2028, year2029, whole] = figurePeriods(plan.calendar);
    expect([year2027?.label, year2028?.label, year2029?.label, whole?.label]).toEqual([
      "2027 (9 months)",
      "2028",
      "2029 (3 months)",
      "Whole plan (24 months)",
    ]);
    const conference = schedule("Customer conference invitation");
    const row = () => cellsOf(screen.getByRole("row", { name: "Plan row Customer conference invitation" }));

    // Sent once, in the plan's ninth month (December 2027): all of its cost falls in 2027.
    expect(row()["Cost, 2027 (9 months)"]).toBe(euros(conference.totalCost));
    await user.selectOptions(screen.getByRole("combobox", { name: "figures for" }), "2028");
    expect(screen.getByRole("columnheader", { name: /^Cost, 2028/ })).toBeInTheDocument();
    expect(row()["Cost, 2028"]).toBe(euros(0));
    expect(row()["Contacts, 2028"]).toBe("0");

    const newsletter = schedule("Monthly customer newsletter");
    const in2028 = reachAndCostIn(newsletter, year2028 as NonNullable<typeof year2028>);
    expect(in2028.cost).not.toBeCloseTo(newsletter.totalCost / 2, 0);
    expect(cellsOf(screen.getByRole("row", { name: "Plan row Monthly customer newsletter" }))).toMatchObject({
      "Contacts, 2028": formatCount(in2028.reach),
      "Cost, 2028": euros(in2028.cost),
    });

    await user.selectOptions(screen.getByRole("combobox", { name: "figures for" }), "Whole plan (24 months)");
    expect(row()["Cost, Whole plan (24 months)"]).toBe(euros(conference.totalCost));
  });

  it("totals what the filters and the search leave shown, for the period shown", async () => {
    const { roadmap, plan, user } = await renderPlanTable();
    const totalsRow = () => cellsOf(screen.getByRole("row", { name: "Plan totals" }));
    const [year2027] = figurePeriods(plan.calendar);
    const period = year2027 as NonNullable<typeof year2027>;
    const totalOf = (ids: readonly string[]) =>
      totalReachAndCost(
        plan.communications.filter((s) => ids.includes(s.communicationId)).map((s) => reachAndCostIn(s, period)),
      );

    const all = totalOf(roadmap.communications.map((c) => c.id));
    expect(totalsRow()).toMatchObject({
      Communication: `Total of ${roadmap.communications.length} communications shown`,
      "Contacts, 2027 (9 months)": formatCount(all.reach),
      "Cost, 2027 (9 months)": euros(all.cost),
    });

    await user.selectOptions(screen.getByRole("combobox", { name: "owner" }), "Marketing");
    const marketing = roadmap.communications.filter((c) => c.ownerId === "owner-marketing").map((c) => c.id);
    const marketingTotal = totalOf(marketing);
    expect(marketingTotal.cost).toBeLessThan(all.cost);
    expect(totalsRow()).toMatchObject({
      Communication: `Total of ${marketing.length} communications shown`,
      "Contacts, 2027 (9 months)": formatCount(marketingTotal.reach),
      "Cost, 2027 (9 months)": euros(marketingTotal.cost),
    });

    await user.type(screen.getByRole("textbox", { name: "Search communications" }), "no such communication");
    expect(totalsRow()).toMatchObject({
      Communication: "Total of 0 communications shown",
      "Contacts, 2027 (9 months)": "0",
      "Cost, 2027 (9 months)": euros(0),
    });
  });
});

describe("today's plan against the proposed one", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("groups the communications by status: existing first, then proposed, then retired", async () => {
    const { roadmap, user } = await renderPlanTable();
    await user.selectOptions(screen.getByRole("combobox", { name: "group by" }), "Status");
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    const groups: { label: string; statuses: string[] }[] = [];
    for (const row of rows) {
      if (row.classList.contains("plan-table-group")) groups.push({ label: row.textContent ?? "", statuses: [] });
      const status = within(row).queryByRole("combobox", { name: /^Status of / }) as HTMLSelectElement | null;
      if (status) groups.at(-1)?.statuses.push(status.value);
    }
    const count = (status: string) => roadmap.communications.filter((c) => c.status === status).length;
    expect(groups.map((group) => group.label)).toEqual([
      `Existing ${count("existing")}`,
      `Proposed ${count("proposed")}`,
      `Retired ${count("retired")}`,
    ]);
    expect(groups.map((group) => [...new Set(group.statuses)])).toEqual([["existing"], ["proposed"], ["retired"]]);
  });
});
