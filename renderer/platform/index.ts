import type { DesktopApi } from "../../shared/ipc/contract";
import { createElectronPlatform } from "./electronPlatform";
import type { Platform } from "./platform";
import { createWebPlatform, type ReportLayout } from "./webPlatform";

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by its preload. */
    roadmapDesktop?: DesktopApi;
  }
}

/** The report's code (and its styles) loads the first time a report is printed, not at start-up. */
const mountReportOnFirstUse: ReportLayout = async (...args) =>
  (await import("../features/report/mountReport")).mountReport(...args);

/** Picks the platform once, at start-up. */
export function detectPlatform(): Platform {
  return window.roadmapDesktop
    ? createElectronPlatform(window.roadmapDesktop)
    : createWebPlatform(document, mountReportOnFirstUse);
}

export type { Platform } from "./platform";
