import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MIN_TEXT_PX } from "../renderer/features/presentation/camera";
import { planRoadmap } from "../shared/engine";
import { communicationsOf, findTemplate } from "../shared/model";
import { MOD, openTemplate, phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

const template = findTemplate("b2b-subscription-software")?.create();
if (!template) throw new Error("the B2B template is missing");

/** The template's phases in lifecycle order: stage by stage, left to right, top to bottom in a column. */
const LIFECYCLE = [
  "Trial",
  "First 90 days",
  "Active single-product",
  "Multi-product",
  "Advocate",
  "Renewal due",
  "At risk",
  "Lapsed",
];

const presentation = (page: Page) => page.getByRole("dialog", { name: "Presentation" });
const counter = (page: Page) => presentation(page).locator(".present-counter");
const currentCard = (page: Page) => presentation(page).locator(".present-card[aria-current=step]");
const sideHeading = (page: Page) => presentation(page).locator(".present-side h1");

/**
 * Every text node of presentation mode that shows on screen, with the size it
 * is drawn at in screen px: its computed font size times the scale of every
 * transform above it (the SVG camera for the diagram, any CSS transform for
 * the rest). Returns how many texts were measured, how many of them sit in the
 * diagram, and those under the minimum.
 */
async function measureText(page: Page): Promise<{ measured: number; inDiagram: number; tooSmall: string[] }> {
  return page.evaluate((min) => {
    const root = document.querySelector(".presentation");
    if (!root) throw new Error("presentation mode is not open");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const tooSmall: string[] = [];
    let measured = 0;
    let inDiagram = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const element = node.parentElement;
      if (!text || !element) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const onScreen = [...range.getClientRects()].some(
        (r) => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
      );
      const style = getComputedStyle(element);
      if (!onScreen || style.visibility === "hidden" || style.display === "none") continue;
      let scale = 1;
      if (element instanceof SVGGraphicsElement) {
        const matrix = element.getScreenCTM();
        if (!matrix) continue;
        scale = Math.hypot(matrix.a, matrix.b);
        inDiagram++;
      }
      for (let e: Element | null = element; e; e = e.parentElement) {
        if (e instanceof SVGElement) continue;
        const transform = getComputedStyle(e).transform;
        if (transform && transform !== "none") {
          const matrix = new DOMMatrix(transform);
          scale *= Math.hypot(matrix.a, matrix.b);
        }
      }
      const size = Number.parseFloat(style.fontSize) * scale;
      measured++;
      if (size < min - 0.01) tooSmall.push(`“${text}” at ${size.toFixed(1)} px`);
    }
    return { measured, inDiagram, tooSmall };
  }, MIN_TEXT_PX);
}

async function expectReadable(page: Page, step: string, diagramText: boolean) {
  const { measured, inDiagram, tooSmall } = await measureText(page);
  expect(tooSmall, `text under ${MIN_TEXT_PX} px on ${step}`).toEqual([]);
  expect(measured).toBeGreaterThan(3);
  // Phase steps zoom in far enough for the cards' words; the measurement must have seen them.
  if (diagramText) expect(inDiagram, `card text measured on ${step}`).toBeGreaterThanOrEqual(3);
}

/** What the editor shows, to check presenting left it as it was. */
async function editorState(page: Page) {
  return {
    viewport: await page.locator(".react-flow__viewport").getAttribute("style"),
    phases: await page.locator(".react-flow__node").allTextContents(),
    saveStatus: await page.locator(".save-status").textContent(),
    unsaved: await page.locator(".topbar-unsaved").count(),
  };
}

const NEXT_KEYS = ["ArrowRight", "ArrowDown", "Space", "PageDown"];

