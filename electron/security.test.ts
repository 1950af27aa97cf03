import type { Session } from "electron";
import { describe, expect, it, vi } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../shared/csp";
import { appOrigin } from "./appOrigin";
import { enforceContentSecurityPolicy, externalWebUrl, guardWebContents, limitPermissions } from "./security";
import { FakeWebContents, fakeEvent } from "./test/fakeElectron";

const isAppUrl = (url: string) => url.startsWith("app://roadmap/");

function guarded() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardWebContents(contents.asWebContents(), isAppUrl, openExternal);
  return { contents, openExternal };
}

function windowOpen(
  contents: FakeWebContents,
  url: string,
  disposition: "new-window" | "background-tab" | "foreground-tab" = "new-window",
) {
  if (contents.windowOpenHandler === null) throw new Error("no window-open handler installed");
  return contents.windowOpenHandler({
    url,
    frameName: "",
    features: "",
    disposition,
    referrer: { url: "", policy: "default" },
  });
}

describe("externalWebUrl", () => {
  it("accepts parsed http and https URLs only", () => {
    expect(externalWebUrl("https://example.com/a?b")).toBe("https://example.com/a?b");
    expect(externalWebUrl("HTTP://EXAMPLE.com")).toBe("http://example.com/");
    for (const url of [
      "file:///etc/passwd",
      "javascript:alert(1)",
      "smb://server/share",
      "app://roadmap/index.html",
      "ms-msdt:/id",
      "https//no-colon",
      "not a url http://x",
    ]) {
      expect(externalWebUrl(url)).toBeNull();
    }
  });
});

describe("guardWebContents", () => {
  it("denies every window.open and opens web links in the browser", () => {
    const { contents, openExternal } = guarded();
    expect(windowOpen(contents, "https://example.com/help")).toEqual({ action: "deny" });
    expect(openExternal).toHaveBeenCalledWith("https://example.com/help");
  });

  // Why electronegativity.test.ts may accept AUXCLICK_JS_CHECK: this handler is what stops a middle click.
  it("denies the tabs a middle or Ctrl+click on a link asks for, app pages and local files included", () => {
    const { contents, openExternal } = guarded();
    for (const disposition of ["background-tab", "foreground-tab"] as const) {
      expect(windowOpen(contents, "app://roadmap/index.html", disposition)).toEqual({ action: "deny" });
      expect(windowOpen(contents, "file:///etc/passwd", disposition)).toEqual({ action: "deny" });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it("denies window.open of anything else without opening it", () => {
    const { contents, openExternal } = guarded();
    for (const url of ["file:///etc/passwd", "javascript:alert(1)", "app://roadmap/index.html", "smb://host/x"]) {
      expect(windowOpen(contents, url)).toEqual({ action: "deny" });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it("blocks navigation away from the app, including to a dropped file", () => {
    const { contents, openExternal } = guarded();
    const dropped = fakeEvent({ url: "file:///home/ann/Acme.roadmap" });
    contents.emit("will-navigate", dropped);
    expect(dropped.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();

    const link = fakeEvent({ url: "https://example.com/" });
    contents.emit("will-navigate", link);
    expect(link.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith("https://example.com/");
  });

  it("lets the app reload its own page", () => {
    const { contents } = guarded();
    const reload = fakeEvent({ url: "app://roadmap/index.html" });
    contents.emit("will-navigate", reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it("blocks redirects away from the app", () => {
    const { contents } = guarded();
    const redirect = fakeEvent({ url: "https://evil.example/" });
    contents.emit("will-redirect", redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it("blocks webviews", () => {
    const { contents } = guarded();
    const attach = fakeEvent();
    contents.emit("will-attach-webview", attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe("limitPermissions", () => {
  function handlers() {
    const session = {
      setPermissionRequestHandler: vi.fn<Session["setPermissionRequestHandler"]>(),
      setPermissionCheckHandler: vi.fn<Session["setPermissionCheckHandler"]>(),
    };
    limitPermissions(session, appOrigin("app://roadmap/index.html").isAppUrl);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    if (!request || !check) throw new Error("handlers not installed");
    /** What the request and the check answer for a permission asked by a page at `url`. */
    return (
      permission: "fullscreen" | "media" | "geolocation" | "notifications" | "clipboard-read" | "openExternal",
      url: string,
      origin: string,
    ) => {
      const decisions: boolean[] = [];
      request(new FakeWebContents().asWebContents(), permission, (granted) => decisions.push(granted), {
        isMainFrame: true,
        requestingUrl: url,
      });
      decisions.push(check(null, permission, origin, { isMainFrame: true, requestingUrl: url }));
      return decisions;
    };
  }

  it("refuses every permission but full screen", () => {
    const ask = handlers();
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal"] as const) {
      expect(ask(permission, "app://roadmap/index.html", "app://roadmap")).toEqual([false, false]);
    }
  });

  it("lets the app's own pages take the full screen, for presentation mode, and no other page", () => {
    const ask = handlers();
    expect(ask("fullscreen", "app://roadmap/index.html", "app://roadmap")).toEqual([true, true]);
    expect(ask("fullscreen", "https://example.com/", "https://example.com")).toEqual([false, false]);
    expect(ask("fullscreen", "file:///tmp/page.html", "file:///")).toEqual([false, false]);
  });
});

describe("enforceContentSecurityPolicy", () => {
  it("puts the app's policy on every response, replacing the server's", () => {
    const onHeadersReceived =
      vi.fn<Parameters<typeof enforceContentSecurityPolicy>[0]["webRequest"]["onHeadersReceived"]>();
    enforceContentSecurityPolicy({ webRequest: { onHeadersReceived } });
    const listener = onHeadersReceived.mock.calls[0]?.[0];
    const callback = vi.fn();
    listener?.(
      {
        id: 1,
        url: "http://127.0.0.1:5173/",
        method: "GET",
        resourceType: "mainFrame",
        referrer: "",
        timestamp: 0,
        statusLine: "HTTP/1.1 200 OK",
        statusCode: 200,
        responseHeaders: { "content-security-policy": ["default-src *"], "Content-Type": ["text/html"] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { "Content-Security-Policy": [CONTENT_SECURITY_POLICY], "Content-Type": ["text/html"] },
    });
  });
});
