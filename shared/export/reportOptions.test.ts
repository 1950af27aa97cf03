import { describe, expect, it } from "vitest";
import { scenarioAsBase } from "../model/scenarioAsBase";
import { b2bRoadmap, surveyedB2bRoadmap } from "../survey/testing/insightFixtures";
import {
  defaultReportOptions,
  printedSections,
  REPORT_SECTIONS,
  ReportOptionsSchema,
  sectionsFor,
  withNewSections,
} from "./reportOptions";
import { OPTIMISED_SCENARIO_ID, optimisedRoadmap } from "./testing/optimisedRoadmap";
import { asIsAndToBeRoadmap } from "./testing/scenarioRoadmaps";

describe("the report's sections", () => {
  it("offers and prints the relationship strength page only for a roadmap with survey answers", () => {
    const options = defaultReportOptions();
    expect(sectionsFor(b2bRoadmap())).not.toContain("rsi");
    expect(printedSections(options, b2bRoadmap())).not.toContain("rsi");
    expect(sectionsFor(surveyedB2bRoadmap())).toEqual(
      REPORT_SECTIONS.filter((section) => section !== "scenarios" && section !== "optimisation"),
    );
    expect(printedSections(options, surveyedB2bRoadmap())).toContain("rsi");
    expect(printedSections({ ...options, sections: ["summary"] }, surveyedB2bRoadmap())).toEqual(["summary"]);
  });

  it("offers and prints the scenario comparison only for a roadmap with a scenario besides its base plan", () => {
    const options = defaultReportOptions();
    expect(sectionsFor(b2bRoadmap())).not.toContain("scenarios");
    expect(printedSections(options, b2bRoadmap())).not.toContain("scenarios");
    const compared = { ...surveyedB2bRoadmap(), scenarios: asIsAndToBeRoadmap().scenarios };
    expect(sectionsFor(compared)).toEqual(REPORT_SECTIONS.filter((section) => section !== "optimisation"));
    expect(printedSections(options, compared)).toContain("scenarios");
    // Not about money alone: it prints without costs too, with customers and collisions.
    expect(printedSections({ ...options, includeCosts: false }, compared)).toContain("scenarios");
  });

  it("offers and prints the optimisation only for a roadmap with a scenario the optimiser made, with or without costs", () => {
    const options = defaultReportOptions();
    const compared = asIsAndToBeRoadmap();
    expect(sectionsFor(compared)).not.toContain("optimisation");
    expect(printedSections(options, compared)).not.toContain("optimisation");
    const optimised = optimisedRoadmap();
    expect(sectionsFor(optimised)).toContain("optimisation");
    expect(printedSections({ ...options, includeCosts: false }, optimised)).toContain("optimisation");
    // Shown while the optimised scenario is: the export makes it the base, record and all.
    expect(sectionsFor(scenarioAsBase(optimised, OPTIMISED_SCENARIO_ID))).toContain("optimisation");
  });

  it("ticks the optimisation in options saved before it existed", () => {
    const beforeOptimiser = ReportOptionsSchema.parse({
      sections: ["summary"],
      offeredSections: REPORT_SECTIONS.filter((section) => section !== "optimisation"),
    });
    expect(withNewSections(beforeOptimiser).sections).toEqual(["summary", "optimisation"]);
  });

  it("ticks the scenario comparison in options saved before it existed", () => {
    const beforeScenarios = ReportOptionsSchema.parse({
      sections: ["summary", "rsi"],
      offeredSections: REPORT_SECTIONS.filter((section) => section !== "scenarios"),
    });
    expect(withNewSections(beforeScenarios).sections).toEqual(["summary", "rsi", "scenarios"]);
  });

  it("ticks the relationship strength page in options saved before it existed, and keeps what the user unticked", () => {
    // Saved before the open-questions page: no record of what was offered, the KPIs unticked.
    const beforeOpenQuestions = ReportOptionsSchema.parse({
      sections: ["summary", "diagram", "phases", "budget", "calendar", "pressure", "assumptions"],
    });
    const upgraded = withNewSections(beforeOpenQuestions);
    expect(upgraded.sections).toEqual(expect.arrayContaining(["openQuestions", "rsi"]));
    expect(upgraded.sections).not.toContain("kpis");

    // Saved after the open-questions page, which the user unticked, but before the survey's page.
    const beforeRsi = ReportOptionsSchema.parse({
      sections: ["summary", "kpis"],
      offeredSections: REPORT_SECTIONS.filter((section) => section !== "rsi"),
    });
    expect(withNewSections(beforeRsi).sections).toEqual(["summary", "kpis", "rsi"]);

    // Unticked once offered, it stays unticked.
    const unticked = { ...withNewSections(beforeRsi), sections: ["summary" as const] };
    expect(withNewSections(unticked).sections).toEqual(["summary"]);
  });
});
