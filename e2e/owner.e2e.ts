import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

describe("the by-owner view", () => {
  it("shows only the chosen owner's communications, their budget, and where they collide with others", async () => {
    page = await app.open();
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await phaseNode(page, "Trial").waitFor();
    await page.getByRole("tab", { name: "By owner" }).click();
    await page.getByRole("combobox", { name: "owner" }).selectOption({ label: "Reseller partners" });

    const sends = page.getByRole("region", { name: "What Reseller partners sends" });
    await expect
      .poll(() => sends.getByRole("rowheader").allTextContents())
      .toEqual(["Reseller welcome call", "Reseller seat-expansion call"]);
    expect(Number(await page.getByTestId("owner-budget").getAttribute("data-value"))).toBeGreaterThan(0);
    const collisions = page.getByRole("region", { name: "Where Reseller partners collides with other owners" });
    await expect
      .poll(() => collisions.textContent())
      .toMatch(
        /Small business \(cost to serve\) customers in Active single-product since before the plan's start get 5 communications, over the roadmap's cap of 4, also from PM – Core platform, PM – Analytics suite, Marketing\./,
      );
  });
});
