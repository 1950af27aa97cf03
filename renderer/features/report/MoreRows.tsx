import { formatCount } from "../../ui/format";

/** Says what a cut list leaves out and where to find it, so a summary never passes for the whole. */
export function MoreRows({ count, what, appendix }: { count: number; what: string; appendix: boolean }) {
  if (count <= 0) return null;
  return (
    <p className="report-more">
      And {formatCount(count)} more {what}: the budget workbook lists them all{appendix ? ", as does the appendix" : ""}
      .
    </p>
  );
}
