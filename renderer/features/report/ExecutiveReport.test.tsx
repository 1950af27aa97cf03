import { cleanup, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { SUMMARY_LIMITS } from "../../../shared/export/reportLayout";
import { defaultReportOptions, type ReportOptions } from "../../../shared/export/reportOptions";
import { serializeRoadmap } from "../../../shared/model";
import { createB2bSubscriptionRoadmap } from "../../../shared/model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../../shared/model/testing/generateRoadmap";
import { PRINT_DIALOG_HANDLE } from "../../platform/platform";
import { createWebPlatform } from "../../platform/webPlatform";
import { moneyFormat } from "../../ui/money";
import { ExecutiveReport } from "./ExecutiveReport";
import { mountReport } from "./mountReport";
import { runPrintWindow } from "./printWindow";
import { cssString, reportPageStyle } from "./reportPageStyle";

const roadmap = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
const plan = planRoadmap(roadmap);
const generatedAt = new Date("2027-02-01T09:00:00Z");
const euros = moneyFormat(roadmap.currency, true);

function renderReport(options: Partial<ReportOptions> = {}, of = { roadmap, plan }) {
  render(
    <ExecutiveReport
      roadmap={of.roadmap}
      plan={of.plan}
      options={{ ...defaultReportOptions(), ...options }}
      generatedAt={generatedAt}
    />,
  );
  return screen.getByRole("article", { name: `Executive report: ${of.roadmap.name}` });
}

describe("the executive report", () => {
  it("has a cover, then every section in report order, and a page per phase", () => {
    const report = renderReport();
    expect(within(report).getByRole("heading", { level: 1 })).toHaveTextContent(roadmap.name);
    expect(report).toHaveTextContent(roadmap.client);
    const titles = within(report)
      .getAllByRole("heading", { level: 2 })
      .map((heading) => heading.textContent);
    // The diagram continues on pages of its own when it is too large for one at a legible size.
    const diagramPages = titles.filter((title) => title?.startsWith("Diagram ("));
    expect(diagramPages).toEqual(diagramPages.map((_, i) => `Diagram (${i + 1} of ${diagramPages.length})`));
    expect(titles).toEqual([
      "Summary",
      "The roadmap",
      ...diagramPages,
      "Phases at a glance",
      ...roadmap.phases.map((phase) => phase.name),
      "Budget",
      "Communication calendar",
      "Contact pressure",
      "KPIs and targets",
      "Assumptions",
    ]);
    expect(report.querySelectorAll(".report-phase.report-page")).toHaveLength(roadmap.phases.length);
  });

  it("shows the engine's total on the summary, to the cent", () => {
    const report = renderReport({ sections: ["summary"] });
    expect(report).toHaveTextContent(euros(plan.budget.totalCost, { precise: true }));
  });

  it("leaves out costs, values, the budget and the return for audiences who should not see them", () => {
    const report = renderReport({ includeCosts: false });
    // Every amount of money is written with the currency's symbol: none is left anywhere in the report.
    expect(report.textContent).not.toMatch(/€/);
    expect(report).not.toHaveTextContent("Expected value");
    expect(report).not.toHaveTextContent("Yearly value of a customer");
    expect(report).not.toHaveTextContent(euros(plan.budget.totalCost, { precise: true }));
    expect(report).not.toHaveTextContent("Total budget");
    expect(report).not.toHaveTextContent("Return on investment");
    expect(within(report).queryByRole("heading", { name: "Budget" })).toBeNull();
    expect(within(report).queryByRole("columnheader", { name: "Cost" })).toBeNull();
  });

  it("hides a KPI target in money when costs are left out, and keeps the others", () => {
    const [first, ...rest] = roadmap.phases;
    if (!first) throw new Error("the template has no phases");
    const contractValue = { id: "kpi-acv", name: "Average contract value", target: 48_500, unit: "EUR", timeframe: "" };
    const withMoneyKpi = { ...roadmap, phases: [{ ...first, kpis: [...first.kpis, contractValue] }, ...rest] };
    const targets = (includeCosts: boolean) => {
      const report = renderReport({ includeCosts, sections: ["phases", "kpis"] }, { roadmap: withMoneyKpi, plan });
      const row = (name: string) =>
        within(report)
          .getAllByRole("row")
          .filter((r) => r.textContent?.includes(name))
          .map((r) =>
            within(r)
              .getAllByRole("cell")
              .map((cell) => cell.textContent),
          );
      const found = { money: row("Average contract value"), share: row(first.kpis[0]?.name ?? "?") };
      cleanup();
      return found;
    };
    const shown = targets(true);
    const hidden = targets(false);
    // One row on the phase's own page, one in the KPI table.
    expect(shown.money.map((cells) => cells.find((c) => c?.startsWith("48,500")))).toEqual(["48,500 EUR", "48,500"]);
    expect(hidden.money.map((cells) => cells.includes("Costs are hidden"))).toEqual([true, true]);
    expect(hidden.money.flat().join(" ")).not.toContain("48,500");
    expect(hidden.share).toEqual(shown.share);
  });

  it("prints only the sections asked for", () => {
    const report = renderReport({ sections: ["kpis", "summary"] });
    const titles = within(report)
      .getAllByRole("heading", { level: 2 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual(["Summary", "KPIs and targets"]);
  });
});

// Rendering a few hundred table rows in happy-dom takes seconds on a loaded machine.
describe("a large roadmap's report", { timeout: 60_000 }, () => {
  const big = generateRoadmap({ phases: 30, transitionsPerPhase: 1.5, communications: 120, segments: 14, seed: 7 });
  const large = { roadmap: big, plan: planRoadmap(big) };
  const pagesPerPhase = (report: HTMLElement) => report.querySelectorAll(".report-phase").length;

  it("summarises: the costliest phases get a page, the rest are counted and sent to the workbook", () => {
    const report = renderReport({}, large);
    expect(pagesPerPhase(report)).toBe(SUMMARY_LIMITS.phasePages);
    const costliest = Math.max(...large.plan.phases.map((phase) => phase.totalCost));
    const top = big.phases[large.plan.phases.findIndex((phase) => phase.totalCost === costliest)];
    expect(within(report).getByRole("heading", { level: 2, name: top?.name })).toBeInTheDocument();
    expect(report).toHaveTextContent(
      `And ${big.phases.length - SUMMARY_LIMITS.phasesListed} more phases: the budget workbook lists them all.`,
    );
    // The calendar summarises by channel: no row per communication.
    const calendar = within(report).getByRole("heading", { name: "Communication calendar" }).closest("section");
    expect(calendar?.querySelectorAll("tbody tr").length).toBeLessThanOrEqual(2 * (SUMMARY_LIMITS.tableRows + 1));
    expect(report).not.toHaveTextContent("Full detail");
  });

  it("with the appendix: every phase's page and every communication as well", () => {
    const report = renderReport({ includeAppendix: true }, large);
    expect(pagesPerPhase(report)).toBe(SUMMARY_LIMITS.phasePages + big.phases.length);
    expect(within(report).getByRole("heading", { level: 2, name: "Full detail" })).toBeInTheDocument();
    const text = report.textContent ?? "";
    for (const communication of big.communications) expect(text).toContain(communication.name);
    expect(report).toHaveTextContent("as does the appendix");
  });
});

describe("the report's page rules", () => {
  it("set the paper size and put the client and roadmap beside the page number in every footer", () => {
    const style = reportPageStyle({ ...roadmap, client: "Acme", name: "Lifecycle" }, "Letter");
    expect(style).toContain("size: Letter portrait");
    expect(style).toContain("size: Letter landscape");
    expect(style).toContain('content: "Acme · Lifecycle"');
    expect(style).toContain('"Page " counter(page) " of " counter(pages)');
  });

  it("keep a client's name from breaking out of its CSS string or the style element", () => {
    expect(cssString('Say "hi" \\ </style><b>')).toBe('"Say \\22 hi\\22  \\5c  \\3c /style>\\3c b>"');
    expect(cssString("two\nlines")).toBe('"two\\a lines"');
  });
});

describe("laying the report out for printing", () => {
  it("refuses a roadmap text that is not a valid roadmap, naming the problem", async () => {
    const result = await mountReport(
      document.createElement("div"),
      { roadmapText: "{", options: defaultReportOptions() },
      generatedAt,
    );
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it("refuses a report that throws while it renders, with the reason, instead of printing it blank", async () => {
    // A bug in a section, simulated where every section goes: formatting a number (`format` is a getter).
    const proto = Intl.NumberFormat.prototype;
    const format = Object.getOwnPropertyDescriptor(proto, "format");
    if (!format) throw new Error("Intl.NumberFormat has no format");
    Object.defineProperty(proto, "format", {
      configurable: true,
      get: () => () => {
        throw new RangeError("currency formatting failed");
      },
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const container = document.createElement("div");
    const result = await mountReport(
      container,
      { roadmapText: serializeRoadmap(roadmap), options: defaultReportOptions() },
      generatedAt,
    ).finally(() => {
      Object.defineProperty(proto, "format", format);
      quiet.mockRestore();
    });
    expect(result).toEqual({ ok: false, error: "currency formatting failed" });
    expect(container).toBeEmptyDOMElement();
  });

  it("in the browser: lays the report out in the page, opens the print dialog, and removes it afterwards", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const platform = createWebPlatform(document, mountReport);
    const result = await platform.exportPdf({
      roadmapText: serializeRoadmap(roadmap),
      options: { ...defaultReportOptions(), sections: ["summary"] },
      suggestedName: "Acme report",
    });
    expect(result).toEqual({ canceled: false, handle: PRINT_DIALOG_HANDLE, name: "the print dialog" });
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.body).toHaveClass("is-printing-report");
    expect(document.title).toBe("Acme report");
    expect(document.querySelector(".report-print-root")).toHaveTextContent("Summary");

    window.dispatchEvent(new Event("afterprint"));
    expect(document.querySelector(".report-print-root")).toBeNull();
    expect(document.body).not.toHaveClass("is-printing-report");
    print.mockRestore();
  });

  it("in the browser: opens no print dialog for a report that cannot be laid out", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const platform = createWebPlatform(document, mountReport);
    const result = await platform.exportPdf({ roadmapText: "[]", options: defaultReportOptions(), suggestedName: "x" });
    expect(result).toEqual({ error: expect.stringMatching(/^The report could not be laid out: /) });
    expect(print).not.toHaveBeenCalled();
    expect(document.querySelector(".report-print-root")).toBeNull();
    print.mockRestore();
  });

  it("in Electron's hidden print window: takes its job, lays it out and says so, or says why not", async () => {
    const done: unknown[] = [];
    const desktop = {
      takePrintJob: vi.fn(async () => ({ roadmapText: serializeRoadmap(roadmap), options: defaultReportOptions() })),
      printLayoutDone: vi.fn(async (result: { error: string | null }) => {
        done.push(result);
      }),
    };
    const root = document.createElement("div");
    await runPrintWindow(desktop, root);
    expect(done).toEqual([{ error: null }]);
    expect(root).toHaveTextContent("Assumptions");

    desktop.takePrintJob.mockResolvedValueOnce({ roadmapText: "{}", options: defaultReportOptions() });
    await runPrintWindow(desktop, document.createElement("div"));
    expect(done.at(-1)).toEqual({ error: expect.stringMatching(/could not be opened/) });
  });
});
