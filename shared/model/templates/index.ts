import type { Roadmap } from "../schema";
import { createAutomotiveDealersRoadmap } from "./automotiveDealers";
import { createB2bSubscriptionRoadmap } from "./b2bSubscriptionSoftware";
import { createInsuranceRoadmap } from "./insurance";
import { createRetailBankingRoadmap } from "./retailBanking";
import { createRetailLoyaltyRoadmap } from "./retailLoyalty";
import { createTelecomSubscriptionsRoadmap } from "./telecomSubscriptions";

export interface RoadmapTemplate {
  id: string;
  name: string;
  industry: string;
  /** One line for the gallery card and the command line's list. */
  description: string;
  create: (now?: Date) => Roadmap;
}

/** Starting points offered by New roadmap and by `roadmap new --template`, in the gallery's order. */
export const ROADMAP_TEMPLATES: readonly RoadmapTemplate[] = [
  {
    id: "b2b-subscription-software",
    name: "B2B subscription software",
    industry: "Software",
    description:
      "Trial to renewal for a software vendor selling to businesses: onboarding, expansion, renewal risk and a win-back loop, with three segments and a partner channel.",
    create: createB2bSubscriptionRoadmap,
  },
  {
    id: "retail-banking",
    name: "Retail banking",
    industry: "Banking",
    description:
      "New current account to main bank and several products, with switching risk, switch-back offers and mortgage brokers as partners.",
    create: createRetailBankingRoadmap,
  },
  {
    id: "telecom-subscriptions",
    name: "Telecom subscriptions",
    industry: "Telecommunications",
    description:
      "Mobile contracts from activation through the 24-month term and the upgrade window to port-out and win-back, sold through franchise stores.",
    create: createTelecomSubscriptionsRoadmap,
  },
  {
    id: "insurance",
    name: "Home and auto insurance",
    industry: "Insurance",
    description:
      "Quote to policy, a second policy, the yearly renewal and the claim that decides loyalty, sold direct and through independent brokers.",
    create: createInsuranceRoadmap,
  },
  {
    id: "automotive-dealers",
    name: "Automotive dealer network",
    industry: "Automotive",
    description:
      "Showroom lead to delivery, dealer servicing in the warranty years and the replacement window that decides the next car.",
    create: createAutomotiveDealersRoadmap,
  },
  {
    id: "retail-loyalty",
    name: "Retail loyalty programme",
    industry: "Retail",
    description:
      "A grocer's loyalty members from sign-up to regular, multi-category and premium shoppers, with lapsing members and franchised stores.",
    create: createRetailLoyaltyRoadmap,
  },
];

export function findTemplate(id: string): RoadmapTemplate | undefined {
  return ROADMAP_TEMPLATES.find((template) => template.id === id);
}
