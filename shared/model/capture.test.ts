import { describe, expect, it } from "vitest";
import {
  addCommunication,
  addCommunications,
  captureDefaultsFor,
  parseRoadmap,
  ROADMAP_TEMPLATES,
  type Roadmap,
  rememberCapture,
  removeChannel,
  removeOwner,
  removeSegment,
  updateCommunication,
} from "./index";

const template = (): Roadmap => {
  const first = ROADMAP_TEMPLATES[0];
  if (!first) throw new Error("no template");
  return first.create(new Date("2027-01-15T00:00:00Z"));
};

const added = (result: ReturnType<typeof addCommunication>) => {
  if ("problem" in result) throw new Error(result.problem);
  const communication = result.roadmap.communications.find((c) => c.id === result.id);
  if (!communication) throw new Error("not added");
  return { roadmap: result.roadmap, communication };
};

describe("quick-add remembers what was last used", () => {
  it("starts from the first owner and channel and everyone on a roadmap that remembers nothing", () => {
    const roadmap = template();
    expect(captureDefaultsFor(roadmap)).toEqual({
      ownerId: roadmap.owners[0]?.id,
      channelId: roadmap.channels[0]?.id,
      audience: { segmentIds: [], roleIds: [], share: 1 },
    });
  });

  it("gives the next communication the owner, channel and audience chosen for the last one edited", () => {
    const roadmap = template();
    const phase = roadmap.phases[0]?.id ?? "";
    const first = added(addCommunication(roadmap, phase, "Kick-off"));
    const audience = { segmentIds: ["enterprise"], roleIds: ["role-admin"], share: 0.5 };
    const edited = updateCommunication(first.roadmap, first.communication.id, {
      ownerId: "owner-marketing",
      channelId: "phone",
      audience,
    });
    const second = added(addCommunication(edited, phase, "Follow-up"));
    expect(second.communication).toMatchObject({ ownerId: "owner-marketing", channelId: "phone", audience });
    expect(parseRoadmap(second.roadmap).ok).toBe(true);
  });

  it("keeps what was remembered when an edit changes something else", () => {
    const roadmap = rememberCapture(template(), { ownerId: "owner-marketing" });
    const id = roadmap.communications[0]?.id ?? "";
    const renamed = updateCommunication(roadmap, id, { name: "Renamed" });
    expect(renamed.captureDefaults).toBe(roadmap.captureDefaults);
  });

  it("falls back for each field on its own when what was remembered has been removed", () => {
    const roadmap = rememberCapture(template(), {
      ownerId: "owner-marketing",
      channelId: "phone",
      audience: { segmentIds: ["enterprise"], roleIds: ["role-admin"], share: 0.5 },
    });
    const withoutOwner = removeOwner(roadmap, "owner-marketing", { kind: "remove" });
    expect(captureDefaultsFor(withoutOwner)).toMatchObject({ ownerId: withoutOwner.owners[0]?.id, channelId: "phone" });
    const withoutChannel = removeChannel(roadmap, "phone", { kind: "remove" });
    expect(captureDefaultsFor(withoutChannel)).toMatchObject({
      ownerId: "owner-marketing",
      channelId: withoutChannel.channels[0]?.id,
    });
  });

  it("leaves removed segments and roles out of the remembered audience, never widening it to everyone by accident", () => {
    const base = template();
    const other = base.segments.find((s) => s.id !== "enterprise")?.id ?? "";
    const roadmap = rememberCapture(base, {
      audience: { segmentIds: ["enterprise", other], roleIds: ["role-admin", "role-gone"], share: 0.5 },
    });
    const removed = removeSegment(roadmap, "enterprise", { kind: "remove" });
    expect(captureDefaultsFor(removed)?.audience).toEqual({ segmentIds: [other], roleIds: ["role-admin"], share: 0.5 });
    const onlyGone = rememberCapture(base, { audience: { segmentIds: ["gone"], roleIds: [], share: 0.5 } });
    expect(captureDefaultsFor(onlyGone)?.audience).toEqual({ segmentIds: [], roleIds: [], share: 1 });
    const added = addCommunications(removed, removed.phases[0]?.id ?? "", [{ name: "After removal" }]);
    if ("problem" in added) throw new Error(added.problem);
    expect(parseRoadmap(added.roadmap).ok).toBe(true);
  });

  it("adds several rows in order as one edit, remembering the last row's owner and channel", () => {
    const roadmap = template();
    const phase = roadmap.phases[1]?.id ?? "";
    const result = addCommunications(roadmap, phase, [
      { name: "One", ownerId: "owner-pm-core" },
      { name: "Two", ownerId: "owner-resellers", channelId: "event", timing: { kind: "recurring", everyMonths: 3 } },
    ]);
    if ("problem" in result) throw new Error(result.problem);
    const made = result.roadmap.communications.slice(-2);
    expect(made.map((c) => [c.name, c.ownerId, c.channelId, c.phaseId])).toEqual([
      ["One", "owner-pm-core", roadmap.channels[0]?.id, phase],
      ["Two", "owner-resellers", "event", phase],
    ]);
    expect(made[1]?.timing).toEqual({ kind: "recurring", everyMonths: 3 });
    expect(result.roadmap.captureDefaults).toMatchObject({ ownerId: "owner-resellers", channelId: "event" });
    expect(result.ids).toEqual(made.map((c) => c.id));
  });
});
