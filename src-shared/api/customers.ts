import { z } from 'zod'
import { defineChannel } from './define'
import { id, isoDate, mediumText, shortText } from './limits'
import { customerSchema } from './feedback'

/** Where a customer's last score fell: poor (needs follow-up), neutral, good; none without a score. */
export const scoreBands = ['poor', 'neutral', 'good', 'none'] as const
export type ScoreBand = (typeof scoreBands)[number]
export const riskLevels = ['high', 'medium', 'low', 'none'] as const
export type RiskLevel = (typeof riskLevels)[number]
/** Time since the customer's last response (their last survey contact). */
export const lastContactRanges = ['30d', '90d', '365d', 'older', 'never'] as const
export type LastContactRange = (typeof lastContactRanges)[number]
export const lifecycleStates = ['active', 'churned', 'unknown'] as const
/** Consent filter: feedback surveys given / withdrawn / not known (a kiosk tick counts as given), marketing given. */
export const consentFilters = ['feedbackGiven', 'feedbackWithdrawn', 'feedbackUnknown', 'marketingGiven'] as const

export const customerFilterSchema = z.strictObject({
  search: shortText.optional(),
  segment: shortText.optional(),
  location: shortText.optional(),
  risk: z.enum(riskLevels).optional(),
  band: z.enum(scoreBands).optional(),
  lastContact: z.enum(lastContactRanges).optional(),
  lifecycle: z.enum(lifecycleStates).optional(),
  consent: z.enum(consentFilters).optional(),
})
export type CustomerFilter = z.infer<typeof customerFilterSchema>

/** Keyset cursor: the sort key (name, '' when none) and id of the previous page's last row. */
export const customerCursorSchema = z.strictObject({ name: shortText, id })
export type CustomerCursor = z.infer<typeof customerCursorSchema>

export const customerRowSchema = customerSchema.extend({
  lastAt: z.number().nullable(),
  lastBand: z.enum(scoreBands),
  lastScore: z.number().nullable(),
  /** The question kind of that last score (nps, csat, ces). */
  lastMetric: z.string().nullable(),
  risk: z.enum(riskLevels),
})
export type CustomerRow = z.infer<typeof customerRowSchema>

/** One reason a customer is at risk, in parts the renderer puts into words in the user's language. */
export const riskReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lastPoor'), at: z.number(), score: z.number(), metric: z.string() }),
  z.object({ kind: z.literal('lastNeutral'), at: z.number(), score: z.number(), metric: z.string() }),
  z.object({ kind: z.literal('falling'), from: z.number(), to: z.number(), metric: z.string() }),
  z.object({ kind: z.literal('openFollowUp'), days: z.number().int(), count: z.number().int() }),
  z.object({ kind: z.literal('silence'), days: z.number().int() }),
])
export type RiskReason = z.infer<typeof riskReasonSchema>

