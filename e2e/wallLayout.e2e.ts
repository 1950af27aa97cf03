import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { canvasOf, MOD, openTemplate, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

interface Rect {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The phases and rate labels as drawn on screen, named by their text. */
const drawnRects = (p: Page, selector: string) =>
  p.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        name: (element.textContent ?? "").slice(0, 40),
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      };
    }),
  );

const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The template, auto-arranged on a projector-sized window, the whole roadmap in view. */
async function arrangedTemplate(): Promise<Page> {
  const opened = await app.open();
  await opened.setViewportSize({ width: 1920, height: 1080 });
  await openTemplate(opened);
  const before = await opened
    .locator(".react-flow__node")
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform));
  await opened.getByRole("button", { name: "Auto-arrange" }).click();
  // The layout runs in a worker that loads on first use: wait until the phases have moved, however long that takes.
  await opened.waitForFunction(
    (was) =>
      [...document.querySelectorAll<HTMLElement>(".react-flow__node")].some((n, i) => n.style.transform !== was[i]),
    before,
  );
  await opened.getByText("Arranging phases…").waitFor({ state: "detached" });
  return opened;
}

/** The rate label of the transition whose trigger reads `trigger`. */
const labelOf = (p: Page, trigger: string) => p.locator(".transition-label", { hasText: trigger });

describe("the template laid out for the wall", () => {
  it("auto-arranges so that no rate label covers a phase or another label", async () => {
    page = await arrangedTemplate();
    const transitions = await page.locator(".react-flow__edge").count();
    await expect.poll(() => page.locator(".transition-label").count()).toBe(transitions);
    const collisions = async () => {
      const phases = await drawnRects(page, ".react-flow__node");
      const labels = await drawnRects(page, ".transition-label");
      const found: string[] = [];
      labels.forEach((label, index) => {
        for (const phase of phases) if (overlap(label, phase)) found.push(`${label.name} covers ${phase.name}`);
        for (const other of labels.slice(index + 1)) {
          if (overlap(label, other)) found.push(`${label.name} covers ${other.name}`);
        }
      });
      return found;
    };
    // Phases are measured once drawn at the fitted zoom, and the labels placed for the sizes measured.
    await expect.poll(collisions).toEqual([]);
  });

  it("takes a rate typed on its label, as one undo step, and refuses one that is not a rate", async () => {
    page = await arrangedTemplate();
    const label = labelOf(page, "Signs the first subscription");
    await label.getByRole("button").dblclick();
    const input = page.getByRole("textbox", { name: "Monthly rate" }).first();
    await input.fill("12.5");
    await input.press("Enter");
    await expect.poll(() => label.locator("button").textContent()).toBe("12.5%/mo*");
    // Editing a rate selects its transition: the inspector shows the new rate.
    await expect.poll(() => page.locator(".inspector").getByLabel("Monthly rate").inputValue()).toBe("12.5");

    await label.getByRole("button").dblclick();
    await page.locator(".transition-label input").fill("lots");
    await page.locator(".transition-label input").press("Enter");
    await page.getByText(/The rate of Trial → First 90 days stays as it was: .*“lots”/).waitFor();
    expect(await label.locator("button").textContent()).toBe("12.5%/mo*");

    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => label.locator("button").textContent()).toBe("30%/mo*");
  });

  it("draws a transition the user marks as a loop in the loop style", async () => {
    page = await arrangedTemplate();
    const label = labelOf(page, "Signs the first subscription");
    expect(await label.getAttribute("class")).not.toContain("is-loop");
    const loopPaths = () => page.locator(".react-flow__edge-path.is-loop").count();
    const before = await loopPaths();
    await label.getByRole("button").dblclick();
    await page.locator(".transition-label input").press("Escape");
    const loopBox = page.getByRole("checkbox", { name: "Draw as a loop back" });
    await loopBox.check();
    await expect.poll(() => label.getAttribute("class")).toContain("is-loop");
    expect(await loopPaths()).toBe(before + 1);
  });
});
