import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../shared/csp";
import { createAppProtocolHandler, resolveRendererPath } from "./protocol";

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "roadmap-protocol-"));
  root = path.join(base, "dist", "renderer");
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(root, "index.html"), "<!doctype html><title>app</title>");
  await writeFile(path.join(root, "assets", "main.js"), "console.log('app')");
  await writeFile(path.join(root, "assets", "highs-Dx1.wasm"), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(path.join(base, "secret.txt"), "secret");
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Stands in for net.fetch of file: URLs, reading the real file. */
const fetchFile = vi.fn(async (fileUrl: string) => {
  const text = await readFile(fileURLToPath(fileUrl), "utf8");
  return new Response(text, { headers: { "content-type": fileUrl.endsWith(".js") ? "text/javascript" : "text/html" } });
});

describe("resolveRendererPath", () => {
  it("maps app URLs to files in the renderer folder", () => {
    expect(resolveRendererPath(root, "app://roadmap/index.html")).toBe(path.join(root, "index.html"));
    expect(resolveRendererPath(root, "app://roadmap/assets/main.js?v=1#x")).toBe(path.join(root, "assets", "main.js"));
    expect(resolveRendererPath(root, "app://roadmap/")).toBe(path.join(root, "index.html"));
    expect(resolveRendererPath(root, "app://roadmap/my%20file.svg")).toBe(path.join(root, "my file.svg"));
  });

  it.each([
    "app://roadmap/../secret.txt",
    "app://roadmap/%2e%2e/secret.txt",
    "app://roadmap/..%2Fsecret.txt",
    "app://roadmap/assets/..%2F..%2F..%2Fsecret.txt",
    "app://roadmap/..%5C..%5Csecret.txt",
    "app://roadmap/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "app://roadmap/index.html%00.js",
    "app://roadmap/%E0%A4%A",
    "app://elsewhere/index.html",
    "file:///etc/passwd",
    "not a url",
  ])("never resolves %s outside the renderer folder", (url) => {
    const resolved = resolveRendererPath(root, url);
    // Some of these are normalised by the URL parser to a harmless path inside the folder; none may leave it.
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    expect(resolved).not.toBe(path.join(base, "secret.txt"));
  });
});

describe("the app:// handler", () => {
  // Built per call: `root` exists only once beforeAll has run.
  const handler = (request: Request) => createAppProtocolHandler(root, fetchFile)(request);

  it("serves the built renderer with the content security policy", async () => {
    const response = await handler(new Request("app://roadmap/assets/main.js"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("console.log('app')");
    expect(response.headers.get("content-type")).toBe("text/javascript");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("serves WebAssembly as application/wasm, so the solver compiles while it downloads", async () => {
    const response = await handler(new Request("app://roadmap/assets/highs-Dx1.wasm"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/wasm");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  });

  it("answers 404 for a path outside the renderer folder without fetching it", async () => {
    fetchFile.mockClear();
    const response = await handler(new Request("app://roadmap/..%2F..%2Fsecret.txt"));
    expect(response.status).toBe(404);
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it("answers 404 for a missing file", async () => {
    const response = await handler(new Request("app://roadmap/nothing-here.js"));
    expect(response.status).toBe(404);
  });

  it("refuses to accept uploads", async () => {
    const response = await handler(new Request("app://roadmap/index.html", { method: "POST", body: "x" }));
    expect(response.status).toBe(405);
  });
});
