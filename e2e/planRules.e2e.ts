import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../shared/engine";
import { blankPhase, communication, emptyRoadmap } from "../shared/engine/testing/randomRoadmaps";
import { type Roadmap, serializeRoadmap } from "../shared/model";
import { importRoadmapText, phaseNode, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
let page: Page;

const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * Onboarding: 1,000 customers at the start, 100 new ones a month, 10 % a month
 * move on. A five-step email series on entry (one step a month) and a monthly
 * offer with a 35 % response rate, both following the Email channel's costs.
 */
function onboardingRoadmap(): Roadmap {
  const base = emptyRoadmap();
  return {
    ...base,
    id: "rules-check",
    name: "Rules check",
    horizonMonths: 8,
    phases: [
      {
        ...blankPhase("onboarding"),
        name: "Onboarding",
        initialCustomers: { "segment-1": 1_000 },
        arrivalsPerMonth: { "segment-1": 100 },
        position: { x: 0, y: 0 },
      },
      { ...blankPhase("active"), name: "Active", churnRate: 0.02, position: { x: 320, y: 0 } },
    ],
    transitions: [
      {
        id: "settle",
        from: "onboarding",
        to: "active",
        rate: 0.1,
        rateBySegment: {},
        trigger: "",
        markedAsLoop: false,
      },
    ],
    communications: [
      ...[0, 1, 2, 3, 4].map((step) =>
        communication(`step-${step + 1}`, "onboarding", {
          name: `Onboarding step ${step + 1}`,
          timing: { kind: "onEntry", offsetMonths: step },
          fixedCost: null,
          costPerContact: null,
        }),
      ),
      communication("offer", "onboarding", {
        name: "Monthly upgrade offer",
        ownerId: "owner-b",
        responseRate: 0.35,
        valuePerResponse: 50,
        fixedCost: null,
        costPerContact: null,
      }),
    ],
  };
}

async function importRoadmap(roadmap: Roadmap): Promise<void> {
  await importRoadmapText(page, `${roadmap.name}.roadmap`, serializeRoadmap(roadmap));
  await page.getByRole("button", { name: roadmap.name, exact: true }).click();
  await phaseNode(page, roadmap.phases[0]?.name ?? "").waitFor();
}

describe("contact pressure per customer", () => {
  it("counts a five-step onboarding series as one email a month, the offer beside it as a second", async () => {
    page = await app.open();
    await importRoadmap(onboardingRoadmap());
    await page.getByRole("tab", { name: /Contact pressure/ }).click();
    await page.getByText("0 over the roadmap's cap").waitFor();

    const cell = (month: string) => page.getByRole("button", { name: new RegExp(`^segment-1, ${month}: `) });
    // Month 0: those there at the start get the offer, those entering get step 1: one each.
    expect(await cell("2027-01").getAttribute("aria-label")).toBe("segment-1, 2027-01: 1 communication");
    expect(await cell("2027-04").getAttribute("aria-label")).toBe("segment-1, 2027-04: 2 communications");
    await cell("2027-04").click();
    const details = page.getByRole("region", { name: "Contacts: segment-1, 2027-04" });
    await details.getByText("segment-1 customers who entered Onboarding in 2027-01", { exact: true }).waitFor();
    expect(await details.getByRole("listitem").allTextContents()).toEqual([
      "Onboarding step 4 — owner-a",
      "Monthly upgrade offer — owner-b",
    ]);
    await details.getByText("Within the contact caps.").waitFor();
  });
});

describe("responses", () => {
  it("never exceed the customers reached: a monthly offer earns from each customer once", async () => {
    page = await app.open();
    const roadmap = onboardingRoadmap();
    await importRoadmap(roadmap);
    await phaseNode(page, "Onboarding").click();
    const offer = planRoadmap(roadmap).communications[5];
    if (!offer) throw new Error("no plan for the offer");
    // Every contact answering at 35 % would be more responses than there are customers.
    expect(offer.totalReach * 0.35).toBeGreaterThan(offer.totalCustomersReached);
    expect(offer.totalResponses).toBeLessThan(offer.totalCustomersReached);

    const item = page.getByRole("listitem", { name: "Communication Monthly upgrade offer" });
    await expect
      .poll(() => item.getByTestId("plan-offer").textContent())
      .toMatch(
        new RegExp(
          `^${count.format(offer.totalReach)} contacts to ${count.format(offer.totalCustomersReached)} customers in 8 sends · ${count.format(offer.totalResponses)} responses · `,
        ),
      );
  });
});

describe("costs that follow the channel", () => {
  it("moves with the channel chosen and with the channel's own costs, until a cost is set here", async () => {
    page = await app.open();
    await importRoadmap(onboardingRoadmap());
    await phaseNode(page, "Onboarding").click();
    const item = page.getByRole("listitem", { name: "Communication Monthly upgrade offer" });
    const fixed = item.getByRole("textbox", { name: "Fixed cost per send — Monthly upgrade offer" });
    const perContact = item.getByRole("textbox", { name: "Cost per contact — Monthly upgrade offer" });
    expect(await fixed.inputValue()).toBe("150");
    await item.getByText("From channel “Email”").first().waitFor();

    await item.getByText("All fields").click();
    await item.getByRole("combobox", { name: "Channel" }).selectOption({ label: "Direct mail" });
    await expect.poll(() => fixed.inputValue()).toBe("800");
    expect(await perContact.inputValue()).toBe("1.40");
    await item.getByText("From channel “Direct mail”").first().waitFor();

    // The channel's own cost changes every communication that follows it.
    await page.getByRole("tab", { name: "Audiences" }).click();
    const directMail = page.getByRole("article", { name: "Channel Direct mail" });
    const channelCost = directMail.getByRole("textbox", { name: "Cost per contact" });
    await channelCost.fill("2");
    await channelCost.press("Enter");
    await page.getByRole("tab", { name: "Canvas" }).click();
    await phaseNode(page, "Onboarding").click();
    await expect.poll(() => perContact.inputValue()).toBe("2");

    // Set here, it stays when the channel changes again, and Reset makes it follow once more.
    await perContact.fill("3.5");
    await perContact.press("Enter");
    await item.getByText("Set here").waitFor();
    await item.getByRole("combobox", { name: "Channel" }).selectOption({ label: "Email" });
    await expect.poll(() => fixed.inputValue()).toBe("150");
    expect(await perContact.inputValue()).toBe("3.50");
    await item.getByRole("button", { name: /^Cost per contact: use the channel's/ }).click();
    await expect.poll(() => perContact.inputValue()).toBe("0.02");
  });
});
