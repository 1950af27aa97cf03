import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addPhase, type Communication, createRoadmap, type Roadmap, serializeRoadmap } from "../shared/model";
import { importRoadmapText, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

function calendarRoadmap(): Roadmap {
  const base = createRoadmap({ name: "Calendar check", startMonth: "2027-01", horizonMonths: 12 });
  const added = addPhase(base, { stageId: "retain", position: { x: 0, y: 0 } });
  const phase = added.roadmap.phases[0];
  if (!phase) throw new Error("addPhase added no phase");
  const communication = (id: string, name: string, timing: Communication["timing"]): Communication => ({
    id,
    phaseId: "active",
    name,
    purpose: "retention",
    channelId: "email",
    ownerId: "marketing",
    audience: { segmentIds: [], roleIds: [], share: 1 },
    timing,
    personalisation: "mass",
    fixedCost: 100,
    costPerContact: 0.1,
    responseRate: 0,
    valuePerResponse: 0,
    status: "proposed",
    notes: "",
  });
  return {
    ...base,
    owners: [{ id: "marketing", name: "Marketing", kind: "marketing", partnerType: null }],
    phases: [
      {
        ...phase,
        id: "active",
        name: "Active",
        initialCustomers: { all: 100 },
        arrivalsPerMonth: { all: 10 },
        churnRate: 0.05,
      },
    ],
    communications: [
      communication("welcome", "Welcome pack", { kind: "onEntry", offsetMonths: 2 }),
      communication("review", "Quarterly review", { kind: "recurring", everyMonths: 3 }),
      communication("conference", "Conference invite", { kind: "oneOff", month: 5 }),
    ],
  };
}

const sendMonths = async (p: Page, name: string) =>
  (
    await p
      .getByRole("row", { name: `Calendar row ${name}` })
      .locator(".calendar-mark")
      .evaluateAll((marks) => marks.map((m) => m.getAttribute("aria-label") ?? ""))
  ).map((label) => label.replace(/^.* sends in /, ""));

describe("the communication calendar", () => {
  it("marks the months each timing sends in: on entry with an offset, recurring, one-off", async () => {
    page = await app.open();
    await importRoadmapText(page, "calendar.roadmap", serializeRoadmap(calendarRoadmap()));
    await page.getByRole("button", { name: "Calendar check", exact: true }).click();
    await phaseNode(page, "Active").waitFor();
    await page.getByRole("tab", { name: "Calendar" }).click();

    await expect.poll(() => sendMonths(page, "Quarterly review")).toEqual(["2027-01", "2027-04", "2027-07", "2027-10"]);
    expect(await sendMonths(page, "Conference invite")).toEqual(["2027-06"]);
    // Entries before the plan starts are unknown, so a send two months after entry starts in month 2.
    expect(await sendMonths(page, "Welcome pack")).toEqual([
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
      "2027-10",
      "2027-11",
      "2027-12",
    ]);

    await page.getByRole("combobox", { name: "show" }).selectOption("quarter");
    await expect.poll(() => sendMonths(page, "Conference invite")).toEqual(["2027 Q2"]);
  });
});
