/** A section's heading; print bookmarks (the PDF's outline) are made from these. */
export function ReportSectionTitle({ children }: { children: React.ReactNode }) {
  return <h2 className="report-section-title">{children}</h2>;
}
