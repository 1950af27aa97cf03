import type { Roadmap } from "../schema";
import { sampleRoadmap } from "./sampleRoadmap";

/**
 * The sample with a second welcome email sent the same month, under a cap of
 * one contact a month: a plan that costs more and has a collision.
 */
export function crowdedSample(): Roadmap {
  const roadmap = sampleRoadmap();
  const welcome = roadmap.communications[0];
  if (!welcome) throw new Error("the sample has a communication");
  return {
    ...roadmap,
    contactCap: 1,
    communications: [...roadmap.communications, { ...welcome, id: "comm-reminder", name: "Reminder" }],
  };
}
