import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { E2E_TEST_TIMEOUT_MS } from "../test/budget";
import { openTemplate, phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const folder = mkdtempSync(path.join(tmpdir(), "roadmap-scenarios-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const app = setUpAppInBrowser();
let page: Page;

const rowNames = (p: Page) => p.locator(".plan-table tbody th[scope=row]").allTextContents();
const switcher = (p: Page) => p.getByRole("button", { name: /^Scenario:/ });

async function runFromSwitcher(p: Page, item: string) {
  await switcher(p).click();
  await p.getByRole("menu", { name: "Scenarios" }).getByRole("menuitem", { name: item }).click();
}

async function showScenario(p: Page, name: string) {
  await switcher(p).click();
  await p
    .getByRole("menu", { name: "Scenarios" })
    .getByRole("menuitemradio", { name: new RegExp(name) })
    .click();
  await expect.poll(() => switcher(p).textContent()).toContain(name);
}

/** The response rate the inspector shows for the Trial welcome series, in the scenario shown. */
async function trialWelcomeRate(p: Page) {
  await p.getByRole("tab", { name: "Canvas" }).click();
  await phaseNode(p, "Trial").click();
  const item = p.getByRole("listitem", { name: "Communication Trial welcome series" });
  const details = item.locator("details.communication-details");
  if ((await details.getAttribute("open")) === null) await item.getByText("All fields").click();
  return item.getByRole("textbox", { name: "Response rate" });
}

describe("scenarios", () => {
  it("makes As-is from the existing communications, keeps a To-be change out of it, and applies it to all", async () => {
    page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    const all = await rowNames(page);

    await runFromSwitcher(page, "As-is from existing communications");
    await expect.poll(() => switcher(page).textContent()).toContain("As-is");
    await expect.poll(async () => (await rowNames(page)).length).toBeLessThan(all.length);
    const asIs = await rowNames(page);
    expect(asIs).toContain("Trial welcome series");
    expect(asIs).toContain("Renewal reminder with value summary");
    for (const name of asIs) {
      expect(await page.getByRole("combobox", { name: `Status of ${name}` }).inputValue()).toBe("existing");
    }
    const leftOut = page.getByRole("region", { name: "Not in As-is" });
    expect(await leftOut.getByRole("listitem").count()).toBe(all.length - asIs.length);

    // A To-be, copied from the base plan, with its own response rate for the trial welcome series.
    await showScenario(page, "Plan");
    await runFromSwitcher(page, "New scenario…");
    const dialog = page.getByRole("dialog", { name: "New scenario" });
    await dialog.getByLabel("Name").fill("To-be");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect.poll(() => switcher(page).textContent()).toContain("To-be");
    const rate = await trialWelcomeRate(page);
    const before = await rate.inputValue();
    await rate.fill("37");
    await rate.press("Enter");
    const own = page.getByRole("region", { name: "To-be's own values" }).first();
    await expect.poll(() => own.textContent()).toContain("Response rate");

    await showScenario(page, "As-is");
    await expect.poll(async () => (await trialWelcomeRate(page)).inputValue()).toBe(before);

    await showScenario(page, "To-be");
    await (await trialWelcomeRate(page)).waitFor();
    await own.getByRole("button", { name: "Apply to all scenarios" }).click();
    await expect.poll(() => own.count()).toBe(0);
    for (const scenario of ["As-is", "Plan"]) {
      await showScenario(page, scenario);
      await expect.poll(async () => (await trialWelcomeRate(page)).inputValue()).toBe("37");
    }

    // Scenarios are part of the roadmap: after a reload they are all there.
    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    await switcher(page).click();
    const names = await page.getByRole("menuitemradio").allTextContents();
    expect(names.map((n) => n.replace(/^✓ /, "").replace(/base plan$/, ""))).toEqual(["Plan", "As-is", "To-be"]);
  });

  it(
    "compares As-is with a To-be made on screen, and prints the comparison from the To-be",
    async () => {
      page = await app.open();
      await openTemplate(page);
      await runFromSwitcher(page, "As-is from existing communications");
      await showScenario(page, "Plan");
      await runFromSwitcher(page, "New scenario…");
      const dialog = page.getByRole("dialog", { name: "New scenario" });
      await dialog.getByLabel("Name").fill("To-be");
      await dialog.getByRole("button", { name: "Create" }).click();
      await expect.poll(() => switcher(page).textContent()).toContain("To-be");
      const rate = await trialWelcomeRate(page);
      await rate.fill("60");
      await rate.press("Enter");

      await page.getByRole("tab", { name: "Compare" }).click();
      const totals = page.getByRole("table", { name: "Totals" });
      await totals.waitFor();
      await page.getByRole("status").filter({ hasText: "Comparing scenarios" }).waitFor({ state: "detached" });
      expect(await totals.getByRole("columnheader").allTextContents()).toEqual(["", "Plan", "As-is", "To-be"]);
      const values = await totals
        .getByRole("row", { name: /^Expected value/ })
        .getByRole("cell")
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
      const [plan = 0, asIs = 0, toBe = 0] = values;
      // As-is sends fewer communications than the plan; To-be answers the trial welcome better.
      expect(asIs).toBeLessThan(plan);
      expect(toBe).toBeGreaterThan(plan);

      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.getByRole("button", { name: "Export", exact: true }).click();
      const exportDialog = page.getByRole("dialog", { name: /^Export “/ });
      await exportDialog.getByRole("radio", { name: /Executive report/ }).check();
      expect(await exportDialog.getByRole("checkbox", { name: "Scenario comparison" }).isChecked()).toBe(true);
      await exportDialog.getByRole("button", { name: "Export", exact: true }).click();
      await exportDialog.waitFor({ state: "detached" });
      await page.locator(".report-print-root .report-scenarios-detail").waitFor({ state: "attached" });
      const pdfFile = path.join(folder, "to-be-report.pdf");
      writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      const pages = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).split("\f");
      const comparison = pages.find((text) => text.trimStart().startsWith("Scenario comparison"));
      expect(comparison, "the report has the scenario comparison").toBeDefined();
      // Exported while To-be is shown: To-be is the plan the report is about, compared with the others.
      expect((comparison ?? "").replace(/\s+/g, " ")).toContain("“To-be” against “Plan” and “As-is”");
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
