import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import {
  addCommunication,
  type Communication,
  communicationCosts,
  communicationsUsing,
  costsOfCommunications,
  deleteCommunication,
  duplicateCommunication,
  moveCommunication,
  parseRoadmap,
  type RemovalPolicy,
  ROADMAP_TEMPLATES,
  type Roadmap,
  removeChannel,
  removeOwner,
  removeRole,
  removeSegment,
  updateCommunication,
  updateListItem,
} from "./index";

const template = (): Roadmap => {
  const first = ROADMAP_TEMPLATES[0];
  if (!first) throw new Error("no template");
  return first.create(new Date("2027-01-15T00:00:00Z"));
};

const totalCustomers = (roadmap: Roadmap) =>
  roadmap.phases.reduce((sum, p) => sum + Object.values(p.initialCustomers).reduce((a, b) => a + b, 0), 0);

describe("removing a segment", () => {
  it("reassigning moves its customers and audiences to the other segment, keeping every customer", () => {
    const roadmap = template();
    const next = removeSegment(roadmap, "smallBusiness", { kind: "reassign", to: "midMarket" });
    expect(next.segments.map((s) => s.id)).toEqual(["enterprise", "midMarket"]);
    expect(totalCustomers(next)).toBe(totalCustomers(roadmap));
    expect(communicationsUsing(next, "segment", "smallBusiness")).toEqual([]);
    expect(next.communications).toHaveLength(roadmap.communications.length);
    expect(parseRoadmap(next).ok).toBe(true);
  });

  it("removing drops its customers and the communications addressed to it alone", () => {
    const roadmap = template();
    const onlyForIt = roadmap.communications.filter(
      (c) => c.audience.segmentIds.length === 1 && c.audience.segmentIds[0] === "smallBusiness",
    );
    const next = removeSegment(roadmap, "smallBusiness", { kind: "remove" });
    expect(next.communications).toHaveLength(roadmap.communications.length - onlyForIt.length);
    expect(next.phases.every((p) => !("smallBusiness" in p.initialCustomers))).toBe(true);
    expect(parseRoadmap(next).ok).toBe(true);
  });

  it("keeps the last segment: a roadmap needs one", () => {
    let roadmap = template();
    roadmap = removeSegment(roadmap, "smallBusiness", { kind: "remove" });
    roadmap = removeSegment(roadmap, "midMarket", { kind: "remove" });
    expect(removeSegment(roadmap, "enterprise", { kind: "remove" })).toBe(roadmap);
  });
});

describe("removing an owner or a channel", () => {
  it("reassigns their communications, or removes them", () => {
    const roadmap = template();
    const owned = communicationsUsing(roadmap, "owner", roadmap.owners[0]?.id ?? "");
    expect(owned.length).toBeGreaterThan(0);
    const from = roadmap.owners[0]?.id ?? "";
    const to = roadmap.owners[1]?.id ?? "";
    const reassigned = removeOwner(roadmap, from, { kind: "reassign", to });
    expect(communicationsUsing(reassigned, "owner", to)).toHaveLength(
      owned.length + communicationsUsing(roadmap, "owner", to).length,
    );
    const removed = removeOwner(roadmap, from, { kind: "remove" });
    expect(removed.communications).toHaveLength(roadmap.communications.length - owned.length);

    const channel = roadmap.channels[0]?.id ?? "";
    const withoutChannel = removeChannel(roadmap, channel, { kind: "remove" });
    expect(communicationsUsing(withoutChannel, "channel", channel)).toEqual([]);
    for (const next of [reassigned, removed, withoutChannel]) expect(parseRoadmap(next).ok).toBe(true);
  });

  it("removes a role from every audience", () => {
    const roadmap = template();
    const role = roadmap.roles[0]?.id ?? "";
    const next = removeRole(roadmap, role);
    expect(communicationsUsing(next, "role", role)).toEqual([]);
    expect(next.communications).toHaveLength(roadmap.communications.length);
    expect(parseRoadmap(next).ok).toBe(true);
  });
});

describe("any sequence of removals", () => {
  it("never leaves a dangling reference", () => {
    const policy = (ids: string[]): fc.Arbitrary<RemovalPolicy> =>
      fc.oneof(
        fc.constant({ kind: "remove" } as const),
        fc.constantFrom(...ids).map((to) => ({ kind: "reassign", to }) as const),
      );
    const base = template();
    const step = fc.oneof(
      fc.tuple(
        fc.constant("segment" as const),
        fc.constantFrom(...base.segments.map((s) => s.id)),
        policy(base.segments.map((s) => s.id)),
      ),
      fc.tuple(
        fc.constant("owner" as const),
        fc.constantFrom(...base.owners.map((o) => o.id)),
        policy(base.owners.map((o) => o.id)),
      ),
      fc.tuple(
        fc.constant("channel" as const),
        fc.constantFrom(...base.channels.map((c) => c.id)),
        policy(base.channels.map((c) => c.id)),
      ),
      fc.tuple(
        fc.constant("role" as const),
        fc.constantFrom(...base.roles.map((r) => r.id)),
        fc.constant({ kind: "remove" } as const),
      ),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let roadmap = base;
        for (const [kind, id, how] of steps) {
          // Reassigning to something already removed falls back to removing.
          if (kind === "segment") roadmap = removeSegment(roadmap, id, how);
          if (kind === "owner") roadmap = removeOwner(roadmap, id, how);
          if (kind === "channel") roadmap = removeChannel(roadmap, id, how);
          if (kind === "role") roadmap = removeRole(roadmap, id);
          const parsed = parseRoadmap(roadmap);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
        }
      }),
      propertyRuns(150),
    );
  });
});

