import { describe, expect, it } from "vitest";
import { ROADMAP_TEMPLATES } from "../shared/model/templates";
import { phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

describe("the New roadmap gallery", () => {
  it("creates the template chosen with the keyboard, with the client, currency, start month and horizon typed", async () => {
    const page = await app.open();
    await page.getByRole("button", { name: "New roadmap" }).click();
    const dialog = page.getByRole("dialog", { name: "New roadmap" });

    const cards = dialog.getByRole("radio");
    expect(await cards.count()).toBe(ROADMAP_TEMPLATES.length + 1);
    expect(ROADMAP_TEMPLATES.length).toBeGreaterThanOrEqual(6);
    const previews = dialog.getByRole("img", { name: /^Preview of the .* lifecycle$/ });
    expect(await previews.count()).toBe(ROADMAP_TEMPLATES.length);
    // Each preview is a drawing the browser decoded, not a broken image.
    await expect
      .poll(() =>
        previews.evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBe(ROADMAP_TEMPLATES.length);

    await dialog.getByRole("textbox", { name: "Client" }).fill("Contoso Insurance");
    await dialog.getByRole("textbox", { name: "Currency" }).fill("CAD");
    await dialog.getByRole("textbox", { name: "Start month" }).fill("2028-07");
    await dialog.getByRole("textbox", { name: "Horizon (months)" }).fill("30");

    await dialog.getByRole("radio", { checked: true }).focus();
    const insurance = ROADMAP_TEMPLATES.findIndex((t) => t.id === "insurance");
    const first = ROADMAP_TEMPLATES.findIndex((t) => t.id === "b2b-subscription-software");
    for (let i = first; i < insurance; i += 1) await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => dialog.getByRole("radio", { checked: true }).getAttribute("aria-label"))
      .toBe("Home and auto insurance, Insurance");
    await page.keyboard.press("Enter");

    await phaseNode(page, "Claim in progress").waitFor();
    expect(await page.getByRole("textbox", { name: "Client" }).inputValue()).toBe("Contoso Insurance");
    expect(await page.getByRole("textbox", { name: "Currency" }).inputValue()).toBe("CAD");
    expect(await page.getByRole("textbox", { name: "Plan starts" }).inputValue()).toBe("2028-07");
    expect(await page.getByRole("textbox", { name: "Horizon" }).inputValue()).toBe("30");
  });

  it("refuses a bad currency with a message naming it, and creates nothing", async () => {
    const page = await app.open();
    await page.getByRole("button", { name: "New roadmap" }).click();
    const dialog = page.getByRole("dialog", { name: "New roadmap" });
    await dialog.getByRole("textbox", { name: "Currency" }).fill("€");
    await dialog.getByRole("button", { name: "Create roadmap" }).click();

    await dialog.getByRole("alert").filter({ hasText: "Currency" }).waitFor();
    expect(await dialog.getByRole("alert").allTextContents()).toEqual([
      'Currency must be a three-letter currency code like "EUR", got "€".',
    ]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "Map your client's customer lifecycle" }).waitFor();
    expect(await page.getByTestId("roadmap-row").count()).toBe(0);
  });
});
