import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { budgetTotal, openTemplate, printExecutiveReport, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-optimiser-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * A run solves the plan and ten frontier budgets with the roadmap's 10 s time
 * limit each, in a Web Worker on a machine other work shares: the wait for its
 * result is the solver's worst case, not what it usually takes.
 */
const RUN_TIMEOUT_MS = 240_000;

describe("the campaign optimiser", () => {
  it("finds the best plan for a budget 30 % below the plan's, writes it as a scenario, compares it and reports it", async () => {
    const page = await app.open();
    await openTemplate(page);
    const planBudget = await budgetTotal(page);
    const budget = Math.round(planBudget * 0.7);

    await page.getByRole("tab", { name: "Optimise" }).click();
    const settings = page.getByRole("region", { name: "Optimiser settings" });
    // The most value within the budget, so the budget is what the plan is held to.
    await settings.getByRole("combobox", { name: "Objective" }).selectOption({ label: "Most value within the budget" });
    const budgetField = settings.getByRole("textbox", { name: "Budget over the horizon" });
    await budgetField.fill(String(budget));
    await budgetField.press("Enter");
    await page.getByRole("button", { name: "Optimise Plan" }).click();

    // Written as a scenario, it opens beside the plan in the Compare tab.
    const totals = page.getByRole("table", { name: "Totals" });
    await totals.waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await page.getByRole("tab", { name: "Compare" }).getAttribute("aria-selected")).toBe("true");
    const headers = await totals.getByRole("columnheader").allTextContents();
    expect(headers[1]).toBe("Plan");
    expect(headers[2]).toMatch(/^Optimised for value, budget /);
    const scenarioName = headers[2] as string;
    await page.getByRole("status").filter({ hasText: "Comparing scenarios" }).waitFor({ state: "detached" });
    const budgets = await totals
      .getByRole("row", { name: /^Budget/ })
      .getByRole("cell")
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-value"))));
    expect(budgets[0]).toBeCloseTo(planBudget, 0);
    expect(budgets[1]).toBeLessThanOrEqual(budget + 0.5);
    await page.getByRole("region", { name: `${scenarioName} against Plan` }).waitFor();

    // The scenario is in the switcher, the plan unchanged beside it.
    await page.getByRole("button", { name: /^Scenario:/ }).click();
    const menu = page.getByRole("menu", { name: "Scenarios" });
    await menu.getByRole("menuitemradio", { name: new RegExp(scenarioName.replace(/[.$€]/g, "\\$&")) }).waitFor();
    await page.keyboard.press("Escape");

    // Back in the Optimise tab: the result, the frontier with the plan marked.
    await page.getByRole("tab", { name: "Optimise" }).click();
    const result = page.getByRole("region", { name: "Optimiser result" });
    await result.getByText(`Written as scenario “${scenarioName}”`).waitFor();
    await result.getByText(/^(Proven best|Best within the gap asked for|Stopped at the time limit)/).waitFor();
    await result
      .getByRole("img", {
        name: /^Efficient frontier: .*Plan: (on the frontier|off the frontier, .+|.+ below the frontier at its cost)\.$/,
      })
      .waitFor();
    await result.getByText("The chart’s figures as a table").click();
    const points = result.getByRole("table", { name: "Efficient frontier (chart figures)" });
    expect(await points.locator("tbody tr").count()).toBe(10);
    await result.getByRole("heading", { name: "What changed, and why" }).waitFor();

    // Compare with the plan from the result, as the user would after looking at it.
    await result.getByRole("button", { name: "Compare with Plan" }).click();
    await totals.waitFor();

    // The executive report has the optimisation page.
    const pdf = await printExecutiveReport(page, "Optimisation", ".report-optimisation-detail");
    const pdfFile = path.join(folder, "optimised-report.pdf");
    writeFileSync(pdfFile, pdf);
    const pages = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).split("\f");
    const first = pages.findIndex((text) => text.trimStart().startsWith("Optimisation"));
    expect(first, "the report has the optimisation page").toBeGreaterThan(0);
    const settingsPage = (pages[first] as string).replace(/\s+/g, " ");
    expect(settingsPage).toContain(`The optimiser made “${scenarioName}” from “Plan”`);
    expect(settingsPage).toContain("Efficient frontier");
    expect((pages[first + 1] as string).replace(/\s+/g, " ")).toContain("What the optimiser changed, and why");
  }, 600_000);

  it("says in words why no plan keeps to a budget below what a locked-in send costs, and writes nothing", async () => {
    const page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: "Optimise" }).click();
    const settings = page.getByRole("region", { name: "Optimiser settings" });
    await settings.getByRole("textbox", { name: "Find" }).fill("Save call");
    await settings
      .getByRole("combobox", { name: "Optimiser's lock on Save call with usage health review" })
      .selectOption("in");
    const budgetField = settings.getByRole("textbox", { name: "Budget over the horizon" });
    await budgetField.fill("1000");
    await budgetField.press("Enter");
    await page.getByRole("button", { name: "Optimise Plan" }).click();

    const alert = page.getByRole("region", { name: "Optimiser result" }).getByRole("alert");
    await alert.waitFor({ timeout: RUN_TIMEOUT_MS });
    const words = (await alert.textContent()) ?? "";
    expect(words).toContain("No plan keeps to these settings");
    expect(words).toContain("Save call with usage health review");
    expect(words).toMatch(/budget/i);
    expect(words).not.toMatch(/infeasible/i);
    expect(await page.getByRole("tab", { name: "Optimise" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByRole("button", { name: /^Scenario:/ }).textContent()).toContain("Plan");
    await page.getByRole("button", { name: /^Scenario:/ }).click();
    expect(await page.getByRole("menu", { name: "Scenarios" }).getByRole("menuitemradio").count()).toBe(1);
  }, 600_000);
});
