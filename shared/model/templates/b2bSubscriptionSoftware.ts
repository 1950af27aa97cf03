import { nextMonth } from "../createRoadmap";
import { defaultChannels, defaultStages, emptyWorkshopFields } from "../defaults";
import { createId } from "../ids";
import {
  type Channel,
  type Communication,
  CURRENT_SCHEMA_VERSION,
  type Kpi,
  type Phase,
  ROADMAP_FILE_TYPE,
  type Roadmap,
  type Segment,
  type Transition,
} from "../schema";

/** Customers per segment, in the order enterprise, mid-market, small business. */
function bySegment(enterprise: number, midMarket: number, smallBusiness: number): Record<string, number> {
  return { enterprise, midMarket, smallBusiness };
}

function kpi(id: string, name: string, target: number, unit: string, timeframe: string): Kpi {
  return { id, name, target, unit, timeframe };
}

function segments(): Segment[] {
  return [
    {
      id: "enterprise",
      name: "Enterprise (value creators)",
      annualValue: 48_000,
      color: "#1f4e79",
      strategy: {
        whatItIs:
          "Organisations of 1,000+ employees on annual or multi-year contracts, most holding two or more products. Fewer than 3 % of customers, more than half of the margin, and nearly all of the reference accounts.",
        whatItIsNot:
          "Not a custom-development relationship: no one-off features, and no discounting below list to win a logo.",
        differenceFromToday:
          "Today each product team runs its own campaigns at these accounts, so the same economic buyer hears from three teams in one month. In future: one account plan per customer, one joint quarterly business review, and cross-sell only when usage shows the need.",
        pathToValue:
          "Products per customer from 1.6 to 2.4 and gross renewal from 90 % to 95 %; together about +18 % margin from the segment in two years.",
        capabilitiesNeeded:
          "An account-level usage dashboard every product team can see; one contact calendar per account with a cap of 4 touches a month; a customer success manager for each top account.",
        timeframe: "Account plans within 6 months; products-per-customer target within 24 months.",
      },
    },
    {
      id: "midMarket",
      name: "Mid-market",
      annualValue: 9_000,
      color: "#2e86ab",
      strategy: {
        whatItIs:
          "Companies of 50–1,000 employees on annual contracts, bought by a department head and run by one or two admins. The segment with the most room to grow into a second product.",
        whatItIsNot:
          "Not a field-sales segment: visits only at renewal for the largest accounts, everything else by phone, email and in the product.",
        differenceFromToday:
          "Today they get enterprise-style events and generic newsletters. In future a digital-first programme with one pooled customer success team and renewal conversations 90 days before contract end, not 30.",
        pathToValue: "Trial-to-paid from 18 % to 25 % and one in four customers on two products within 18 months.",
        capabilitiesNeeded:
          "Product-usage signals in the CRM, a pooled customer success team with a playbook per phase, and renewal alerts at 90 days.",
        timeframe: "Pooled team in 3 months; conversion and cross-sell targets in 18 months.",
      },
    },
    {
      id: "smallBusiness",
      name: "Small business (cost to serve)",
      annualValue: 1_200,
      color: "#f18f01",
      strategy: {
        whatItIs:
          "Companies under 50 employees on self-serve monthly or annual plans, most sold and supported by reseller partners. Many customers, little margin each: today roughly break-even after cost to serve.",
        whatItIsNot:
          "Not a segment for calls from head office, field visits or bespoke onboarding: the cost would exceed the margin.",
        differenceFromToday:
          "Today they receive the same calls and webinars as enterprise accounts. In future: in-app and email only from us, with the reseller as the one human contact.",
        pathToValue:
          "Cost to serve down by a third (no head-office calls) and self-serve onboarding completion from 45 % to 70 %, moving the segment to a 30 % margin.",
        capabilitiesNeeded:
          "In-app onboarding that works without a call, a reseller portal with usage and renewal alerts, and an automated win-back sequence.",
        timeframe: "12 months.",
      },
    },
  ];
}

