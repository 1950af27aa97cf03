import { z } from "zod";
import { defaultOptimiserSettings, emptySegmentStrategy } from "./defaults";
import {
  boundedNumber,
  color,
  fraction,
  id,
  isoDate,
  isoTimestamp,
  list,
  money,
  name,
  perSegment,
  text,
  wholeNumber,
  yearMonth,
} from "./fields";
import { formatLimit, LIMITS } from "./limits";
import { checkReferences } from "./references";
import {
  CHANNEL_KINDS,
  COMMUNICATION_LOCKS,
  COMMUNICATION_STATUSES,
  NOTE_STATUSES,
  OPTIMISATION_OBJECTIVES,
  OPTIMISATION_STATUSES,
  OWNER_KINDS,
  PARTNER_TYPES,
  PERSONALISATION_LEVELS,
  PURPOSES,
  STAGE_KINDS,
  SURVEY_SCALES,
} from "./vocabulary";

// The words live in a module without zod, for code that needs them but not the schema (the plan worker).
export * from "./vocabulary";

/** What the `type` field of every roadmap file says. */
export const ROADMAP_FILE_TYPE = "relationship-roadmap";

/** The schema version this build reads and writes. Older files are migrated up to it. */
export const CURRENT_SCHEMA_VERSION = 6;

export const LifecycleStageSchema = z.object({
  id: id(),
  name: name(),
  /** Which of the standard stretches of a relationship this stage stands for; `custom` for the user's own. */
  kind: z.enum(STAGE_KINDS).default("custom"),
  color: color(),
  description: text(),
});

export const KpiSchema = z.object({
  id: id(),
  name: name(),
  /** The figure to reach; `unit` says how to read it (%, customers, €, days…). */
  target: boundedNumber(-LIMITS.kpiTarget, LIMITS.kpiTarget).nullable().default(null),
  unit: text(40),
  timeframe: text(200),
});

/** Where the phase's card sits on the canvas, in px; bounded so that a drawing of it has a size a computer can hold. */
export const PositionSchema = z.object({
  x: boundedNumber(-LIMITS.coordinate, LIMITS.coordinate),
  y: boundedNumber(-LIMITS.coordinate, LIMITS.coordinate),
});

export const RelationshipStrengthSchema = z.object({
  /** Relationship Strength Index, 0–100, averaged over the phase's survey respondents. */
  score: z
    .number({ error: "must be a number" })
    .min(0, { error: "must be between 0 and 100" })
    .max(100, { error: "must be between 0 and 100" }),
  respondents: wholeNumber(0, 10_000_000),
});

export const PhaseSchema = z.object({
  id: id(),
  name: name(),
  stageId: id(),
  description: text(),
  objectives: list(z.string().max(1000, { error: "must be at most 1000 characters" }), LIMITS.itemsPerPhase).default(
    [],
  ),
  /** Products or services a customer in this phase typically holds. */
  productsHeld: list(z.string().max(200, { error: "must be at most 200 characters" }), LIMITS.itemsPerPhase).default(
    [],
  ),
  /** The customer's own lifestage (e.g. "scaling team", "new parent"), as the seed's roadmaps map it. */
  customerLifestage: text(200),
  kpis: list(KpiSchema, LIMITS.itemsPerPhase).default([]),
  initialCustomers: perSegment(),
  arrivalsPerMonth: perSegment(),
  /** Share of the phase's customers who leave for good each month. */
  churnRate: fraction().default(0),
  relationshipStrength: RelationshipStrengthSchema.nullable().default(null),
  position: PositionSchema.default({ x: 0, y: 0 }),
});

export const TransitionSchema = z.object({
  id: id(),
  from: id(),
  to: id(),
  /** Share of the source phase's customers who move along this transition each month. */
  rate: fraction(),
  /** Per-segment overrides of `rate`, by segment id. */
  rateBySegment: z.record(id(), fraction()).default({}),
  trigger: text(200),
  /**
   * Drawn as a loop back even though it goes forward or sideways in the stage
   * order (a transition to an earlier stage is a loop anyway): `isLoopTransition`.
   */
  markedAsLoop: z.boolean().default(false),
});

export const SegmentStrategySchema = z.object({
  whatItIs: text(),
  whatItIsNot: text(),
  differenceFromToday: text(),
  pathToValue: text(),
  capabilitiesNeeded: text(),
  timeframe: text(200),
});

