import type { Channel, Communication, Owner, Purpose, Timing } from "./schema";

/**
 * How the app, its reports and its exports name the document's fixed
 * choices. One wording everywhere: an executive reading the PDF and a
 * strategist in the inspector see the same words.
 */
export const PURPOSE_LABELS: Record<Purpose, string> = {
  welcome: "Welcome",
  education: "Education",
  crossSell: "Cross-sell",
  upSell: "Up-sell",
  retention: "Retention",
  loyalty: "Loyalty",
  survey: "Survey / feedback",
  service: "Service",
  winBack: "Win-back",
  newsletter: "Newsletter",
};

export const STATUS_LABELS: Record<Communication["status"], string> = {
  existing: "Existing",
  proposed: "Proposed",
  retired: "Retired",
};

export const PERSONALISATION_LABELS: Record<Communication["personalisation"], string> = {
  mass: "Mass",
  segment: "By segment",
  oneToOne: "One-to-one",
};

export const OWNER_KIND_LABELS: Record<Owner["kind"], string> = {
  productManagement: "Product management",
  marketing: "Marketing",
  sales: "Sales",
  service: "Service",
  partnerChannel: "Partner channel",
};

export const PARTNER_TYPE_LABELS: Record<NonNullable<Owner["partnerType"]>, string> = {
  dealer: "Dealer",
  broker: "Broker",
  agent: "Agent",
  franchise: "Franchise",
  reseller: "Reseller",
  other: "Other",
};

export const CHANNEL_KIND_LABELS: Record<Channel["kind"], string> = {
  email: "Email",
  directMail: "Direct mail",
  phone: "Phone / call centre",
  fieldSales: "Field sales visit",
  event: "Event",
  newsletter: "Newsletter / magazine",
  webInApp: "Web / in-app",
  sms: "SMS",
  social: "Social",
  survey: "Survey",
  other: "Other",
};

/** "On entry", "3 months after entry", "Every 3 months", "Once, 2027-06". */
export function describeTiming(timing: Timing, months: readonly { label: string }[]): string {
  switch (timing.kind) {
    case "onEntry":
      if (timing.offsetMonths === 0) return "On entry";
      return timing.offsetMonths === 1 ? "1 month after entry" : `${timing.offsetMonths} months after entry`;
    case "recurring":
      return timing.everyMonths === 1 ? "Every month" : `Every ${timing.everyMonths} months`;
    case "oneOff":
      return `Once, ${months[timing.month]?.label ?? `month ${timing.month}`}`;
  }
}

const sharePercent = new Intl.NumberFormat("en", { maximumFractionDigits: 2, useGrouping: false });

/**
 * "All segments", or "Enterprise, Mid-market · Economic buyer, User · 60 %":
 * whom a communication goes to. A name that cannot be found shows as its id.
 */
export function describeAudience(
  audience: Communication["audience"],
  names: { segments: ReadonlyMap<string, string>; roles: ReadonlyMap<string, string> },
): string {
  const parts = [
    audience.segmentIds.length === 0
      ? "All segments"
      : audience.segmentIds.map((id) => names.segments.get(id) ?? id).join(", "),
  ];
  if (audience.roleIds.length > 0) parts.push(audience.roleIds.map((id) => names.roles.get(id) ?? id).join(", "));
  if (audience.share < 1) parts.push(`${sharePercent.format(audience.share * 100)} %`);
  return parts.join(" · ");
}
