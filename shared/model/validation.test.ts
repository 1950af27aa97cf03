import { describe, expect, it } from "vitest";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

/** The lines the user is shown for the sample roadmap after `change`, as if read from a file. */
function problemsAfter(change: (doc: Roadmap) => void): string[] {
  const doc = sampleRoadmap();
  change(doc);
  const result = parseRoadmap(JSON.parse(JSON.stringify(doc)));
  return result.ok ? [] : result.error.map(describeIssue);
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error("the sample roadmap lost an item the test needs");
  return item;
}

/** Writes a value the types forbid, as a hand-edited or foreign file would. */
function put(target: object, key: string, value: unknown): void {
  Reflect.set(target, key, value);
}

type Case = [description: string, change: (doc: Roadmap) => void, shown: string];

describe("the sample roadmap", () => {
  it("is valid, so each case below shows only the problem it introduces", () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });
});

describe("field rules name the field and quote the value", () => {
  it("reports a share out of range by its path and the value found there", () => {
    const doc = sampleRoadmap();
    first(doc.phases).churnRate = 1.4;
    const result = parseRoadmap(doc);
    expect(result.ok ? [] : result.error).toEqual([
      { path: "phases[0].churnRate", problem: "must be between 0 and 1, got 1.4" },
    ]);
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      "phases[0].churnRate: must be between 0 and 1, got 1.4",
    ]);
  });

  it.each<Case>([
    [
      "a negative transition rate",
      (doc) => {
        first(doc.transitions).rate = -0.1;
      },
      "transitions[0].rate: must be between 0 and 1, got -0.1",
    ],
    [
      "a per-segment rate above 1",
      (doc) => {
        first(doc.transitions).rateBySegment = { smb: 1.5 };
      },
      "transitions[0].rateBySegment.smb: must be between 0 and 1, got 1.5",
    ],
    [
      "an audience share above 1",
      (doc) => {
        first(doc.communications).audience.share = 1.2;
      },
      "communications[0].audience.share: must be between 0 and 1, got 1.2",
    ],
    [
      "a response rate given as a percentage",
      (doc) => {
        first(doc.communications).responseRate = 12;
      },
      "communications[0].responseRate: must be between 0 and 1, got 12",
    ],
    [
      "a discount rate above 1",
      (doc) => {
        doc.annualDiscountRate = 8;
      },
      "annualDiscountRate: must be between 0 and 1, got 8",
    ],
  ])("fraction: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "a communication's fixed cost",
      (doc) => {
        first(doc.communications).fixedCost = -50;
      },
      "communications[0].fixedCost: must not be negative, got -50",
    ],
    [
      "a segment's annual value",
      (doc) => {
        first(doc.segments).annualValue = -1200;
      },
      "segments[0].annualValue: must not be negative, got -1200",
    ],
    [
      "a channel's cost per contact",
      (doc) => {
        first(doc.channels).costPerContact = -0.02;
      },
      "channels[0].costPerContact: must not be negative, got -0.02",
    ],
    [
      "customers in a phase",
      (doc) => {
        first(doc.phases).initialCustomers = { smb: -5 };
      },
      "phases[0].initialCustomers.smb: must not be negative, got -5",
    ],
  ])("negative amount: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "a horizon in part-months",
      (doc) => {
        doc.horizonMonths = 12.5;
      },
      "horizonMonths: must be a whole number, got 12.5",
    ],
    [
      "a contact cap in part-contacts",
      (doc) => {
        doc.contactCap = 2.5;
      },
      "contactCap: must be a whole number, got 2.5",
    ],
    [
      "an on-entry offset in part-months",
      (doc) => {
        first(doc.communications).timing = { kind: "onEntry", offsetMonths: 1.5 };
      },
      "communications[0].timing.offsetMonths: must be a whole number, got 1.5",
    ],
    [
      "a horizon of no months",
      (doc) => {
        doc.horizonMonths = 0;
      },
      "horizonMonths: must be between 1 and 600, got 0",
    ],
    [
      "a recurring send every 0 months",
      (doc) => {
        first(doc.communications).timing = { kind: "recurring", everyMonths: 0 };
      },
      "communications[0].timing.everyMonths: must be between 1 and 120, got 0",
    ],
    [
      "a relationship strength above 100",
      (doc) => {
        first(doc.phases).relationshipStrength = { score: 120, respondents: 30 };
      },
      "phases[0].relationshipStrength.score: must be between 0 and 100, got 120",
    ],
  ])("whole number: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "a colour name instead of a hex code",
      (doc) => {
        first(doc.segments).color = "orange";
      },
      'segments[0].color: must be a colour like "#3366cc", got "orange"',
    ],
    [
      "a hex code one digit short",
      (doc) => {
        first(doc.stages).color = "#12345";
      },
      'stages[0].color: must be a colour like "#3366cc", got "#12345"',
    ],
    [
      "a currency written out",
      (doc) => {
        doc.currency = "euro";
      },
      'currency: must be a three-letter currency code like "EUR", got "euro"',
    ],
    [
      "a currency in lower case",
      (doc) => {
        doc.currency = "eur";
      },
      'currency: must be a three-letter currency code like "EUR", got "eur"',
    ],
    [
      "a thirteenth month",
      (doc) => {
        doc.startMonth = "2027-13";
      },
      'startMonth: must be a month from 1000-01 to 9999-12, like "2027-01", got "2027-13"',
    ],
    [
      "a month without its leading zero",
      (doc) => {
        doc.startMonth = "2027-1";
      },
      'startMonth: must be a month from 1000-01 to 9999-12, like "2027-01", got "2027-1"',
    ],
    [
      "a date-time in words",
      (doc) => {
        doc.createdAt = "yesterday";
      },
      'createdAt: must be an ISO date-time, got "yesterday"',
    ],
    [
      "a blank name",
      (doc) => {
        doc.name = "   ";
      },
      'name: must not be empty, got "   "',
    ],
    [
      "a name over 200 characters, quoted shortened",
      (doc) => {
        doc.name = "x".repeat(201);
      },
      `name: must be at most 200 characters, got "${"x".repeat(57)}..."`,
    ],
    [
      "another app's file type",
      (doc) => {
        put(doc, "type", "mind-map");
      },
      'type: must be "relationship-roadmap", got "mind-map"',
    ],
  ])("format: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "a phase without a name",
      (doc) => {
        Reflect.deleteProperty(first(doc.phases), "name");
      },
      "phases[0].name: is required",
    ],
    [
      "a communication without timing",
      (doc) => {
        Reflect.deleteProperty(first(doc.communications), "timing");
      },
      "communications[0].timing: is required",
    ],
    [
      "a roadmap without a currency",
      (doc) => {
        Reflect.deleteProperty(doc, "currency");
      },
      "currency: is required",
    ],
  ])("missing: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "text where a number belongs",
      (doc) => {
        put(first(doc.phases), "churnRate", "abc");
      },
      'phases[0].churnRate: must be a number, got "abc"',
    ],
    [
      "null where a number belongs",
      (doc) => {
        put(first(doc.phases), "churnRate", null);
      },
      "phases[0].churnRate: must be a number, got null",
    ],
    [
      "a number where text belongs",
      (doc) => {
        put(doc, "name", 42);
      },
      "name: must be text, got 42",
    ],
    [
      "text where a list belongs",
      (doc) => {
        put(doc, "phases", "none");
      },
      'phases: must be a list, got "none"',
    ],
    [
      "a number where a phase belongs",
      (doc) => {
        put(doc.phases, "0", 5);
      },
      "phases[0]: must be an object, got 5",
    ],
    [
      "a list where a position belongs",
      (doc) => {
        put(first(doc.phases), "position", [10, 20]);
      },
      "phases[0].position: must be an object, got a list of 2 items",
    ],
  ])("wrong type: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "a purpose the app does not know",
      (doc) => {
        put(first(doc.communications), "purpose", "spam");
      },
      'communications[0].purpose: must be one of "welcome", "education", "crossSell", "upSell", "retention", "loyalty", "survey", "service", "winBack", "newsletter", got "spam"',
    ],
    [
      "an owner kind the app does not know",
      (doc) => {
        put(first(doc.owners), "kind", "sales team");
      },
      'owners[0].kind: must be one of "productManagement", "marketing", "sales", "service", "partnerChannel", got "sales team"',
    ],
    [
      "a partner type the app does not know",
      (doc) => {
        put(first(doc.owners), "partnerType", "wholesaler");
      },
      'owners[0].partnerType: must be one of "dealer", "broker", "agent", "franchise", "reseller", "other", got "wholesaler"',
    ],
    [
      "a personalisation level the app does not know",
      (doc) => {
        put(first(doc.communications), "personalisation", "high");
      },
      'communications[0].personalisation: must be one of "mass", "segment", "oneToOne", got "high"',
    ],
    [
      "a status the app does not know",
      (doc) => {
        put(first(doc.communications), "status", "draft");
      },
      'communications[0].status: must be one of "existing", "proposed", "retired", got "draft"',
    ],
  ])("choice: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "an unknown kind",
      (doc) => {
        put(first(doc.communications), "timing", { kind: "weekly", every: 1 });
      },
      'communications[0].timing.kind: must have kind "onEntry", "recurring" or "oneOff", got "weekly"',
    ],
    [
      "no kind at all",
      (doc) => {
        put(first(doc.communications), "timing", { offsetMonths: 1 });
      },
      'communications[0].timing.kind: must have kind "onEntry", "recurring" or "oneOff"',
    ],
    [
      "a word instead of a timing",
      (doc) => {
        put(first(doc.communications), "timing", "monthly");
      },
      'communications[0].timing: must have kind "onEntry", "recurring" or "oneOff", got "monthly"',
    ],
  ])("timing: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });
});

