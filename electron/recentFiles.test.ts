import { describe, expect, it, vi } from "vitest";
import { createRecentFiles, MAX_RECENT_FILES, RecentFilesSchema } from "./recentFiles";

describe("recent files", () => {
  it("puts the latest file first, once, and reports each change", () => {
    const changed = vi.fn();
    const recent = createRecentFiles(["/a.roadmap", "/b.roadmap"], changed);
    recent.add("/b.roadmap");
    expect(recent.list()).toEqual(["/b.roadmap", "/a.roadmap"]);
    recent.add("/c.roadmap");
    expect(recent.list()).toEqual(["/c.roadmap", "/b.roadmap", "/a.roadmap"]);
    expect(changed).toHaveBeenLastCalledWith(["/c.roadmap", "/b.roadmap", "/a.roadmap"]);
  });

  it("keeps at most ten", () => {
    const recent = createRecentFiles([], () => undefined);
    for (let i = 0; i < 15; i++) recent.add(`/file-${i}.roadmap`);
    expect(recent.list()).toHaveLength(MAX_RECENT_FILES);
    expect(recent.list()[0]).toBe("/file-14.roadmap");
  });

  it("removes one file or all of them", () => {
    const changed = vi.fn();
    const recent = createRecentFiles(["/a.roadmap", "/b.roadmap"], changed);
    recent.remove("/missing.roadmap");
    expect(changed).not.toHaveBeenCalled();
    recent.remove("/a.roadmap");
    expect(recent.list()).toEqual(["/b.roadmap"]);
    recent.clear();
    expect(recent.list()).toEqual([]);
  });

  it("reads a saved list, trimming one that grew too long", () => {
    const saved = Array.from({ length: 12 }, (_, i) => `/f${i}.roadmap`);
    expect(RecentFilesSchema.parse(saved)).toHaveLength(MAX_RECENT_FILES);
    expect(RecentFilesSchema.safeParse([1, 2]).success).toBe(false);
  });
});
