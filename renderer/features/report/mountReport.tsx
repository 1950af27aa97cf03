import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { planRoadmap } from "../../../shared/engine";
import type { PrintJob } from "../../../shared/ipc/contract";
import { readRoadmapFile } from "../../../shared/model";
import { err, ok, type Result } from "../../../shared/result";
import { ExecutiveReport } from "./ExecutiveReport";

/**
 * Lays the executive report out in `container`, from the roadmap's file text
 * (what the user saves is what the report shows), and resolves once it is
 * ready to print: rendered, fonts loaded, laid out. Resolves to the function
 * that removes it again, or to why it could not be made.
 */
export async function mountReport(
  container: HTMLElement,
  job: PrintJob,
  generatedAt: Date,
): Promise<Result<() => void, string>> {
  const read = readRoadmapFile("The roadmap", job.roadmapText);
  if (!read.ok) return err(read.error.summary);
  const { roadmap } = read.value;
  const plan = planRoadmap(roadmap);
  // React 19 reports a render error to the root instead of throwing it out of flushSync: caught here, so a
  // report that failed is refused with its reason rather than printed blank.
  let failure: unknown = null;
  const root = createRoot(container, {
    onUncaughtError: (error) => {
      failure ??= error;
    },
  });
  try {
    flushSync(() => {
      root.render(<ExecutiveReport roadmap={roadmap} plan={plan} options={job.options} generatedAt={generatedAt} />);
    });
    if (failure !== null) throw failure;
    await container.ownerDocument.fonts.ready;
    // The diagram is an image: it must be decoded before Chromium prints, or the page prints without it.
    await Promise.all(Array.from(container.querySelectorAll("img"), (image) => image.decode()));
    // Two frames: the first lays out what React wrote, the second has painted it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  } catch (error) {
    root.unmount();
    return err(error instanceof Error ? error.message : String(error));
  }
  return ok(() => root.unmount());
}
