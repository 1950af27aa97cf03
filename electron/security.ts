import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, Session, WebContents } from "electron";
import { CONTENT_SECURITY_POLICY } from "../shared/csp";

/** Hands a URL to the user's browser (`shell.openExternal`). */
export type OpenExternal = (url: string) => Promise<void>;

/** The URL as a web address worth opening in the browser, or null for anything else (file:, javascript:, …). */
export function externalWebUrl(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}

function openInBrowser(url: string, openExternal: OpenExternal): void {
  const web = externalWebUrl(url);
  if (web !== null) openExternal(web).catch(() => undefined);
}

/**
 * Keeps a page from leaving the app: no new windows, no navigation or redirect
 * away from the app's origin (which also stops a dropped file from replacing
 * the app), no webviews. Web links open in the browser instead.
 */
export function guardWebContents(
  contents: Pick<WebContents, "on" | "setWindowOpenHandler">,
  isAppUrl: (url: string) => boolean,
  openExternal: OpenExternal,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url, openExternal);
    return { action: "deny" };
  });
  contents.on("will-navigate", (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openInBrowser(event.url, openExternal);
  });
  contents.on("will-redirect", (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
}

/**
 * The app needs no camera, location, notifications or any other permission:
 * asking is refused without a prompt. The one exception is full screen, for
 * presentation mode (the page's Fullscreen API makes the window full screen),
 * and only for the app's own pages.
 */
export function limitPermissions(
  session: Pick<Session, "setPermissionRequestHandler" | "setPermissionCheckHandler">,
  isAppUrl: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === "fullscreen" && isAppUrl(details.requestingUrl)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === "fullscreen" && isAppUrl(requestingOrigin),
  );
}

/**
 * Puts the app's policy on every http(s) response, replacing any the server
 * sent. The app:// responses carry it already (see protocol.ts), since
 * webRequest does not see custom protocols.
 */
type HeadersListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void;

export function enforceContentSecurityPolicy(session: {
  webRequest: { onHeadersReceived(listener: HeadersListener): void };
}): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== "content-security-policy",
      ),
    );
    responseHeaders["Content-Security-Policy"] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}
