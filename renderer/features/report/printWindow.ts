import type { DesktopApi } from "../../../shared/ipc/contract";
import { mountReport } from "./mountReport";

/**
 * What the hidden print window runs instead of the app (see
 * electron/reportPrinter.ts): it takes its report job from main, lays the
 * report out and says when Chromium may print it.
 */
export async function runPrintWindow(desktop: Pick<DesktopApi, "takePrintJob" | "printLayoutDone">, root: HTMLElement) {
  const job = await desktop.takePrintJob();
  if ("error" in job) {
    await desktop.printLayoutDone({ error: job.error });
    return;
  }
  try {
    const mounted = await mountReport(root, job, new Date());
    await desktop.printLayoutDone({ error: mounted.ok ? null : mounted.error });
  } catch (error) {
    await desktop.printLayoutDone({ error: error instanceof Error ? error.message : String(error) });
  }
}
