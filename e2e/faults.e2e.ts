import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openTemplate, phaseNode, setUpAppInBrowser, takeBrowserErrors } from "./harness";

const app = setUpAppInBrowser();

/**
 * A bug in a real view, simulated in the page rather than planted in the app:
 * every money amount is formatted through `Intl.NumberFormat`, so while this
 * is on, formatting a currency throws as a bug in a view would. Nothing in the
 * shipped app can turn it on.
 */
async function breakMoneyFormatting(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const proto = Intl.NumberFormat.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, "format");
    if (!original?.get) throw new Error("Intl.NumberFormat.prototype.format is not a getter here");
    const getFormat = original.get;
    Object.defineProperty(proto, "format", {
      configurable: true,
      get(this: Intl.NumberFormat) {
        if (this.resolvedOptions().style !== "currency") return getFormat.call(this);
        return () => {
          throw new RangeError("simulated bug: money formatting failed");
        };
      },
    });
    (window as unknown as { liftFault: () => void }).liftFault = () => Object.defineProperty(proto, "format", original);
  });
  return () => page.evaluate(() => (window as unknown as { liftFault: () => void }).liftFault());
}

/**
 * The browser's storage filling up, simulated under the app: IndexedDB's `put`
 * into the library's documents store throws QuotaExceededError, as Chromium
 * reports a full quota, until lifted.
 */
async function fillStorage(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      if (this.name === "documents") throw new DOMException("simulated: quota exceeded", "QuotaExceededError");
      return put.apply(this, args);
    };
    (window as unknown as { freeStorage: () => void }).freeStorage = () => {
      IDBObjectStore.prototype.put = put;
    };
  });
  return () => page.evaluate(() => (window as unknown as { freeStorage: () => void }).freeStorage());
}

describe("faults surface, nothing is lost", () => {
  it("a view that crashes shows what happened and comes back on Reload view; the rest keeps working", async () => {
    const page = await app.open();
    await openTemplate(page);
    await page.getByRole("tab", { name: "Budget" }).click();
    const total = await page.getByTestId("budget-total").getAttribute("data-value");
    await page.getByRole("tab", { name: "Calendar" }).click();
    const lift = await breakMoneyFormatting(page);

    await page.getByRole("tab", { name: "Budget" }).click();
    const panel = page.getByRole("alert", { name: "Budget stopped working" });
    await panel.waitFor();
    expect(await panel.textContent()).toContain("simulated bug: money formatting failed");
    // React reports the error it caught on the console: expected here, and only that one.
    const errors = takeBrowserErrors();
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toContain("simulated bug: money formatting failed");

    // The inspector beside it still edits the same document, and the edit is saved.
    const client = page.getByRole("complementary", { name: "Inspector" }).getByRole("textbox", { name: "Client" });
    await client.fill("Edited beside a crashed view");
    await client.press("Enter");
    await expect.poll(() => page.locator(".save-status").textContent()).toBe("Saved");

    await lift();
    await panel.getByRole("button", { name: "Reload view" }).click();
    expect(await page.getByTestId("budget-total").getAttribute("data-value")).toBe(total);
    expect(await panel.count()).toBe(0);
    await page.getByRole("tab", { name: "Canvas" }).click();
    await phaseNode(page, "Trial").waitFor();
    expect(await page.locator(".topbar-client").textContent()).toBe("Edited beside a crashed view");
    expect(takeBrowserErrors()).toEqual([]);
  });

  it("a write the browser refuses says Not saved and why, keeps the change, and saves it once there is room", async () => {
    const page = await app.open();
    await openTemplate(page);
    const status = page.locator(".save-status");
    await expect.poll(() => status.textContent()).toBe("Saved");

    const free = await fillStorage(page);
    const client = page.getByRole("complementary", { name: "Inspector" }).getByRole("textbox", { name: "Client" });
    await client.fill("Contoso while the disk is full");
    await client.press("Enter");
    await expect.poll(() => status.textContent()).toBe("Not saved — the browser's storage is fullSave as file…");
    await page.getByRole("alert").filter({ hasText: "Changes are not saved: the browser's storage is full" }).waitFor();
    expect(await client.inputValue()).toBe("Contoso while the disk is full");

    // Save as file… still works while the library does not.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      status.getByRole("button", { name: "Save as file…" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.roadmap$/);

    await free();
    // The retry runs on its own (after a back-off), or at once on the next edit: here, the next edit.
    await client.fill("Contoso after the disk was freed");
    await client.press("Enter");
    await expect.poll(() => status.textContent()).toBe("Saved");

    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    expect(
      await page
        .getByRole("complementary", { name: "Inspector" })
        .getByRole("textbox", { name: "Client" })
        .inputValue(),
    ).toBe("Contoso after the disk was freed");
  });
});
