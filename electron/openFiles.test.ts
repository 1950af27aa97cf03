import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EVENT_CHANNELS, type OpenedFile } from "../shared/ipc/contract";
import { FileHandles } from "./fileHandles";
import { createFileOpener, roadmapPathsFromArgv } from "./openFiles";
import { createRendererOutbox, holdMessagesWhileReloading, type RendererMessage } from "./outbox";
import { MAX_FILE_BYTES, readRoadmapFile } from "./roadmapFiles";
import { FakeWebContents, fakeEvent } from "./test/fakeElectron";

describe("roadmapPathsFromArgv", () => {
  it("picks .roadmap files from a packaged app's command line, resolved against its folder", () => {
    expect(roadmapPathsFromArgv(["/opt/Roadmap/roadmap", "Acme.roadmap", "../b/Beta.ROADMAP"], "/home/ann/a")).toEqual([
      "/home/ann/a/Acme.roadmap",
      "/home/ann/b/Beta.ROADMAP",
    ]);
  });

  it("skips the executable, the app folder in development, flags and other files", () => {
    const argv = [
      "/usr/bin/electron",
      ".",
      "--original-process-start-time=123",
      "--flag=x.roadmap",
      "notes.txt",
      "/tmp/Plan.roadmap",
    ];
    expect(roadmapPathsFromArgv(argv, "/work")).toEqual(["/tmp/Plan.roadmap"]);
  });

  it("accepts file:// URLs, which Linux file managers pass", () => {
    const url = pathToFileURL("/home/ann/My Plan.roadmap").href;
    expect(roadmapPathsFromArgv(["roadmap", url], "/")).toEqual(["/home/ann/My Plan.roadmap"]);
  });

  it("ignores a file that is the executable itself", () => {
    expect(roadmapPathsFromArgv(["/weird/app.roadmap"], "/")).toEqual([]);
  });
});

describe("opening a file from outside the renderer", () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "roadmap-open-"));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function setUp() {
    const sent: RendererMessage[] = [];
    const outbox = createRendererOutbox((message) => {
      sent.push(message);
      return true;
    });
    const handles = new FileHandles();
    const deps = {
      readFile: (filePath: string) => readRoadmapFile(filePath),
      handles,
      fileChosen: vi.fn<(filePath: string) => void>(),
      deliver: (file: OpenedFile) => outbox.post({ channel: EVENT_CHANNELS.fileOpened, payload: file }),
      fileFailed: vi.fn<(filePath: string, message: string) => void>(),
    };
    return { sent, outbox, handles, deps, open: createFileOpener(deps) };
  }

  it("holds the file until the renderer is ready, then sends it with a handle for saving back", async () => {
    const file = path.join(folder, "Acme.roadmap");
    await writeFile(file, '{"type":"roadmap"}');
    const { sent, outbox, handles, deps, open } = setUp();

    await open(file);
    expect(sent).toEqual([]);

    outbox.rendererReady();
    expect(sent).toEqual([
      {
        channel: "file:opened",
        payload: { handle: expect.any(String), name: "Acme.roadmap", text: '{"type":"roadmap"}', sizeInBytes: 18 },
      },
    ]);
    const [message] = sent;
    if (message?.channel !== EVENT_CHANNELS.fileOpened) throw new Error("expected an opened file");
    expect(handles.pathOf(message.payload.handle)).toBe(file);
    expect(deps.fileChosen).toHaveBeenCalledWith(file);
  });

  it("sends at once when the renderer already listens", async () => {
    const file = path.join(folder, "Acme.roadmap");
    await writeFile(file, "{}");
    const { sent, outbox, open } = setUp();
    outbox.rendererReady();
    await open(file);
    expect(sent).toHaveLength(1);
  });

  it("refuses a file over 20 MB, reporting it instead of sending it", async () => {
    const file = path.join(folder, "huge.roadmap");
    await writeFile(file, "");
    await truncate(file, MAX_FILE_BYTES + 1);
    const { sent, outbox, deps, open } = setUp();
    outbox.rendererReady();
    await open(file);
    expect(sent).toEqual([]);
    expect(deps.fileFailed).toHaveBeenCalledWith(file, expect.stringMatching(/larger than 20 MB/));
    expect(deps.fileChosen).not.toHaveBeenCalled();
  });
});

describe("the renderer outbox", () => {
  const menu = (payload: "file.save" | "edit.undo"): RendererMessage => ({
    channel: EVENT_CHANNELS.menuCommand,
    payload,
  });

  it("delivers in order once the renderer is ready, and each message once", () => {
    const deliver = vi.fn(() => true);
    const outbox = createRendererOutbox(deliver);
    outbox.post(menu("file.save"));
    outbox.post(menu("edit.undo"));
    expect(deliver).not.toHaveBeenCalled();
    outbox.rendererReady();
    outbox.rendererReady();
    expect(deliver.mock.calls).toEqual([[menu("file.save")], [menu("edit.undo")]]);
  });

  it("holds messages again while the page reloads, until it says ready", () => {
    const deliver = vi.fn(() => true);
    const outbox = createRendererOutbox(deliver);
    const contents = new FakeWebContents();
    holdMessagesWhileReloading(contents.asWebContents(), outbox);
    outbox.rendererReady();

    contents.emit(
      "did-start-navigation",
      fakeEvent({ isMainFrame: true, isSameDocument: false, url: "app://roadmap/" }),
    );
    outbox.post(menu("file.save"));
    expect(deliver).not.toHaveBeenCalled();
    outbox.rendererReady();
    expect(deliver).toHaveBeenCalledOnce();
  });

  it("is not fooled by in-page navigation or a subframe", () => {
    const deliver = vi.fn(() => true);
    const outbox = createRendererOutbox(deliver);
    const contents = new FakeWebContents();
    holdMessagesWhileReloading(contents.asWebContents(), outbox);
    outbox.rendererReady();
    contents.emit(
      "did-start-navigation",
      fakeEvent({ isMainFrame: true, isSameDocument: true, url: "app://roadmap/#x" }),
    );
    contents.emit("did-start-navigation", fakeEvent({ isMainFrame: false, isSameDocument: false, url: "about:blank" }));
    outbox.post(menu("file.save"));
    expect(deliver).toHaveBeenCalledOnce();
  });

  it("keeps a message that could not be delivered for the next renderer", () => {
    let windowOpen = false;
    const delivered: RendererMessage[] = [];
    const outbox = createRendererOutbox((message) => {
      if (windowOpen) delivered.push(message);
      return windowOpen;
    });
    outbox.rendererReady();
    outbox.post(menu("file.save"));
    expect(delivered).toEqual([]);
    windowOpen = true;
    outbox.rendererReady();
    expect(delivered).toEqual([menu("file.save")]);
  });
});

describe("FileHandles", () => {
  it("hands out opaque tokens, the same one for the same file", () => {
    const handles = new FileHandles();
    const a = handles.register("/home/ann/Acme.roadmap");
    expect(a).not.toContain("Acme");
    expect(handles.register("/home/ann/../ann/Acme.roadmap")).toBe(a);
    expect(handles.register("/home/ann/Beta.roadmap")).not.toBe(a);
    expect(handles.pathOf(a)).toBe("/home/ann/Acme.roadmap");
    expect(handles.pathOf("/home/ann/Acme.roadmap")).toBeUndefined();
  });
});