describe("cross-reference rules", () => {
  it.each<Case>([
    [
      "stages",
      (doc) => {
        doc.stages.push({ ...first(doc.stages), name: "Acquire again" });
      },
      'stages[6].id: repeats the id "acquire" used earlier in stages',
    ],
    [
      "phases",
      (doc) => {
        doc.phases.push({ ...first(doc.phases), name: "Copy" });
      },
      'phases[2].id: repeats the id "phase-new" used earlier in phases',
    ],
    [
      "transitions",
      (doc) => {
        doc.transitions.push({ ...first(doc.transitions), from: "phase-active", to: "phase-new" });
      },
      'transitions[1].id: repeats the id "tr-settles" used earlier in transitions',
    ],
    [
      "segments",
      (doc) => {
        doc.segments.push({ ...first(doc.segments), name: "Small business 2" });
      },
      'segments[1].id: repeats the id "smb" used earlier in segments',
    ],
    [
      "owners",
      (doc) => {
        doc.owners.push({ ...first(doc.owners), name: "Brand marketing" });
      },
      'owners[1].id: repeats the id "owner-marketing" used earlier in owners',
    ],
    [
      "channels",
      (doc) => {
        doc.channels.push({ ...first(doc.channels), name: "Email 2" });
      },
      'channels[1].id: repeats the id "email" used earlier in channels',
    ],
    [
      "roles",
      (doc) => {
        doc.roles.push({ id: "role-admin", name: "Administrator" });
      },
      'roles[1].id: repeats the id "role-admin" used earlier in roles',
    ],
    [
      "communications",
      (doc) => {
        doc.communications.push({ ...first(doc.communications), name: "Welcome again" });
      },
      'communications[1].id: repeats the id "comm-welcome" used earlier in communications',
    ],
  ])("a repeated id in %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it.each<Case>([
    [
      "a phase's stage",
      (doc) => {
        first(doc.phases).stageId = "growth";
      },
      'phases[0].stageId: refers to lifecycle stage "growth", which does not exist',
    ],
    [
      "a transition's start",
      (doc) => {
        first(doc.transitions).from = "phase-gone";
      },
      'transitions[0].from: refers to phase "phase-gone", which does not exist',
    ],
    [
      "a transition's end",
      (doc) => {
        first(doc.transitions).to = "phase-gone";
      },
      'transitions[0].to: refers to phase "phase-gone", which does not exist',
    ],
    [
      "a communication's phase",
      (doc) => {
        first(doc.communications).phaseId = "phase-gone";
      },
      'communications[0].phaseId: refers to phase "phase-gone", which does not exist',
    ],
    [
      "a communication's channel",
      (doc) => {
        first(doc.communications).channelId = "fax";
      },
      'communications[0].channelId: refers to channel "fax", which does not exist',
    ],
    [
      "a communication's owner",
      (doc) => {
        first(doc.communications).ownerId = "owner-sales";
      },
      'communications[0].ownerId: refers to owner "owner-sales", which does not exist',
    ],
    [
      "a segment counted in a phase",
      (doc) => {
        first(doc.phases).initialCustomers = { smb: 100, ghost: 5 };
      },
      'phases[0].initialCustomers.ghost: refers to segment "ghost", which does not exist',
    ],
    [
      "a segment arriving in a phase",
      (doc) => {
        first(doc.phases).arrivalsPerMonth = { ghost: 5 };
      },
      'phases[0].arrivalsPerMonth.ghost: refers to segment "ghost", which does not exist',
    ],
    [
      "a segment rate whose name is not a plain word",
      (doc) => {
        first(doc.transitions).rateBySegment = { "big accounts": 0.5 };
      },
      'transitions[0].rateBySegment["big accounts"]: refers to segment "big accounts", which does not exist',
    ],
    [
      "an audience segment",
      (doc) => {
        first(doc.communications).audience.segmentIds = ["smb", "enterprise"];
      },
      'communications[0].audience.segmentIds[1]: refers to segment "enterprise", which does not exist',
    ],
    [
      "an audience role",
      (doc) => {
        first(doc.communications).audience.roleIds = ["role-buyer"];
      },
      'communications[0].audience.roleIds[0]: refers to role "role-buyer", which does not exist',
    ],
  ])("a dangling reference: %s", (_, change, shown) => {
    expect(problemsAfter(change)).toEqual([shown]);
  });

  it("refuses a transition from a phase to itself", () => {
    expect(
      problemsAfter((doc) => {
        first(doc.transitions).to = "phase-new";
      }),
    ).toEqual(["transitions[0].to: must lead to a different phase than it starts from"]);
  });

  it("refuses a second transition in the same direction, and allows one back the other way", () => {
    const settles = first(sampleRoadmap().transitions);
    expect(
      problemsAfter((doc) => {
        doc.transitions.push({ ...settles, id: "tr-again" });
      }),
    ).toEqual(['transitions[1]: duplicates another transition from "phase-new" to "phase-active"']);
    expect(
      problemsAfter((doc) => {
        doc.transitions.push({ ...settles, id: "tr-back", from: "phase-active", to: "phase-new" });
      }),
    ).toEqual([]);
  });

  it("refuses a one-off send after the horizon, and allows one in its last month", () => {
    expect(
      problemsAfter((doc) => {
        first(doc.communications).timing = { kind: "oneOff", month: 12 };
      }),
    ).toEqual(["communications[0].timing.month: must fall inside the 12-month planning horizon (0 to 11)"]);
    expect(
      problemsAfter((doc) => {
        first(doc.communications).timing = { kind: "oneOff", month: 11 };
      }),
    ).toEqual([]);
  });

  it("refuses a roadmap without lifecycle stages, then names the phases left without one", () => {
    expect(
      problemsAfter((doc) => {
        doc.stages = [];
      }),
    ).toEqual([
      "stages: must have at least one lifecycle stage, got an empty list",
      'phases[0].stageId: refers to lifecycle stage "onboard", which does not exist',
      'phases[1].stageId: refers to lifecycle stage "retain", which does not exist',
    ]);
  });

  it("refuses a roadmap without segments, then names every count and audience left without one", () => {
    expect(
      problemsAfter((doc) => {
        doc.segments = [];
      }),
    ).toEqual([
      "segments: must have at least one segment, got an empty list",
      'phases[0].initialCustomers.smb: refers to segment "smb", which does not exist',
      'phases[0].arrivalsPerMonth.smb: refers to segment "smb", which does not exist',
      'phases[1].initialCustomers.smb: refers to segment "smb", which does not exist',
      'communications[0].audience.segmentIds[0]: refers to segment "smb", which does not exist',
    ]);
  });
});

