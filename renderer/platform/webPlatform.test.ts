import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebPlatform } from "./webPlatform";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the browser's downloads", () => {
  it("download a slide deck as a .pptx PowerPoint opens, byte for byte", async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:deck";
    });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]);

    const platform = createWebPlatform(document, async () => ({ ok: false, error: "no report is printed here" }));
    const result = await platform.saveFile({
      kind: "pptx",
      contents: bytes,
      suggestedName: "Acme lifecycle – slides",
      handle: null,
    });

    expect(result).toEqual({ canceled: false, handle: "download", name: "Acme lifecycle – slides.pptx" });
    expect(clicked).toEqual([{ download: "Acme lifecycle – slides.pptx", href: "blob:deck" }]);
    expect(blobs[0]?.type).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    expect(new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
  });
});