describe("communications on a phase", () => {
  it("adds one with the first channel's default costs and first owner, ready to plan", () => {
    const roadmap = template();
    const phase = roadmap.phases[0]?.id ?? "";
    const added = addCommunication(roadmap, phase, "Trial day-3 nudge");
    if ("problem" in added) throw new Error(added.problem);
    const communication = added.roadmap.communications.find((c) => c.id === added.id);
    expect(communication).toMatchObject({
      name: "Trial day-3 nudge",
      phaseId: phase,
      channelId: roadmap.channels[0]?.id,
      ownerId: roadmap.owners[0]?.id,
      fixedCost: null,
      costPerContact: null,
    });
    const channel = roadmap.channels[0];
    expect(communicationCosts(communication as Communication, channel)).toEqual({
      fixedCost: channel?.fixedCost,
      costPerContact: channel?.costPerContact,
    });
    expect(parseRoadmap(added.roadmap).ok).toBe(true);
  });

  it("moves costs that follow the channel to the new channel's, and keeps costs set on the communication", () => {
    const roadmap = template();
    const inheriting = roadmap.communications.find((c) => c.fixedCost === null && c.costPerContact === null);
    const ownCost = roadmap.communications.find((c) => c.costPerContact !== null);
    if (!inheriting || !ownCost) throw new Error("the template lost a communication the test needs");
    const event = roadmap.channels.find((channel) => channel.id === "event");
    const moved = [inheriting, ownCost].reduce(
      (doc, c) => updateCommunication(doc, c.id, { channelId: "event" }),
      roadmap,
    );
    const costsOf = (doc: Roadmap, id: string) =>
      costsOfCommunications(doc)[doc.communications.findIndex((c) => c.id === id)];
    expect(costsOf(moved, inheriting.id)).toMatchObject({
      fixedCost: event?.fixedCost,
      costPerContact: event?.costPerContact,
    });
    expect(costsOf(moved, ownCost.id)).toMatchObject({ costPerContact: ownCost.costPerContact });
    expect(moved.communications.find((c) => c.id === ownCost.id)?.costPerContact).toBe(ownCost.costPerContact);
  });

  it("changes every communication that follows a channel when the channel's default changes, and no other", () => {
    const roadmap = template();
    const repriced = updateListItem(roadmap, "channels", "phone", { costPerContact: 30 });
    const before = costsOfCommunications(roadmap);
    const after = costsOfCommunications(repriced);
    roadmap.communications.forEach((c, i) => {
      const follows = c.channelId === "phone" && c.costPerContact === null;
      expect(after[i]?.costPerContact, c.name).toBe(follows ? 30 : before[i]?.costPerContact);
    });
    expect(roadmap.communications.some((c) => c.channelId === "phone" && c.costPerContact === null)).toBe(true);
    expect(roadmap.communications.some((c) => c.channelId === "phone" && c.costPerContact !== null)).toBe(true);
  });

  it("refuses to add one when there is no owner, saying what to do", () => {
    const roadmap = { ...template(), owners: [], communications: [] };
    const added = addCommunication(roadmap, roadmap.phases[0]?.id ?? "", "Welcome");
    expect(added).toEqual({ problem: "Add an owner in the Audiences view first: every communication has one." });
  });

  it("duplicates next to the original, deletes, and moves within its phase only", () => {
    const roadmap = template();
    const phase = roadmap.phases.find((p) => p.name === "First 90 days")?.id ?? "";
    const onPhase = (r: Roadmap) => r.communications.filter((c) => c.phaseId === phase).map((c) => c.name);
    const names = onPhase(roadmap);
    const first = roadmap.communications.find((c) => c.phaseId === phase);
    const duplicated = duplicateCommunication(roadmap, first?.id ?? "");
    expect(onPhase(duplicated?.roadmap ?? roadmap)).toEqual([names[0], `${names[0]} (copy)`, ...names.slice(1)]);

    const moved = moveCommunication(roadmap, first?.id ?? "", "down");
    expect(onPhase(moved)).toEqual([names[1], names[0], ...names.slice(2)]);
    expect(moveCommunication(roadmap, first?.id ?? "", "up")).toBe(roadmap);
    expect(onPhase(deleteCommunication(roadmap, first?.id ?? ""))).toEqual(names.slice(1));
  });
});