function phases(): Phase[] {
  return [
    {
      id: "phase-trial",
      name: "Trial",
      stageId: "acquire",
      description:
        "A prospect has signed up for the 30-day trial (enterprise: a guided pilot). The question for this phase is whether one team reaches a useful result before the trial ends.",
      objectives: [
        "Get the first dashboard built with the prospect's own data within 2 days",
        "Convert one trial in four to a paid subscription",
      ],
      productsHeld: ["Core platform (trial)"],
      customerLifestage: "Evaluating tools; a team lead has a problem to solve and a budget to find",
      kpis: [
        kpi("kpi-trial-conversion", "Trial-to-paid conversion", 25, "%", "within 30 days of sign-up"),
        kpi("kpi-time-to-first-dashboard", "Time to first dashboard", 2, "days", "from sign-up"),
      ],
      initialCustomers: bySegment(6, 45, 320),
      arrivalsPerMonth: bySegment(3, 30, 180),
      churnRate: 0.25,
      relationshipStrength: null,
      position: { x: 0, y: 0 },
    },
    {
      id: "phase-first-90-days",
      name: "First 90 days",
      stageId: "onboard",
      description:
        "The contract is signed; admins set the platform up and the first users start working in it. Customers who do not reach regular use here are the ones who do not renew a year later.",
      objectives: [
        "Admin set up and trained within 30 days",
        "Six in ten licensed seats active by day 60",
        "No cross-sell before the core platform is in regular use",
      ],
      productsHeld: ["Core platform"],
      customerLifestage: "Rolling out: an admin is configuring, users are learning",
      kpis: [
        kpi("kpi-seat-activation", "Licensed seats active", 60, "%", "by day 60"),
        kpi("kpi-admin-trained", "Admins trained", 90, "%", "by day 30"),
      ],
      initialCustomers: bySegment(8, 70, 420),
      // Reseller-sold small businesses start here without a trial.
      arrivalsPerMonth: bySegment(0, 0, 25),
      churnRate: 0.015,
      relationshipStrength: null,
      position: { x: 300, y: 0 },
    },
    {
      id: "phase-active-single",
      name: "Active single-product",
      stageId: "develop",
      description:
        "Using the core platform regularly and holding only that product. This is where every product team wants the customer's attention, so it is where contact pressure builds up.",
      objectives: [
        "Keep weekly active use above 60 % of seats",
        "Offer the analytics suite only to customers whose usage shows they need it",
      ],
      productsHeld: ["Core platform"],
      customerLifestage: "Established team using the platform every week",
      kpis: [
        kpi("kpi-weekly-active-seats", "Weekly active seats", 60, "% of licensed seats", "rolling 4 weeks"),
        kpi("kpi-cross-sell-rate", "Customers moving to two products", 3, "% a month", "from month 6 of the plan"),
      ],
      initialCustomers: bySegment(44, 480, 2_700),
      arrivalsPerMonth: {},
      churnRate: 0.008,
      relationshipStrength: null,
      position: { x: 600, y: 0 },
    },
    {
      id: "phase-multi-product",
      name: "Multi-product",
      stageId: "develop",
      description:
        "Holding the core platform and at least one of the analytics suite or integrations add-on. Customers here renew more often and are worth two to three times as much.",
      objectives: [
        "Grow net revenue retention through seat expansion, not discounting",
        "Turn satisfied accounts into references",
      ],
      productsHeld: ["Core platform", "Analytics suite", "Integrations add-on"],
      customerLifestage: "Platform embedded in several teams' daily work",
      kpis: [
        kpi("kpi-net-revenue-retention", "Net revenue retention", 115, "%", "trailing 12 months"),
        kpi("kpi-products-per-customer", "Products per customer", 2.4, "products", "by the end of year 2"),
      ],
      initialCustomers: bySegment(40, 190, 300),
      arrivalsPerMonth: {},
      churnRate: 0.002,
      relationshipStrength: null,
      position: { x: 900, y: -220 },
    },
    {
      id: "phase-advocate",
      name: "Advocate",
      stageId: "retain",
      description:
        "Multi-product customers who rate us 9–10 and have agreed to act as a reference, speak at an event or join the customer advisory board.",
      objectives: [
        "Keep a pool of reference customers in every segment and region",
        "Bring advocates' product feedback into the roadmap each quarter",
      ],
      productsHeld: ["Core platform", "Analytics suite", "Integrations add-on"],
      customerLifestage: "Champion inside the customer promoting the platform to peers",
      kpis: [kpi("kpi-references-available", "Reference customers available", 25, "customers", "by month 12")],
      initialCustomers: bySegment(12, 30, 40),
      arrivalsPerMonth: {},
      churnRate: 0.001,
      relationshipStrength: null,
      position: { x: 1200, y: -220 },
    },
    {
      id: "phase-renewal-due",
      name: "Renewal due",
      stageId: "retain",
      description:
        "The contract ends within 90 days. The renewal decision is made here, usually by an economic buyer who has not used the product personally.",
      objectives: [
        "Show the economic buyer the value delivered before the decision, not after",
        "Have 80 % of renewals decided 30 days before contract end",
      ],
      productsHeld: ["Core platform", "Analytics suite"],
      customerLifestage: "Budget review; the economic buyer compares alternatives",
      kpis: [
        kpi("kpi-gross-renewal", "Gross renewal rate", 92, "%", "per renewal quarter"),
        kpi("kpi-early-decisions", "Renewals decided 30 days before contract end", 80, "%", "from month 3 of the plan"),
      ],
      initialCustomers: bySegment(10, 75, 330),
      arrivalsPerMonth: {},
      churnRate: 0.02,
      relationshipStrength: null,
      position: { x: 1200, y: 0 },
    },
    {
      id: "phase-at-risk",
      name: "At risk",
      stageId: "atRisk",
      description:
        "Usage has dropped by more than 40 %, the champion has left, a severe support case is open, or the customer has signalled they will not renew.",
      objectives: [
        "Contact every at-risk enterprise account within 5 working days",
        "Save four in ten at-risk customers",
      ],
      productsHeld: ["Core platform"],
      customerLifestage: "Reorganising, cutting costs or evaluating a competitor",
      kpis: [kpi("kpi-save-rate", "Save rate", 40, "%", "within 60 days of the risk flag")],
      initialCustomers: bySegment(6, 55, 210),
      arrivalsPerMonth: {},
      churnRate: 0.03,
      relationshipStrength: null,
      position: { x: 1500, y: 220 },
    },
    {
      id: "phase-lapsed",
      name: "Lapsed",
      stageId: "winBack",
      description:
        "The contract ended without renewal in the last 12 months. Their data is kept for a year, which makes coming back cheap for them and winning them back cheaper than a new customer for us.",
      objectives: [
        "Learn why each enterprise and mid-market customer left",
        "Win back one lapsed customer in ten within 12 months",
      ],
      productsHeld: [],
      customerLifestage: "Using a competitor or back on spreadsheets",
      kpis: [kpi("kpi-win-back-rate", "Win-back rate", 10, "%", "within 12 months of lapsing")],
      initialCustomers: bySegment(15, 160, 1_100),
      arrivalsPerMonth: {},
      churnRate: 0.06,
      relationshipStrength: null,
      position: { x: 1800, y: 220 },
    },
  ];
}

