import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { canvasOf, MOD, openTemplate, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

/** The canvas's zoom, from React Flow's viewport transform ("translate(…) scale(0.62)"). */
const zoom = (p: Page) =>
  p
    .locator(".react-flow__viewport")
    .evaluate((viewport) => Number(/scale\(([\d.]+)\)/.exec((viewport as HTMLElement).style.transform)?.[1]));

describe("the command palette", () => {
  it("opens with Ctrl+K, finds Add phase by typing, and runs it with Enter", async () => {
    page = await app.open();
    await openTemplate(page);
    const phases = page.locator(".react-flow__node");
    const before = await phases.count();

    await page.keyboard.press(`${MOD}+k`);
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").waitFor();
    await page.keyboard.type("add pha");
    await expect.poll(() => palette.getByRole("option").first().textContent()).toBe("Add phase");
    await page.keyboard.press("Enter");

    await palette.waitFor({ state: "detached" });
    await expect.poll(() => phases.count()).toBe(before + 1);
  });

  it("closes with Escape and gives the keyboard back to where it was", async () => {
    page = await app.open();
    await openTemplate(page);
    const button = page.getByRole("button", { name: "Commands" });
    await button.click();
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").waitFor();
    await page.keyboard.press("Escape");
    await palette.waitFor({ state: "detached" });
    await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});

describe("shortcuts on the physical key", () => {
  it("Ctrl+Shift+0 zooms the canvas to 100 %", async () => {
    page = await app.open();
    await openTemplate(page);
    // The template opens fitted to the window, smaller than life.
    await expect.poll(() => zoom(page)).toBeLessThan(1);
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+Shift+Digit0`);
    await expect.poll(() => zoom(page)).toBe(1);
  });

  it("Ctrl+W closes the roadmap, back to the library", async () => {
    page = await app.open();
    await openTemplate(page);
    await page.keyboard.press(`${MOD}+w`);
    await page.getByRole("heading", { name: "Roadmaps" }).waitFor();
    expect(await canvasOf(page).count()).toBe(0);
  });
});
