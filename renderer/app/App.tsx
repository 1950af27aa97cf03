import { type DragEvent, useEffect, useState } from "react";
import { RemoveListItemDialog } from "../features/audiences/RemoveListItemDialog";
import { DeletePhasesDialog } from "../features/canvas/DeletePhasesDialog";
import { PastePhasesDialog } from "../features/canvas/PastePhasesDialog";
import { EditorScreen } from "../features/editor/EditorScreen";
import { LazyExportDialog } from "../features/export/LazyExportDialog";
import { TABLE_FILE_PATTERN } from "../features/import/importSlice";
import { LazyImportWizard } from "../features/import/LazyImportWizard";
import { CaptureTableDialog } from "../features/inspector/CaptureTable";
import { HomeScreen } from "../features/library/HomeScreen";
import { ImportConflictDialog, ImportErrorDialog } from "../features/library/ImportDialogs";
import { NewRoadmapDialog } from "../features/library/NewRoadmapDialog";
import { TrashScreen } from "../features/library/TrashScreen";
import { PresentationHost } from "../features/presentation/PresentationScreen";
import { ScenarioDialog } from "../features/scenarios/ScenarioDialog";
import { StagesDialog } from "../features/stages/StagesDialog";
import { RestoreVersionDialog } from "../features/versions/RestoreVersionDialog";
import { SaveVersionDialog } from "../features/versions/SaveVersionDialog";
import { VersionComparisonDialog } from "../features/versions/VersionComparisonDialog";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { Notices } from "../ui/Notices";
import { AboutDialog } from "./AboutDialog";
import { useAppState, useAppStoreApi } from "./AppStoreContext";
import { CommandPalette } from "./CommandPalette";
import { reportUncaughtErrors } from "./globalErrors";
import { PreferencesDialog } from "./PreferencesDialog";
import type { Services } from "./services";
import type { Dialog } from "./shellSlice";
import { TopBar } from "./TopBar";
import { useHostIntegration } from "./useHostIntegration";

export function App({ services }: { services: Pick<Services, "platform"> }) {
  useHostIntegration(services);
  const store = useAppStoreApi();
  useEffect(() => reportUncaughtErrors(window, (notice) => store.getState().notify(notice)), [store]);
  const screen = useAppState((state) => state.screen);
  const { dragging, dropHandlers } = useFileDrop();

  return (
    <div className={screen.kind === "editor" ? "app is-editor" : "app"} {...dropHandlers}>
      <TopBar />
      {screen.kind === "home" && (
        <ErrorBoundary name="Roadmaps">
          <HomeScreen />
        </ErrorBoundary>
      )}
      {screen.kind === "trash" && (
        <ErrorBoundary name="Trash">
          <TrashScreen />
        </ErrorBoundary>
      )}
      {screen.kind === "editor" && <EditorScreen />}
      <DialogHost />
      <ErrorBoundary name="Presentation mode" onClose={() => store.getState().stopPresentation()}>
        <PresentationHost />
      </ErrorBoundary>
      <Notices />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {screen.kind === "editor"
            ? "Drop .roadmap files to add them to your library, or a CSV or Excel file to import into this roadmap"
            : "Drop .roadmap files to add them to your library"}
        </div>
      )}
    </div>
  );
}

/** The open dialog; one that crashes can be closed from its crash panel, the window behind it is untouched. */
function DialogHost() {
  const dialog = useAppState((state) => state.dialog);
  const close = useAppState((state) => state.closeDialog);
  if (!dialog) return null;
  return (
    <ErrorBoundary key={dialog.kind} name="This dialog" onClose={close}>
      <OpenDialog dialog={dialog} close={close} />
    </ErrorBoundary>
  );
}

function OpenDialog({ dialog, close }: { dialog: Dialog; close: () => void }) {
  switch (dialog.kind) {
    case "newRoadmap":
      return <NewRoadmapDialog templates={dialog.templates} />;
    case "importError":
      return <ImportErrorDialog error={dialog.error} />;
    case "importConflict":
      return (
        <ImportConflictDialog
          fileName={dialog.fileName}
          existingName={dialog.existingName}
          existingInTrash={dialog.existingInTrash}
        />
      );
    case "deletePhases":
      return <DeletePhasesDialog phaseIds={dialog.phaseIds} transitionIds={dialog.transitionIds} />;
    case "pastePhases":
      return <PastePhasesDialog clip={dialog.clip} offset={dialog.offset} action={dialog.action} />;
    case "stages":
      return <StagesDialog />;
    case "captureTable":
      return <CaptureTableDialog phaseId={dialog.phaseId} />;
    case "export":
      return <LazyExportDialog initialFormat={dialog.format} />;
    case "removeListItem":
      return <RemoveListItemDialog list={dialog.list} id={dialog.id} />;
    case "about":
      return <AboutDialog onClose={close} />;
    case "commandPalette":
      return <CommandPalette />;
    case "preferences":
      return <PreferencesDialog firstNote={dialog.firstNote ?? null} onClose={close} />;
    case "importWizard":
      return <LazyImportWizard importKind={dialog.importKind} file={dialog.file} />;
    case "saveVersion":
      return <SaveVersionDialog />;
    case "restoreVersion":
      return <RestoreVersionDialog versionId={dialog.versionId} />;
    case "versionComparison":
      return <VersionComparisonDialog />;
    case "scenario":
      return <ScenarioDialog action={dialog.action} />;
  }
}

/** Files dropped anywhere on the window are imported; one file is opened as well. */
function useFileDrop() {
  const store = useAppStoreApi();
  const [dragging, setDragging] = useState(false);
  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      const [only] = files;
      // A spreadsheet dropped on an open roadmap is something to import into it, not a roadmap.
      if (files.length === 1 && only && TABLE_FILE_PATTERN.test(only.name) && store.getState().document) {
        void only.arrayBuffer().then(
          (buffer) =>
            store.getState().openDialog({
              kind: "importWizard",
              importKind: null,
              file: { name: only.name, bytes: new Uint8Array(buffer) },
            }),
          (error: unknown) =>
            store.getState().notify({ tone: "error", message: `${only.name} could not be read: ${String(error)}` }),
        );
        return;
      }
      void (async () => {
        for (const [i, file] of files.entries()) {
          const text = await file.text();
          await store
            .getState()
            .importFile(
              { handle: "drop", name: file.name, text, sizeInBytes: file.size },
              { open: files.length === 1 },
            );
          // A file that needs an answer (already in the library, or refused) stops the batch: one question at a time.
          const rest = files.slice(i + 1);
          if (store.getState().dialog && rest.length > 0) {
            store.getState().notify({
              tone: "error",
              message: `Not imported yet: ${rest.map((f) => f.name).join(", ")}. Drop them again after answering.`,
            });
            return;
          }
        }
      })();
    },
  };
  return { dragging, dropHandlers };
}
