import { hasUnsavedFileChanges } from "../features/editor/editorSlice";
import { SaveStatus } from "../features/editor/SaveStatus";
import { BackIcon, ExportIcon, LogoMark, PresentIcon, SaveIcon, SearchIcon, TrashIcon } from "../ui/icons";
import { useAppState, useAppStoreApi } from "./AppStoreContext";
import { CommandButton } from "./CommandButton";
import { commandTitle, findCommand, runCommand } from "./commands";

/** The bar across the top: where you are, and the commands that apply there. */
export function TopBar() {
  const store = useAppStoreApi();
  const screenKind = useAppState((state) => state.screen.kind);
  const name = useAppState((state) => state.document?.name);
  const client = useAppState((state) => state.document?.client);
  const unsaved = useAppState(hasUnsavedFileChanges);
  const trashCount = useAppState((state) => state.trash.length);

  return (
    <header className="topbar">
      {screenKind === "editor" ? (
        <>
          <CommandButton id="file.closeRoadmap" className="button button-quiet" ariaLabel="Back to roadmaps">
            <BackIcon /> Roadmaps
          </CommandButton>
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
            <ShowCostsSwitch />
            <PaletteButton />
            <CommandButton id="view.versions" className="button button-quiet" />
            <CommandButton id="view.present" className="button button-quiet">
              <PresentIcon /> Present
            </CommandButton>
            <CommandButton id="file.save">
              <SaveIcon /> Save to file
            </CommandButton>
            <CommandButton id="file.export">
              <ExportIcon /> Export
            </CommandButton>
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
            <PaletteButton />
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

/** The "Show costs" setting within reach, for a room that must not see money: off hides every figure at once. */
function ShowCostsSwitch() {
  const store = useAppStoreApi();
  const shown = useAppState((state) => state.preferences.showCosts);
  const command = findCommand("view.showCosts");
  return (
    <label className="topbar-switch" title={commandTitle(command)}>
      <input type="checkbox" checked={shown} onChange={() => runCommand(command.id, store.getState())} />
      {command.label}
    </label>
  );
}

/** Opens the command palette: every command, found by typing. */
function PaletteButton() {
  return (
    <CommandButton id="view.commandPalette" className="button button-quiet">
      <SearchIcon /> Commands
    </CommandButton>
  );
}
