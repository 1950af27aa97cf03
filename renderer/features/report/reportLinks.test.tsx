import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { defaultReportOptions } from "../../../shared/export/reportOptions";
import { formulaInjectedRoadmap } from "../../../shared/model/testing/hostileText";
import { ExecutiveReport } from "./ExecutiveReport";

describe("the executive report's PDF and links", () => {
  it("turns no user text into a link: a name such as =HYPERLINK(…) or a URL stays text", () => {
    const roadmap = formulaInjectedRoadmap();
    const withUrl = { ...roadmap, client: "javascript:alert(1)", notes: "https://attacker.example/" };
    const { container } = render(
      <ExecutiveReport
        roadmap={withUrl}
        plan={planRoadmap(withUrl)}
        options={{ ...defaultReportOptions(), includeCosts: true }}
        generatedAt={new Date("2027-02-01T09:00:00Z")}
      />,
    );
    expect(container).toHaveTextContent("javascript:alert(1)");
    // The diagram is an SVG image of our own drawing: its markup must link nowhere either.
    const diagram = container.querySelector<HTMLImageElement>("img.report-diagram-figure");
    const svgImage = "data:image/svg+xml;charset=utf-8,";
    expect(diagram?.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    const drawing = new DOMParser().parseFromString(
      decodeURIComponent(diagram?.getAttribute("src")?.slice(svgImage.length) ?? ""),
      "image/svg+xml",
    );
    expect(drawing.querySelectorAll("text").length).toBeGreaterThan(0);
    const targets = [container, drawing].flatMap((root) =>
      [...root.querySelectorAll("[href], [xlink\\:href], [src], [action], [formaction]")]
        .filter((element) => element !== diagram)
        .flatMap((element) =>
          ["href", "xlink:href", "src", "action", "formaction"].flatMap((name) => element.getAttribute(name) ?? []),
        ),
    );
    // The report links nowhere; an in-document anchor is the only target it may ever have.
    for (const target of targets) expect(target).toMatch(/^#/);
  });
});
