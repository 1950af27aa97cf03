import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

async function openAudiences(p: Page) {
  await p.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
  await phaseNode(p, "Trial").waitFor();
  await p.getByRole("tab", { name: "Audiences" }).click();
}

const usage = (p: Page, owner: string) =>
  p
    .getByRole("article", { name: `Owner ${owner}` })
    .locator(".org-usage")
    .textContent();

describe("audiences and the organisation", () => {
  it("adds a segment and an owner, and they are still there after a reload", async () => {
    page = await app.open();
    await openAudiences(page);
    await page.getByRole("button", { name: "Add segment" }).click();
    // The newest is last; its label follows its name as it is typed.
    const segment = page.getByRole("article", { name: /^Segment / }).last();
    await segment.getByRole("textbox", { name: "Segment", exact: true }).fill("Public sector");
    await segment.getByRole("textbox", { name: "Segment", exact: true }).press("Enter");
    const value = page.getByRole("article", { name: "Segment Public sector" }).getByRole("textbox", {
      name: "Annual value per customer",
    });
    await value.fill("15000");
    await value.press("Enter");
    await page.getByRole("button", { name: "Add owner" }).click();
    const owner = page.getByRole("article", { name: /^Owner / }).last();
    await owner.getByRole("textbox", { name: "Owner", exact: true }).fill("Customer success");
    await owner.getByRole("textbox", { name: "Owner", exact: true }).press("Enter");
    await owner.getByRole("combobox", { name: "Kind" }).selectOption("service");
    await savedToLibrary(page);

    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    await page.getByRole("tab", { name: "Audiences" }).click();
    const saved = page.getByRole("article", { name: "Segment Public sector" });
    await expect
      .poll(() => saved.getByRole("textbox", { name: "Annual value per customer" }).inputValue())
      .toBe("15,000");
    await expect
      .poll(() =>
        page
          .getByRole("article", { name: "Owner Customer success" })
          .getByRole("combobox", { name: "Kind" })
          .inputValue(),
      )
      .toBe("service");
  });

  it("refuses a negative channel cost at the field, saving nothing", async () => {
    page = await app.open();
    await openAudiences(page);
    const email = page.getByRole("article", { name: /^Channel Email/ }).first();
    const cost = email.getByRole("textbox", { name: "Cost per contact" });
    const before = await cost.inputValue();
    await cost.fill("-2");
    await cost.press("Enter");
    await expect
      .poll(() => email.getByRole("alert").textContent())
      .toBe("Cost per contact must be at least €0, not -€2. Not saved — still €0.01. Esc restores it.");
    await cost.press("Escape");
    await expect.poll(() => cost.inputValue()).toBe(before);
    await expect.poll(() => email.getByRole("alert").count()).toBe(0);
  });

  it("removing an owner who sends communications hands them to another owner, and undo brings both back", async () => {
    page = await app.open();
    await openAudiences(page);
    const marketing = Number((await usage(page, "Marketing"))?.match(/\d+/)?.[0]);
    const core = Number((await usage(page, "PM – Core platform"))?.match(/\d+/)?.[0]);
    expect(marketing).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Remove Marketing" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Remove owner “Marketing”" });
    await dialog.getByRole("combobox", { name: "owner to hand over to" }).selectOption({ label: "PM – Core platform" });
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => page.getByRole("article", { name: "Owner Marketing" }).count()).toBe(0);
    await expect.poll(() => usage(page, "PM – Core platform")).toBe(`${marketing + core} communications`);

    await page.getByRole("tab", { name: "Canvas" }).click();
    await page.getByRole("application", { name: /Roadmap canvas/ }).focus();
    await page.keyboard.press(process.platform === "darwin" ? "Meta+z" : "Control+z");
    await page.getByRole("tab", { name: "Audiences" }).click();
    await expect.poll(() => usage(page, "Marketing")).toBe(`${marketing} communications`);
  });
});
