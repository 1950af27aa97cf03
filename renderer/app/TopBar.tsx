import { hasUnsavedFileChanges } from "../features/editor/editorSlice";
import { SaveStatus } from "../features/editor/SaveStatus";
import { BackIcon, ExportIcon, LogoMark, SaveIcon, TrashIcon } from "../ui/icons";
import { useAppState, useAppStoreApi } from "./AppStoreContext";
import { displayShortcut, findCommand } from "./commands";

/** The bar across the top: where you are, and the commands that apply there. */
export function TopBar() {
  const store = useAppStoreApi();
  const screenKind = useAppState((state) => state.screen.kind);
  const name = useAppState((state) => state.document?.name);
  const client = useAppState((state) => state.document?.client);
  const unsaved = useAppState(hasUnsavedFileChanges);
  const trashCount = useAppState((state) => state.trash.length);
  const save = findCommand("file.save");
  const exportCommand = findCommand("file.export");

  return (
    <header className="topbar">
      {screenKind === "editor" ? (
        <>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void store.getState().closeRoadmap()}
            aria-label="Back to roadmaps"
          >
            <BackIcon /> Roadmaps
          </button>
          <div className="topbar-title">
            <span className="topbar-name">{name}</span>
            {client && <span className="topbar-client">{client}</span>}
            {unsaved && (
              <span className="topbar-unsaved" title="Changes not yet saved to the roadmap's file">
                Unsaved changes
              </span>
            )}
          </div>
          <div className="toolbar">
            <SaveStatus />
            {save && (
              <button
                type="button"
                className="button"
                title={save.shortcut ? `${save.label} (${displayShortcut(save.shortcut)})` : save.label}
                onClick={() => void save.perform(store.getState())}
              >
                <SaveIcon /> Save to file
              </button>
            )}
            {exportCommand && (
              <button type="button" className="button" onClick={() => void exportCommand.perform(store.getState())}>
                <ExportIcon /> Export
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <button
            type="button"
            className="brand"
            onClick={() => store.getState().showScreen({ kind: "home" })}
            aria-label="Relationship Roadmap — all roadmaps"
          >
            <LogoMark />
            <span>Relationship Roadmap</span>
          </button>
          <div className="toolbar">
            <button
              type="button"
              className={screenKind === "trash" ? "button button-quiet is-active" : "button button-quiet"}
              onClick={() => store.getState().showScreen({ kind: "trash" })}
            >
              <TrashIcon /> Trash{trashCount > 0 ? ` (${trashCount})` : ""}
            </button>
          </div>
        </>
      )}
    </header>
  );
}
