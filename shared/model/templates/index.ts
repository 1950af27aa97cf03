import type { Roadmap } from "../schema";
import { createB2bSubscriptionRoadmap } from "./b2bSubscriptionSoftware";

export interface RoadmapTemplate {
  id: string;
  name: string;
  description: string;
  create: (now?: Date) => Roadmap;
}

/** Starting points offered by New roadmap and by `roadmap new --template`. */
export const ROADMAP_TEMPLATES: readonly RoadmapTemplate[] = [
  {
    id: "b2b-subscription-software",
    name: "B2B subscription software",
    description:
      "Trial to renewal for a software vendor selling to businesses: onboarding, expansion, renewal risk and a win-back loop, with three segments and a partner channel.",
    create: createB2bSubscriptionRoadmap,
  },
];

export function findTemplate(id: string): RoadmapTemplate | undefined {
  return ROADMAP_TEMPLATES.find((template) => template.id === id);
}
