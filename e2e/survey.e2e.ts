import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MOD, openTemplate, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

/** Clicks a button that saves a file and returns the download's name and bytes. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The Questionnaire sheet's rows under its header, as [id, statement, dimension, scale, reversed, weight]. */
async function questionnaireRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Questionnaire");
  if (!sheet) throw new Error("no Questionnaire sheet");
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe("the Survey tab", () => {
  it("edits a statement, flips it to reversed, and exports the questionnaire and the blank answers file with it", async () => {
    const page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: "Survey" }).click();
    await page.getByRole("heading", { name: "Relationship survey" }).waitFor();

    const item = page.getByRole("listitem", { name: "Statement value-2" });
    const text = item.getByRole("textbox", { name: "Statement" });
    await text.fill("The company helps me get value from my subscription.");
    await text.press("Enter");
    const reversed = item.getByRole("checkbox", { name: "Reversed" });
    await reversed.check();
    await expect.poll(() => reversed.isChecked()).toBe(true);
    await page.getByText("20 statements in 6 dimensions, 6 reversed").waitFor();

    const workbook = await download(page, "Export questionnaire (XLSX)");
    expect(workbook.name).toMatch(/ – questionnaire\.xlsx$/);
    const rows = await questionnaireRows(workbook.bytes);
    expect(rows).toHaveLength(20);
    const edited = rows.find((row) => row[0] === "value-2");
    expect(edited?.slice(0, 3)).toEqual([
      "value-2",
      "The company helps me get value from my subscription.",
      "Perceived value",
    ]);
    expect(edited?.[4]).toBe("Yes");
    expect(rows.filter((row) => row[4] === "Yes")).toHaveLength(6);

    const csv = await download(page, "Blank answers file (CSV)");
    expect(csv.name).toMatch(/ – blank answers\.csv$/);
    const header =
      csv.bytes
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .split("\r\n")[0] ?? "";
    expect(header).toContain("value-2: The company helps me get value from my subscription.");
    expect(header.split(",").filter((column) => /^"?[a-z]+-\d+: /.test(column))).toHaveLength(20);
  });

  it("imports sample answers through the wizard as a wave, which can be renamed, removed and brought back", async () => {
    const page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: "Survey" }).click();
    await page.getByText("No answers yet.", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Try sample answers" }).click();
    const wizard = page.getByRole("dialog");
    const importButton = wizard.getByRole("button", { name: /^Import \d/ });
    // The sample needs no choices: every step goes on as the wizard guessed until it offers the import.
    while (!(await importButton.isVisible())) await wizard.getByRole("button", { name: "Next" }).click();
    await importButton.click();
    await wizard.waitFor({ state: "detached" });

    const wave = page.getByRole("row", { name: /^Wave / });
    await wave.waitFor();
    expect(await wave.textContent()).toContain("sample-answers.csv");
    const name = wave.getByRole("textbox", { name: /^Name of / });
    await name.fill("Sample wave");
    await name.press("Enter");
    await page.getByRole("row", { name: "Wave Sample wave" }).waitFor();

    await page.getByRole("button", { name: "Remove wave Sample wave" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove wave" }).click();
    await page.getByText("No answers yet.", { exact: false }).waitFor();
    await page.keyboard.press(`${MOD}+z`);
    await page.getByRole("row", { name: "Wave Sample wave" }).waitFor();
  });
});
