import type { ReactNode } from "react";

/** One card of the Survey tab: a title, a line that explains it, an optional button beside them, and its content. */
export function SurveySection({
  title,
  lead,
  action,
  children,
}: {
  title: string;
  lead?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="plan-section survey-section" aria-label={title}>
      <div className="section-head">
        <div>
          <h2>{title}</h2>
          {lead && <p className="section-lead">{lead}</p>}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
