import { builtInQuestionnaire, noImportMappings } from "../survey/questionnaire";
import type { Channel, LifecycleStage, OptimiserSettings, Roadmap, SegmentStrategy } from "./schema";

/** The lifecycle stages of DOMAIN.md, in the order a relationship runs through them. */
export function defaultStages(): LifecycleStage[] {
  return [
    {
      id: "acquire",
      kind: "acquire",
      name: "Acquire",
      color: "#2f80ed",
      description: "Get: turn prospects into customers.",
    },
    {
      id: "onboard",
      kind: "onboard",
      name: "Onboard",
      color: "#00a3a3",
      description: "Make the first weeks a success.",
    },
    {
      id: "develop",
      kind: "develop",
      name: "Develop",
      color: "#27ae60",
      description: "Cross-sell and up-sell where it helps the customer.",
    },
    {
      id: "retain",
      kind: "retain",
      name: "Retain",
      color: "#8e44ad",
      description: "Keep: loyalty, renewal, advocacy.",
    },
    {
      id: "atRisk",
      kind: "atRisk",
      name: "At risk",
      color: "#e67e22",
      description: "Spot and save customers drifting away.",
    },
    {
      id: "winBack",
      kind: "winBack",
      name: "Win back",
      color: "#c0392b",
      description: "Bring defected customers back.",
    },
  ];
}

/**
 * A starting set of channels with typical costs (fixed per send, per contact),
 * for the user to adjust to the client's real rates.
 */
export function defaultChannels(): Channel[] {
  const channel = (
    id: string,
    kind: Channel["kind"],
    name: string,
    fixedCost: number,
    costPerContact: number,
  ): Channel => ({
    id,
    kind,
    name,
    fixedCost,
    costPerContact,
    contactCap: null,
  });
  return [
    channel("email", "email", "Email", 150, 0.02),
    channel("directMail", "directMail", "Direct mail", 800, 1.4),
    channel("phone", "phone", "Phone / call centre", 0, 6),
    channel("fieldSales", "fieldSales", "Field sales visit", 0, 220),
    channel("event", "event", "Event", 5000, 45),
    channel("newsletter", "newsletter", "Newsletter / magazine", 1200, 0.6),
    channel("webInApp", "webInApp", "Web / in-app", 300, 0),
    channel("sms", "sms", "SMS", 50, 0.08),
    channel("social", "social", "Social", 500, 0),
    channel("survey", "survey", "Survey", 400, 0.5),
  ];
}

/** A segment strategy not yet written: every field empty. */
export function emptySegmentStrategy(): SegmentStrategy {
  return {
    whatItIs: "",
    whatItIsNot: "",
    differenceFromToday: "",
    pathToValue: "",
    capabilitiesNeeded: "",
    timeframe: "",
  };
}

/**
 * What a roadmap holds before a workshop adds sticky notes, a walk order or
 * quick-add's remembered choices, before any survey answers are imported
 * (the built-in questionnaire, ready to export), before a second scenario
 * and before the optimiser is asked anything.
 */
export function emptyWorkshopFields(): Pick<
  Roadmap,
  | "stickyNotes"
  | "presentation"
  | "captureDefaults"
  | "survey"
  | "importMappings"
  | "baseScenario"
  | "scenarios"
  | "optimiser"
> {
  return {
    stickyNotes: [],
    presentation: { walkOrder: [] },
    captureDefaults: { ownerId: null, channelId: null, audience: null },
    survey: builtInQuestionnaire(),
    importMappings: noImportMappings(),
    baseScenario: { name: "Plan", notes: "", excludedCommunicationIds: [], optimisation: null },
    scenarios: [],
    optimiser: defaultOptimiserSettings(),
  };
}

/** What a new roadmap asks the optimiser: the most net value, no budget, within the contact caps, nothing locked. */
export function defaultOptimiserSettings(): OptimiserSettings {
  return {
    objective: "net",
    budget: null,
    yearBudgets: [],
    ownerBudgets: [],
    respectContactCaps: true,
    communications: {},
    purposeCoverage: [],
    exclusiveGroups: [],
    timeLimitSeconds: 10,
    gapTolerance: 0.005,
  };
}
