import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

describe("communications on a phase", () => {
  it("adds one by typing its name and Enter, edits its timing, and it survives a reload", async () => {
    page = await app.open();
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await phaseNode(page, "Lapsed").click();
    const quickAdd = page.getByRole("textbox", { name: "New communication" });
    await quickAdd.fill("Win-back survey");
    await quickAdd.press("Enter");
    const item = page.getByRole("listitem", { name: "Communication Win-back survey" });
    await item.waitFor();
    expect(await quickAdd.inputValue()).toBe("");

    // Two more, on two phases: one typed here, one on another phase picked with the mouse.
    await quickAdd.fill("Win-back call");
    await quickAdd.press("Enter");
    await page.getByRole("listitem", { name: "Communication Win-back call" }).waitFor();
    await phaseNode(page, "Trial").click();
    await page.getByRole("textbox", { name: "New communication" }).fill("Trial check-in");
    await page.getByRole("textbox", { name: "New communication" }).press("Enter");
    await page.getByRole("listitem", { name: "Communication Trial check-in" }).waitFor();
    await phaseNode(page, "Lapsed").click();

    await item.getByText("All fields").click();
    await item.getByRole("combobox", { name: "Timing" }).selectOption("recurring");
    const every = item.getByRole("textbox", { name: "Every (months)" });
    await every.fill("0");
    await every.press("Enter");
    await expect
      .poll(() => item.getByRole("alert").textContent())
      .toBe("Every (months) must be between 1 and 120, not 0. Not saved — still 3. Esc restores it.");
    await every.fill("6");
    await every.press("Enter");
    await item.getByRole("combobox", { name: "Purpose" }).selectOption("survey");
    await savedToLibrary(page);

    await page.reload();
    await phaseNode(page, "Lapsed").click();
    const saved = page.getByRole("listitem", { name: "Communication Win-back survey" });
    await saved.getByText("All fields").click();
    expect(await saved.getByRole("combobox", { name: "Timing" }).inputValue()).toBe("recurring");
    expect(await saved.getByRole("textbox", { name: "Every (months)" }).inputValue()).toBe("6");
    expect(await saved.getByRole("combobox", { name: "Purpose" }).inputValue()).toBe("survey");
    await page.getByRole("listitem", { name: "Communication Win-back call" }).waitFor();
    await phaseNode(page, "Trial").click();
    await page.getByRole("listitem", { name: "Communication Trial check-in" }).waitFor();
  });

  it("refuses a response rate over 100 % at the field", async () => {
    page = await app.open();
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await phaseNode(page, "Trial").click();
    const item = page.getByRole("listitem", { name: /^Communication / }).first();
    await item.getByText("All fields").click();
    const rate = item.getByRole("textbox", { name: "Response rate" });
    const before = await rate.inputValue();
    await rate.fill("140");
    await rate.press("Enter");
    await expect
      .poll(() => item.getByRole("alert").textContent())
      .toBe(`Response rate must be between 0% and 100%, not 140%. Not saved — still ${before}%. Esc restores it.`);
    await rate.press("Escape");
    await expect.poll(() => rate.inputValue()).toBe(before);
  });
});

describe("moving a communication", () => {
  it("moves it to another phase by dragging it onto that phase on the canvas", async () => {
    page = await app.open();
    await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
    await phaseNode(page, "Advocate").click();
    const item = page.getByRole("listitem", { name: /^Communication / }).first();
    const name = ((await item.getAttribute("aria-label")) ?? "").replace(/^Communication /, "");
    await item.dragTo(phaseNode(page, "Renewal due"));
    await expect.poll(() => page.getByRole("textbox", { name: "Name", exact: true }).inputValue()).toBe("Renewal due");
    await page.getByRole("listitem", { name: `Communication ${name}` }).waitFor();
    await expect
      .poll(() => phaseNode(page, "Advocate").locator(".phase-node-stats").textContent())
      .toMatch(/0 comms\./);
  });
});
