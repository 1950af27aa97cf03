import { describe, expect, it } from "vitest";
import { serializeRoadmap } from "../shared/model";
import { computeRsi } from "../shared/survey/rsi";
import { b2bSurveyRoadmap } from "../shared/survey/testing/b2bSurvey";
import { importRoadmapText, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();

describe("the Relationship Strength Index on screen", () => {
  it("shows survey answers as badges, a colour scale, the inspector's breakdown and the RSI tab", async () => {
    // The B2B template with two waves of answers in the file, opened as a colleague's file would be.
    const roadmap = b2bSurveyRoadmap();
    const rsi = computeRsi(roadmap);
    const phaseRsi = (id: string) => rsi.phases.find((cell) => cell.phaseId === id)?.rsi ?? NaN;
    const page = await app.open();
    await importRoadmapText(page, "survey.roadmap", serializeRoadmap(roadmap));
    await page.getByRole("button", { name: roadmap.name, exact: true }).click();
    await phaseNode(page, "Trial").waitFor();

    const multi = phaseNode(page, "Multi-product").locator(".rsi-badge");
    await expect.poll(() => multi.textContent()).toBe(`RSI ${Math.round(phaseRsi("phase-multi-product"))}`);
    expect(await multi.getAttribute("title")).toMatch(/n = 18 · 95 % interval/);
    expect(await phaseNode(page, "Trial").locator(".rsi-badge").textContent()).toBe("Too few answers (3)");
    expect(await phaseNode(page, "Lapsed").locator(".rsi-badge").count()).toBe(0);

    // The colour scale: each phase with an RSI tinted, the number still there, a legend while it is on.
    const background = (name: string) =>
      phaseNode(page, name)
        .locator(".phase-node")
        .evaluate((node) => getComputedStyle(node).backgroundColor);
    const before = { advocate: await background("Advocate"), lapsed: await background("Lapsed") };
    const toggle = page.getByRole("toolbar", { name: "Canvas" }).getByRole("checkbox", { name: "Colour by RSI" });
    await toggle.check();
    const legend = page.getByLabel("RSI colour scale");
    await legend.waitFor();
    await expect.poll(() => background("Advocate")).not.toBe(before.advocate);
    expect(await background("Advocate")).not.toBe(await background("At risk"));
    expect(await background("Lapsed")).toBe(before.lapsed);
    expect(await phaseNode(page, "At risk").locator(".rsi-badge").textContent()).toBe(
      `RSI ${Math.round(phaseRsi("phase-at-risk"))}`,
    );
    // A preference: still on after the app restarts.
    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    await legend.waitFor();
    await toggle.uncheck();
    await legend.waitFor({ state: "detached" });

    // The inspector's breakdown of one phase.
    await phaseNode(page, "Multi-product").click();
    const section = page.getByRole("region", { name: "Relationship strength" });
    await section.waitFor();
    expect(await section.getByTestId("phase-rsi").textContent()).toBe(phaseRsi("phase-multi-product").toFixed(1));
    expect(await section.textContent()).toMatch(/\+\d+\.\d since 2025-09-01/);
    expect(await section.getByRole("list", { name: "Dimension scores" }).getByRole("listitem").count()).toBe(
      roadmap.survey.dimensions.length,
    );
    expect(await section.getByRole("row").count()).toBe(1 + roadmap.segments.length);

    // The RSI tab: the grid, moved through by keyboard, and the chart.
    await page.getByRole("tab", { name: "RSI" }).click();
    const grid = page.getByRole("grid", { name: "RSI by phase and segment" });
    await grid.waitFor();
    const selectedCell = grid.locator("[aria-selected=true]");
    expect(await selectedCell.getAttribute("title")).toMatch(/^Multi-product · All segments: RSI/);
    await selectedCell.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => grid.locator("[aria-selected=true]").getAttribute("title")).toMatch(/^Advocate · All/);
    await page.getByRole("heading", { name: "Dimensions: Advocate" }).waitFor();
    const chart = page.getByRole("img", { name: /RSI along the lifecycle, by segment, survey Spring 2026/ });
    await chart.waitFor();
    expect(await chart.locator(".rsi-chart-line").count()).toBe(roadmap.segments.length + 1);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(400);
  });
});