/**
 * Monthly rates. An annual contract spends nine months outside its 90-day
 * renewal window, so about one customer in nine enters the window each month
 * (0.11); the rates out of Renewal due add up to about a third, so customers
 * stay there for the three months the window lasts.
 */
function transitions(): Transition[] {
  return [
    {
      id: "tr-trial-converts",
      from: "phase-trial",
      to: "phase-first-90-days",
      rate: 0.3,
      rateBySegment: { enterprise: 0.45, smallBusiness: 0.2 },
      trigger: "Signs the first subscription",
      markedAsLoop: false,
    },
    {
      id: "tr-onboarding-complete",
      from: "phase-first-90-days",
      to: "phase-active-single",
      rate: 0.3,
      rateBySegment: {},
      trigger: "Onboarding complete: admin trained, 60 % of seats active",
      markedAsLoop: false,
    },
    {
      id: "tr-onboarding-stalls",
      from: "phase-first-90-days",
      to: "phase-at-risk",
      rate: 0.04,
      rateBySegment: { smallBusiness: 0.07 },
      trigger: "Fewer than 30 % of seats active at day 60",
      markedAsLoop: false,
    },
    {
      id: "tr-second-product",
      from: "phase-active-single",
      to: "phase-multi-product",
      rate: 0.025,
      rateBySegment: { enterprise: 0.06, smallBusiness: 0.01 },
      trigger: "Buys a second product",
      markedAsLoop: false,
    },
    {
      id: "tr-single-renewal-window",
      from: "phase-active-single",
      to: "phase-renewal-due",
      rate: 0.11,
      rateBySegment: {},
      trigger: "90 days before contract end",
      markedAsLoop: false,
    },
    {
      id: "tr-single-usage-drop",
      from: "phase-active-single",
      to: "phase-at-risk",
      rate: 0.02,
      rateBySegment: { smallBusiness: 0.035 },
      trigger: "Usage down more than 40 % or a support escalation",
      markedAsLoop: false,
    },
    {
      id: "tr-multi-renewal-window",
      from: "phase-multi-product",
      to: "phase-renewal-due",
      rate: 0.11,
      rateBySegment: {},
      trigger: "90 days before contract end",
      markedAsLoop: false,
    },
    {
      id: "tr-becomes-advocate",
      from: "phase-multi-product",
      to: "phase-advocate",
      rate: 0.03,
      rateBySegment: { enterprise: 0.05 },
      trigger: "Scores 9–10 and agrees to be a reference",
      markedAsLoop: false,
    },
    {
      id: "tr-multi-champion-leaves",
      from: "phase-multi-product",
      to: "phase-at-risk",
      rate: 0.01,
      rateBySegment: {},
      trigger: "Champion leaves the customer",
      markedAsLoop: false,
    },
    {
      id: "tr-advocate-renewal-window",
      from: "phase-advocate",
      to: "phase-renewal-due",
      rate: 0.11,
      rateBySegment: {},
      trigger: "90 days before contract end",
      markedAsLoop: false,
    },
    {
      id: "tr-renews",
      from: "phase-renewal-due",
      to: "phase-active-single",
      rate: 0.2,
      rateBySegment: {},
      trigger: "Renews",
      markedAsLoop: false,
    },
    {
      id: "tr-renews-and-expands",
      from: "phase-renewal-due",
      to: "phase-multi-product",
      rate: 0.06,
      rateBySegment: { enterprise: 0.1, smallBusiness: 0.03 },
      trigger: "Renews and adds a product",
      markedAsLoop: false,
    },
    {
      id: "tr-renewal-in-doubt",
      from: "phase-renewal-due",
      to: "phase-at-risk",
      rate: 0.07,
      rateBySegment: { smallBusiness: 0.1 },
      trigger: "No renewal decision 30 days before contract end",
      markedAsLoop: false,
    },
    {
      id: "tr-saved",
      from: "phase-at-risk",
      to: "phase-active-single",
      rate: 0.15,
      rateBySegment: { enterprise: 0.25 },
      trigger: "Save plan agreed",
      markedAsLoop: false,
    },
    {
      id: "tr-lapses",
      from: "phase-at-risk",
      to: "phase-lapsed",
      rate: 0.12,
      rateBySegment: { smallBusiness: 0.2 },
      trigger: "Contract ends without renewal",
      markedAsLoop: false,
    },
    {
      id: "tr-won-back",
      from: "phase-lapsed",
      to: "phase-active-single",
      rate: 0.03,
      rateBySegment: { enterprise: 0.05 },
      trigger: "Re-subscribes (win-back)",
      markedAsLoop: false,
    },
  ];
}

