import { lazy, Suspense } from "react";
import type { OpenedTableFile } from "../../../shared/ipc/contract";
import type { ImportKindName } from "./importSlice";

const ImportWizardDialog = lazy(async () => ({ default: (await import("./ImportWizardDialog")).ImportWizardDialog }));

/** The import wizard, whose code (and the import kinds' with it) loads the first time it opens rather than with the app. */
export function LazyImportWizard(props: { importKind: ImportKindName | null; file: OpenedTableFile | null }) {
  return (
    <Suspense fallback={null}>
      <ImportWizardDialog {...props} />
    </Suspense>
  );
}
