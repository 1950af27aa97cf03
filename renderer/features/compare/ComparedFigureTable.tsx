import type { ComparedFigure } from "../../../shared/export/scenarioComparisonRows";
import type { MoneyFormat } from "../../ui/money";
import { changeText, figureText } from "./figureText";

/**
 * Compared figures in rows, a column per scenario; every column after the
 * first says under its figure how it differs from the first. The Compare view
 * and the report's comparison pages both print them so.
 */
export function ComparedFigureTable({
  label,
  heading,
  names,
  rows,
  money,
  className,
  id,
}: {
  label: string;
  heading: string;
  names: readonly string[];
  rows: readonly ComparedFigure[];
  money: MoneyFormat | null;
  className: string;
  id?: string;
}) {
  return (
    <table className={`${className} compare-table`} aria-label={label} id={id}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          {names.map((name) => (
            <th key={name} scope="col" className="numeric">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.values.map((value, i) => {
              const change = i === 0 ? "" : changeText(row.kind, row.changes[i - 1] ?? null, money);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per compared scenario, in a fixed order
                <td key={i} className="numeric" data-value={value ?? undefined}>
                  <span className="compare-value">{figureText(row.kind, value, money)}</span>
                  {change && <span className="compare-change">{change}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
