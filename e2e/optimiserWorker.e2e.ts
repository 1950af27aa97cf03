import { describe, expect, it } from "vitest";
import { openTemplate, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

describe("the optimiser's worker", () => {
  it("loads the solver only once the optimiser runs, and writes its plan as a scenario compared with the plan", async () => {
    const page = await app.open();
    const wasm: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.endsWith(".wasm")) wasm.push(request.url());
    });
    await openTemplate(page);
    for (const tab of ["Plan", "Budget", "Compare"]) await page.getByRole("tab", { name: tab, exact: true }).click();
    expect(wasm).toEqual([]);

    await page.getByRole("tab", { name: "Optimise", exact: true }).click();
    const run = page.getByRole("button", { name: "Optimise Plan" });
    await run.waitFor();
    const frontier = page.getByRole("checkbox", { name: "Also compute the efficient frontier (10 budgets)" });
    expect(await frontier.isChecked()).toBe(true);
    // The plan alone is enough here; the whole flow with the frontier is the optimiser's own end-to-end test.
    await frontier.uncheck();
    expect(wasm).toEqual([]);

    await run.click();
    // The run ends in the Compare tab, the plan beside the scenario just written.
    const compare = page.getByRole("tab", { name: "Compare", exact: true });
    await expect.poll(() => compare.getAttribute("aria-selected")).toBe("true");
    expect(wasm).toHaveLength(1);
    const pickers = page.getByRole("region", { name: "Scenarios compared" });
    expect(await pickers.getByRole("combobox", { name: "Scenario 1" }).locator("option:checked").textContent()).toBe(
      "Plan",
    );
    const optimised = await pickers
      .getByRole("combobox", { name: "Scenario 2" })
      .locator("option:checked")
      .textContent();
    expect(optimised).toMatch(/^Optimised/);

    await page.getByRole("button", { name: /^Scenario:/ }).click();
    await page
      .getByRole("menu", { name: "Scenarios" })
      .getByRole("menuitemradio", { name: optimised ?? "", exact: true })
      .waitFor();
  });
});
