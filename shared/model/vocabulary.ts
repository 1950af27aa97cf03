/**
 * The words of the file format: the values each enumerated field may take.
 * Kept apart from the zod schema that validates them, so that code needing
 * only the words (the plan engine in its worker) does not load zod and the
 * schema with them. `schema.ts` re-exports them all.
 */

export const STAGE_KINDS = ["acquire", "onboard", "develop", "retain", "atRisk", "winBack", "custom"] as const;

export const OWNER_KINDS = ["productManagement", "marketing", "sales", "service", "partnerChannel"] as const;

export const PARTNER_TYPES = ["dealer", "broker", "agent", "franchise", "reseller", "other"] as const;

export const CHANNEL_KINDS = [
  "email",
  "directMail",
  "phone",
  "fieldSales",
  "event",
  "newsletter",
  "webInApp",
  "sms",
  "social",
  "survey",
  "other",
] as const;

export const PURPOSES = [
  "welcome",
  "education",
  "crossSell",
  "upSell",
  "retention",
  "loyalty",
  "survey",
  "service",
  "winBack",
  "newsletter",
] as const;

export const PERSONALISATION_LEVELS = ["mass", "segment", "oneToOne"] as const;

export const COMMUNICATION_STATUSES = ["existing", "proposed", "retired"] as const;

/**
 * What the optimiser maximises: expected value minus cost, both discounted
 * with the roadmap's rate ("net"), or expected value within the budget ("value").
 */
export const OPTIMISATION_OBJECTIVES = ["net", "value"] as const;

/** Whether the optimiser may drop a communication ("free"), must keep it ("in") or must leave it out ("out"). */
export const COMMUNICATION_LOCKS = ["free", "in", "out"] as const;

/** How an optimisation the user kept as a scenario ended: proven best (within the gap asked for), or stopped early. */
export const OPTIMISATION_STATUSES = ["optimal", "timeLimit", "stopped"] as const;

export const NOTE_STATUSES = ["open", "resolved"] as const;

/** The answer scales a questionnaire's agreement items may use: the lowest and highest answer. */
export const SURVEY_SCALES = ["1-5", "1-7", "0-10"] as const;

/** The lowest and highest answer of each scale a questionnaire may use. */
export const SCALE_RANGE: Record<(typeof SURVEY_SCALES)[number], { min: number; max: number }> = {
  "1-5": { min: 1, max: 5 },
  "1-7": { min: 1, max: 7 },
  "0-10": { min: 0, max: 10 },
};
