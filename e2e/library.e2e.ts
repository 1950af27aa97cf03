import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { importRoadmapText, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

const TEMPLATE_NAME = "B2B subscription software — customer lifecycle";

async function createFromTemplate(p: Page) {
  await p.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
  await p.locator(".react-flow__node", { hasText: "Trial" }).waitFor();
  await p.getByRole("button", { name: "Back to roadmaps" }).click();
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function exportVia(p: Page, buttonName: string) {
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("button", { name: buttonName }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

const rowNames = (p: Page) => p.getByTestId("roadmap-row").locator(".roadmap-name").allTextContents();

describe("the roadmap library in the browser build", () => {
  it("creates from the template, renames, and still has it after a reload", async () => {
    page = await app.open();
    await createFromTemplate(page);
    expect(await rowNames(page)).toEqual([TEMPLATE_NAME]);

    await page.getByRole("button", { name: `Rename ${TEMPLATE_NAME}` }).click();
    const field = page.getByRole("textbox", { name: `New name for ${TEMPLATE_NAME}` });
    await field.fill("Contoso — subscription lifecycle 2027");
    await field.press("Enter");
    await page.getByRole("button", { name: "Contoso — subscription lifecycle 2027", exact: true }).waitFor();

    await page.reload();
    await page.getByRole("button", { name: "Contoso — subscription lifecycle 2027", exact: true }).waitFor();
    expect(await rowNames(page)).toEqual(["Contoso — subscription lifecycle 2027"]);
    const row = page.getByTestId("roadmap-row").first();
    expect(await row.locator("td").nth(1).textContent()).toBe("Example SaaS Ltd");
  });

  it("reopens the roadmap that was open before a reload", async () => {
    page = await app.open();
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await page.locator(".react-flow__node", { hasText: "Trial" }).waitFor();
    await page.reload();
    await page.locator(".react-flow__node", { hasText: "Trial" }).waitFor();
    expect(await page.locator(".topbar-name").textContent()).toBe(TEMPLATE_NAME);
  });

  it("exports a .roadmap and imports it back identical", async () => {
    page = await app.open();
    await createFromTemplate(page);
    const exported = await exportVia(page, `Export ${TEMPLATE_NAME}`);
    expect(exported.name).toBe(`${TEMPLATE_NAME}.roadmap`);

    await importRoadmapText(page, exported.name, exported.text);
    const conflict = page.getByRole("alertdialog", { name: "This roadmap is already in your library" });
    await conflict.getByRole("button", { name: "Replace" }).click();
    await page.getByText(`Replaced “${TEMPLATE_NAME}” with the imported file.`).waitFor();
    const again = await exportVia(page, `Export ${TEMPLATE_NAME}`);
    expect(again.text).toBe(exported.text);

    await importRoadmapText(page, exported.name, exported.text);
    await conflict.getByRole("button", { name: "Keep both" }).click();
    await page.getByText(`Imported “${TEMPLATE_NAME} (copy)”.`).waitFor();
    const copy = await exportVia(page, `Export ${TEMPLATE_NAME} (copy)`);
    const { id: _a, name: _b, createdAt: _c, updatedAt: _d, ...copyContent } = JSON.parse(copy.text);
    const { id: _e, name: _f, createdAt: _g, updatedAt: _h, ...originalContent } = JSON.parse(exported.text);
    expect(copyContent).toEqual(originalContent);
  });

  it("refuses a bad file with a message naming the file and field, and leaves the library unchanged", async () => {
    page = await app.open();
    await createFromTemplate(page);
    const before = await rowNames(page);
    const { text } = await exportVia(page, `Export ${TEMPLATE_NAME}`);
    const broken = JSON.parse(text);
    broken.phases[2].churnRate = 1.4;

    await importRoadmapText(page, "from-a-colleague.roadmap", JSON.stringify(broken));
    const dialog = page.getByRole("alertdialog", { name: "Could not import from-a-colleague.roadmap" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("phases[2].churnRate: must be between 0 and 1, got 1.4");
    await dialog.getByRole("button", { name: "OK" }).click();

    await importRoadmapText(page, "notes.roadmap", "these are my meeting notes");
    const notJson = page.getByRole("alertdialog", { name: "Could not import notes.roadmap" });
    expect(await notJson.textContent()).toContain("the file is not valid JSON");
    await notJson.getByRole("button", { name: "OK" }).click();

    await page.reload();
    await page.getByTestId("roadmap-row").first().waitFor();
    expect(await rowNames(page)).toEqual(before);
  });

  it("moves a roadmap to the trash, undoes it, and restores from the trash", async () => {
    page = await app.open();
    await createFromTemplate(page);
    await page.getByRole("button", { name: `Move ${TEMPLATE_NAME} to the trash` }).click();
    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await page.getByRole("button", { name: TEMPLATE_NAME, exact: true }).waitFor();
    expect(await rowNames(page)).toEqual([TEMPLATE_NAME]);

    await page.getByRole("button", { name: `Move ${TEMPLATE_NAME} to the trash` }).click();
    await page.getByRole("button", { name: "Trash (1)" }).click();
    await page.getByRole("button", { name: `Restore ${TEMPLATE_NAME}` }).click();
    await page.getByText("The trash is empty.").waitFor();
    await page.getByRole("button", { name: "Back to roadmaps" }).click();
    await page.getByRole("button", { name: TEMPLATE_NAME, exact: true }).waitFor();
    expect(await rowNames(page)).toEqual([TEMPLATE_NAME]);
  });
});
