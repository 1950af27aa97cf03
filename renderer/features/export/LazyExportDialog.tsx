import { lazy, Suspense } from "react";
import type { ExportFormat } from "./exportFormats";

const ExportDialog = lazy(async () => ({ default: (await import("./ExportDialog")).ExportDialog }));

/** The Export dialog, whose code loads the first time it opens rather than with the app. */
export function LazyExportDialog({ initialFormat }: { initialFormat: ExportFormat }) {
  return (
    <Suspense fallback={null}>
      <ExportDialog initialFormat={initialFormat} />
    </Suspense>
  );
}
