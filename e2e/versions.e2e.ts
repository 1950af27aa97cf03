import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { canvasOf, MOD, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

/** The Budget view's total as the user reads it. */
async function budgetText(page: Page): Promise<string> {
  await page.getByRole("tab", { name: "Budget" }).click();
  await expect.poll(() => page.locator(".plan-view.is-stale").count()).toBe(0);
  const total = (await page.getByTestId("budget-total").textContent()) ?? "";
  await page.getByRole("tab", { name: "Canvas" }).click();
  return total;
}

/** Saves a version through its shortcut and dialog, pressing Enter in the name as a user in a hurry would. */
async function saveVersion(page: Page, name: string, note: string) {
  await canvasOf(page).focus();
  await page.keyboard.press(`${MOD}+Alt+KeyS`);
  const dialog = page.getByRole("dialog", { name: "Save version" });
  const nameField = dialog.getByRole("textbox", { name: "Name" });
  expect(await nameField.inputValue()).toMatch(/^Version of /);
  await dialog.getByRole("textbox", { name: "Note" }).fill(note);
  await nameField.fill(name);
  await nameField.press("Enter");
  await page.getByText(`Saved the version “${name}”.`).waitFor();
}

/** Renames a phase in the inspector. */
async function renamePhase(page: Page, from: string, to: string) {
  await phaseNode(page, from).click();
  const field = page.getByRole("textbox", { name: "Name", exact: true });
  await field.fill(to);
  await field.press("Enter");
  await phaseNode(page, to).waitFor();
}

const versionsPanel = (page: Page) => page.getByRole("complementary", { name: "Versions panel" });

describe("named versions", () => {
  it("saves a version, compares it with the changed roadmap, restores it, and undo brings the changes back", async () => {
    const page = await app.open();
    await openTemplate(page);
    const budgetBefore = await budgetText(page);
    await saveVersion(page, "Board 12th", "Shown to the board");

    // Three changes: a phase renamed, a response rate, a new communication.
    await renamePhase(page, "Trial", "Free trial");
    const item = page.getByRole("listitem", { name: /^Communication / }).first();
    const communication = ((await item.getAttribute("aria-label")) ?? "").replace(/^Communication /, "");
    await item.getByText("All fields").click();
    const rate = item.getByRole("textbox", { name: "Response rate" });
    const rateBefore = await rate.inputValue();
    await rate.fill("37");
    await rate.press("Enter");
    await phaseNode(page, "Lapsed").click();
    const quickAdd = page.getByRole("textbox", { name: "New communication" });
    await quickAdd.fill("Board follow-up call");
    await quickAdd.press("Enter");
    await page.getByRole("listitem", { name: "Communication Board follow-up call" }).waitFor();
    const budgetAfter = await budgetText(page);
    expect(budgetAfter).not.toBe(budgetBefore);

    // The panel from the top bar; the version with its note; compared with the current state.
    await page.getByRole("button", { name: "Versions", exact: true }).click();
    const panel = versionsPanel(page);
    const saved = panel.getByRole("listitem", { name: "Version Board 12th" });
    await saved.getByText("Shown to the board").waitFor();
    await saved.getByText("Named").waitFor();
    await saved.getByRole("checkbox").check();
    await panel.getByRole("checkbox", { name: "Current state" }).check();
    await panel.getByRole("button", { name: /^Compare/ }).click();
    const comparison = page.getByRole("dialog", { name: "Compare “Board 12th” with the current state" });
    const budgetRow = comparison.getByRole("row", { name: /^Budget/ });
    await budgetRow.waitFor();
    const cells = await budgetRow.getByRole("cell").allTextContents();
    expect(cells.slice(0, 2)).toEqual([budgetBefore, budgetAfter]);
    expect(cells[2]).not.toBe("no change");
    const changes = comparison.getByRole("region", { name: "What changed" });
    await changes.getByText("Free trial").first().waitFor();
    await changes.getByText("Board follow-up call").first().waitFor();
    const rateChange = changes.getByText(communication).first();
    await rateChange.waitFor();
    const text = (await changes.textContent()) ?? "";
    expect(text).toContain("Trial");
    expect(text).toContain(`${rateBefore}`);
    expect(text).toContain("37");
    await comparison.getByRole("button", { name: "Close" }).click();

    // Restore: the changes are gone, the state before is kept as a version, undo brings it back.
    await saved.getByRole("button", { name: "Restore…" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Restore “Board 12th”?" });
    await confirm.getByText(/kept as a version first/).waitFor();
    await confirm.getByRole("button", { name: "Restore" }).click();
    await phaseNode(page, "Trial").waitFor();
    expect(await phaseNode(page, "Free trial").count()).toBe(0);
    await panel.getByText("Before restore").waitFor();
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+KeyZ`);
    await phaseNode(page, "Free trial").waitFor();
    // The panel takes room from the canvas; closed, every phase is in view again.
    await panel.getByRole("button", { name: "Close the Versions panel" }).click();
    await phaseNode(page, "Lapsed").click();
    await page.getByRole("listitem", { name: "Communication Board follow-up call" }).waitFor();
  });

  it("opens a version read only: it is shown, every edit is refused, and Back returns to the roadmap", async () => {
    const page = await app.open();
    await openTemplate(page);
    await saveVersion(page, "Board 12th", "");
    await renamePhase(page, "Trial", "Free trial");

    await page.getByRole("button", { name: "Versions", exact: true }).click();
    await versionsPanel(page)
      .getByRole("listitem", { name: "Version Board 12th" })
      .getByRole("button", { name: "Open read only" })
      .click();
    const banner = page.getByRole("status").filter({ hasText: "Viewing version “Board 12th”" });
    await banner.getByText("read only").waitFor();
    await phaseNode(page, "Trial").waitFor();
    expect(await phaseNode(page, "Free trial").count()).toBe(0);

    // The inspector's fields are disabled; adding a phase is refused, and said so.
    await phaseNode(page, "Trial").click();
    expect(await page.getByRole("textbox", { name: "Name", exact: true }).isDisabled()).toBe(true);
    const phases = await page.locator(".react-flow__node").count();
    await page.getByRole("toolbar", { name: "Canvas" }).getByRole("button", { name: "Add phase" }).click();
    await page.getByText(/“Board 12th” is open read only: nothing in it can be changed/).waitFor();
    expect(await page.locator(".react-flow__node").count()).toBe(phases);

    await banner.getByRole("button", { name: "Back to the roadmap" }).click();
    await phaseNode(page, "Free trial").waitFor();
    await banner.waitFor({ state: "detached" });
    expect(await page.getByRole("textbox", { name: "Name", exact: true }).isDisabled()).toBe(false);
  });
});