/**
 * A segment's customers at the plan's start are not stored here: they are the
 * sum of its phases' `initialCustomers` (`segmentCustomersAtStart`).
 */
export const SegmentSchema = z.object({
  id: id(),
  name: name(),
  /** Yearly margin one customer of this segment brings. */
  annualValue: money().default(0),
  color: color(),
  strategy: SegmentStrategySchema.default(emptySegmentStrategy()),
});

export const OwnerSchema = z.object({
  id: id(),
  name: name(),
  kind: z.enum(OWNER_KINDS),
  /** Only for `partnerChannel` owners: which kind of indirect channel. */
  partnerType: z.enum(PARTNER_TYPES).nullable().default(null),
});

export const ChannelSchema = z.object({
  id: id(),
  name: name(),
  kind: z.enum(CHANNEL_KINDS),
  /** Default costs: every communication on this channel that does not set its own pays these. */
  fixedCost: money().default(0),
  costPerContact: money().default(0),
  /** Most sends of this channel one customer should get in a month, when the channel has such a limit. */
  contactCap: wholeNumber(1, 1000).nullable().default(null),
});

/** A role inside a customer organisation (B2B), e.g. economic buyer, user, administrator. */
export const RoleSchema = z.object({
  id: id(),
  name: name(),
});

export const TimingSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("onEntry"),
      /** Months after a customer enters the phase; 0 sends in the month of entry. */
      offsetMonths: wholeNumber(0, 120),
    }),
    z.object({
      kind: z.literal("recurring"),
      everyMonths: wholeNumber(1, 120),
    }),
    z.object({
      kind: z.literal("oneOff"),
      /** Month of the planning horizon, counted from 0 at the roadmap's start month. */
      month: wholeNumber(0, 599),
    }),
  ],
  { error: 'must have kind "onEntry", "recurring" or "oneOff"' },
);

export const AudienceSchema = z.object({
  /** Segments reached; empty means every segment. */
  segmentIds: list(id(), LIMITS.segments).default([]),
  roleIds: list(id(), LIMITS.roles).default([]),
  /** Share of the phase's customers in those segments who are reached. */
  share: fraction().default(1),
});

export const CommunicationSchema = z.object({
  id: id(),
  phaseId: id(),
  name: name(),
  purpose: z.enum(PURPOSES),
  channelId: id(),
  ownerId: id(),
  audience: AudienceSchema.default({ segmentIds: [], roleIds: [], share: 1 }),
  timing: TimingSchema,
  personalisation: z.enum(PERSONALISATION_LEVELS).default("mass"),
  /**
   * Null: the channel's default, followed when the channel's costs or the
   * communication's channel change (`communicationCosts`). A number: set here.
   */
  fixedCost: money().nullable().default(null),
  costPerContact: money().nullable().default(null),
  responseRate: fraction().default(0),
  valuePerResponse: money().default(0),
  status: z.enum(COMMUNICATION_STATUSES).default("proposed"),
  notes: text(),
});

/** What a sticky note is stuck to: a spot on the canvas, or one element it stays with. */
export const NoteAnchorSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("canvas"), position: PositionSchema }),
    z.object({ kind: z.literal("phase"), phaseId: id() }),
    z.object({ kind: z.literal("transition"), transitionId: id() }),
    z.object({ kind: z.literal("communication"), communicationId: id() }),
  ],
  { error: 'must have kind "canvas", "phase", "transition" or "communication"' },
);

/** A sticky note or comment from a workshop: an open question until someone resolves it. */
export const StickyNoteSchema = z.object({
  id: id(),
  text: text(5000),
  /** Who wrote it, from the author name in the app's preferences. */
  author: text(200),
  createdAt: isoTimestamp(),
  status: z.enum(NOTE_STATUSES).default("open"),
  resolvedAt: isoTimestamp().nullable().default(null),
  anchor: NoteAnchorSchema,
});

export const PresentationSchema = z.object({
  /**
   * Phase ids in the order presentation mode walks them. Empty: lifecycle
   * order. Phases missing from a non-empty list are walked after it, in
   * lifecycle order (`presentationWalk`).
   */
  walkOrder: list(id(), LIMITS.phases).default([]),
});

