import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Roadmap } from "../shared/model";
import {
  canvasOf,
  exportedDocument,
  MOD,
  newBlankRoadmap,
  openTemplate,
  phaseBoxes,
  phaseNode,
  phasesCovering,
  savedToLibrary,
  setUpAppInBrowser,
} from "./harness";

const app = setUpAppInBrowser();
let page: Page;

const captureDialog = (page: Page, phase: string) =>
  page.getByRole("dialog", { name: `Capture communications — ${phase}` });

/** The names in the capture table's rows, as the user reads them, the new row left out. */
const tableNames = (page: Page, phase: string) =>
  captureDialog(page, phase)
    .locator("tbody tr:not(.capture-new-row) td:first-of-type input")
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

const communicationsListed = (page: Page) => page.getByRole("listitem", { name: /^Communication / }).count();

/** Pastes text into the focused cell as a spreadsheet puts it on the clipboard: plain text, tabs between cells. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function openCaptureTable(page: Page, phase: string) {
  await phaseNode(page, phase).click();
  await page.getByRole("button", { name: "Capture table…" }).click();
  const dialog = captureDialog(page, phase);
  await dialog.waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
    .toBe("New communication: Name");
  return dialog;
}

describe("capturing communications in a workshop", () => {
  it("quick-add remembers the owner and channel last chosen, in the file", async () => {
    page = await app.open();
    await openTemplate(page);
    await phaseNode(page, "Lapsed").click();
    const quickAdd = page.getByRole("textbox", { name: "New communication" });
    await quickAdd.fill("Win-back survey");
    await quickAdd.press("Enter");
    const first = page.getByRole("listitem", { name: "Communication Win-back survey" });
    await first.getByText("All fields").click();
    await first.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Marketing" });
    await first.getByRole("combobox", { name: "Channel" }).selectOption({ label: "Phone / customer success call" });

    await quickAdd.fill("Win-back call");
    await quickAdd.press("Enter");
    const second = page.getByRole("listitem", { name: "Communication Win-back call" });
    await expect
      .poll(() => second.locator(".communication-meta").textContent())
      .toMatch(/^Phone \/ customer success call · Marketing · /);

    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, "Trial").click();
    await page.getByRole("textbox", { name: "New communication" }).fill("Trial check-in");
    await page.getByRole("textbox", { name: "New communication" }).press("Enter");
    await expect
      .poll(() =>
        page
          .getByRole("listitem", { name: "Communication Trial check-in" })
          .locator(".communication-meta")
          .textContent(),
      )
      .toMatch(/^Phone \/ customer success call · Marketing · /);
  });

  it("types two rows in the capture table with Tab and Enter", async () => {
    page = await app.open();
    await openTemplate(page);
    const dialog = await openCaptureTable(page, "Lapsed");
    const before = await tableNames(page, "Lapsed");

    await page.keyboard.type("Come-back offer");
    await page.keyboard.press("Tab");
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type("marketing");
    await page.keyboard.press("Tab");
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type("phone / customer success call");
    await page.keyboard.press("Tab");
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type("every 3 months");
    await page.keyboard.press("Enter");
    await expect.poll(() => tableNames(page, "Lapsed")).toEqual([...before, "Come-back offer"]);

    // The new row starts with the owner and channel just used; the keyboard is on its name.
    expect(await dialog.getByRole("combobox", { name: "New communication: Owner" }).inputValue()).toBe("Marketing");
    expect(await dialog.getByRole("combobox", { name: "New communication: Channel" }).inputValue()).toBe(
      "Phone / customer success call",
    );
    await page.keyboard.type("Last-chance email");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type("Email");
    await page.keyboard.press("Tab");
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type("on entry +2");
    await page.keyboard.press("Enter");
    await expect.poll(() => tableNames(page, "Lapsed")).toEqual([...before, "Come-back offer", "Last-chance email"]);

    await dialog.getByRole("button", { name: "Done" }).click();
    const offer = page.getByRole("listitem", { name: "Communication Come-back offer" });
    expect(await offer.locator(".communication-meta").textContent()).toMatch(
      /^Phone \/ customer success call · Marketing/,
    );
    await offer.getByText("All fields").click();
    expect(await offer.getByRole("combobox", { name: "Timing" }).inputValue()).toBe("recurring");
    expect(await offer.getByRole("textbox", { name: "Every (months)" }).inputValue()).toBe("3");
    const email = page.getByRole("listitem", { name: "Communication Last-chance email" });
    expect(await email.locator(".communication-meta").textContent()).toMatch(/^Email · Marketing/);
    await email.getByText("All fields").click();
    expect(await email.getByRole("textbox", { name: "Months after entry" }).inputValue()).toBe("2");
  });

  it("pastes three rows copied from a spreadsheet as one undo step", async () => {
    page = await app.open();
    await openTemplate(page);
    const dialog = await openCaptureTable(page, "Lapsed");
    const before = await tableNames(page, "Lapsed");
    await dialog.getByRole("button", { name: "Done" }).click();
    const listedBefore = await communicationsListed(page);

    await openCaptureTable(page, "Lapsed");
    await pasteText(
      page,
      [
        "Name\tOwner\tChannel\tTiming",
        "Reactivation email\tmarketing\tEMAIL\ton entry",
        "Reactivation call\tReseller partners\tPhone / customer success call\ton entry +1",
        "Loyalty event invite\tMarketing\tCustomer event\tonce in month 6",
        "",
      ].join("\r\n"),
    );
    await expect
      .poll(() => tableNames(page, "Lapsed"))
      .toEqual([...before, "Reactivation email", "Reactivation call", "Loyalty event invite"]);
    expect(await dialog.getByRole("status").textContent()).toBe("Pasted 3 rows.");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => communicationsListed(page)).toBe(listedBefore + 3);
    const call = page.getByRole("listitem", { name: "Communication Reactivation call" });
    expect(await call.locator(".communication-meta").textContent()).toMatch(
      /^Phone \/ customer success call · Reseller partners/,
    );

    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => communicationsListed(page)).toBe(listedBefore);
  });

  it("refuses a paste with an unknown owner, naming row, column and value, and adds nothing", async () => {
    page = await app.open();
    await openTemplate(page);
    const dialog = await openCaptureTable(page, "Lapsed");
    const before = await tableNames(page, "Lapsed");
    await pasteText(
      page,
      "Reactivation email\tMarketing\tEmail\ton entry\nReactivation call\tSales team\tEmail\ton entry\nLast call\tMarketing\tEmail\tsoon",
    );
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain("Nothing was pasted:");
    expect(text).toContain("Row 2, column Owner: there is no owner named “Sales team” on this roadmap");
    expect(text).toContain("Row 3, column Timing: Timing “soon” is not understood");
    expect(await tableNames(page, "Lapsed")).toEqual(before);
  });

  it("adds a phase beside the selected one, joined to it, on no other phase", async () => {
    page = await app.open();
    await openTemplate(page);
    await phaseNode(page, "Trial").click();
    await page.getByRole("button", { name: "Add phase", exact: true }).click();
    await page.keyboard.type("Trial extension");
    await page.keyboard.press("Enter");
    await phaseNode(page, "Trial extension").waitFor();

    // The next step of the lifecycle: Trial is in Acquire, so the new phase is in Onboard, joined from Trial.
    const saved: Roadmap = await exportedDocument(page);
    const trialPhase = saved.phases.find((p) => p.name === "Trial");
    const addedPhase = saved.phases.find((p) => p.name === "Trial extension");
    expect(addedPhase?.stageId).toBe("onboard");
    expect(saved.transitions.filter((t) => t.to === addedPhase?.id).map((t) => t.from)).toEqual([trialPhase?.id]);

    const boxes = await phaseBoxes(page);
    const added = boxes.find((b) => b.text.includes("Trial extension"));
    const trial = boxes.find((b) => b.text.startsWith("Trial") && !b.text.includes("extension"));
    if (!added || !trial) throw new Error("phases not on the canvas");
    expect(added.x).toBeGreaterThan(trial.x + trial.width);
    expect(phasesCovering(boxes, added)).toEqual([]);
  });

  it("keeps the inspector's width, dragged or set by keyboard, across a reload", async () => {
    page = await app.open();
    await openTemplate(page);
    const edge = page.getByRole("separator", { name: "Inspector width" });
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    expect(await edge.getAttribute("aria-valuenow")).toBe("340");
    const box = await edge.boundingBox();
    if (!box) throw new Error("the inspector's edge is not visible");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => edge.getAttribute("aria-valuenow")).toBe("540");
    expect(Math.round((await inspector.boundingBox())?.width ?? 0)).toBe(540);

    await edge.focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => edge.getAttribute("aria-valuenow")).toBe("560");
    await page.keyboard.press("End");
    await expect.poll(() => edge.getAttribute("aria-valuenow")).toBe("720");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => edge.getAttribute("aria-valuenow")).toBe("700");

    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    expect(await page.getByRole("separator", { name: "Inspector width" }).getAttribute("aria-valuenow")).toBe("700");
    expect(Math.round((await inspector.boundingBox())?.width ?? 0)).toBe(700);
  });

  it("folds the diagnostics down to their count, and keeps them folded across a reload", async () => {
    page = await app.open();
    await newBlankRoadmap(page, "Diagnostics");
    await page.getByRole("button", { name: "Add phase", exact: true }).click();
    await page.keyboard.type("Lonely phase");
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "Diagnostics" });
    const toggle = panel.getByRole("button", { name: /^Diagnostics/ });
    await toggle.waitFor();
    const warning = panel.getByRole("button", { name: /“Lonely phase”/ }).first();
    await warning.waitFor();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");

    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await warning.count()).toBe(0);
    expect(await toggle.textContent()).toMatch(/Diagnostics \d+ warnings?$/);

    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, "Lonely phase").waitFor();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await warning.count()).toBe(0);
    await toggle.click();
    await warning.waitFor();
  });
});
