import { z } from "zod";

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
const DEFAULT_SIZE = { width: 1280, height: 820 } as const;

/** Where the window was when it last closed, as kept in userData. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface WindowPlacement {
  bounds: Rectangle;
  maximized: boolean;
}

/**
 * Where to open the window: the remembered place if it is still on a screen
 * (pulled fully onto that screen and shrunk to fit it), otherwise centred on
 * the primary screen. Screens change — a monitor unplugged, a resolution
 * lowered — and a window restored off-screen cannot be reached.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): WindowPlacement {
  const screen = saved === null ? undefined : mostOverlapping(saved, workAreas);
  if (saved === null || screen === undefined) {
    const size = fitInto(saved ?? DEFAULT_SIZE, primaryWorkArea);
    return {
      bounds: {
        ...size,
        x: primaryWorkArea.x + Math.round((primaryWorkArea.width - size.width) / 2),
        y: primaryWorkArea.y + Math.round((primaryWorkArea.height - size.height) / 2),
      },
      maximized: saved?.maximized ?? false,
    };
  }
  const size = fitInto(saved, screen);
  return {
    bounds: {
      ...size,
      x: clamp(saved.x, screen.x, screen.x + screen.width - size.width),
      y: clamp(saved.y, screen.y, screen.y + screen.height - size.height),
    },
    maximized: saved.maximized,
  };
}

function fitInto(size: { width: number; height: number }, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  };
}

function mostOverlapping(bounds: Rectangle, areas: readonly Rectangle[]): Rectangle | undefined {
  let best: Rectangle | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return best;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
