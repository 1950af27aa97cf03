import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { CustomersGridView } from "./CustomersGridView";
import { renderGridView } from "./gridTestApp";

const section = (name: string) => screen.getByRole("region", { name });
const AT_START = "Customers at the start";
const PER_MONTH = "New customers per month";
const cell = (grid: string, rowName: string, column: string) => {
  const found = within(section(grid)).getByRole("row", { name: rowName }).querySelector(`[data-column="${column}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`no ${column} cell in ${rowName}`);
  return found;
};
const phase = (
  roadmap: { phases: { id: string; name: string; initialCustomers: Record<string, number> }[] },
  name: string,
) => roadmap.phases.find((p) => p.name === name);

describe("the customers grid", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("takes a whole number typed on a cell and updates the phase's, the segment's and the grand total", async () => {
    const { store, document, user } = await renderGridView(CustomersGridView);
    expect(cell(AT_START, "Phase Trial", "enterprise")).toHaveTextContent("6");
    expect(cell(AT_START, "Phase Trial", "total")).toHaveTextContent("371");
    expect(cell(AT_START, "Totals", "enterprise")).toHaveTextContent("141");
    expect(cell(AT_START, "Totals", "total")).toHaveTextContent("6,666");

    act(() => cell(AT_START, "Phase Trial", "enterprise").focus());
    await user.keyboard("1,006{Enter}");
    expect(phase(document(), "Trial")?.initialCustomers.enterprise).toBe(1006);
    expect(cell(AT_START, "Phase Trial", "total")).toHaveTextContent("1,371");
    expect(cell(AT_START, "Totals", "enterprise")).toHaveTextContent("1,141");
    expect(cell(AT_START, "Totals", "total")).toHaveTextContent("7,666");
    expect(cell(AT_START, "Phase First 90 days", "enterprise")).toHaveFocus();
    expect(store.getState().past.length).toBe(1);
  });

  it("refuses a part of a customer, naming the phase, the segment and the value", async () => {
    const { document, user } = await renderGridView(CustomersGridView);
    const before = document();
    act(() => cell(PER_MONTH, "Phase Trial", "midMarket").focus());
    await user.keyboard("2.5{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "New per month of “Trial” for “Mid-market” must be a whole number, not 2.5. It stays 30.",
    );
    expect(document()).toBe(before);
  });

  it("pastes a 2×3 block copied from Excel from the selected cell, as one undo step", async () => {
    const { store, document, user } = await renderGridView(CustomersGridView);
    const before = document();
    act(() => cell(AT_START, "Phase First 90 days", "enterprise").focus());
    await user.paste("10\t20\t30\r\n1,000\t2,000\t3,000\r\n");
    expect(cell(AT_START, "Phase First 90 days", "total")).toHaveTextContent("60");
    expect(cell(AT_START, "Phase Active single-product", "total")).toHaveTextContent("6,000");
    expect(phase(document(), "Active single-product")?.initialCustomers).toEqual({
      enterprise: 1000,
      midMarket: 2000,
      smallBusiness: 3000,
    });
    expect(store.getState().past.length).toBe(1);
    act(() => store.getState().undo());
    expect(document().phases).toEqual(before.phases);
  });

  it("refuses a whole paste for one bad cell, saying which, and changes nothing", async () => {
    const { store, document, user } = await renderGridView(CustomersGridView);
    const before = document();
    act(() => cell(AT_START, "Phase Trial", "enterprise").focus());
    await user.paste("1\t2\t3\n4\tmany\t6");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Nothing was pasted: row “First 90 days”, column “Mid-market” holds “many”.",
    );
    expect(document()).toBe(before);
    expect(store.getState().past.length).toBe(0);
    expect(cell(AT_START, "Phase Trial", "enterprise")).toHaveTextContent("6");
  });
});