/**
 * What quick-add fills a new communication with: the owner, channel and
 * audience last used on this roadmap. An id that no longer exists means "none".
 */
export const CaptureDefaultsSchema = z.object({
  ownerId: id().nullable().default(null),
  channelId: id().nullable().default(null),
  audience: AudienceSchema.nullable().default(null),
});

/** A group of questionnaire items that measure one side of the relationship (trust, commitment…). */
export const SurveyDimensionSchema = z.object({
  id: id(),
  name: name(),
  /** Its weight in a respondent's RSI, relative to the other dimensions' (equal weights by default). */
  weight: boundedNumber(0, 100).default(1),
});

/** One agreement statement of the relationship questionnaire, answered on the survey's scale. */
export const SurveyItemSchema = z.object({
  id: id(),
  text: name().max(1000, { error: "must be at most 1000 characters" }),
  dimensionId: id(),
  /** Worded so that agreeing means a weaker relationship ("I often feel ignored"): scored `100 − scaled`. */
  reversed: z.boolean().default(false),
});

/**
 * One survey respondent's answers, as imported. Only what the RSI needs is
 * kept: never a name, an e-mail or any column the user did not map.
 */
export const SurveyRespondentSchema = z.object({
  /** The lifecycle phase the respondent is in; null once that phase is removed from the roadmap. */
  phaseId: id().nullable(),
  /** Null when the survey had no segment column, or the segment was removed. */
  segmentId: id().nullable().default(null),
  /** When they answered, when the survey said. */
  date: isoDate().nullable().default(null),
  /** Answers on the wave's scale, in the order of the wave's `itemIds`; null where not answered. */
  answers: list(z.number({ error: "must be a number" }).nullable(), LIMITS.surveyItems),
  /** Likelihood to recommend, 0–10. */
  recommend: wholeNumber(0, 10).nullable().default(null),
  /** The channels they would like to hear from the company through. */
  preferredChannelIds: list(id(), LIMITS.channels).default([]),
  /** How many communications a month they would like, at most. */
  preferredContactsPerMonth: boundedNumber(0, 100).nullable().default(null),
});

/** One round of the survey: the answers imported from one file, dated. Re-importing a wave's date replaces it. */
export const SurveyWaveSchema = z
  .object({
    id: id(),
    name: name(),
    /** The day the wave is dated by; a second import with the same date replaces this wave. */
    date: isoDate(),
    importedAt: isoTimestamp(),
    /** The file the answers came from, for the user's reference. */
    source: text(500),
    /** The scale the answers were given on; the questionnaire's scale may have changed since. */
    scale: z.enum(SURVEY_SCALES),
    /**
     * The questionnaire item each answer position stands for. An item since
     * removed from the questionnaire keeps its answers here, unscored.
     */
    itemIds: list(id(), LIMITS.surveyItems),
    respondents: list(SurveyRespondentSchema, LIMITS.respondentsPerWave),
    /** Respondents left out for answering fewer than half of the items. */
    excluded: wholeNumber(0, 10_000_000).default(0),
  })
  .superRefine((wave, ctx) => {
    wave.respondents.forEach((respondent, i) => {
      if (respondent.answers.length !== wave.itemIds.length) {
        ctx.addIssue({
          code: "custom",
          path: ["respondents", i, "answers"],
          message: `must have one answer (or null) for each of the wave's ${wave.itemIds.length} items, has ${respondent.answers.length}`,
        });
      }
    });
  });

/** The relationship survey: its questionnaire and the waves of answers imported into it. */
export const SurveySchema = z.object({
  scale: z.enum(SURVEY_SCALES).default("1-5"),
  dimensions: list(SurveyDimensionSchema, LIMITS.surveyDimensions).default([]),
  items: list(SurveyItemSchema, LIMITS.surveyItems).default([]),
  /** Cells with fewer respondents show "too few answers" instead of an RSI. */
  minimumRespondents: wholeNumber(1, 1000).default(5),
  waves: list(SurveyWaveSchema, LIMITS.surveyWaves).default([]),
});

/**
 * How one column of an imported file was read: `target` names what it holds
 * (an import kind's own vocabulary, e.g. "item:trust-1", "phase", "owner");
 * "" means the column is not stored.
 */