function owners(): Roadmap["owners"] {
  return [
    { id: "owner-pm-analytics", name: "PM – Analytics suite", kind: "productManagement", partnerType: null },
    { id: "owner-pm-core", name: "PM – Core platform", kind: "productManagement", partnerType: null },
    { id: "owner-marketing", name: "Marketing", kind: "marketing", partnerType: null },
    { id: "owner-resellers", name: "Reseller partners", kind: "partnerChannel", partnerType: "reseller" },
  ];
}

/** B2B rates: a customer success call costs far more than a consumer call-centre contact. */
const channelCosts: Record<string, Pick<Channel, "name" | "fixedCost" | "costPerContact">> = {
  email: { name: "Email", fixedCost: 200, costPerContact: 0.01 },
  phone: { name: "Phone / customer success call", fixedCost: 0, costPerContact: 18 },
  fieldSales: { name: "Account manager visit", fixedCost: 0, costPerContact: 450 },
  event: { name: "Customer event", fixedCost: 25_000, costPerContact: 120 },
  webInApp: { name: "In-app message", fixedCost: 400, costPerContact: 0 },
  survey: { name: "Survey", fixedCost: 300, costPerContact: 0.8 },
};

function channels(): Channel[] {
  return defaultChannels().flatMap((channel) => {
    const costs = channelCosts[channel.id];
    return costs ? [{ ...channel, ...costs }] : [];
  });
}