describe.each([
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
])("presentation mode at $width×$height", ({ width, height }) => {
  it("walks every phase in lifecycle order in type at least 18 px, ends on the totals, and leaves the editor as it was", async () => {
    const page = await app.open();
    await page.setViewportSize({ width, height });
    await openTemplate(page);
    await expect.poll(() => page.locator(".save-status").textContent()).toBe("Saved");
    const before = await editorState(page);
    const steps = LIFECYCLE.length + 2;

    await page.keyboard.press("F5");
    await presentation(page).waitFor();
    // Nothing of the editor shows: the presentation covers the whole window.
    const box = await presentation(page).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width, height });
    await expect.poll(() => counter(page).textContent()).toBe(`1 / ${steps}`);
    expect(await sideHeading(page).textContent()).toBe(template.name);
    await expectReadable(page, "the title", false);

    for (const [i, name] of LIFECYCLE.entries()) {
      await page.keyboard.press(NEXT_KEYS[i % NEXT_KEYS.length] as string);
      await expect.poll(() => counter(page).textContent()).toBe(`${i + 2} / ${steps}`);
      expect(await currentCard(page).getAttribute("data-phase-name")).toBe(name);
      expect(await sideHeading(page).textContent()).toBe(name);
      const phase = template.phases.find((p) => p.name === name);
      const panel = await presentation(page).locator(".present-side").textContent();
      const communications = communicationsOf(template, phase?.id ?? "").filter((c) => c.status !== "retired");
      for (const c of communications) expect(panel).toContain(c.name);
      // Costs show, as the Show costs switch is on.
      if (communications.length > 0) expect(panel).toContain("€");
      // The highlighted phase is in the middle of the picture.
      const card = await currentCard(page).boundingBox();
      const diagram = await presentation(page).locator(".present-diagram").boundingBox();
      if (!card || !diagram) throw new Error("the phase or the diagram is not on screen");
      expect(Math.abs(card.x + card.width / 2 - (diagram.x + diagram.width / 2))).toBeLessThan(2);
      await expectReadable(page, name, true);
    }

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).textContent()).toBe(`${steps} / ${steps}`);
    const plan = planRoadmap(template);
    const total = (id: string) => presentation(page).locator(`[data-total=${id}]`).getAttribute("data-value");
    await expect.poll(() => total("customers")).toBe(String(plan.customers.atStart + plan.customers.arrivals));
    expect(Number(await total("contacts"))).toBeCloseTo(plan.budget.totalReach, 6);
    expect(Number(await total("responses"))).toBeCloseTo(plan.budget.totalResponses, 6);
    expect(Number(await total("value"))).toBeCloseTo(plan.budget.totalValue, 6);
    expect(Number(await total("budget"))).toBeCloseTo(plan.budget.totalCost, 6);
    expect(Number(await total("roi"))).toBeCloseTo(plan.budget.roi ?? Number.NaN, 9);
    await expectReadable(page, "the overview", false);

    // Past the end it stays on the end; Home, End and back work.
    await page.keyboard.press("ArrowRight");
    expect(await counter(page).textContent()).toBe(`${steps} / ${steps}`);
    await page.keyboard.press("Home");
    await expect.poll(() => counter(page).textContent()).toBe(`1 / ${steps}`);
    await page.keyboard.press("End");
    await expect.poll(() => counter(page).textContent()).toBe(`${steps} / ${steps}`);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentCard(page).getAttribute("data-phase-name")).toBe(LIFECYCLE.at(-1));
    await page.keyboard.press("PageUp");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => currentCard(page).getAttribute("data-phase-name")).toBe(LIFECYCLE.at(-3));
    // Keys that edit in the editor do nothing here.
    await page.keyboard.press("Delete");
    await page.keyboard.press(`${MOD}+z`);

    await page.keyboard.press("Escape");
    await presentation(page).waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await editorState(page)).toEqual(before);
  });
});

describe("presentation mode and the browser's full screen", () => {
  it("takes the full screen, and leaving it by the browser leaves presentation mode", async () => {
    const page = await app.open();
    await openTemplate(page);
    await page.getByRole("button", { name: "Present" }).first().click();
    await presentation(page).waitFor();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName)).toBe("HTML");
    await page.evaluate(() => document.exitFullscreen());
    await presentation(page).waitFor({ state: "detached" });
    await phaseNode(page, "Trial").waitFor();
  });
});

describe("the walk order", () => {
  const walkList = (page: Page) => page.getByRole("list", { name: "Presentation order" });
  const listed = (page: Page) => walkList(page).locator(".walk-order-name").allTextContents();

  it("is reordered by drag and by keyboard, one undo step each, saved with the roadmap and used after a reload", async () => {
    const page = await app.open();
    await openTemplate(page);
    await expect.poll(() => listed(page)).toEqual(LIFECYCLE);

    // Drag Lapsed onto the top half of Trial: it goes first.
    const item = (name: string) => walkList(page).getByRole("listitem", { name: new RegExp(`^\\d+\\. ${name}$`) });
    await item("Lapsed").dragTo(item("Trial"), { targetPosition: { x: 20, y: 4 } });
    await expect.poll(() => listed(page)).toEqual(["Lapsed", ...LIFECYCLE.slice(0, -1)]);

    // Alt+↓ moves the focused phase one down, and the keyboard stays on it.
    await item("Trial").focus();
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => listed(page)).toEqual(["Lapsed", "First 90 days", "Trial", ...LIFECYCLE.slice(2, -1)]);
    await page.keyboard.press("Alt+ArrowDown");
    const order = ["Lapsed", "First 90 days", "Active single-product", "Trial", ...LIFECYCLE.slice(3, -1)];
    await expect.poll(() => listed(page)).toEqual(order);

    // Reset is one step, and so is its undo.
    await page.getByRole("button", { name: "Reset to lifecycle order" }).click();
    await expect.poll(() => listed(page)).toEqual(LIFECYCLE);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => listed(page)).toEqual(order);

    await savedToLibrary(page);
    await page.reload();
    await expect.poll(() => listed(page)).toEqual(order);

    await page.keyboard.press("F5");
    await presentation(page).waitFor();
    for (const name of order) {
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => currentCard(page).getAttribute("data-phase-name")).toBe(name);
    }
  });
});