export const ColumnMappingSchema = z.object({
  header: z.string().max(500, { error: "must be at most 500 characters" }),
  target: z.string().max(200, { error: "must be at most 200 characters" }),
});

/** How a value of a mapped column was read: "Lapsed 6m+" in the phase column is the phase "lapsed". */
export const ValueMappingSchema = z.object({
  target: z.string().max(200, { error: "must be at most 200 characters" }),
  value: z.string().max(500, { error: "must be at most 500 characters" }),
  /** The id it stands for; null: the user said it stands for nothing (the row is refused). */
  id: id().nullable(),
});

/** What the user settled in an import's mapping step, offered again for the next file of that kind. */
export const ImportMappingSchema = z.object({
  columns: list(ColumnMappingSchema, LIMITS.importColumns).default([]),
  values: list(ValueMappingSchema, LIMITS.importValues).default([]),
});

export const ImportMappingsSchema = z.object({
  survey: ImportMappingSchema.default({ columns: [], values: [] }),
  inventory: ImportMappingSchema.default({ columns: [], values: [] }),
});

/** The id by which the roadmap's own plan, the base every scenario starts from, is chosen among the scenarios. */
export const BASE_SCENARIO_ID = "base";

/**
 * What a scenario says differently about one communication. An absent field
 * is inherited from the roadmap's own communication, so a later edit of the
 * base reaches every scenario that did not set that field.
 */
export const CommunicationOverrideSchema = z.object({
  timing: TimingSchema.optional(),
  personalisation: z.enum(PERSONALISATION_LEVELS).optional(),
  /** Null, as on the communication: the channel's default. */
  fixedCost: money().nullable().optional(),
  costPerContact: money().nullable().optional(),
  responseRate: fraction().optional(),
  valuePerResponse: money().optional(),
});

/** A scenario's own transition rates: a retention programme assumes fewer customers move on to "At risk". */
export const TransitionOverrideSchema = z.object({
  rate: fraction().optional(),
  rateBySegment: z.record(id(), fraction()).optional(),
});

/** A scenario's own churn: a retention programme assumes fewer customers leave. */
export const PhaseOverrideSchema = z.object({
  churnRate: fraction().optional(),
});

/**
 * A personalisation level the optimiser may choose for one communication, with
 * what the communication costs and brings at that level (a one-to-one letter
 * costs more per contact and is answered more often than a mass mailing).
 */
export const PersonalisationOptionSchema = z.object({
  level: z.enum(PERSONALISATION_LEVELS),
  /** Null: the communication's own cost (or its channel's, when it inherits). */
  fixedCost: money().nullable().default(null),
  costPerContact: money().nullable().default(null),
  responseRate: fraction(),
});

/**
 * The choices the optimiser has for one communication besides leaving it out:
 * its own timing and personalisation are always an option; these are the others.
 */
export const CommunicationOptionsSchema = z.object({
  /** For a recurring send: other intervals it may have (every N months). Ignored for other timings. */
  everyMonths: list(wholeNumber(1, 120), 12).default([]),
  /** Other levels it may be sent at, each with its cost and response rate. */
  personalisation: list(PersonalisationOptionSchema, PERSONALISATION_LEVELS.length).default([]),
  /** "in": it must be sent (in one of its options); "out": it must not be. */
  lock: z.enum(COMMUNICATION_LOCKS).default("free"),
});

/**
 * At least one communication of these purposes must stay in each of these
 * phases (e.g. every phase keeps a retention touch).
 */
export const PurposeCoverageSchema = z.object({
  id: id(),
  purposes: list(z.enum(PURPOSES), PURPOSES.length).min(1, { error: "must name at least one purpose" }),
  /** Empty: every phase that has a communication of these purposes. */
  phaseIds: list(id(), LIMITS.phases).default([]),
});

/** Alternatives: the optimiser keeps at most one communication of the group. */
export const ExclusiveGroupSchema = z.object({
  id: id(),
  name: name(),
  communicationIds: list(id(), LIMITS.communications).min(2, { error: "must hold at least two communications" }),
});

/** A budget for one year of the plan. */
export const YearBudgetSchema = z.object({
  /** The plan year, from 0 for the first twelve months of the horizon. */
  year: wholeNumber(0, 49),
  budget: money(),
});

export const OwnerBudgetSchema = z.object({
  ownerId: id(),
  /** Most this owner's communications may cost over the horizon. */
  budget: money(),
});