export const timelineItemSchema = z.object({
  id: z.number().int(),
  submittedAt: z.number(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  metric: z.string().nullable(),
  score: z.number().nullable(),
  scaleMin: z.number().nullable(),
  scaleMax: z.number().nullable(),
  band: z.enum(scoreBands),
  comment: z.string().nullable(),
  status: z.string(),
  owner: z.string().nullable(),
  resolvedAt: z.number().nullable(),
})
export type TimelineItem = z.infer<typeof timelineItemSchema>

export const customerNoteSchema = z.object({ id: z.number().int(), author: z.string().nullable(), body: z.string(), createdAt: z.number(), kind: z.enum(['note', 'winback']) })
export type CustomerNote = z.infer<typeof customerNoteSchema>

/** The details a person may have corrected (their right to rectification); each change is logged. */
export const rectifiableFields = ['name', 'email', 'phone', 'ref', 'segment', 'location', 'customerSince', 'churnedAt'] as const
export type RectifiableField = (typeof rectifiableFields)[number]
/** One logged change of a customer's details: the field, its value before and after, when, who and why. */
export const rectificationSchema = z.object({
  id: z.number().int(),
  field: z.enum(rectifiableFields),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.string().nullable(),
  changedAt: z.number(),
})
export type Rectification = z.infer<typeof rectificationSchema>

export const customerProfileSchema = z.object({
  customer: customerRowSchema,
  reasons: z.array(riskReasonSchema),
  /** Every response, newest first (at most 500; `more` says when there were more). */
  timeline: z.array(timelineItemSchema),
  more: z.boolean(),
  notes: z.array(customerNoteSchema),
  /** Other customers sharing this one's e-mail or phone: merge candidates. */
  duplicates: z.array(z.object({ id: z.number().int(), name: z.string().nullable(), reason: z.enum(['email', 'phone', 'name']) })),
  /** Every change made to their details by hand, newest first (the rectification log). */
  rectifications: z.array(rectificationSchema),
})
export type CustomerProfile = z.infer<typeof customerProfileSchema>

const optionalText = shortText.trim().nullable()
export const customerInputSchema = z.strictObject({
  ref: optionalText,
  name: optionalText,
  email: z.string().trim().max(200).regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an e-mail address').nullable(),
  phone: z.string().trim().max(40).regex(/^[+\d\s().-]*$/, 'expected a phone number').nullable(),
  segment: optionalText,
  location: optionalText,
  customerSince: isoDate.nullable(),
  churnedAt: isoDate.nullable(),
})
export type CustomerInput = z.infer<typeof customerInputSchema>

export const duplicateGroupSchema = z.object({
  reason: z.enum(['email', 'phone', 'name']),
  value: z.string(),
  customers: z.array(z.object({ id: z.number().int(), name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), responses: z.number().int() })),
})
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>

export const riskRulesSchema = z.strictObject({
  /** Points when the last score was poor / neutral. */
  lastPoor: z.number().min(0).max(10),
  lastNeutral: z.number().min(0).max(10),
  /** Points when the last score fell by at least `fallShare` of the scale below the ones before it. */
  falling: z.number().min(0).max(10),
  fallShare: z.number().min(0.05).max(1),
  /** Points when a follow-up is open for at least `openDays` days. */
  openFollowUp: z.number().min(0).max(10),
  openDays: z.number().int().min(0).max(365),
  /** Points when nothing was heard for at least `silenceDays` days. */
  silence: z.number().min(0).max(10),
  silenceDays: z.number().int().min(1).max(3650),
  /** A customer is at high risk from `highFrom` points, at medium risk from `mediumFrom`. */
  highFrom: z.number().min(0.5).max(40),
  mediumFrom: z.number().min(0.5).max(40),
})
export type RiskRules = z.infer<typeof riskRulesSchema>

const interval = z.object({ value: z.number(), low: z.number(), high: z.number() })
export const riskEvaluationSchema = z.object({
  /** The cutoff T: features as of this local date, label "churned within 90 days after it". */
  cutoff: z.string(),
  /** Customers active at T, and how many of them left within 90 days. */
  cohort: z.number().int(),
  churned: z.number().int(),
  /** Held-out customers (never seen by the fit), and the churned among them. */
  testN: z.number().int(),
  testChurned: z.number().int(),
  /** null when there is too little churn history to fit (fewer than 30 churned). */
  model: z.object({ auc: interval, lift: z.number().nullable() }).nullable(),
  rules: z.object({ auc: interval, lift: z.number().nullable() }).nullable(),
  /** Which ranks the list: the model only when its AUC's lower bound is above the rules' AUC. */
  rankedBy: z.enum(['model', 'rules']),
})
export type RiskEvaluation = z.infer<typeof riskEvaluationSchema>

export const atRiskItemSchema = z.object({
  customer: customerRowSchema,
  points: z.number(),
  /** The model's probability of leaving within 90 days, when a model was fitted. */
  probability: z.number().nullable(),
  reasons: z.array(riskReasonSchema),
})
export type AtRiskItem = z.infer<typeof atRiskItemSchema>

