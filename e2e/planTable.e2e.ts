import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

const rowNames = (p: Page) => p.locator(".plan-table tbody th[scope=row]").allTextContents();

describe("the plan table", () => {
  it("filters by owner, bulk-changes the owner of what is shown, and the change is saved", async () => {
    page = await app.open();
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await phaseNode(page, "Trial").waitFor();
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
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

    // Autosave writes within a second; after a reload Marketing still sends nothing.
    await page.waitForTimeout(1200);
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
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await phaseNode(page, "Trial").waitFor();
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
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
