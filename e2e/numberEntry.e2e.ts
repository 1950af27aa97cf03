import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { budgetTotal, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

/** The first communication on a phase in the inspector: its list item, its name and its contacts over the plan. */
async function firstCommunication(p: Page, phase: string) {
  await p.getByRole("tab", { name: "Canvas" }).click();
  await phaseNode(p, phase).click();
  const item = p.getByRole("listitem", { name: /^Communication / }).first();
  const name = ((await item.getAttribute("aria-label")) ?? "").replace(/^Communication /, "");
  const plan = item.locator(".communication-plan");
  await plan.waitFor();
  return { item, name, reach: Number(await plan.getAttribute("data-total-reach")) };
}

async function savedDocument(p: Page) {
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("button", { name: "Save to file" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

describe("typing a number", () => {
  it("reads 30,000 typed in an American browser as thirty thousand, and the budget moves by reach × the change", async () => {
    const page = await app.open({ locale: "en-US" });
    await openTemplate(page);
    const before = await budgetTotal(page);
    const { item, name, reach } = await firstCommunication(page, "First 90 days");
    const cost = page.getByRole("textbox", { name: `Cost per contact — ${name}` });
    const old = Number(await cost.inputValue());
    expect(await item.locator(".number-affix").first().textContent()).toBe("€");

    await cost.fill("30,000");
    await cost.press("Enter");
    await expect.poll(() => cost.inputValue()).toBe("30,000");
    expect(await cost.getAttribute("aria-invalid")).toBe("false");

    await expect.poll(() => budgetTotal(page)).not.toBe(before);
    expect((await budgetTotal(page)) - before).toBeCloseTo(reach * (30000 - old), 0);
  });

  it("reads 1.500,50 typed in a German browser as fifteen hundred and a half euros, shown the German way", async () => {
    const page = await app.open({ locale: "de-DE" });
    await openTemplate(page);
    const before = await budgetTotal(page);
    expect(await page.getByTestId("budget-total").textContent()).toMatch(/^[\d.]+\s€$/);
    const { name, reach } = await firstCommunication(page, "First 90 days");
    const cost = page.getByRole("textbox", { name: `Cost per contact — ${name}` });
    const old = Number((await cost.inputValue()).replaceAll(".", "").replace(",", "."));
    expect(await cost.locator("xpath=following-sibling::*[1]").textContent()).toBe("€");

    await cost.fill("1.500,50");
    await cost.press("Enter");
    await expect.poll(() => cost.inputValue()).toBe("1.500,50");

    await expect.poll(() => budgetTotal(page)).not.toBe(before);
    expect((await budgetTotal(page)) - before).toBeCloseTo(reach * (1500.5 - old), 0);
    await page.getByRole("tab", { name: "Canvas" }).click();
    const saved = await savedDocument(page);
    expect(saved.communications.find((c: { name: string }) => c.name === name).costPerContact).toBe(1500.5);
  });

  it("refuses 150 in a percent field at the field, takes 15 %, and Esc puts back what the roadmap has", async () => {
    const page = await app.open();
    await openTemplate(page);
    const { item, name } = await firstCommunication(page, "Trial");
    await item.getByText("All fields").click();
    const rate = item.getByRole("textbox", { name: "Response rate" });
    const before = await rate.inputValue();
    expect(await rate.locator("xpath=following-sibling::*[1]").textContent()).toBe("%");

    await rate.fill("150");
    await rate.press("Enter");
    await expect
      .poll(() => item.getByRole("alert").textContent())
      .toBe(`Response rate must be between 0% and 100%, not 150%. Not saved — still ${before}%. Esc restores it.`);
    expect(await rate.getAttribute("aria-invalid")).toBe("true");
    // Leaving the field keeps what was typed and why it was refused.
    await item.getByRole("textbox", { name: "Value per response" }).focus();
    expect(await rate.inputValue()).toBe("150");
    await expect.poll(() => item.getByRole("alert").count()).toBe(1);

    await rate.fill("15 %");
    await rate.press("Enter");
    await expect.poll(() => rate.inputValue()).toBe("15");
    await expect.poll(() => item.getByRole("alert").count()).toBe(0);

    await rate.fill("99");
    await rate.press("Escape");
    await expect.poll(() => rate.inputValue()).toBe("15");

    const saved = await savedDocument(page);
    expect(saved.communications.find((c: { name: string }) => c.name === name).responseRate).toBe(0.15);
  });
});