/**
 * What the campaign optimiser is asked: its objective, the budgets and caps it
 * must keep to, and each communication's options. Shared by every scenario;
 * the optimiser runs on the scenario shown.
 */
export const OptimiserSettingsSchema = z.object({
  objective: z.enum(OPTIMISATION_OBJECTIVES).default("net"),
  /**
   * Most the plan may cost over the horizon (undiscounted). Null: no limit with
   * the "net" objective; with "value", what the optimised scenario costs now.
   */
  budget: money().nullable().default(null),
  yearBudgets: list(YearBudgetSchema, 50).default([]),
  ownerBudgets: list(OwnerBudgetSchema, LIMITS.owners).default([]),
  /** Keep every cohort within the roadmap's contact cap and each channel's, counted as in the contact-pressure view. */
  respectContactCaps: z.boolean().default(true),
  /** By communication id; a communication not listed is free, with only its own timing and personalisation. */
  communications: z.record(id(), CommunicationOptionsSchema).default({}),
  purposeCoverage: list(PurposeCoverageSchema, 100).default([]),
  exclusiveGroups: list(ExclusiveGroupSchema, 1000).default([]),
  /** The solver stops after this long and reports how far from proven best its plan may be. */
  timeLimitSeconds: wholeNumber(1, 3600).default(10),
  /** The solver stops once its plan is proven within this share of the best possible. */
  gapTolerance: boundedNumber(0, 0.5).default(0.005),
});

/** A figure of an optimisation result: money or value, which may be negative (a net loss). */
const figure = () => boundedNumber(-LIMITS.money * 1000, LIMITS.money * 1000);

/** One point of the efficient frontier: the best plan the optimiser found within one budget. */
export const FrontierPointSchema = z.object({
  budget: figure(),
  cost: figure(),
  value: figure(),
  /** Discounted value − discounted cost. */
  net: figure(),
  /** False when no plan keeps to this budget (the locked-in sends cost more). */
  feasible: z.boolean(),
});

/** What one more unit of something is worth to the objective, and how that was measured. */
export const MarginalValueSchema = z.object({
  perUnit: figure(),
  /** "dual": the LP relaxation's shadow price; "slope": the change between two solved plans. */
  method: z.enum(["dual", "slope"]),
});

/**
 * How an optimised scenario was made, kept with it so the report can show the
 * settings, the frontier and the reasons for each change long after the run.
 */
export const OptimisationRecordSchema = z.object({
  createdAt: isoTimestamp(),
  /** The scenario it was optimised from, as it was named then (it may since be renamed or deleted). */
  fromScenarioId: id(),
  fromScenarioName: name(),
  settings: OptimiserSettingsSchema,
  status: z.enum(OPTIMISATION_STATUSES),
  /** How far from the best possible the plan may be, as a share; 0 when proven best. */
  gap: boundedNumber(0, 1e6),
  objective: figure(),
  cost: figure(),
  value: figure(),
  /** The plan it was optimised from, for comparison. */
  planCost: figure(),
  planValue: figure(),
  /**
   * Where the plan stands against the frontier, as the optimiser placed it: its
   * net value (discounted), whether no plan within its cost does better, and by
   * how much the best one does (in the objective's terms). Absent without a frontier.
   */
  planOnFrontier: z.object({ net: figure(), onFrontier: z.boolean(), shortfall: figure() }).nullable().optional(),
  frontier: list(FrontierPointSchema, 50).default([]),
  marginalBudget: MarginalValueSchema.nullable().default(null),
  marginalContact: MarginalValueSchema.nullable().default(null),
  /** The constraints that bind, in words ("the budget of €1.2M", "Sales's budget"). */
  binding: list(text(500), 1000).default([]),
  /** Why each dropped or changed communication was, by communication id ("€0.40 back per € spent; hit the e-mail cap"). */
  reasons: z.record(id(), text(500)).default({}),
});

/**
 * The roadmap's own plan seen as the first scenario: its name in scenario
 * pickers and comparisons, and the communications it leaves out (those added
 * while another scenario was being edited).
 */
