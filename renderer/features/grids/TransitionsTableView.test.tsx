import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { generateRoadmap } from "../../../shared/model/testing/generateRoadmap";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { renderGridView } from "./gridTestApp";
import { TransitionsTableView } from "./TransitionsTableView";

const TRIAL = "Transition Trial → First 90 days";
const row = (name: string) => screen.getByRole("row", { name });
const cell = (rowName: string, column: string) => {
  const found = row(rowName).querySelector(`[data-column="${column}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`no ${column} cell in ${rowName}`);
  return found;
};
const trial = (roadmap: { transitions: { id: string; rate: number; rateBySegment: Record<string, number> }[] }) =>
  roadmap.transitions.find((t) => t.id === "tr-trial-converts");

// Each test opens the template in a fresh store and drives the table by keyboard.
describe("the transitions table", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("takes a rate typed on a cell on Enter, as one undo step, and moves down", async () => {
    const { store, document, user } = await renderGridView(TransitionsTableView);
    const before = document();
    act(() => cell(TRIAL, "rate").focus());
    await user.keyboard("35{Enter}");
    expect(trial(document())?.rate).toBe(0.35);
    expect(cell(TRIAL, "rate")).toHaveTextContent("35%");
    expect(store.getState().past.length).toBe(1);
    expect(cell("Transition First 90 days → Active single-product", "rate")).toHaveFocus();
    act(() => store.getState().undo());
    expect(trial(document())?.rate).toBe(before.transitions[0]?.rate);
  });

  it("moves with arrows and Tab, edits what is there with F2, and Esc puts the cell back", async () => {
    const { document, user } = await renderGridView(TransitionsTableView);
    const before = document();
    act(() => cell(TRIAL, "from").focus());
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(cell(TRIAL, "rate")).toHaveFocus();
    await user.keyboard("{Tab}");
    expect(cell(TRIAL, "segment:enterprise")).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowLeft}");
    expect(cell("Transition First 90 days → Active single-product", "rate")).toHaveFocus();
    await user.keyboard("{F2}");
    const editor = screen.getByRole("textbox", { name: "Rate of “First 90 days → Active single-product”" });
    expect(editor).toHaveValue("30");
    await user.keyboard("{Backspace}{Backspace}9{Escape}");
    expect(document()).toBe(before);
    expect(cell("Transition First 90 days → Active single-product", "rate")).toHaveFocus();
    expect(cell("Transition First 90 days → Active single-product", "rate")).toHaveTextContent("30%");
  });

  it("shows a segment's own rate apart from the default, and Delete returns it to the default", async () => {
    const { document, user } = await renderGridView(TransitionsTableView);
    expect(cell(TRIAL, "segment:enterprise").dataset.override).toBe("own");
    expect(cell(TRIAL, "segment:midMarket").dataset.override).toBe("default");
    expect(cell(TRIAL, "segment:midMarket")).toHaveTextContent("30% (default)");

    act(() => cell(TRIAL, "segment:midMarket").focus());
    await user.keyboard("12.5{Tab}");
    expect(trial(document())?.rateBySegment.midMarket).toBe(0.125);
    expect(cell(TRIAL, "segment:midMarket").dataset.override).toBe("own");
    expect(cell(TRIAL, "segment:smallBusiness")).toHaveFocus();

    await user.keyboard("{ArrowLeft}{Delete}");
    expect(Object.hasOwn(trial(document())?.rateBySegment ?? {}, "midMarket")).toBe(false);
    expect(cell(TRIAL, "segment:midMarket").dataset.override).toBe("default");
    // The default moves, and the segment that follows it moves along.
    await user.keyboard("{Home}{ArrowRight}{ArrowRight}{ArrowRight}40{Enter}");
    expect(cell(TRIAL, "segment:midMarket")).toHaveTextContent("40% (default)");
  });

  it("refuses a rate over 100 %, naming the transition, the field and the value, and leaves the document as it was", async () => {
    const { document, user } = await renderGridView(TransitionsTableView);
    const before = document();
    act(() => cell(TRIAL, "segment:enterprise").focus());
    await user.keyboard("150{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Enterprise (value creators) rate of “Trial → First 90 days” must be between 0% and 100%, not 150%. It stays 45%.",
    );
    expect(document()).toBe(before);
    // The editor stays open with what was typed, to be fixed.
    const editor = screen.getByRole("textbox", { name: /Enterprise \(value creators\) rate of/ });
    expect(editor).toHaveValue("150");
    await user.clear(editor);
    await user.type(editor, "abc");
    await user.tab();
    expect(screen.getByRole("alert")).toHaveTextContent("must be a number, not “abc”");
    expect(document()).toBe(before);
  });

  it("drops a bad value when the cell is left, keeping the reason on screen and the document as it was", async () => {
    const { document, user } = await renderGridView(TransitionsTableView);
    const before = document();
    act(() => cell(TRIAL, "rate").focus());
    await user.keyboard("-5");
    await user.click(cell(TRIAL, "trigger"));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Rate of “Trial → First 90 days” must be between 0% and 100%, not -5%. It stays 30%.",
    );
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(cell(TRIAL, "rate")).toHaveTextContent("30%");
    expect(document()).toBe(before);
  });

  it("reads rates in the user's locale", async () => {
    const { document, user } = await renderGridView(TransitionsTableView, "de-DE");
    act(() => cell(TRIAL, "rate").focus());
    await user.keyboard("12,5{Enter}");
    expect(trial(document())?.rate).toBe(0.125);
    expect(cell(TRIAL, "rate")).toHaveTextContent("12,5 %");
  });

  it("commits a cell when it is left, and edits the trigger in place", async () => {
    const { document, user } = await renderGridView(TransitionsTableView);
    act(() => cell(TRIAL, "trigger").focus());
    await user.keyboard("{Enter}");
    const editor = screen.getByRole("textbox", { name: "Trigger of “Trial → First 90 days”" });
    await user.clear(editor);
    await user.type(editor, "Signs an order");
    await user.click(cell(TRIAL, "rate"));
    expect(document().transitions[0]?.trigger).toBe("Signs an order");
  });

  it("sorts by any column both ways, saying so in aria-sort", async () => {
    const { user } = await renderGridView(TransitionsTableView);
    const table = screen.getByRole("grid", { name: "Transitions" });
    const header = (name: RegExp) => within(table).getByRole("columnheader", { name });
    const rates = () =>
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.querySelector('[data-column="rate"]')?.textContent);
    await user.click(within(header(/Rate \(default\)/)).getByRole("button"));
    expect(header(/Rate \(default\)/)).toHaveAttribute("aria-sort", "ascending");
    expect(rates().slice(0, 3)).toEqual(["1%", "2%", "2.5%"]);
    await user.click(within(header(/Rate \(default\)/)).getByRole("button"));
    expect(header(/Rate \(default\)/)).toHaveAttribute("aria-sort", "descending");
    expect(rates().slice(0, 2)).toEqual(["30%", "30%"]);
    await user.click(within(header(/^To/)).getByRole("button"));
    expect(header(/Rate \(default\)/)).toHaveAttribute("aria-sort", "none");
    expect(header(/^To/)).toHaveAttribute("aria-sort", "ascending");
    const firstTo = within(table).getAllByRole("row")[1]?.querySelector('[data-column="to"]');
    expect(firstTo).toHaveTextContent("Active single-product");
  });

  it("flags a phase whose outgoing rates add up to more than 100 %", async () => {
    const { user } = await renderGridView(TransitionsTableView);
    expect(screen.queryByRole("list", { name: "Outflow over 100 %" })).toBeNull();
    act(() => cell(TRIAL, "segment:midMarket").focus());
    await user.keyboard("99{Enter}");
    expect(screen.getByRole("list", { name: "Outflow over 100 %" })).toHaveTextContent(
      /“Trial”: outgoing rates plus churn add up to .* a month for “Mid-market”/,
    );
    expect(cell(TRIAL, "segment:midMarket")).toHaveClass("is-over");
    expect(cell(TRIAL, "segment:enterprise")).not.toHaveClass("is-over");
  });

  it("selects the transition on the canvas from its row", async () => {
    const { store, user } = await renderGridView(TransitionsTableView);
    await user.click(within(cell(TRIAL, "to")).getByRole("button", { name: "First 90 days" }));
    expect(store.getState().selection).toEqual({ phaseIds: [], transitionIds: ["tr-trial-converts"] });
    expect(store.getState().view).toBe("canvas");
  });

  it("draws only the rows in view of a long table, and the keyboard still reaches its last row", async () => {
    const { store, user } = await renderGridView(TransitionsTableView);
    const large = generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 0, segments: 3, seed: 3 });
    act(() => store.getState().edit((r) => ({ ...large, id: r.id })));
    const table = screen.getByRole("grid", { name: "Transitions" });
    const drawn = () => within(table).getAllByRole("row").length - 1;
    expect(large.transitions.length).toBeGreaterThan(400);
    expect(drawn()).toBeLessThan(40);

    act(() => (within(table).getAllByRole("gridcell")[0] as HTMLElement).focus());
    await user.keyboard("{Control>}{End}{/Control}");
    const last = large.transitions.at(-1);
    const lastRow = within(table).getByRole("row", {
      name: `Transition ${large.phases.find((p) => p.id === last?.from)?.name} → ${large.phases.find((p) => p.id === last?.to)?.name}`,
    });
    expect(lastRow.querySelector('[data-column="segment:segment-3"]')).toHaveFocus();
    expect(drawn()).toBeLessThan(40);
  });
});
