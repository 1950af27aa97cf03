import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Roadmap } from "../shared/model";
import { computeRsi } from "../shared/survey/rsi";
import { exportedDocument, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-survey-flow-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("from survey answers to the executive report", () => {
  it("imports the sample answers, shows each phase's RSI on the canvas and prints the RSI page", async () => {
    const page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: "Survey" }).click();
    await page.getByRole("button", { name: "Try sample answers" }).click();
    const wizard = page.getByRole("dialog", { name: "Import survey answers" });
    await wizard.getByRole("heading", { name: "What each column holds" }).waitFor();
    await wizard.getByRole("button", { name: "Next" }).click();
    await wizard.getByRole("heading", { name: "What the values mean" }).waitFor();
    await wizard.getByRole("button", { name: "Next" }).click();
    await wizard.getByRole("heading", { name: "Preview" }).waitFor();
    await wizard.getByRole("button", { name: /^Import \d+ respondents$/ }).click();
    await wizard.waitFor({ state: "detached" });

    const roadmap: Roadmap = await exportedDocument(page);
    const rsi = computeRsi(roadmap);
    const phaseName = (id: string) => roadmap.phases.find((p) => p.id === id)?.name ?? id;
    const shown = rsi.phases.filter((cell) => cell.rsi !== null);
    expect(shown.length).toBeGreaterThan(3);

    await page.getByRole("tab", { name: "Canvas" }).click();
    for (const cell of shown) {
      const badge = phaseNode(page, phaseName(cell.phaseId)).locator(".rsi-badge");
      await badge.waitFor();
      expect(await badge.textContent()).toBe(`RSI ${Math.round(cell.rsi ?? 0)}`);
    }

    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: /^Export “/ });
    await dialog.getByRole("radio", { name: /Executive report/ }).check();
    expect(await dialog.getByRole("checkbox", { name: "Relationship strength (survey)" }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".report-print-root .report-rsi-insights").waitFor({ state: "attached" });
    const pdfFile = path.join(folder, "report.pdf");
    writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));

    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("The RSI along the lifecycle");
    expect(text).toContain("What the survey says about the plan");
    for (const cell of shown) expect(text).toContain(phaseName(cell.phaseId));
  }, 300_000);
});
