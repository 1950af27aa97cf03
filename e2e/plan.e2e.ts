import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { budgetTotal, newBlankRoadmap, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

describe("the plan", () => {
  it("changes the budget total by exactly reach × delta when a cost per contact changes", async () => {
    page = await app.open();
    await openTemplate(page);
    const before = await budgetTotal(page);
    expect(before).toBeGreaterThan(0);

    await page.getByRole("tab", { name: "Canvas" }).click();
    await phaseNode(page, "First 90 days").click();
    const item = page.getByRole("listitem", { name: /^Communication / }).first();
    const name = ((await item.getAttribute("aria-label")) ?? "").replace(/^Communication /, "");
    const reach = Number(await item.locator(".communication-plan").getAttribute("data-total-reach"));
    expect(reach).toBeGreaterThan(0);
    const field = page.getByRole("textbox", { name: `Cost per contact — ${name}` });
    const old = Number((await field.inputValue()).replace(",", "."));
    await field.fill(String(old + 0.75));
    await field.press("Enter");

    await expect.poll(() => budgetTotal(page)).not.toBe(before);
    const after = await budgetTotal(page);
    expect(after - before).toBeCloseTo(reach * 0.75, 6);
  });

  it("lists the colliding communications and their owners for a heatmap cell over the cap", async () => {
    page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: /Contact pressure/ }).click();
    const over = page.getByRole("button", { name: /^Small business \(cost to serve\), .*over the cap$/ }).first();
    await over.click();
    const details = page.getByRole("region", { name: /^Contacts: Small business/ });
    await expect
      .poll(() => details.textContent())
      .toMatch(
        /Most contacted: Small business \(cost to serve\) customers in Active single-product since before the plan's start get 5 communications this month, from PM – Core platform, PM – Analytics suite, Marketing, Reseller partners\./,
      );
    await expect.poll(() => details.textContent()).toMatch(/5 communications, over the roadmap's cap of 4/);

    await details.getByRole("button", { name: "Show “Active single-product” on the canvas" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).inputValue())
      .toBe("Active single-product");
  });

  it("shows the monthly cost on the phases of the canvas", async () => {
    page = await app.open();
    await openTemplate(page);
    await page.getByRole("button", { name: "100 %" }).click();
    const costs = page.locator(".react-flow__node .phase-node-cost");
    await expect.poll(() => costs.count()).toBeGreaterThan(0);
    expect(await costs.first().textContent()).toMatch(/^€[\d,]+ a month$/);
  });

  it("shows a blank roadmap's budget as zero", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Nothing planned yet");
    expect(await budgetTotal(page)).toBe(0);
    expect(await page.getByTestId("budget-total").textContent()).toBe("€0");
    await page.getByRole("img", { name: "Cost per month by stage" }).waitFor();
  });
});