describe("names JavaScript objects answer to", () => {
  it.each([["__proto__"], ["constructor"], ["toString"], ["hasOwnProperty"]])(
    "refuses %j as a segment id, naming the field",
    (reserved) => {
      expect(
        problemsAfter((doc) => {
          first(doc.segments).id = reserved;
          for (const phase of doc.phases) phase.initialCustomers = {};
          first(doc.phases).arrivalsPerMonth = {};
          first(doc.communications).audience.segmentIds = [];
        }),
      ).toEqual([`segments[0].id: cannot be "${reserved}": the name is reserved by JavaScript`]);
    },
  );

  it("refuses a phase or channel id of __proto__, and a reference to one", () => {
    expect(
      problemsAfter((doc) => {
        first(doc.channels).id = "__proto__";
        first(doc.communications).channelId = "__proto__";
      }),
    ).toEqual([
      'channels[0].id: cannot be "__proto__": the name is reserved by JavaScript',
      'communications[0].channelId: cannot be "__proto__": the name is reserved by JavaScript',
    ]);
  });

  it("refuses a __proto__ key in a record of customers rather than lose the customers it holds", () => {
    const text = JSON.stringify(sampleRoadmap()).replace(
      '"arrivalsPerMonth":{}',
      '"arrivalsPerMonth":{"__proto__":250}',
    );
    const result = parseRoadmap(JSON.parse(text));
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      'phases[1].arrivalsPerMonth.__proto__: cannot be used as a key: "__proto__" is reserved by JavaScript',
    ]);
  });
});

describe("months of the plan", () => {
  it.each([["0099-12"], ["0999-01"]])("refuses the start month %j: month labels keep four year digits", (month) => {
    expect(
      problemsAfter((doc) => {
        doc.startMonth = month;
      }),
    ).toEqual([`startMonth: must be a month from 1000-01 to 9999-12, like "2027-01", got "${month}"`]);
  });

  it("accepts 1000-01, and refuses a horizon that runs past 9999-12", () => {
    expect(
      problemsAfter((doc) => {
        doc.startMonth = "1000-01";
      }),
    ).toEqual([]);
    expect(
      problemsAfter((doc) => {
        doc.startMonth = "9999-01";
        doc.horizonMonths = 13;
      }),
    ).toEqual(["horizonMonths: must end by 9999-12: 13 months from 9999-01 go beyond it"]);
  });
});
