import { describe, expect, it } from "vitest";
import { describeAudience, describeTiming } from "./labels";

const months = [{ label: "2027-01" }, { label: "2027-02" }];

describe("how timings and audiences read", () => {
  it.each([
    [{ kind: "onEntry", offsetMonths: 0 }, "On entry"],
    [{ kind: "onEntry", offsetMonths: 1 }, "1 month after entry"],
    [{ kind: "onEntry", offsetMonths: 3 }, "3 months after entry"],
    [{ kind: "recurring", everyMonths: 1 }, "Every month"],
    [{ kind: "recurring", everyMonths: 6 }, "Every 6 months"],
    [{ kind: "oneOff", month: 1 }, "Once, 2027-02"],
    [{ kind: "oneOff", month: 40 }, "Once, month 40"],
  ] as const)("%j reads %j", (timing, text) => {
    expect(describeTiming(timing, months)).toBe(text);
  });

  it("names segments and roles, and the share when not everyone is reached", () => {
    const names = {
      segments: new Map([
        ["s1", "Enterprise"],
        ["s2", "Mid-market"],
      ]),
      roles: new Map([["r1", "Economic buyer"]]),
    };
    expect(describeAudience({ segmentIds: [], roleIds: [], share: 1 }, names)).toBe("All segments");
    expect(describeAudience({ segmentIds: ["s1", "s2"], roleIds: ["r1"], share: 0.605 }, names)).toBe(
      "Enterprise, Mid-market · Economic buyer · 60.5 %",
    );
    expect(describeAudience({ segmentIds: ["gone"], roleIds: [], share: 1 }, names)).toBe("gone");
  });
});
