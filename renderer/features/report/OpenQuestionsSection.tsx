import { useMemo } from "react";
import { openQuestions } from "../../../shared/export/openQuestions";
import type { SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** The workshop's open sticky notes: what is still to be answered, who asked, about what. Printed only when there are some. */
export function OpenQuestionsSection({ roadmap }: SectionProps) {
  const { listed, more } = useMemo(() => openQuestions(roadmap), [roadmap]);
  if (listed.length === 0) return null;
  return (
    <section className="report-page report-open-questions">
      <ReportSectionTitle>Open questions</ReportSectionTitle>
      <p>Questions and remarks from the workshop that are still open, as the roadmap's notes hold them.</p>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">About</th>
            <th scope="col">Raised by</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((question) => (
            <tr key={question.id}>
              <td style={{ whiteSpace: "pre-wrap" }}>{question.text || "—"}</td>
              <td>{question.about}</td>
              <td>{question.author || "—"}</td>
              <td>{day.format(new Date(question.createdAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="report-more">And {more} more open notes, listed in the app's Notes panel.</p>}
    </section>
  );
}
