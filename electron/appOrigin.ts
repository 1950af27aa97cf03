/**
 * Which URLs are the app itself. Everything else — the web, files, other
 * schemes — is foreign: it may not navigate the window or talk over IPC.
 */
export interface AppOrigin {
  /** Where the window loads the app from. */
  readonly startUrl: string;
  isAppUrl(url: string): boolean;
}

export const APP_SCHEME = "app";
export const APP_HOST = "roadmap";

/** The built renderer, served by the app's own protocol (see protocol.ts). */
export const PRODUCTION_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function appOrigin(startUrl: string): AppOrigin {
  const start = new URL(startUrl);
  return {
    startUrl: start.href,
    isAppUrl(url) {
      const parsed = URL.canParse(url) ? new URL(url) : null;
      // Compared part by part: `URL.origin` is "null" for custom schemes like app:.
      return parsed !== null && parsed.protocol === start.protocol && parsed.host === start.host;
    },
  };
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The dev server's URL from `RENDERER_URL`, honoured only in an unpackaged app
 * and only on this machine: in a shipped app an environment variable must not
 * be able to swap the app's code for someone else's page.
 */
export function devServerUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || value === undefined || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname) ? url.href : null;
}