export const BaseScenarioSchema = z.object({
  name: name(),
  notes: text(),
  excludedCommunicationIds: list(id(), LIMITS.communications).default([]),
  /**
   * Set when an optimised scenario is made the base (`scenarioAsBase`, for an export made
   * while it is shown), so the report still has how it was made.
   */
  optimisation: OptimisationRecordSchema.nullable().default(null),
});

/**
 * A variant of the plan ("As-is", "Lean"): the roadmap's phases, transitions
 * and communications, minus the communications it leaves out, with its own
 * values where it sets them. Structure (phases, segments, owners, channels)
 * is shared by every scenario. `resolveScenario` gives the roadmap it plans.
 */
export const ScenarioSchema = z.object({
  id: id().refine((value) => value !== BASE_SCENARIO_ID, {
    error: `must not be "${BASE_SCENARIO_ID}", the id of the roadmap's own plan`,
  }),
  name: name(),
  notes: text(),
  excludedCommunicationIds: list(id(), LIMITS.communications).default([]),
  /** By communication id. */
  communications: z.record(id(), CommunicationOverrideSchema).default({}),
  /** By transition id. */
  transitions: z.record(id(), TransitionOverrideSchema).default({}),
  /** By phase id. */
  phases: z.record(id(), PhaseOverrideSchema).default({}),
  /** Set on a scenario the optimiser wrote: how it was made. */
  optimisation: OptimisationRecordSchema.nullable().default(null),
});

export const RoadmapObjectSchema = z.object({
  type: z.literal(ROADMAP_FILE_TYPE, { error: `must be "${ROADMAP_FILE_TYPE}"` }),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION, { error: `must be ${CURRENT_SCHEMA_VERSION}` }),
  id: id(),
  name: name(),
  client: text(200),
  preparedBy: text(200),
  /** ISO 4217 code; money in the roadmap is in this currency. */
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code like "EUR"' }),
  startMonth: yearMonth(),
  horizonMonths: wholeNumber(1, 600),
  /** Yearly rate used to discount future margin in lifetime-value figures. */
  annualDiscountRate: fraction().default(0.1),
  /** Communications a customer may get in one month before it counts as a collision. */
  contactCap: wholeNumber(1, 100).default(4),
  notes: text(50_000),
  createdAt: isoTimestamp(),
  updatedAt: isoTimestamp(),
  stages: list(LifecycleStageSchema, LIMITS.stages).min(1, { error: "must have at least one lifecycle stage" }),
  phases: list(PhaseSchema, LIMITS.phases).default([]),
  transitions: list(TransitionSchema, LIMITS.transitions).default([]),
  segments: list(SegmentSchema, LIMITS.segments).min(1, { error: "must have at least one segment" }),
  owners: list(OwnerSchema, LIMITS.owners).default([]),
  channels: list(ChannelSchema, LIMITS.channels).default([]),
  roles: list(RoleSchema, LIMITS.roles).default([]),
  communications: list(CommunicationSchema, LIMITS.communications).default([]),
  stickyNotes: list(StickyNoteSchema, LIMITS.stickyNotes).default([]),
  presentation: PresentationSchema.default({ walkOrder: [] }),
  captureDefaults: CaptureDefaultsSchema.default({ ownerId: null, channelId: null, audience: null }),
  survey: SurveySchema.default({ scale: "1-5", dimensions: [], items: [], minimumRespondents: 5, waves: [] }),
  /** The mapping steps of the last survey and inventory imports, remembered for the next file. */
  importMappings: ImportMappingsSchema.default({
    survey: { columns: [], values: [] },
    inventory: { columns: [], values: [] },
  }),
  baseScenario: BaseScenarioSchema.default({
    name: "Plan",
    notes: "",
    excludedCommunicationIds: [],
    optimisation: null,
  }),
  /** Variants of the plan besides the base; empty for a roadmap with one plan. */
  scenarios: list(ScenarioSchema, LIMITS.scenarios).default([]),
  optimiser: OptimiserSettingsSchema.default(defaultOptimiserSettings()),
});

/** A roadmap document: the whole of one client engagement, as saved in a `.roadmap` file. */
export const RoadmapSchema = RoadmapObjectSchema.superRefine(checkPlanSize).superRefine(checkReferences);

/**
 * The plan keeps every phase's and transition's figures for every segment and
 * month, and the exports write every communication's sends month by month:
 * collections each within their own limit could still multiply into more than
 * a laptop holds, so their products have limits of their own.
 */