export const churnByBandSchema = z.object({
  cutoff: z.string(),
  rows: z.array(z.object({ band: z.enum(scoreBands), n: z.number().int(), churned: z.number().int(), rate: z.number().nullable(), moe95: z.number().nullable() })),
})
export type ChurnByBand = z.infer<typeof churnByBandSchema>

/** The whole risk pass (every response read, the model fitted) in a worker thread on a large workspace: its progress, cancellable. */
export const riskProgressSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Share done, 0–1. */
  share: z.number().min(0).max(1),
})
export type RiskProgress = z.infer<typeof riskProgressSchema>

export const customersChannels = {
  /** A keyset page of customers by name, with their last score, last contact and risk. */
  'customers.list': defineChannel(
    z.strictObject({ filter: customerFilterSchema.default({}), limit: z.number().int().min(1).max(500).default(100), cursor: customerCursorSchema.optional() }),
    z.object({ items: z.array(customerRowSchema), nextCursor: customerCursorSchema.nullable() }),
  ),
  'customers.count': defineChannel(z.strictObject({ filter: customerFilterSchema.default({}) }), z.object({ total: z.number().int() })),
  /** The values the list's segment and location filters offer. */
  'customers.facets': defineChannel(z.strictObject({}), z.object({ segments: z.array(z.string()), locations: z.array(z.string()) })),
  'customers.get': defineChannel(z.strictObject({ id }), customerProfileSchema),
  /** Adds a customer (no id) or changes one; says which customers share the e-mail or phone. */
  'customers.save': defineChannel(
    /** `reason`: why the details were changed (optional), kept in the rectification log with each changed field. */
    z.strictObject({ id: id.optional(), customer: customerInputSchema, reason: shortText.trim().optional() }),
    z.object({ customer: customerSchema, duplicates: z.array(z.object({ id: z.number().int(), name: z.string().nullable(), reason: z.enum(['email', 'phone', 'name']) })) }),
  ),
  'customers.addNote': defineChannel(z.strictObject({ customerId: id, body: mediumText.trim().min(1), kind: z.enum(['note', 'winback']).default('note') }), customerNoteSchema),
  /** Groups of likely duplicates: same e-mail or phone (merge suggested), same name (only shown). */
  'customers.duplicates': defineChannel(z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }), z.array(duplicateGroupSchema)),
  /** Merges `mergeId` into `keepId`: responses and notes move, facts the kept one lacks are filled in; undoable. */
  'customers.merge': defineChannel(z.strictObject({ keepId: id, mergeId: id }), z.object({ merge: z.number().int(), movedResponses: z.number().int() })),
  'customers.undoMerge': defineChannel(z.strictObject({ merge: id }), z.object({ restored: z.number().int() })),
  /** Active customers ranked by risk, with their reasons, and how well the ranking did on held-out customers. */
  'customers.atRisk': defineChannel(
    z.strictObject({ limit: z.number().int().min(1).max(5_000).default(200) }),
    z.object({ items: z.array(atRiskItemSchema), evaluation: riskEvaluationSchema, rules: riskRulesSchema }),
  ),
  'customers.riskRules': defineChannel(z.strictObject({}), riskRulesSchema),
  'customers.saveRiskRules': defineChannel(z.strictObject({ rules: riskRulesSchema }), riskRulesSchema),
  /** Churn within 90 days after a cutoff, by the band of the last score before it, with margins of error. */
  'customers.churnByBand': defineChannel(z.strictObject({}), churnByBandSchema),
  /** Whether the risk pass is running (in a worker, on a large workspace) and how far it is. */
  'customers.riskStatus': defineChannel(z.strictObject({}), z.object({ running: z.boolean(), share: z.number().nullable() })),
  /** Stops a running risk pass: the requests waiting for it answer CANCELLED, and the next request starts it again. */
  'customers.cancelRisk': defineChannel(z.strictObject({}), z.object({ cancelled: z.boolean() })),
}
