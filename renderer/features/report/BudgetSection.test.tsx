import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap, splitByStatus } from "../../../shared/engine";
import { defaultReportOptions } from "../../../shared/export/reportOptions";
import { createB2bSubscriptionRoadmap } from "../../../shared/model/templates/b2bSubscriptionSoftware";
import { moneyFormat } from "../../ui/money";
import { ExecutiveReport } from "./ExecutiveReport";

const roadmap = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
const plan = planRoadmap(roadmap);
const euros = moneyFormat(roadmap.currency, true);

describe("the report's budget section", () => {
  it("sets today's communications against the proposed ones, and the two add up to the plan's total", () => {
    render(
      <ExecutiveReport
        roadmap={roadmap}
        plan={plan}
        options={{ ...defaultReportOptions(), sections: ["budget"] }}
        generatedAt={new Date("2027-02-01T09:00:00Z")}
      />,
    );
    const table = screen.getByRole("table", { name: "Existing and proposed" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => [within(row).getByRole("rowheader").textContent, within(row).getAllByRole("cell")[2]?.textContent]);
    const split = splitByStatus(roadmap, plan.communications);
    expect(rows).toEqual([
      ["Existing", euros(split[0]?.cost ?? Number.NaN, { precise: true })],
      ["Proposed", euros(split[1]?.cost ?? Number.NaN, { precise: true })],
      ["Retired", euros(0, { precise: true })],
    ]);
    // The template has both, so the split says something.
    expect(split[0]?.cost).toBeGreaterThan(0);
    expect(split[1]?.cost).toBeGreaterThan(0);
    expect((split[0]?.cost ?? 0) + (split[1]?.cost ?? 0)).toBeCloseTo(plan.budget.totalCost, 6);
  });
});
