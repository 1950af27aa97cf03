import type { OpenedTableFile } from "../../../shared/ipc/contract";
import { type SurveyImportChange, surveyImportKind } from "../../../shared/survey/surveyImport";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { ImportWizard, type WizardKind } from "./ImportWizard";
import type { ImportKindName } from "./importSlice";

/** Survey answers become one dated wave: its date and name are settings of the preview. */
export const SURVEY_WIZARD: WizardKind<SurveyImportChange> = {
  title: "Import survey answers",
  rowNoun: { one: "respondent", other: "respondents" },
  kind: surveyImportKind,
  settings: [
    { id: "waveDate", label: "Wave date", type: "date", current: (change) => change.wave?.date ?? "" },
    { id: "waveName", label: "Wave name", type: "text", current: (change) => change.wave?.name ?? "" },
  ],
  preview: (roadmap, table, mapping, locale, settings) =>
    surveyImportKind.preview(roadmap, table, mapping, locale, {
      now: new Date(),
      // An emptied field goes back to the kind's default (the file's latest date, "Wave <date>").
      ...(settings.waveDate ? { waveDate: settings.waveDate } : {}),
      ...(settings.waveName?.trim() ? { waveName: settings.waveName.trim() } : {}),
    }),
};

/** The import wizard for one kind, or, for a file dropped on the window, first the question which kind. */
export function ImportWizardDialog({
  importKind,
  file,
}: {
  importKind: ImportKindName | null;
  file: OpenedTableFile | null;
}) {
  const store = useAppStoreApi();
  const close = () => store.getState().closeDialog();
  switch (importKind) {
    case "survey":
      return <ImportWizard wizard={SURVEY_WIZARD} file={file} onCancel={close} />;
    case "inventory":
      return <ImportWizard wizard={SURVEY_WIZARD} file={file} onCancel={close} />;
    case null:
      return (
        <WhichImport
          fileName={file?.name ?? "This file"}
          choose={(kind) => store.getState().openImportWizard(kind, file ?? undefined)}
          close={close}
        />
      );
  }
}

function WhichImport({
  fileName,
  choose,
  close,
}: {
  fileName: string;
  choose: (kind: ImportKindName) => void;
  close: () => void;
}) {
  return (
    <Dialog
      title={`Import ${fileName}`}
      onClose={close}
      footer={
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      }
    >
      <p>What does {fileName} hold?</p>
      <div className="import-kind-choice">
        <button type="button" className="button" onClick={() => choose("survey")}>
          Survey answers
        </button>
        <button type="button" className="button" onClick={() => choose("inventory")}>
          Communications
        </button>
      </div>
    </Dialog>
  );
}
