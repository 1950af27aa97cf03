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
    // The diagram (its pages and its key) is SVG images of our own drawing: their markup must link nowhere either.
    const images = [
      ...container.querySelectorAll<HTMLImageElement>("img.report-diagram-figure, img.report-diagram-key"),
    ];
    const svgImage = "data:image/svg+xml;charset=utf-8,";
    const drawings = images.map((image) => {
      expect(image.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
      return new DOMParser().parseFromString(
        decodeURIComponent(image.getAttribute("src")?.slice(svgImage.length) ?? ""),
        "image/svg+xml",
      );
    });
    expect(drawings.some((drawing) => drawing.querySelectorAll("text").length > 0)).toBe(true);
    const targets = [container, ...drawings].flatMap((root) =>
      [...root.querySelectorAll("[href], [xlink\\:href], [src], [action], [formaction]")]
        .filter((element) => !images.includes(element as HTMLImageElement))
        .flatMap((element) =>
          ["href", "xlink:href", "src", "action", "formaction"].flatMap((name) => element.getAttribute(name) ?? []),
        ),
    );
    // The report links nowhere; an in-document anchor is the only target it may ever have.
    for (const target of targets) expect(target).toMatch(/^#/);
  });
});
