import type { ReactNode } from "react";
import {
  COST_ONLY_SECTIONS,
  printedSections,
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  type ReportSection,
  sectionsFor,
} from "../../../shared/export/reportOptions";
import type { Roadmap } from "../../../shared/model";
import type { SlideDeckChoice } from "./exportFormats";

/**
 * Whether costs show and which sections are in: the one picker of the PDF
 * report and the slide deck, so both offer the same sections for a roadmap
 * (the survey's only with answers, none about money with costs off).
 * `children` are a format's own options, shown between the two.
 */
export function ReportSectionPicker<Choice extends SlideDeckChoice>({
  roadmap,
  choice,
  onChange,
  children,
}: {
  roadmap: Roadmap;
  choice: Choice;
  onChange: (choice: Choice) => void;
  children?: ReactNode;
}) {
  const toggle = (section: ReportSection, on: boolean) =>
    onChange({
      ...choice,
      sections: REPORT_SECTIONS.filter((s) => (s === section ? on : choice.sections.includes(s))),
    });
  return (
    <>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={choice.includeCosts}
          onChange={(event) => onChange({ ...choice, includeCosts: event.target.checked })}
        />
        Include costs and the budget
      </label>
      {children}
      <fieldset className="export-sections">
        <legend>Sections</legend>
        {sectionsFor(roadmap).map((section) => {
          const costOnly = COST_ONLY_SECTIONS.includes(section) && !choice.includeCosts;
          return (
            <label key={section} className="checkbox-field">
              <input
                type="checkbox"
                checked={choice.sections.includes(section) && !costOnly}
                disabled={costOnly}
                onChange={(event) => toggle(section, event.target.checked)}
              />
              {REPORT_SECTION_LABELS[section]}
            </label>
          );
        })}
      </fieldset>
      {printedSections(choice, roadmap).length === 0 && <p className="field-problem">Pick at least one section.</p>}
    </>
  );
}