function roles(): Roadmap["roles"] {
  return [
    { id: "role-economic-buyer", name: "Economic buyer" },
    { id: "role-admin", name: "Admin" },
    { id: "role-end-user", name: "End user" },
  ];
}

/** An audience with no segments listed reaches every segment. */
const ALL_SEGMENTS: readonly string[] = [];
const LARGER_ACCOUNTS: readonly string[] = ["enterprise", "midMarket"];
const SMALL_BUSINESS: readonly string[] = ["smallBusiness"];

function audience(segmentIds: readonly string[], roleIds: readonly string[], share: number): Communication["audience"] {
  return { segmentIds: [...segmentIds], roleIds: [...roleIds], share };
}

function communications(): Communication[] {
  return [
    {
      id: "comm-trial-welcome-series",
      phaseId: "phase-trial",
      name: "Trial welcome series",
      purpose: "welcome",
      channelId: "email",
      ownerId: "owner-marketing",
      audience: audience(ALL_SEGMENTS, ["role-admin", "role-end-user"], 1),
      timing: { kind: "onEntry", offsetMonths: 0 },
      personalisation: "segment",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.2,
      valuePerResponse: 150,
      status: "existing",
      notes: "Five emails over the 30 days, each leading to one step of building the first dashboard.",
    },
    {
      id: "comm-onboarding-checklist",
      phaseId: "phase-first-90-days",
      name: "In-app onboarding checklist",
      purpose: "welcome",
      channelId: "webInApp",
      ownerId: "owner-pm-core",
      audience: audience(ALL_SEGMENTS, ["role-admin"], 1),
      timing: { kind: "onEntry", offsetMonths: 0 },
      personalisation: "mass",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.55,
      valuePerResponse: 60,
      status: "existing",
      notes: "Setup steps for the admin: single sign-on, user import, first shared workspace.",
    },
    {
      id: "comm-reseller-welcome-call",
      phaseId: "phase-first-90-days",
      name: "Reseller welcome call",
      purpose: "welcome",
      channelId: "phone",
      ownerId: "owner-resellers",
      audience: audience(SMALL_BUSINESS, ["role-admin"], 0.8),
      timing: { kind: "onEntry", offsetMonths: 0 },
      personalisation: "oneToOne",
      fixedCost: null,
      costPerContact: 25,
      responseRate: 0.6,
      valuePerResponse: 40,
      status: "existing",
      notes: "Paid to the reseller per completed call; most resellers reach eight in ten of their new customers.",
    },
    {
      id: "comm-analytics-early-offer",
      phaseId: "phase-first-90-days",
      name: "Analytics suite introductory offer",
      purpose: "crossSell",
      channelId: "email",
      ownerId: "owner-pm-analytics",
      audience: audience(ALL_SEGMENTS, ["role-economic-buyer", "role-admin"], 1),
      timing: { kind: "onEntry", offsetMonths: 1 },
      personalisation: "mass",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.005,
      valuePerResponse: 1_200,
      status: "existing",
      notes:
        "Lands while the admin is still setting up the core platform; the onboarding team reports it as a source of confusion. Candidate to move to Active single-product.",
    },
    {
      id: "comm-core-tips",
      phaseId: "phase-active-single",
      name: "Core platform tips and tricks",
      purpose: "education",
      channelId: "email",
      ownerId: "owner-pm-core",
      audience: audience(ALL_SEGMENTS, ["role-end-user"], 1),
      timing: { kind: "recurring", everyMonths: 1 },
      personalisation: "mass",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.06,
      valuePerResponse: 15,
      status: "existing",
      notes: "",
    },
    {
      id: "comm-analytics-cross-sell",
      phaseId: "phase-active-single",
      name: "Analytics suite cross-sell campaign",
      purpose: "crossSell",
      channelId: "email",
      ownerId: "owner-pm-analytics",
      audience: audience(ALL_SEGMENTS, ["role-economic-buyer", "role-admin"], 1),
      timing: { kind: "recurring", everyMonths: 1 },
      personalisation: "segment",
      fixedCost: 600,
      costPerContact: null,
      responseRate: 0.012,
      valuePerResponse: 1_200,
      status: "existing",
      notes: "Sent monthly to every single-product customer regardless of usage.",
    },
    {
      id: "comm-analytics-upgrade-banner",
      phaseId: "phase-active-single",
      name: "Analytics upgrade banner",
      purpose: "crossSell",
      channelId: "webInApp",
      ownerId: "owner-pm-analytics",
      audience: audience(ALL_SEGMENTS, ["role-end-user"], 0.7),
      timing: { kind: "recurring", everyMonths: 1 },
      personalisation: "mass",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.004,
      valuePerResponse: 1_200,
      status: "existing",
      notes: "Shown to users who open a report at least once in the month.",
    },
    {
      id: "comm-customer-newsletter",
      phaseId: "phase-active-single",
      name: "Monthly customer newsletter",
      purpose: "newsletter",
      channelId: "email",
      ownerId: "owner-marketing",
      audience: audience(ALL_SEGMENTS, [], 1),
      timing: { kind: "recurring", everyMonths: 1 },
      personalisation: "mass",
      fixedCost: 1_500,
      costPerContact: null,
      responseRate: 0.03,
      valuePerResponse: 20,
      status: "existing",
      notes: "Product news from every team plus a customer story.",
    },
    {
      id: "comm-reseller-seat-expansion",
      phaseId: "phase-active-single",
      name: "Reseller seat-expansion call",
      purpose: "upSell",
      channelId: "phone",
      ownerId: "owner-resellers",
      audience: audience(SMALL_BUSINESS, ["role-economic-buyer"], 0.5),
      timing: { kind: "recurring", everyMonths: 3 },
      personalisation: "oneToOne",
      fixedCost: null,
      costPerContact: 25,
      responseRate: 0.08,
      valuePerResponse: 300,
      status: "existing",
      notes: "",
    },
    {
      id: "comm-customer-conference",
      phaseId: "phase-multi-product",
      name: "Customer conference invitation",
      purpose: "loyalty",
      channelId: "event",
      ownerId: "owner-marketing",
      audience: audience(LARGER_ACCOUNTS, ["role-economic-buyer", "role-admin"], 0.4),
      timing: { kind: "oneOff", month: 8 },
      personalisation: "segment",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.35,
      valuePerResponse: 1_200,
      status: "proposed",
      notes: "One day, two tracks: product roadmap for admins, peer panel for economic buyers.",
    },
    {
      id: "comm-relationship-survey",
      phaseId: "phase-multi-product",
      name: "Relationship survey",
      purpose: "survey",
      channelId: "survey",
      ownerId: "owner-marketing",
      audience: audience(LARGER_ACCOUNTS, ["role-economic-buyer", "role-admin"], 1),
      timing: { kind: "recurring", everyMonths: 6 },
      personalisation: "segment",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.25,
      valuePerResponse: 0,
      status: "proposed",
      notes: "Feeds the Relationship Strength Index per phase; no commercial value is claimed for it.",
    },
    {
      id: "comm-reference-programme",
      phaseId: "phase-advocate",
      name: "Reference and case-study invitation",
      purpose: "loyalty",
      channelId: "phone",
      ownerId: "owner-marketing",
      audience: audience(LARGER_ACCOUNTS, ["role-economic-buyer"], 1),
      timing: { kind: "onEntry", offsetMonths: 0 },
      personalisation: "oneToOne",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.5,
      valuePerResponse: 800,
      status: "proposed",
      notes: "",
    },
    {
      id: "comm-renewal-reminders",
      phaseId: "phase-renewal-due",
      name: "Renewal reminder with value summary",
      purpose: "retention",
      channelId: "email",
      ownerId: "owner-pm-core",
      audience: audience(ALL_SEGMENTS, ["role-economic-buyer", "role-admin"], 1),
      timing: { kind: "onEntry", offsetMonths: 0 },
      personalisation: "oneToOne",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.4,
      valuePerResponse: 250,
      status: "existing",
      notes: "Usage figures for the past year, merged per account: hours saved, reports shared, active seats.",
    },
    {
      id: "comm-save-call",
      phaseId: "phase-at-risk",
      name: "Save call with usage health review",
      purpose: "retention",
      channelId: "phone",
      ownerId: "owner-pm-core",
      audience: audience(LARGER_ACCOUNTS, ["role-economic-buyer"], 1),
      timing: { kind: "onEntry", offsetMonths: 0 },
      personalisation: "oneToOne",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.45,
      valuePerResponse: 2_000,
      status: "proposed",
      notes: "",
    },
    {
      id: "comm-win-back-offer",
      phaseId: "phase-lapsed",
      name: "Win-back offer: three months at half price",
      purpose: "winBack",
      channelId: "email",
      ownerId: "owner-marketing",
      audience: audience(ALL_SEGMENTS, ["role-economic-buyer"], 1),
      timing: { kind: "onEntry", offsetMonths: 2 },
      personalisation: "segment",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.04,
      valuePerResponse: 600,
      status: "proposed",
      notes: "Reminds them their data is still there for a few more months.",
    },
    {
      id: "comm-lapsed-cold-calls",
      phaseId: "phase-lapsed",
      name: "Quarterly cold call to lapsed customers",
      purpose: "winBack",
      channelId: "phone",
      ownerId: "owner-marketing",
      audience: audience(ALL_SEGMENTS, ["role-economic-buyer"], 1),
      timing: { kind: "recurring", everyMonths: 3 },
      personalisation: "mass",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.01,
      valuePerResponse: 600,
      status: "retired",
      notes: "Stopped last year: complaints outnumbered the customers won back.",
    },
  ];
}

