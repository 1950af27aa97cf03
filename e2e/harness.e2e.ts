import { describe, expect, it } from "vitest";
import { setUpAppInBrowser, takeBrowserErrors } from "./harness";

const app = setUpAppInBrowser();

/** Polls until the watched contexts have reported this many errors; reading them keeps this test itself green. */
async function reportedErrors(count: number): Promise<string[]> {
  const reported: string[] = [];
  await expect
    .poll(() => {
      reported.push(...takeBrowserErrors());
      return reported.length;
    })
    .toBe(count);
  return reported;
}

describe("every end-to-end test is checked for errors", () => {
  it("hears a console error and an uncaught exception in the app's page", async () => {
    const page = await app.open();
    await page.evaluate(() => {
      console.error("deliberate console error");
      setTimeout(() => {
        throw new Error("deliberate uncaught exception");
      });
    });
    expect(await reportedErrors(2)).toEqual([
      expect.stringContaining("deliberate console error"),
      expect.stringContaining("deliberate uncaught exception"),
    ]);
  });

  it("hears errors in pages and contexts a test opens itself", async () => {
    const context = await app.browser().newContext();
    const own = await context.newPage();
    await own.goto(app.url());
    await own.getByRole("heading", { name: "Roadmaps" }).waitFor();
    const second = await app.browser().newPage();
    await second.goto(app.url());
    await own.evaluate(() => console.error("deliberate error in an own context"));
    await second.evaluate(() => {
      setTimeout(() => {
        throw new Error("deliberate error in a page of its own");
      });
    });
    expect(await reportedErrors(2)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("deliberate error in a page of its own"),
        expect.stringContaining("deliberate error in an own context"),
      ]),
    );
  });
});
