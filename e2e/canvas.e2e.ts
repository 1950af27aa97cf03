import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  canvasOf,
  exportedDocument,
  MOD,
  newBlankRoadmap,
  phaseNode,
  savedToLibrary,
  setUpAppInBrowser,
} from "./harness";

const app = setUpAppInBrowser();
let page: Page;

/**
 * Double-clicks empty canvas at (x, y) of the canvas box and types the new
 * phase's name straight away, as a user does.
 */
async function drawPhase(p: Page, x: number, y: number, name: string) {
  const box = await canvasOf(p).boundingBox();
  if (!box) throw new Error("canvas not visible");
  await p.mouse.dblclick(box.x + x, box.y + y);
  await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Phase name");
  await p.keyboard.type(name);
  await p.keyboard.press("Enter");
  const node = await phaseNode(p, name).boundingBox();
  if (!node) throw new Error(`${name} is not on the canvas`);
  // Under the pointer, however crowded: a double-click is never moved aside.
  expect(box.x + x).toBeGreaterThan(node.x);
  expect(box.x + x).toBeLessThan(node.x + node.width);
  expect(box.y + y).toBeGreaterThan(node.y);
  expect(box.y + y).toBeLessThan(node.y + node.height);
}

async function connectByMouse(p: Page, from: string, to: string) {
  const source = await handle(phaseNode(p, from), "source");
  const target = await handle(phaseNode(p, to), "target");
  await p.mouse.move(source.x, source.y);
  await p.mouse.down();
  await p.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
  await p.mouse.move(target.x, target.y, { steps: 5 });
  await p.mouse.up();
}

