import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  canvasOf,
  MOD,
  newBlankRoadmap,
  openTemplate,
  phaseBoxes,
  phaseNode,
  phasesCovering,
  setUpAppInBrowser,
} from "./harness";

const app = setUpAppInBrowser();
let page: Page;

/** The accessible name of what has the keyboard focus. */
const focusedName = (p: Page) =>
  p.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName ?? "");

describe("editing the template on the canvas", () => {
  it("adds a phase by dragging a stage from the palette onto the canvas", async () => {
    page = await app.open();
    await openTemplate(page);
    const before = await page.locator(".react-flow__node").count();
    await page.getByRole("button", { name: "Add phase: Win back" }).dragTo(canvasOf(page), {
      targetPosition: { x: 450, y: 650 },
    });
    const input = page.getByRole("textbox", { name: "Phase name" });
    await input.fill("Win-back offer");
    await input.press("Enter");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(before + 1);
    await expect.poll(() => page.getByRole("combobox", { name: "Lifecycle stage" }).inputValue()).toBe("winBack");
  });

  it("names a new phase by typing at once, and puts new phases in view, never on one another", async () => {
    page = await app.open();
    await openTemplate(page);
    const before = await page.locator(".react-flow__node").count();
    const additions = [
      { name: "Expansion review", add: page.getByRole("button", { name: "Add phase", exact: true }) },
      { name: "Renewal prep", add: page.getByRole("button", { name: "Add phase", exact: true }) },
      { name: "Win-back call", add: page.getByRole("button", { name: "Add phase: Win back" }) },
    ];
    for (const { name, add } of additions) {
      await add.click();
      await expect.poll(() => focusedName(page)).toBe("Phase name");
      await page.keyboard.type(name);
      await page.keyboard.press("Enter");
      await phaseNode(page, name).waitFor();
      // Named by keyboard, the keyboard is back on the canvas.
      await expect.poll(() => focusedName(page)).toMatch(/^Roadmap canvas/);
    }
    expect(await page.locator(".react-flow__node").count()).toBe(before + additions.length);

    const canvas = await canvasOf(page).boundingBox();
    if (!canvas) throw new Error("canvas not visible");
    const boxes = await phaseBoxes(page);
    for (const { name } of additions) {
      const box = boxes.find((b) => b.text.includes(name));
      if (!box) throw new Error(`${name} is not on the canvas`);
      expect(box.x).toBeGreaterThanOrEqual(canvas.x);
      expect(box.y).toBeGreaterThanOrEqual(canvas.y);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      expect(phasesCovering(boxes, box)).toEqual([]);
    }
  });

  it("duplicates a phase from its context menu, and deletes it again with the Delete key", async () => {
    page = await app.open();
    await openTemplate(page);
    await phaseNode(page, "Advocate").click({ button: "right" });
    await page.getByRole("menuitem", { name: /Duplicate/ }).click();
    // Advocate holds customers: the copy starts without them unless asked.
    await page
      .getByRole("alertdialog", { name: "Duplicate 1 phase" })
      .getByRole("button", { name: "Duplicate" })
      .click();
    await expect.poll(() => phaseNode(page, "Advocate").count()).toBe(2);
    await canvasOf(page).press("Delete");
    // Advocate carries a communication, so the copy does too: the app asks first.
    await page.getByRole("alertdialog", { name: "Delete phase" }).getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => phaseNode(page, "Advocate").count()).toBe(1);
  });

  it("asks what to do with a phase's communications before deleting it, and moves them", async () => {
    page = await app.open();
    await openTemplate(page);
    const comms = await phaseNode(page, "First 90 days").locator(".phase-node-stats").textContent();
    expect(comms).toMatch(/3 comms\./);
    await phaseNode(page, "First 90 days").click();
    await canvasOf(page).press("Delete");
    const dialog = page.getByRole("alertdialog", { name: "Delete phase" });
    await dialog.getByRole("radio", { name: /Move them to/ }).check();
    await dialog
      .getByRole("combobox", { name: "Phase to move the communications to" })
      .selectOption({ label: "Trial" });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => phaseNode(page, "First 90 days").count()).toBe(0);
    await expect.poll(() => phaseNode(page, "Trial").locator(".phase-node-stats").textContent()).toMatch(/4 comms\./);
  });

  it("copies phases from one roadmap and pastes them into another", async () => {
    page = await app.open();
    await openTemplate(page);
    await phaseNode(page, "Renewal due").click();
    await phaseNode(page, "At risk").click({ modifiers: ["Shift"] });
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+c`);

    await page.getByRole("button", { name: "Back to roadmaps" }).click();
    await newBlankRoadmap(page, "Second client");
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+v`);
    await page.getByRole("alertdialog", { name: "Paste 2 phases" }).getByRole("button", { name: "Paste" }).click();
    await phaseNode(page, "Renewal due").waitFor();
    await phaseNode(page, "At risk").waitFor();
    expect(await page.locator(".react-flow__edge").count()).toBe(1);
  });

  it("pastes phases without their starting customers unless asked, saying how many they hold", async () => {
    page = await app.open();
    await openTemplate(page);
    const customersAtEnd = async () => {
      await page.getByRole("tab", { name: "Budget" }).click();
      const card = page.locator(".plan-card", { hasText: "Customers at the end" }).locator(".plan-card-value");
      await expect.poll(() => page.locator(".plan-view.is-stale").count()).toBe(0);
      const text = await card.textContent();
      await page.getByRole("tab", { name: "Canvas" }).click();
      return text;
    };
    const before = await customersAtEnd();
    await phaseNode(page, "Renewal due").click();
    await phaseNode(page, "At risk").click({ modifiers: ["Shift"] });
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+c`);
    await page.keyboard.press(`${MOD}+v`);

    const dialog = page.getByRole("alertdialog", { name: "Paste 2 phases" });
    await expect
      .poll(() => dialog.locator("p").first().textContent())
      .toBe("These phases hold 686 customers at the plan’s start: “Renewal due” 415, “At risk” 271.");
    expect(await dialog.getByRole("radio", { name: /^Without starting customers/ }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Paste" }).click();
    await expect.poll(() => phaseNode(page, "Renewal due").count()).toBe(2);
    // The copies are selected, and start empty: the plan's customers are what they were.
    const selectedStats = () => page.locator(".react-flow__node.selected .phase-node-stats").allTextContents();
    expect((await selectedStats()).map((text) => text.split(/\s/)[0])).toEqual(["0", "0"]);
    expect(await customersAtEnd()).toBe(before);

    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+v`);
    await dialog.getByRole("radio", { name: /^With starting customers/ }).check();
    await dialog.getByRole("button", { name: "Paste" }).click();
    await expect.poll(() => phaseNode(page, "Renewal due").count()).toBe(3);
    expect((await selectedStats()).map((text) => text.split(/\s/)[0])).toEqual(["415", "271"]);
    expect(await customersAtEnd()).not.toBe(before);
  });

  it("lists the transitions that go with a deleted phase, and one undo brings everything back", async () => {
    page = await app.open();
    await openTemplate(page);
    const edges = await page.locator(".react-flow__edge").count();
    await phaseNode(page, "At risk").click();
    await canvasOf(page).press("Delete");
    const dialog = page.getByRole("alertdialog", { name: "Delete phase" });
    const transitions = dialog.getByRole("list", { name: "6 transitions go with “At risk”:" });
    const listed = await transitions.getByRole("listitem").allTextContents();
    expect(listed).toHaveLength(6);
    for (const item of listed) expect(item).toMatch(/“At risk”/);
    expect(listed).toContain("“At risk” → “Lapsed” 12% a month · Contract ends without renewal");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => phaseNode(page, "At risk").count()).toBe(0);
    expect(await page.locator(".react-flow__edge").count()).toBe(edges - 6);

    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+z`);
    await phaseNode(page, "At risk").waitFor();
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(edges);
    expect(await phaseNode(page, "At risk").locator(".phase-node-stats").textContent()).toMatch(/1 comm\./);
  });

  it("renames a lifecycle stage, and the phases of that stage follow; one undo restores it", async () => {
    page = await app.open();
    await openTemplate(page);
    await phaseNode(page, "First 90 days").click();
    const stageShown = () =>
      page.getByRole("combobox", { name: "Lifecycle stage" }).locator("option:checked").textContent();
    expect(await stageShown()).toBe("Onboard");

    await page.getByRole("button", { name: "Stages…", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Lifecycle stages" });
    await dialog.getByRole("textbox", { name: "Name of stage 2" }).fill("Activate");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect.poll(stageShown).toBe("Activate");
    await expect.poll(() => page.getByRole("button", { name: "Add phase: Activate" }).count()).toBe(1);

    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(stageShown).toBe("Onboard");
  });

  it("auto-arranges along the lifecycle and undoes it", async () => {
    page = await app.open();
    await openTemplate(page);
    const positions = () =>
      page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform));
    const before = await positions();
    await page.getByRole("button", { name: "Auto-arrange" }).click();
    // The layout runs in a worker that loads on first use: wait until the phases have moved, however long that takes.
    await page.waitForFunction(
      (was) =>
        [...document.querySelectorAll<HTMLElement>(".react-flow__node")].some((n, i) => n.style.transform !== was[i]),
      before,
    );
    expect(await page.getByText("Arranging phases…").count()).toBe(0);
    const trialX = await phaseNode(page, "Trial").evaluate((n) => n.getBoundingClientRect().x);
    const lapsedX = await phaseNode(page, "Lapsed").evaluate((n) => n.getBoundingClientRect().x);
    expect(trialX).toBeLessThan(lapsedX);
    await page.getByRole("button", { name: "Undo" }).click();
    // The view was fitted to the arranged phases; the canvas draws only the phases in view, so fit it again.
    await page.getByRole("button", { name: "Zoom to fit" }).click();
    await expect.poll(positions).toEqual(before);
  });
});
