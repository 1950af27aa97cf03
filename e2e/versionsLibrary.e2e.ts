import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createRoadmap, serializeRoadmap } from "../shared/model";
import { importRoadmapText, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

describe("versions in the library", () => {
  it("imports a file saved with its versions and shows how much space they take", async () => {
    page = await app.open();
    const roadmap = createRoadmap({ name: "Acme with history", now: new Date("2027-01-01T00:00:00Z") });
    const version = (name: string) => ({
      id: `v-${name}`,
      name,
      note: "",
      author: "Ann",
      createdAt: "2027-05-12T09:30:00.000Z",
      kind: "named",
      document: { ...roadmap, name: `Acme, ${name}` },
    });
    await importRoadmapText(page, "acme.roadmap", serializeRoadmap(roadmap, [version("Board"), version("Kick-off")]));
    const row = page.getByTestId("roadmap-row").filter({ hasText: "Acme with history" });
    await row.getByRole("cell", { name: /^2 versions · [\d.]+ KB$/ }).waitFor();
    const cell = await row.getByRole("cell", { name: /versions ·/ }).textContent();
    await expect
      .poll(() => page.locator(".home-head p").textContent())
      .toBe(`1 roadmap · ${cell} · kept on this computer, works offline`);
  });
});