/**
 * A consultant's starting point for a software vendor selling subscriptions
 * to businesses: trial to renewal with a win-back loop, three segments that
 * differ in value and cost to serve, two product teams competing for the same
 * customers, and a reseller channel. The figures are plausible, not real:
 * they are there to be replaced with the client's own in the workshop.
 */
export function createB2bSubscriptionRoadmap(now = new Date()): Roadmap {
  const timestamp = now.toISOString();
  return {
    type: ROADMAP_FILE_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: createId(),
    name: "B2B subscription software — customer lifecycle",
    client: "Example SaaS Ltd",
    preparedBy: "",
    currency: "EUR",
    startMonth: nextMonth(now),
    horizonMonths: 24,
    annualDiscountRate: 0.1,
    contactCap: 4,
    notes:
      "Template for a B2B subscription-software client. Replace the phases' customers, the segments' values, the rates and the channels' costs with the client's figures. Note the Active single-product phase: the two product teams, marketing and the resellers together reach a small business five times every third month, over the contact cap of 4. That overlap is the one to discuss in the workshop.",
    createdAt: timestamp,
    updatedAt: timestamp,
    stages: defaultStages(),
    phases: phases(),
    transitions: transitions(),
    segments: segments(),
    owners: owners(),
    channels: channels(),
    roles: roles(),
    communications: communications(),
    ...emptyWorkshopFields(),
  };
}
