import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { parseCaptureRows, ROADMAP_TEMPLATES, type Roadmap } from "./index";
import { formatTimingText } from "./timingText";

const template = (): Roadmap => {
  const first = ROADMAP_TEMPLATES[0];
  if (!first) throw new Error("no template");
  return first.create(new Date("2027-01-15T00:00:00Z"));
};

const roadmap = template();

describe("rows pasted from a spreadsheet", () => {
  it("reads tab-separated rows, skipping the header, matching owners and channels whatever their case", () => {
    const text = [
      "Name\tOwner\tChannel\tTiming",
      "Welcome call\tmarketing\tPHONE / customer success call\ton entry",
      "Usage tips\tPM – Core platform\temail\ton entry +2",
      "Quarterly review\tReseller partners\tAccount manager visit\tevery 3 months",
      "",
    ].join("\r\n");
    expect(parseCaptureRows(text, roadmap)).toEqual({
      ok: true,
      value: [
        {
          name: "Welcome call",
          ownerId: "owner-marketing",
          channelId: "phone",
          timing: { kind: "onEntry", offsetMonths: 0 },
        },
        {
          name: "Usage tips",
          ownerId: "owner-pm-core",
          channelId: "email",
          timing: { kind: "onEntry", offsetMonths: 2 },
        },
        {
          name: "Quarterly review",
          ownerId: "owner-resellers",
          channelId: "fieldSales",
          timing: { kind: "recurring", everyMonths: 3 },
        },
      ],
    });
  });

  it("leaves an empty owner or channel to the remembered one and an empty timing on entry", () => {
    expect(parseCaptureRows("Just a name", roadmap)).toEqual({
      ok: true,
      value: [
        { name: "Just a name", ownerId: undefined, channelId: undefined, timing: { kind: "onEntry", offsetMonths: 0 } },
      ],
    });
  });

  it("refuses the whole paste when one value is unknown, naming the row, the column and the value", () => {
    const text =
      "Welcome call\tMarketing\tEmail\ton entry\nNudge\tMarketting\tEmail\tevery 3 months\nEnd\tMarketing\tFax\tsoon";
    const result = parseCaptureRows(text, roadmap);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(3);
    expect(result.error[0]).toMatch(/^Row 2, column Owner: there is no owner named “Marketting” on this roadmap/);
    expect(result.error[1]).toMatch(/^Row 3, column Channel: there is no channel named “Fax”/);
    expect(result.error[2]).toMatch(/^Row 3, column Timing: Timing “soon” is not understood/);
  });

  it("refuses rows with more columns than it reads, a row without a name, and text with no rows", () => {
    const wide = parseCaptureRows("Welcome\tMarketing\tEmail\ton entry\t1200", roadmap);
    expect(wide).toEqual({
      ok: false,
      error: [
        "Row 1 has 5 columns, with “1200” after the timing: paste four columns, name, owner, channel and timing.",
      ],
    });
    expect(parseCaptureRows("Welcome\tMarketing\n\tMarketing\tEmail", roadmap)).toEqual({
      ok: false,
      error: ["Row 2, column Name: a communication needs a name."],
    });
    expect(parseCaptureRows("\n\n", roadmap).ok).toBe(false);
    expect(parseCaptureRows("Name\tOwner\tChannel\tTiming", roadmap).ok).toBe(false);
  });

  it("reads back any rows written from the roadmap's own owners and channels, in any case", () => {
    const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
    const row = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "" && !/[\t\r\n]/.test(s)),
      owner: pick(roadmap.owners),
      channel: pick(roadmap.channels),
      upper: fc.boolean(),
      timing: fc.oneof(
        fc.integer({ min: 0, max: 120 }).map((offsetMonths) => ({ kind: "onEntry" as const, offsetMonths })),
        fc.integer({ min: 1, max: 120 }).map((everyMonths) => ({ kind: "recurring" as const, everyMonths })),
        fc.integer({ min: 0, max: roadmap.horizonMonths - 1 }).map((month) => ({ kind: "oneOff" as const, month })),
      ),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.boolean(), (rows, header) => {
        const cased = (name: string, upper: boolean) => (upper ? name.toUpperCase() : name.toLowerCase());
        const lines = rows.map((r) =>
          [r.name, cased(r.owner.name, r.upper), cased(r.channel.name, !r.upper), formatTimingText(r.timing)].join(
            "\t",
          ),
        );
        const text = [...(header ? ["Name\tOwner\tChannel\tTiming"] : []), ...lines].join("\n");
        const parsed = parseCaptureRows(text, roadmap);
        expect(parsed).toEqual({
          ok: true,
          value: rows.map((r) => ({
            name: r.name.trim(),
            ownerId: r.owner.id,
            channelId: r.channel.id,
            timing: r.timing,
          })),
        });
      }),
      propertyRuns(200),
    );
  });

  it("never adds part of a paste: one unknown owner anywhere refuses it, naming that row", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), (count, at) => {
        const bad = at % count;
        const lines = Array.from(
          { length: count },
          (_, i) => `Row ${i}\t${i === bad ? "Nobody here" : "Marketing"}\tEmail\ton entry`,
        );
        const parsed = parseCaptureRows(lines.join("\n"), roadmap);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok)
          expect(parsed.error).toEqual([expect.stringMatching(`^Row ${bad + 1}, column Owner: .*“Nobody here”`)]);
      }),
      propertyRuns(100),
    );
  });
});
