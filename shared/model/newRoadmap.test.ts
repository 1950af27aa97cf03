import { describe, expect, it } from "vitest";
import { createRoadmap } from "./createRoadmap";
import { describeMovedOneOffs, type NewRoadmapSettings, prepareNewRoadmap } from "./newRoadmap";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";

const NOW = new Date("2026-11-23T10:00:00Z");
const SETTINGS: NewRoadmapSettings = {
  name: "",
  client: "Acme Ltd",
  currency: "usd",
  startMonth: "2027-03",
  horizonMonths: 36,
};

describe("a new roadmap from the dialog's settings", () => {
  it("takes client, currency, start month and horizon, and keeps the template's name when none is typed", () => {
    const template = createB2bSubscriptionRoadmap(NOW);
    const result = prepareNewRoadmap(template, SETTINGS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { roadmap, moved } = result.value;
    expect(roadmap).toMatchObject({
      name: template.name,
      client: "Acme Ltd",
      currency: "USD",
      startMonth: "2027-03",
      horizonMonths: 36,
    });
    expect(roadmap.phases).toEqual(template.phases);
    expect(moved).toEqual([]);
  });

  it("moves one-off sends after a shorter horizon's end into its last month, and says which", () => {
    const template = createB2bSubscriptionRoadmap(NOW);
    const oneOffs = template.communications.filter((c) => c.timing.kind === "oneOff");
    expect(oneOffs.length).toBeGreaterThan(0);
    const result = prepareNewRoadmap(template, { ...SETTINGS, horizonMonths: 3 });
    if (!result.ok) throw new Error(result.error.map((p) => p.message).join("\n"));
    const { roadmap, moved } = result.value;
    expect(moved.map((m) => m.name).sort()).toEqual(oneOffs.map((c) => c.name).sort());
    for (const m of moved) {
      expect(m.to).toBe(2);
      expect(roadmap.communications.find((c) => c.id === m.communicationId)?.timing).toEqual({
        kind: "oneOff",
        month: 2,
      });
    }
    expect(roadmap.communications).toHaveLength(template.communications.length);
  });

  it.each([
    [{ currency: "EURO" }, "currency", 'Currency must be a three-letter currency code like "EUR", got "EURO".'],
    [{ currency: "€" }, "currency", 'Currency must be a three-letter currency code like "EUR", got "€".'],
    [
      { startMonth: "0999-12" },
      "startMonth",
      'Start month must be a month from 1000-01 to 9999-12, like "2027-01", got "0999-12".',
    ],
    [
      { startMonth: "2027-13" },
      "startMonth",
      'Start month must be a month from 1000-01 to 9999-12, like "2027-01", got "2027-13".',
    ],
    [{ horizonMonths: 0 }, "horizonMonths", "Horizon must be between 1 and 600, got 0."],
    [{ horizonMonths: 601 }, "horizonMonths", "Horizon must be between 1 and 600, got 601."],
    [
      { startMonth: "9999-01", horizonMonths: 24 },
      "horizonMonths",
      "Horizon must end by 9999-12: 24 months from 9999-01 go beyond it.",
    ],
  ] as const)("refuses %o with a message naming the field and the value", (change, field, message) => {
    const result = prepareNewRoadmap(createRoadmap({ now: NOW }), { ...SETTINGS, ...change });
    expect(result.ok ? [] : result.error).toEqual([{ field, message }]);
  });
});

describe("what is said about one-offs a shorter horizon moves", () => {
  it("names each communication, the month it was planned for and the month it moves to", () => {
    const moved = [
      { communicationId: "a", name: "Customer conference", from: 8, to: 5 },
      { communicationId: "b", name: "Launch event", from: 11, to: 5 },
    ];
    expect(describeMovedOneOffs(moved, 6)).toBe(
      "2 one-off communications fall after the 6-month horizon and move into its last month, month 6: “Customer conference” (planned for month 9), “Launch event” (planned for month 12).",
    );
    expect(describeMovedOneOffs(moved.slice(0, 1), 6)).toMatch(
      /^1 one-off communication falls after the 6-month horizon and moves into/,
    );
  });
});
