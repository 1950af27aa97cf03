import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

const rowNames = (p: Page) => p.locator(".plan-table tbody th[scope=row]").allTextContents();

/** The cost a row shows for the period picked: its last cell. */
const costOf = (p: Page, rowName: string) => p.getByRole("row", { name: rowName }).locator("td").last().textContent();

const euros = (text: string | null) => Number((text ?? "").replace(/[^\d.-]/g, ""));

async function openPlanTable(p: Page) {
  await p.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
  await phaseNode(p, "Trial").waitFor();
  await p.getByRole("tab", { name: "Plan", exact: true }).click();
}

describe("the plan table", () => {
  it("filters by owner, bulk-changes the owner of what is shown, and the change is saved", async () => {
    page = await app.open();
    await openPlanTable(page);
    const all = (await rowNames(page)).length;
    expect(all).toBeGreaterThan(10);

    await page.getByRole("combobox", { name: "owner", exact: true }).selectOption({ label: "Marketing" });
    const marketing = await rowNames(page);
    expect(marketing.length).toBeGreaterThan(1);
    expect(marketing.length).toBeLessThan(all);
    for (const name of marketing) {
      expect(await page.getByRole("combobox", { name: `Owner of ${name}` }).inputValue()).toBe("owner-marketing");
    }

    await page.getByRole("checkbox", { name: "Select all shown communications" }).check();
    await page.getByRole("combobox", { name: "set owner to" }).selectOption({ label: "Reseller partners" });
    await page.getByRole("button", { name: `Apply to ${marketing.length} selected` }).click();
    await expect.poll(() => rowNames(page)).toEqual([]);

    await page.getByRole("combobox", { name: "owner", exact: true }).selectOption({ label: "Reseller partners" });
    await expect.poll(async () => (await rowNames(page)).length).toBeGreaterThanOrEqual(marketing.length);

    await page.getByRole("textbox", { name: "Search communications" }).fill("newsletter");
    await expect.poll(() => rowNames(page)).toEqual(["Monthly customer newsletter"]);

    // Once the change is saved, a reload shows Marketing still sends nothing.
    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    await page.getByRole("combobox", { name: "owner", exact: true }).selectOption({ label: "Marketing" });
    await expect.poll(() => rowNames(page)).toEqual([]);
  });
});

describe("selection shared between views", () => {
  it("selecting a communication in the plan table selects it in the calendar, on the canvas and in the inspector", async () => {
    page = await app.open();
    await openPlanTable(page);
    await page.getByRole("button", { name: "Relationship survey", exact: true }).click();

    await page.getByRole("tab", { name: "Calendar" }).click();
    await expect
      .poll(() => page.getByRole("row", { name: "Calendar row Relationship survey" }).getAttribute("class"))
      .toBe("is-selected");

    await page.getByRole("tab", { name: "Canvas" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).first().inputValue())
      .toBe("Multi-product");
    const item = page.getByRole("listitem", { name: "Communication Relationship survey" });
    await expect.poll(() => item.getAttribute("class")).toContain("is-selected");
    expect(await item.locator("details").getAttribute("open")).not.toBeNull();
  });
});

describe("the plan table's figures", () => {
  it("shows each calendar year's own cost, and totals what the filters leave shown", async () => {
    page = await app.open();
    await openPlanTable(page);
    const period = page.getByRole("combobox", { name: "figures for" });
    const options = await period.locator("option").allTextContents();
    expect(options.at(-1)).toBe("Whole plan (24 months)");
    const years = options.slice(0, -1);
    expect(years.length).toBeGreaterThanOrEqual(2);

    // The conference invitation is sent once: its whole cost falls in one year, and nothing in the others.
    const conference = "Plan row Customer conference invitation";
    await period.selectOption({ label: "Whole plan (24 months)" });
    const whole = await costOf(page, conference);
    expect(euros(whole)).toBeGreaterThan(0);
    const byYear: string[] = [];
    for (const year of years) {
      await period.selectOption({ label: year });
      await page.getByRole("columnheader", { name: `Cost, ${year}` }).waitFor();
      byYear.push((await costOf(page, conference)) ?? "");
    }
    expect(byYear.filter((cost) => cost === whole)).toHaveLength(1);
    expect(byYear.filter((cost) => cost !== whole).every((cost) => euros(cost) === 0)).toBe(true);

    // Over the whole plan and unfiltered, the totals row is the budget's total.
    await period.selectOption({ label: "Whole plan (24 months)" });
    const totals = page.getByRole("row", { name: "Plan totals" });
    const everything = await totals.locator("td").last().textContent();
    await page.getByRole("tab", { name: "Budget" }).click();
    expect(await page.getByTestId("budget-total").textContent()).toBe(everything);

    // Filtered, the totals row adds up the rows shown, and says how many.
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    await page.getByRole("combobox", { name: "owner", exact: true }).selectOption({ label: "Marketing" });
    await period.selectOption({ label: years[0] as string });
    const shown = await rowNames(page);
    await expect
      .poll(() => totals.getByRole("rowheader").textContent())
      .toBe(`Total of ${shown.length} communications shown`);
    const rowCosts = await Promise.all(shown.map((name) => costOf(page, `Plan row ${name}`)));
    const sum = rowCosts.reduce((total, cost) => total + euros(cost), 0);
    // Each row is rounded to the unit on screen, so the rows' sum may be off by half a unit a row.
    expect(Math.abs(euros(await totals.locator("td").last().textContent()) - sum)).toBeLessThanOrEqual(
      shown.length / 2,
    );
    expect(euros(await totals.locator("td").last().textContent())).toBeLessThan(euros(everything));
  });
});
