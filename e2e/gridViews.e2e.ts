import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { budgetTotal, MOD, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

const TRIAL = "Transition Trial → First 90 days";

/** A cell of a row, by the column it is in. */
const cellOf = (p: Page, rowName: string, column: string, scope = p.locator("body")) =>
  scope.getByRole("row", { name: rowName, exact: true }).locator(`[data-column="${column}"]`);

/** The rate labels drawn on the canvas's arrows. */
const canvasRateLabels = (p: Page) => p.locator(".transition-label .transition-rate").allTextContents();

/** Pastes text as a spreadsheet puts it on the clipboard, where the keyboard is. */
async function pasteText(p: Page, text: string) {
  await p.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Zooms the canvas in around a phase (Ctrl+wheel), far enough that arrows show their labels. */
async function zoomInOn(p: Page, phase: string) {
  const box = await phaseNode(p, phase).boundingBox();
  if (!box) throw new Error(`${phase} is not on screen`);
  await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await p.keyboard.down("Control");
  await p.mouse.wheel(0, -400);
  await p.keyboard.up("Control");
  await expect.poll(() => p.locator(".transition-label").count()).toBeGreaterThan(0);
}

async function showTab(p: Page, name: string) {
  await p.getByRole("tab", { name, exact: true }).click();
}

describe("the transitions table", () => {
  it("edits a rate and a segment's rate in place: the canvas and the plan follow, undo takes them back", async () => {
    page = await app.open();
    await openTemplate(page);
    expect(await canvasRateLabels(page)).not.toContain("35%/mo*");
    const budgetBefore = await budgetTotal(page);

    await showTab(page, "Transitions");
    await cellOf(page, TRIAL, "rate").click();
    await page.keyboard.type("35");
    await page.keyboard.press("Enter");
    await expect.poll(() => cellOf(page, TRIAL, "rate").textContent()).toBe("35%");

    // Mid-market follows the default until it is given its own rate.
    await expect.poll(() => cellOf(page, TRIAL, "segment:midMarket").textContent()).toBe("35% (default)");
    await cellOf(page, TRIAL, "segment:midMarket").click();
    await page.keyboard.type("5");
    await page.keyboard.press("Tab");
    await expect.poll(() => cellOf(page, TRIAL, "segment:midMarket").getAttribute("data-override")).toBe("own");
    expect(await cellOf(page, TRIAL, "segment:midMarket").textContent()).toBe("5%");

    // The row's phases select the transition on the canvas, where its label and the inspector show the new rate.
    await cellOf(page, TRIAL, "from").getByRole("button", { name: "Trial" }).click();
    await expect.poll(() => page.getByRole("textbox", { name: "Monthly rate" }).inputValue()).toBe("35");
    expect(await page.getByRole("textbox", { name: "Mid-market" }).inputValue()).toBe("5");
    await zoomInOn(page, "Trial");
    await expect.poll(() => canvasRateLabels(page)).toContain("35%/mo*");
    const budgetAfter = await budgetTotal(page);
    expect(budgetAfter).not.toBe(budgetBefore);

    // Two edits, two undo steps, taken back from the table's keyboard.
    await showTab(page, "Transitions");
    await cellOf(page, TRIAL, "rate").click();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => cellOf(page, TRIAL, "segment:midMarket").textContent()).toBe("35% (default)");
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => cellOf(page, TRIAL, "rate").textContent()).toBe("30%");
    expect(await budgetTotal(page)).toBe(budgetBefore);
    await showTab(page, "Canvas");
    await zoomInOn(page, "Trial");
    await expect.poll(() => canvasRateLabels(page)).toContain("30%/mo*");
    expect(await canvasRateLabels(page)).not.toContain("35%/mo*");
  });

  it("sorts by a column when its header is clicked, and refuses a rate over 100 % with a message", async () => {
    page = await app.open();
    await openTemplate(page);
    await page.keyboard.press(`${MOD}+k`);
    await page.getByRole("dialog", { name: "Command palette" }).getByRole("combobox").fill("transitions table");
    await page.keyboard.press("Enter");
    const table = page.getByRole("grid", { name: "Transitions" });
    await table.waitFor();

    const header = table.getByRole("columnheader", { name: /Rate \(default\)/ });
    const rates = () => table.locator('tbody [data-column="rate"]').allTextContents();
    await header.getByRole("button").click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await rates();
    expect(ascending.slice(0, 3)).toEqual(["1%", "2%", "2.5%"]);
    await header.getByRole("button").click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    expect((await rates()).slice(0, 2)).toEqual(["30%", "30%"]);

    await cellOf(page, TRIAL, "segment:enterprise").click();
    await page.keyboard.type("150");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe(
        "Enterprise (value creators) rate of “Trial → First 90 days” must be between 0% and 100%, not 150%. It stays 45%.",
      );
    await page.keyboard.press("Escape");
    expect(await cellOf(page, TRIAL, "segment:enterprise").textContent()).toBe("45%");
  });
});

describe("the customers grid", () => {
  const AT_START = "Customers at the start";

  it("edits customers, pastes a 2×3 block from a spreadsheet with the totals following, and refuses a bad paste", async () => {
    page = await app.open();
    await openTemplate(page);
    await showTab(page, "Customers");
    const grid = page.getByRole("region", { name: AT_START });
    const cell = (row: string, column: string) => cellOf(page, row, column, grid);
    await expect.poll(() => cell("Totals", "total").textContent()).toBe("6,666");

    await cell("Phase Trial", "enterprise").click();
    await page.keyboard.type("106");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell("Phase Trial", "total").textContent()).toBe("471");
    expect(await cell("Totals", "enterprise").textContent()).toBe("241");
    expect(await cell("Totals", "total").textContent()).toBe("6,766");

    // The keyboard moved down to First 90 days: the block lands there and on the row below.
    await pasteText(page, "10\t20\t30\r\n1,000\t2,000\t3,000\r\n");
    await expect.poll(() => cell("Phase First 90 days", "total").textContent()).toBe("60");
    expect(await cell("Phase Active single-product", "total").textContent()).toBe("6,000");
    // 6,766 less First 90 days' 498 and Active single-product's 3,224, plus the 6,060 pasted.
    expect(await cell("Totals", "total").textContent()).toBe("9,104");

    await pasteText(page, "1\t2\t3\n4\tmany\t6");
    await expect
      .poll(() => grid.getByRole("alert").textContent())
      .toContain("Nothing was pasted: row “Active single-product”, column “Mid-market” holds “many”.");
    expect(await cell("Totals", "total").textContent()).toBe("9,104");

    // The paste was one undo step.
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => cell("Totals", "total").textContent()).toBe("6,766");
    expect(await cell("Phase First 90 days", "total").textContent()).toBe("498");
  });
});
