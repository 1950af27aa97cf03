import { describe, expect, it } from "vitest";
import { appOrigin, devServerUrl, PRODUCTION_START_URL } from "./appOrigin";

describe("appOrigin", () => {
  it("recognises only the app's own scheme and host in production", () => {
    const origin = appOrigin(PRODUCTION_START_URL);
    expect(origin.startUrl).toBe("app://roadmap/index.html");
    expect(origin.isAppUrl("app://roadmap/assets/x.js")).toBe(true);
    for (const url of [
      "app://other/index.html",
      "https://roadmap/",
      "file:///index.html",
      "app://roadmap.evil.com/",
      "javascript:alert(1)",
      "",
    ]) {
      expect(origin.isAppUrl(url)).toBe(false);
    }
  });

  it("recognises the dev server by scheme, host and port", () => {
    const origin = appOrigin("http://127.0.0.1:5173/");
    expect(origin.isAppUrl("http://127.0.0.1:5173/src/main.tsx")).toBe(true);
    expect(origin.isAppUrl("http://127.0.0.1:5174/")).toBe(false);
    expect(origin.isAppUrl("https://127.0.0.1:5173/")).toBe(false);
    expect(origin.isAppUrl("http://127.0.0.1:5173@evil.com/")).toBe(false);
  });
});

describe("devServerUrl", () => {
  it("accepts a local dev server in an unpackaged app", () => {
    expect(devServerUrl("http://127.0.0.1:5173", false)).toBe("http://127.0.0.1:5173/");
    expect(devServerUrl("http://localhost:3000/", false)).toBe("http://localhost:3000/");
  });

  it("ignores RENDERER_URL in a packaged app", () => {
    expect(devServerUrl("http://127.0.0.1:5173", true)).toBeNull();
  });

  it.each(["https://evil.example/", "http://192.168.1.5:5173/", "file:///tmp/index.html", "nonsense", undefined])(
    "refuses %s",
    (value) => {
      expect(devServerUrl(value, false)).toBeNull();
    },
  );
});
