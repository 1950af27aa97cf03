import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Protocol } from "electron";
import { CONTENT_SECURITY_POLICY } from "../shared/csp";
import { APP_HOST, APP_SCHEME } from "./appOrigin";

/**
 * Must run before the app is ready. "standard" gives the scheme normal URL
 * rules (relative links, an origin for storage); "secure" counts it as HTTPS.
 */
export function registerAppScheme(protocol: Pick<Protocol, "registerSchemesAsPrivileged">): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * The file under `root` that `requestUrl` names, or null when the URL is not
 * the app's or would escape `root` (`..`, encoded or not).
 */
export function resolveRendererPath(root: string, requestUrl: string): string | null {
  if (!URL.canParse(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes("\0")) return null;
  if (relative === "/" || relative === "") relative = "/index.html";
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, `.${relative}`);
  const fromRoot = path.relative(resolvedRoot, resolved);
  if (fromRoot === "" || fromRoot.startsWith("..") || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

export type FetchFile = (fileUrl: string) => Promise<Response>;

/** Answers `app://roadmap/…` requests from the built renderer folder, and nothing outside it. */
export function createAppProtocolHandler(root: string, fetchFile: FetchFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return new Response(null, { status: 405 });
    const filePath = resolveRendererPath(root, request.url);
    if (filePath === null) return new Response(null, { status: 404 });
    let file: Response;
    try {
      file = await fetchFile(pathToFileURL(filePath).href);
    } catch {
      return new Response(null, { status: 404 });
    }
    // webRequest.onHeadersReceived never sees custom-protocol responses, so the policy is set here.
    const headers = new Headers(file.headers);
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    // WebAssembly compiles while it downloads only when served as such; a file: fetch need not say so.
    if (path.extname(filePath) === ".wasm") headers.set("Content-Type", "application/wasm");
    return new Response(file.body, { status: file.status, statusText: file.statusText, headers });
  };
}

export function serveRenderer(protocol: Pick<Protocol, "handle">, root: string, fetchFile: FetchFile): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root, fetchFile));
}