async function handle(node: Locator, kind: "source" | "target") {
  const box = await node.locator(`.react-flow__handle.${kind}`).boundingBox();
  if (!box) throw new Error(`no ${kind} handle`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe("drawing a roadmap on the canvas", () => {
  it("draws four phases with the mouse, finishes by keyboard, sets rates, and reloads identical", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Workshop draft");

    await drawPhase(page, 150, 250, "Prospect");
    await drawPhase(page, 400, 250, "First 90 days");
    await drawPhase(page, 650, 250, "Loyal customer");
    await drawPhase(page, 650, 450, "Lapsed");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(4);

    await connectByMouse(page, "Prospect", "First 90 days");
    await connectByMouse(page, "First 90 days", "Loyal customer");
    await connectByMouse(page, "Loyal customer", "Lapsed");
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(3);

    // The last transition drawn is selected: set its rate and trigger in the inspector.
    const rate = page.getByRole("textbox", { name: "Monthly rate" });
    await rate.fill("4");
    await rate.press("Enter");
    await page.getByRole("textbox", { name: "Trigger" }).fill("No purchase for 12 months");
    await page.getByRole("textbox", { name: "Trigger" }).press("Enter");
    await expect
      .poll(() => page.locator(".transition-label").allTextContents())
      .toContain("4%/mo No purchase for 12 months");

    // Keyboard: from Prospect, arrow right to the next phase, Enter to edit it, F2 to rename.
    await phaseNode(page, "Prospect").click();
    await canvasOf(page).press("ArrowRight");
    await expect
      .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).inputValue())
      .toBe("First 90 days");
    await canvasOf(page).press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("id") ?? ""))
      .toBe(await page.getByRole("textbox", { name: "Name", exact: true }).getAttribute("id"));
    await page.keyboard.press("Tab");
    await page.getByRole("textbox", { name: "Churn per month" }).fill("2.5");
    await page.getByRole("textbox", { name: "Churn per month" }).press("Enter");
    await phaseNode(page, "First 90 days").click();
    await canvasOf(page).press("F2");
    await page.getByRole("textbox", { name: "Phase name" }).fill("Onboarding");
    await page.keyboard.press("Enter");
    await phaseNode(page, "Onboarding").waitFor();

    await savedToLibrary(page);
    const before = await exportedDocument(page);
    expect(before.phases.map((p: { name: string }) => p.name)).toEqual([
      "Prospect",
      "Onboarding",
      "Loyal customer",
      "Lapsed",
    ]);
    expect(before.phases[1].churnRate).toBe(0.025);
    expect(before.transitions).toHaveLength(3);
    expect(before.transitions[2]).toMatchObject({ rate: 0.04, trigger: "No purchase for 12 months" });

    await page.reload();
    await phaseNode(page, "Onboarding").waitFor();
    const after = await exportedDocument(page);
    expect(after).toEqual(before);
  });

  it("undoes and redoes by keys", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Undo test");
    await drawPhase(page, 200, 250, "Alpha");
    await drawPhase(page, 500, 250, "Beta");

    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(2);
    expect(await phaseNode(page, "New phase").count()).toBe(1);
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(1);
    await page.keyboard.press(`${MOD}+Shift+z`);
    await page.keyboard.press(`${MOD}+Shift+z`);
    await phaseNode(page, "Beta").waitFor();

    // A drag is one undo step, not one per pixel.
    const node = phaseNode(page, "Beta");
    const start = await node.boundingBox();
    if (!start) throw new Error("no node");
    await page.mouse.move(start.x + 60, start.y + 20);
    await page.mouse.down();
    await page.mouse.move(start.x + 160, start.y + 120, { steps: 12 });
    await page.mouse.up();
    const moved = await node.boundingBox();
    expect(moved?.y).toBeGreaterThan(start.y + 50);
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(async () => (await node.boundingBox())?.y).toBeCloseTo(start.y, 0);
  });

  it("shows an invalid rate's message and does not save it", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Rates");
    await drawPhase(page, 200, 250, "Active");
    await drawPhase(page, 500, 250, "Renewal");
    await connectByMouse(page, "Active", "Renewal");
    const rate = page.getByRole("textbox", { name: "Monthly rate" });
    await rate.fill("12");
    await rate.press("Enter");
    await rate.fill("140");
    await rate.press("Enter");
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "Monthly rate" }).textContent())
      .toBe("Monthly rate must be between 0% and 100%, not 140%. Not saved — still 12%. Esc restores it.");
    expect(await rate.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.locator(".transition-label").first().textContent()).toBe("12%/mo");

    await rate.fill("abc");
    await rate.press("Enter");
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "Monthly rate" }).textContent())
      .toBe(
        "Monthly rate must be a number, not “abc”: “abc” is not part of a number. Not saved — still 12%. Esc restores it.",
      );
    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, "Renewal").waitFor();
    const saved = await exportedDocument(page);
    expect(saved.transitions[0].rate).toBe(0.12);
  });

  it("flags a phase whose outflow is over 100 % on the canvas and in the inspector", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Outflow");
    await drawPhase(page, 200, 250, "Active");
    await drawPhase(page, 500, 250, "Lapsed");
    await connectByMouse(page, "Active", "Lapsed");
    await page.getByRole("textbox", { name: "Monthly rate" }).fill("30");
    await page.getByRole("textbox", { name: "Monthly rate" }).press("Enter");

    await phaseNode(page, "Active").click();
    await page.getByRole("textbox", { name: "Churn per month" }).fill("80");
    await page.getByRole("textbox", { name: "Churn per month" }).press("Enter");
    const flag = phaseNode(page, "Active").getByRole("img", { name: "Outflow over 100 %" });
    await expect.poll(() => flag.textContent()).toBe("⚠ Outflow 110% a month");
    await expect
      .poll(() => page.locator(".outflow.is-over").textContent())
      .toContain("Outflow is over 100 % a month: All customers 110%");

    const diagnostic = page.getByRole("region", { name: "Diagnostics" }).getByRole("button", {
      name: "“Active”: outgoing rates plus churn add up to 110 % a month for “All customers”; the plan scales them down to 100 %.",
    });
    await diagnostic.waitFor();
    await phaseNode(page, "Lapsed").click();
    await diagnostic.click();
    await expect.poll(() => page.getByRole("textbox", { name: "Name", exact: true }).inputValue()).toBe("Active");

    await page.getByRole("textbox", { name: "Churn per month" }).fill("70");
    await page.getByRole("textbox", { name: "Churn per month" }).press("Enter");
    await expect.poll(() => flag.count()).toBe(0);
  });

  it("refuses a second transition in the same direction with a message", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Duplicates");
    await drawPhase(page, 200, 250, "Active");
    await drawPhase(page, 500, 250, "Lapsed");
    await connectByMouse(page, "Active", "Lapsed");
    await connectByMouse(page, "Active", "Lapsed");
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "already a transition" }).textContent())
      .toMatch(/There is already a transition from “Active” to “Lapsed”/);
    expect(await page.locator(".react-flow__edge").count()).toBe(1);
  });
});
