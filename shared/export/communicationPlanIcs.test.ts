import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { communication, onePhaseRoadmap, randomRoadmaps } from "../engine/testing/randomRoadmaps";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { communicationPlanCalendar } from "./communicationPlanIcs";

const FAST_CHECK = propertyRuns(50);

const NOW = new Date("2026-11-23T10:00:00Z");

function events(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
}

function text(event: ICAL.Component, property: string): string {
  return String(event.getFirstPropertyValue(property));
}

/** The file's physical lines as UTF-8 bytes: a fatal decoder throws on a character cut in two. */
function expectWellFolded(ics: string): void {
  expect(ics.endsWith("\r\n")).toBe(true);
  expect(ics.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const bytes = new TextEncoder().encode(ics);
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    expect(line.length, decoder.decode(line)).toBeLessThanOrEqual(75);
    decoder.decode(line);
    start = i + 2;
  }
}

function sendsOf(roadmap: Roadmap, ownerId?: string): number {
  const plan = planRoadmap(roadmap);
  return roadmap.communications.reduce(
    (sum, c, i) => (ownerId === undefined || c.ownerId === ownerId ? sum + (plan.communications[i]?.sends ?? 0) : sum),
    0,
  );
}

describe("communicationPlanCalendar", () => {
  it("publishes a Gregorian calendar named after the roadmap", () => {
    const roadmap = sampleRoadmap();
    const ics = communicationPlanCalendar(roadmap, planRoadmap(roadmap), { now: NOW });
    expect(ics).toMatch(
      /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/Relationship Roadmap\/\/Communication plan\/\/EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Sample roadmap\r\n/,
    );
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("makes each send an all-day event on the 1st that describes it", () => {
    const roadmap = sampleRoadmap();
    const ics = communicationPlanCalendar(roadmap, planRoadmap(roadmap), { now: NOW });
    const all = events(ics);
    expect(all).toHaveLength(12);
    const march = all[2] as ICAL.Component;
    expect(march.getFirstProperty("dtstart")?.type).toBe("date");
    expect(text(march, "dtstart")).toBe("2027-03-01");
    expect(text(march, "dtend")).toBe("2027-03-02");
    expect(text(march, "summary")).toBe("Welcome email — New customer");
    expect(text(march, "description")).toMatch(
      /^Purpose: Welcome\nChannel: Email\nOwner: Marketing\nAudience: Small business · Admin\nExpected reach: [\d,.]+\nCost: €[\d,]+\.\d\d$/,
    );
    expect(march.getFirstProperty("categories")?.getValues()).toEqual(["Onboard", "Email"]);
    expect(text(march, "uid")).toBe("comm-welcome-2027-03@roadmap-sample.relationship-roadmap");
    expect(text(march, "transp")).toBe("TRANSPARENT");
    expect(ics).toContain("\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20261123T100000Z\r\n");
  });

  it("writes expected reach and cost in the roadmap's currency, to the cent", () => {
    const roadmap = {
      ...onePhaseRoadmap("Active", communication("visit", "phase-1", { fixedCost: 1234.5, costPerContact: 0.126 })),
      currency: "JPY",
    };
    const [first] = events(communicationPlanCalendar(roadmap, planRoadmap(roadmap), { now: NOW }));
    expect(text(first as ICAL.Component, "description")).toMatch(/\nExpected reach: 100\nCost: ¥1,247\.10$/);
  });

  it("keeps commas, semicolons, backslashes, line breaks and accents in names", () => {
    const name = 'Launch, "big"; C:\\path\nsecond line — Café für Müller 🎉';
    const phase = "Zoë; the, phase\\";
    const roadmap = onePhaseRoadmap(phase, communication("c1", "phase-1", { name }));
    roadmap.channels = roadmap.channels.map((channel) =>
      channel.id === "email" ? { ...channel, name: "E-mail, ;direct\\" } : channel,
    );
    const ics = communicationPlanCalendar(roadmap, planRoadmap(roadmap), { now: NOW });
    const [first] = events(ics);
    expect(text(first as ICAL.Component, "summary")).toBe(`${name} — ${phase}`);
    expect(text(first as ICAL.Component, "description")).toContain("\nChannel: E-mail, ;direct\\\n");
    expect(first?.getFirstProperty("categories")?.getValues()).toEqual(["Develop", "E-mail, ;direct\\"]);
    expectWellFolded(ics);
  });

  it("folds long lines at 75 octets without cutting a character in two", () => {
    const characterSet = fc.constantFrom("a", " ", ",", ";", "\\", "\n", "é", "ü", "—", "🎉", "中");
    fc.assert(
      fc.property(fc.string({ unit: characterSet, minLength: 1, maxLength: 200 }), (name) => {
        const roadmap = onePhaseRoadmap("Active", communication("c1", "phase-1", { name }));
        const ics = communicationPlanCalendar(roadmap, planRoadmap(roadmap), { now: NOW });
        expectWellFolded(ics);
        expect(events(ics).map((event) => text(event, "summary"))).toEqual([
          `${name} — Active`,
          `${name} — Active`,
          `${name} — Active`,
        ]);
      }),
      FAST_CHECK,
    );
  });

  it("drops control characters, which a calendar's text cannot hold", () => {
    const roadmap = onePhaseRoadmap("Active", communication("c1", "phase-1", { name: "Bell\u0007 and\ttab\r\nnext" }));
    const [first] = events(communicationPlanCalendar(roadmap, planRoadmap(roadmap), { now: NOW }));
    expect(text(first as ICAL.Component, "summary")).toBe("Bell and\ttab\nnext — Active");
  });

  it("has every send occasion once, under a UID that a later export keeps", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const plan = planRoadmap(roadmap);
        const today = communicationPlanCalendar(roadmap, plan, { now: NOW });
        const later = communicationPlanCalendar(roadmap, plan, { now: new Date("2027-02-03T04:05:06Z") });
        const uids = events(today).map((event) => text(event, "uid"));
        expect(uids).toHaveLength(plan.budget.sends);
        expect(new Set(uids).size).toBe(uids.length);
        expect(events(later).map((event) => text(event, "uid"))).toEqual(uids);
        expect(events(later).every((event) => text(event, "dtstamp") === "2027-02-03T04:05:06Z")).toBe(true);
        expectWellFolded(today);
      }),
      FAST_CHECK,
    );
  });

  it("gives an owner only their own sends, in a calendar named after them", () => {
    const roadmap = createB2bSubscriptionRoadmap(NOW);
    const plan = planRoadmap(roadmap);
    const owner = roadmap.owners.find((o) => o.id === "owner-pm-core");
    expect(owner).toBeDefined();
    const ics = communicationPlanCalendar(roadmap, plan, { now: NOW, ownerId: "owner-pm-core" });
    const own = events(ics);
    expect(own).toHaveLength(sendsOf(roadmap, "owner-pm-core"));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((event) => text(event, "description").includes("\nOwner: PM – Core platform\n"))).toBe(true);
    expect(ics.replaceAll("\r\n ", "")).toContain(`\r\nX-WR-CALNAME:${roadmap.name} — PM – Core platform\r\n`);

    const counts = roadmap.owners.map(
      (o) => events(communicationPlanCalendar(roadmap, plan, { now: NOW, ownerId: o.id })).length,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(plan.budget.sends);
    expect(events(communicationPlanCalendar(roadmap, plan, { now: NOW }))).toHaveLength(sendsOf(roadmap));
  });
});

describe("the calendar without costs", () => {
  it("describes each send's reach but not its cost", () => {
    const roadmap = createB2bSubscriptionRoadmap(NOW);
    const plan = planRoadmap(roadmap);
    const withCosts = communicationPlanCalendar(roadmap, plan, { now: NOW });
    const without = communicationPlanCalendar(roadmap, plan, { now: NOW, includeCosts: false });
    expect(withCosts).toMatch(/Cost: €/);
    expect(without).not.toMatch(/Cost|€/);
    expect(events(without)).toHaveLength(events(withCosts).length);
    expect(without).toMatch(/Expected reach: /);
  });
});
