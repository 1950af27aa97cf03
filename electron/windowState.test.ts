import { describe, expect, it } from "vitest";
import { placeWindow, type Rectangle, WindowStateSchema } from "./windowState";

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 };

describe("placeWindow", () => {
  it("centres a default-sized window on the primary screen the first time", () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({
      bounds: { x: 80, y: 28, width: 1280, height: 820 },
      maximized: false,
    });
  });

  it("restores a window exactly where it was when that place is still visible", () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [laptop, monitorOnTheRight], laptop)).toEqual({
      bounds: { x: 1600, y: 100, width: 1400, height: 900 },
      maximized: false,
    });
  });

  it("restores the maximized state", () => {
    const saved = { x: 10, y: 10, width: 1000, height: 700, maximized: true };
    expect(placeWindow(saved, [laptop], laptop).maximized).toBe(true);
  });

  it("recentres a window left on a monitor that was unplugged", () => {
    const saved = { x: 2000, y: 200, width: 1000, height: 700, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({
      bounds: { x: 220, y: 88, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it("pulls a window hanging off the edge fully onto the screen it is mostly on", () => {
    const saved = { x: 1000, y: 600, width: 1000, height: 700, maximized: false };
    const { bounds } = placeWindow(saved, [laptop], laptop);
    expect(bounds).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
  });

  it("shrinks a window larger than its screen to fit", () => {
    const saved = { x: 1440, y: 0, width: 2560, height: 1415, maximized: false };
    const smallerMonitor = { x: 1440, y: 0, width: 1920, height: 1040 };
    expect(placeWindow(saved, [laptop, smallerMonitor], laptop).bounds).toEqual(smallerMonitor);
  });

  it("respects the work area's offset, such as a menu bar or a taskbar on top", () => {
    const withMenuBar = { x: 0, y: 25, width: 1440, height: 850 };
    const saved = { x: 100, y: 0, width: 1000, height: 700, maximized: false };
    expect(placeWindow(saved, [withMenuBar], withMenuBar).bounds.y).toBe(25);
  });

  it("keeps every placement inside some screen", () => {
    const screens = [laptop, monitorOnTheRight];
    for (const x of [-5000, -500, 0, 1000, 1439, 3000, 9000]) {
      for (const y of [-3000, -100, 0, 500, 5000]) {
        const { bounds } = placeWindow({ x, y, width: 1200, height: 800, maximized: false }, screens, laptop);
        const inside = screens.some(
          (s) =>
            bounds.x >= s.x &&
            bounds.y >= s.y &&
            bounds.x + bounds.width <= s.x + s.width &&
            bounds.y + bounds.height <= s.y + s.height,
        );
        expect(inside, `placing a window saved at ${x},${y}`).toBe(true);
      }
    }
  });
});

describe("WindowStateSchema", () => {
  it("rejects a damaged state file", () => {
    expect(WindowStateSchema.safeParse({ x: "1", y: 0, width: 100, height: 100, maximized: false }).success).toBe(
      false,
    );
    expect(WindowStateSchema.safeParse({ x: 0, y: 0, width: -5, height: 100, maximized: false }).success).toBe(false);
    expect(WindowStateSchema.safeParse(null).success).toBe(false);
  });
});
