import { useState } from "react";
import { MAX_SUMMARY_PAGES } from "../../../shared/export/reportLayout";
import { PAPER_SIZES, type PaperSize, printedSections, type ReportOptions } from "../../../shared/export/reportOptions";
import type { Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { useViewedRoadmap } from "../editor/viewedRoadmap";
import {
  EXPORT_FORMAT_DETAILS,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportRequest,
  WORKBOOK_NEEDS_COSTS,
} from "./exportFormats";
import { ReportSectionPicker } from "./ReportSectionPicker";

const PROGRESS: Record<ExportFormat, string> = {
  pdf: "Laying out and printing the report…",
  pptx: "Building the slides…",
  xlsx: "Writing the workbook…",
  csv: "Writing the communication plan…",
  ics: "Writing the calendar…",
  svg: "Drawing the diagram…",
  png: "Drawing the diagram…",
};

/**
 * Every export of the open roadmap in one place: pick a format, set its
 * options, export. Whether costs are included starts at what the screen
 * shows ("Show costs"), so a room that hides them does not print them.
 */
export function ExportDialog({ initialFormat }: { initialFormat: ExportFormat }) {
  const store = useAppStoreApi();
  const roadmap = useViewedRoadmap();
  const exporting = useAppState((state) => state.exporting);
  const showCosts = useAppState((state) => state.preferences.showCosts);
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [report, setReport] = useState<ReportOptions>(() => ({
    ...store.getState().reportOptions,
    includeCosts: store.getState().preferences.showCosts,
  }));
  const [includeCosts, setIncludeCosts] = useState(showCosts);
  const [ownerId, setOwnerId] = useState<string>("");
  if (!roadmap) return null;

  const close = () => {
    if (!exporting) store.getState().closeDialog();
  };
  const request = (): ExportRequest => {
    switch (format) {
      case "pdf":
        return { format, options: report };
      case "pptx":
        return { format, options: { sections: report.sections, includeCosts: report.includeCosts } };
      case "ics":
        return { format, ownerId: ownerId === "" ? null : ownerId, includeCosts };
      case "xlsx":
        return { format };
      default:
        return { format, includeCosts };
    }
  };
  const run = async () => {
    const exported = await store.getState().exportDocument(request());
    if (exported) store.getState().closeDialog();
  };
  const sectioned = format === "pdf" || format === "pptx";
  const noSections = sectioned && printedSections(report, roadmap).length === 0;
  const workbookRefused = format === "xlsx" && !showCosts;

  return (
    <Dialog
      title={`Export “${roadmap.name}”`}
      wide
      onClose={close}
      footer={
        <>
          {exporting && (
            <span className="export-progress" role="status">
              <span className="spinner" aria-hidden="true" />
              {PROGRESS[exporting]}
            </span>
          )}
          <button type="button" className="button" onClick={close} disabled={exporting !== null}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={exporting !== null || noSections || workbookRefused}
            onClick={() => void run()}
          >
            {exporting ? "Exporting…" : "Export"}
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <fieldset className="export-formats" disabled={exporting !== null}>
          <legend className="visually-hidden">Format</legend>
          {EXPORT_FORMATS.map((option) => (
            <label key={option} className={option === format ? "export-format is-selected" : "export-format"}>
              <input
                type="radio"
                name="export-format"
                value={option}
                checked={option === format}
                onChange={() => setFormat(option)}
              />
              <span>
                <strong>{EXPORT_FORMAT_DETAILS[option].label}</strong>
                <span className="muted">{EXPORT_FORMAT_DETAILS[option].description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="export-options">
          {format === "pdf" && <ReportOptionsFields roadmap={roadmap} options={report} onChange={setReport} />}
          {format === "pptx" && (
            <>
              <p className="muted">
                16:9 slides that open in PowerPoint, Keynote and LibreOffice: the arrows stay glued to the phases when
                they are moved, and each slide's notes say where its numbers come from.
              </p>
              <ReportSectionPicker roadmap={roadmap} choice={report} onChange={setReport} />
            </>
          )}
          {format === "ics" && (
            <label className="field">
              <span>Whose sends</span>
              <select value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
                <option value="">All owners</option>
                {roadmap.owners.map((owner) => (
                  <option key={owner.id} value={owner.id}>
                    {owner.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {!sectioned && format !== "ics" && <p className="muted">{EXPORT_FORMAT_DETAILS[format].description}</p>}
          {!sectioned && format !== "xlsx" && (
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={includeCosts}
                onChange={(event) => setIncludeCosts(event.target.checked)}
              />
              Include costs
            </label>
          )}
          {workbookRefused && <p className="field-problem">{WORKBOOK_NEEDS_COSTS}</p>}
        </div>
      </div>
    </Dialog>
  );
}

function ReportOptionsFields({
  roadmap,
  options,
  onChange,
}: {
  roadmap: Roadmap;
  options: ReportOptions;
  onChange: (options: ReportOptions) => void;
}) {
  return (
    <>
      <label className="field">
        <span>Paper</span>
        <select
          value={options.paperSize}
          onChange={(event) => onChange({ ...options, paperSize: event.target.value as PaperSize })}
        >
          {PAPER_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <ReportSectionPicker roadmap={roadmap} choice={options} onChange={onChange}>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={options.includeAppendix}
            onChange={(event) => onChange({ ...options, includeAppendix: event.target.checked })}
          />
          Include full detail appendix
        </label>
        <p className="muted">
          The report summarises in at most {MAX_SUMMARY_PAGES} pages; the appendix adds every phase and communication.
        </p>
      </ReportSectionPicker>
    </>
  );
}
