import type { OpenedTableFile } from "../../shared/ipc/contract";
import type {
  NoteAnchor,
  OrganisationList,
  PhaseClip,
  Point,
  RoadmapFileError,
  RoadmapTemplate,
} from "../../shared/model";
import type { ExportFormat } from "../features/export/exportFormats";
import type { ImportKindName } from "../features/import/importSlice";
import type { SliceContext } from "./appStore";

export type Screen = { kind: "home" } | { kind: "trash" } | { kind: "editor"; roadmapId: string };

export interface Notice {
  id: number;
  tone: "info" | "error";
  message: string;
  action?: { label: string; run: () => void };
}

/** Modal dialogs; at most one is open. */
export type Dialog =
  | { kind: "newRoadmap"; templates: readonly RoadmapTemplate[] }
  | { kind: "importError"; error: RoadmapFileError }
  | { kind: "importConflict"; fileName: string; existingName: string; existingInTrash: boolean }
  | { kind: "deletePhases"; phaseIds: string[]; transitionIds: string[] }
  | { kind: "pastePhases"; clip: PhaseClip; offset: Point; action: "paste" | "duplicate" }
  | { kind: "stages" }
  | { kind: "captureTable"; phaseId: string }
  | { kind: "removeListItem"; list: OrganisationList; id: string }
  | { kind: "export"; format: ExportFormat }
  | { kind: "about" }
  /** With `firstNote`, asked before the user's first sticky note, which is added once they give their name. */
  | { kind: "preferences"; firstNote?: NoteAnchor }
  | { kind: "commandPalette" }
  /** Names a new or duplicated scenario, renames the one shown, or confirms deleting it. */
  | { kind: "scenario"; action: "new" | "duplicate" | "rename" | "delete" }
  /** The import wizard; a dropped file comes without a kind, which the wizard asks for first. */
  | { kind: "importWizard"; importKind: ImportKindName | null; file: OpenedTableFile | null }
  | { kind: "saveVersion" }
  | { kind: "restoreVersion"; versionId: string }
  /** Shows the comparison in `versionComparison`. */
  | { kind: "versionComparison" };

/** Where the user is, which dialog is open, and the messages at the foot of the window. */
export interface ShellSlice {
  screen: Screen;
  dialog: Dialog | null;
  notices: Notice[];
  showScreen(screen: Screen): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  notify(notice: Omit<Notice, "id">): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export function createShellSlice({ set, get }: SliceContext): ShellSlice {
  return {
    screen: { kind: "home" },
    dialog: null,
    notices: [],
    showScreen: (screen) => set({ screen }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    notify: (notice) => {
      const id = nextNoticeId++;
      // A new notice replaces older ones of the same tone: a stack of stale undo offers helps no one.
      set({ notices: [...get().notices.filter((n) => n.tone !== notice.tone), { ...notice, id }] });
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  };
}