function checkPlanSize(doc: z.output<typeof RoadmapObjectSchema>, ctx: z.RefinementCtx): void {
  const months = doc.horizonMonths;
  const cells = doc.segments.length * months * (doc.phases.length + doc.transitions.length);
  if (cells > LIMITS.planCells) {
    ctx.addIssue({
      code: "custom",
      path: ["horizonMonths"],
      message: `makes the plan too large: ${doc.segments.length} segments × ${months} months × ${formatLimit(doc.phases.length + doc.transitions.length)} phases and transitions is ${formatLimit(cells)} figures, more than the ${formatLimit(LIMITS.planCells)} a roadmap may have; shorten the horizon or use fewer segments`,
    });
  }
  const sends = doc.communications.length * months;
  if (sends > LIMITS.communicationMonths) {
    ctx.addIssue({
      code: "custom",
      path: ["horizonMonths"],
      message: `makes the plan too large: ${formatLimit(doc.communications.length)} communications × ${months} months is ${formatLimit(sends)}, more than the ${formatLimit(LIMITS.communicationMonths)} a roadmap may have; shorten the horizon or split the roadmap`,
    });
  }
}

export type Roadmap = z.infer<typeof RoadmapSchema>;
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;
export type StageKind = (typeof STAGE_KINDS)[number];
export type Phase = z.infer<typeof PhaseSchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type Transition = z.infer<typeof TransitionSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type SegmentStrategy = z.infer<typeof SegmentStrategySchema>;
export type Owner = z.infer<typeof OwnerSchema>;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export type Channel = z.infer<typeof ChannelSchema>;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type Role = z.infer<typeof RoleSchema>;
export type Communication = z.infer<typeof CommunicationSchema>;
export type Timing = z.infer<typeof TimingSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type StickyNote = z.infer<typeof StickyNoteSchema>;
export type NoteAnchor = z.infer<typeof NoteAnchorSchema>;
export type NoteStatus = (typeof NOTE_STATUSES)[number];
export type Presentation = z.infer<typeof PresentationSchema>;
export type CaptureDefaults = z.infer<typeof CaptureDefaultsSchema>;
export type Purpose = (typeof PURPOSES)[number];
export type SurveyScale = (typeof SURVEY_SCALES)[number];
export type SurveyDimension = z.infer<typeof SurveyDimensionSchema>;
export type SurveyItem = z.infer<typeof SurveyItemSchema>;
export type SurveyRespondent = z.infer<typeof SurveyRespondentSchema>;
export type SurveyWave = z.infer<typeof SurveyWaveSchema>;
export type Survey = z.infer<typeof SurveySchema>;
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;
export type ValueMapping = z.infer<typeof ValueMappingSchema>;
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type ImportMappings = z.infer<typeof ImportMappingsSchema>;
export type CommunicationOverride = z.infer<typeof CommunicationOverrideSchema>;
export type TransitionOverride = z.infer<typeof TransitionOverrideSchema>;
export type PhaseOverride = z.infer<typeof PhaseOverrideSchema>;
export type BaseScenario = z.infer<typeof BaseScenarioSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type PersonalisationOption = z.infer<typeof PersonalisationOptionSchema>;
export type CommunicationOptions = z.infer<typeof CommunicationOptionsSchema>;
export type PurposeCoverage = z.infer<typeof PurposeCoverageSchema>;
export type ExclusiveGroup = z.infer<typeof ExclusiveGroupSchema>;
export type YearBudget = z.infer<typeof YearBudgetSchema>;
export type OwnerBudget = z.infer<typeof OwnerBudgetSchema>;
export type OptimiserSettings = z.infer<typeof OptimiserSettingsSchema>;
export type PersonalisationLevel = (typeof PERSONALISATION_LEVELS)[number];
export type OptimisationObjective = (typeof OPTIMISATION_OBJECTIVES)[number];
export type CommunicationLock = (typeof COMMUNICATION_LOCKS)[number];
export type OptimisationStatus = (typeof OPTIMISATION_STATUSES)[number];
export type FrontierPoint = z.infer<typeof FrontierPointSchema>;
export type MarginalValue = z.infer<typeof MarginalValueSchema>;
export type OptimisationRecord = z.infer<typeof OptimisationRecordSchema>;
