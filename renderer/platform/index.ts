import type { DesktopApi } from "../../shared/ipc/contract";
import { mountReport } from "../features/report/mountReport";
import { createElectronPlatform } from "./electronPlatform";
import type { Platform } from "./platform";
import { createWebPlatform } from "./webPlatform";

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by its preload. */
    roadmapDesktop?: DesktopApi;
  }
}

/** Picks the platform once, at start-up. */
export function detectPlatform(): Platform {
  return window.roadmapDesktop
    ? createElectronPlatform(window.roadmapDesktop)
    : createWebPlatform(document, mountReport);
}

export type { Platform } from "./platform";
