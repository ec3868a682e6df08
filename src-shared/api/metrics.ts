import { z } from 'zod'
import { defineChannel } from './define'
import { id, isoDate, shortText } from './limits'
import { periodUnits } from '../domain/periods'
import { metricKinds } from '../domain/scores'
import { dimensions, feedbackFilterSchema } from './filters'

export const seriesMetrics = metricKinds

const scaleSchema = z.object({ min: z.number(), max: z.number(), direction: z.enum(['higher_better', 'lower_better']) })

/**
 * One figure with its uncertainty. `value` is NPS (−100…+100) for NPS, % satisfied for CSAT, and the
 * mean on the question's scale for CES (see `scale` for its direction). good / neutral / poor are
 * promoters / passives / detractors for NPS.
 */
export const figureSchema = z.object({
  value: z.number().nullable(),
  n: z.number().int(),
  moe95: z.number().nullable(),
  /** True when n is below the reliable minimum: show it, but not as a solid point. */
  lowSample: z.boolean(),
  good: z.number().int(),
  neutral: z.number().int(),
  poor: z.number().int(),
  /** % of answers in the good band (satisfied, agree); null for no answers. */
  goodShare: z.number().nullable(),
  /** Mean score; null when answers on different scales would have to be mixed. */
  mean: z.number().nullable(),
  /** The scale every answer was on, or null when they were on different scales. */
  scale: scaleSchema.nullable(),
  distribution: z.array(z.object({ score: z.number(), n: z.number().int() })),
})
export type Figure = z.infer<typeof figureSchema>

export const seriesRowSchema = figureSchema.extend({
  /** Null when the series is not cut by time. */
  period: z.string().nullable(),
  periodStart: z.string().nullable(),
  /** The dimension value, or null when the series is not broken down. */
  group: z.string().nullable(),
})
export type SeriesRow = z.infer<typeof seriesRowSchema>

export const metricsSeriesSchema = z.object({
  metric: z.enum(seriesMetrics),
  by: z.enum(periodUnits).nullable(),
  dim: z.enum(dimensions).nullable(),
  timezone: z.string(),
  rows: z.array(seriesRowSchema),
  overall: figureSchema,
  /** Where the counts came from: the summaries (rollups) or, for filters they do not hold, the responses. */
  source: z.enum(['rollups', 'raw']).optional(),
})
export type MetricsSeries = z.infer<typeof metricsSeriesSchema>

/** Every figure the dashboard shows: the three scores, and the follow-up, customer and survey figures. */
export const dashboardMetrics = ['nps', 'csat', 'ces', 'ttr', 'churn', 'retention', 'responseRate'] as const
export type DashboardMetric = (typeof dashboardMetrics)[number]

export const comparisons = ['previous', 'lastYear', 'none'] as const
export type Comparison = (typeof comparisons)[number]

/** A 95% confidence interval [low, high]. */
export const intervalSchema = z.tuple([z.number(), z.number()])

/** A difference between two figures and whether it exceeds their combined 95% margin of error (METRICS.md). */
export const changeSchema = z.object({
  delta: z.number(),
  /** 1.96 · √(Var₁ + Var₂); null when either side has no margin of error (a median: its interval is in the tile's extra). */
  moe95: z.number().nullable(),
  /**
   * Whether the difference exceeds the combined margin (a median: whether the two 95% intervals do
   * not overlap). Null when it cannot be said: too few responses, or a side without a margin, or with
   * a margin (an interval) of zero.
   */
  significant: z.boolean().nullable(),
  reason: z.enum(['lowSample', 'noMargin']).nullable(),
  /** For a median (TTR), the two 95% intervals the verdict compares; absent for figures with a margin of error. */
  intervals: z.object({ current: intervalSchema.nullable(), previous: intervalSchema.nullable() }).optional(),
})
export type Change = z.infer<typeof changeSchema>

export const periodRangeSchema = z.object({ key: z.string(), from: isoDate, to: isoDate })
export type PeriodRange = z.infer<typeof periodRangeSchema>

/** A headline figure of the dashboard, in the period and in the comparison period. */
export const tileSchema = z.object({
  metric: z.enum(dashboardMetrics),
  value: z.number().nullable(),
  n: z.number().int(),
  moe95: z.number().nullable(),
  lowSample: z.boolean(),
  previous: z.object({ value: z.number().nullable(), n: z.number().int(), moe95: z.number().nullable() }).nullable(),
  change: changeSchema.nullable(),
  /**
   * TTR: 90th percentile in hours (p90Hours), counts still open and needed, and the 95% intervals of
   * the median and the 90th percentile (medianLow, medianHigh, p90Low, p90High); churn: lost and at
   * start; retention: retained and at start; response rate: sent and responses.
   */
  extra: z.record(z.string(), z.number().nullable()).optional(),
  /** Why there is no value: no data in the period, no sends entered, no lifecycle dates, scales that cannot be mixed. */
  missing: z.enum(['noData', 'noSends', 'noLifecycle', 'mixedScales']).nullable(),
})
export type Tile = z.infer<typeof tileSchema>

export const ttrRowSchema = z.object({
  period: z.string().nullable(),
  periodStart: z.string().nullable(),
  /** The dimension value, or null when not broken down. */
  group: z.string().nullable(),
  /** Items that needed a follow-up (a poor score, or taken up) in the period. */
  needed: z.number().int(),
  resolved: z.number().int(),
  stillOpen: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  /**
   * 95% confidence intervals of the median and the 90th percentile, in hours, from the order
   * statistics (binomial method): null when too few items are resolved for one (6 for the median,
   * 36 for the 90th percentile).
   */
  medianLow: z.number().nullable(),
  medianHigh: z.number().nullable(),
  p90Low: z.number().nullable(),
  p90High: z.number().nullable(),
  lowSample: z.boolean(),
})
export type TtrRow = z.infer<typeof ttrRowSchema>

export const lifecycleRowSchema = z.object({
  period: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** The segment or location, when broken down by one. */
  group: z.string().nullable(),
  /** The cohort S: customers active at the period's start (joined before it, not gone before it). */
  atStart: z.number().int(),
  /** Members of the cohort who left during the period (customers who joined during it are not members). */
  lost: z.number().int(),
  /** Customers who joined during the period. */
  gained: z.number().int(),
  /** Customers active at the period's end: at start + gained − lost − lostNew. */
  atEnd: z.number().int(),
  /** Members of the cohort still active at the end: at start − lost. */
  retained: z.number().int(),
  /** Customers who joined during the period and left during it too (not churn: they were not in the cohort). */
  lostNew: z.number().int(),
  /** Lost ÷ at start × 100: always 0–100. */
  churnRate: z.number().nullable(),
  /** Standard retention: retained ÷ at start × 100 = (at end − new customers still active) ÷ at start × 100 = 100 − churn. */
  retentionRate: z.number().nullable(),
  /** Seed 001's simpler end ÷ start × 100, which counts new customers as retained. */
  endOverStart: z.number().nullable(),
  /** 95% margin of error of churn (and of retention): 1.96 · √(p(1 − p) / S) · 100; null when S is 0. */
  moe95: z.number().nullable(),
  lowSample: z.boolean(),
})
export type LifecycleRow = z.infer<typeof lifecycleRowSchema>

export const responseRateRowSchema = z.object({
  period: z.string().nullable(),
  periodStart: z.string().nullable(),
  sent: z.number().int(),
  responses: z.number().int(),
  rate: z.number().nullable(),
  moe95: z.number().nullable(),
  /** Sends that straddle this period's edges cannot be split between periods; they are left out, and counted here. */
  straddling: z.number().int(),
})
export type ResponseRateRow = z.infer<typeof responseRateRowSchema>

export const driverDims = ['touchpoint', 'channel', 'tag'] as const
export const driverSchema = z.object({
  dim: z.enum(driverDims),
  group: z.string(),
  n: z.number().int(),
  value: z.number().nullable(),
  /** The score of every other response (for a tag: every response without it). */
  rest: z.number().nullable(),
  /** How much the overall score would change if this group scored like the rest: n/N · (rest − value), in score points, oriented so positive means "pulls the score down". */
  impact: z.number().nullable(),
  /** 95% margin of error of the impact: n/N · √(moe_group² + moe_rest²). */
  impactMoe95: z.number().nullable(),
  /**
   * True when the group's gap to the rest is within the combined margin of error (noise), false when
   * it exceeds it; null when it cannot be said (fewer than 30 answers on a side, or a margin of 0).
   */
  withinNoise: z.boolean().nullable(),
  lowSample: z.boolean(),
})
export type Driver = z.infer<typeof driverSchema>

export const businessHoursSchema = z.strictObject({
  enabled: z.boolean(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).max(7),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'),
  end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected HH:MM'),
})
export type BusinessHours = z.infer<typeof businessHoursSchema>

export const questionDefinitionSchema = z.object({
  id,
  key: z.string(),
  metric: z.enum(metricKinds),
  label: z.string(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  direction: z.enum(['higher_better', 'lower_better']),
  goodThreshold: z.number().int(),
  poorThreshold: z.number().int(),
  /** How many responses it has, and the lowest and highest score given (a new scale must hold them). */
  answered: z.number().int(),
  answeredMin: z.number().nullable(),
  answeredMax: z.number().nullable(),
})
export type QuestionDefinition = z.infer<typeof questionDefinitionSchema>

export const questionDefinitionUpdateSchema = z.strictObject({
  id,
  label: shortText.min(1).optional(),
  scaleMin: z.number().int().min(-100).max(100),
  scaleMax: z.number().int().min(-100).max(100),
  direction: z.enum(['higher_better', 'lower_better']),
  goodThreshold: z.number().int().min(-100).max(100),
  poorThreshold: z.number().int().min(-100).max(100),
})
export type QuestionDefinitionUpdate = z.infer<typeof questionDefinitionUpdateSchema>

export const definitionsSchema = z.object({
  timezone: z.string(),
  questions: z.array(questionDefinitionSchema),
  businessHours: businessHoursSchema,
})
export type Definitions = z.infer<typeof definitionsSchema>

/** The definitions without the counts of answers given on each question (a report's appendix). */
export const definitionsOnlySchema = definitionsSchema.extend({ questions: z.array(questionDefinitionSchema.omit({ answered: true, answeredMin: true, answeredMax: true })) })
export type DefinitionsOnly = z.infer<typeof definitionsOnlySchema>

export const surveySendSchema = z.object({
  id: z.number().int(),
  from: isoDate,
  to: isoDate,
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  questionId: z.number().int().nullable(),
  sent: z.number().int(),
  /** Scored responses in the same days, channel, touchpoint and survey. */
  responses: z.number().int(),
  rate: z.number().nullable(),
})
export type SurveySend = z.infer<typeof surveySendSchema>

/** Summary maintenance: what is running, how far along, and what is waiting to be folded. */
export const rollupPhases = ['fold', 'dates', 'bands', 'summaries'] as const
export type RollupPhase = (typeof rollupPhases)[number]
export const rollupProgressSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  kind: z.enum(['fold', 'rebuild']),
  phase: z.enum(rollupPhases),
  done: z.number(),
  total: z.number(),
  message: z.string().optional(),
})
export type RollupProgress = z.infer<typeof rollupProgressSchema>

const dashboardRequest = {
  by: z.enum(periodUnits).default('month'),
  compare: z.enum(comparisons).default('previous'),
  filter: feedbackFilterSchema.optional(),
}

export const metricsChannels = {
  /**
   * A score per period and/or per dimension value, over the responses a filter selects. Without
   * `by` the rows are not cut by time; without `dim` they are not broken down.
   */
  'metrics.series': defineChannel(
    z.strictObject({
      metric: z.enum(seriesMetrics),
      by: z.enum(periodUnits).optional(),
      dim: z.enum(dimensions).optional(),
      filter: feedbackFilterSchema.optional(),
    }),
    metricsSeriesSchema,
  ),
  /**
   * The headline figures for the period holding the end of the filter's range (default: today in the
   * workspace's zone), each against the previous period or the same period a year earlier. A period
   * still running is cut at today and compared with the same days of the other period.
   */
  'metrics.tiles': defineChannel(
    z.strictObject(dashboardRequest),
    z.object({
      timezone: z.string(),
      by: z.enum(periodUnits),
      current: periodRangeSchema,
      comparison: periodRangeSchema.nullable(),
      /** The current period is still running: it is cut at today, and the comparison to the same days of its period ("so far"). */
      partial: z.boolean(),
      tiles: z.array(tileSchema),
    }),
  ),
  /** The first and last days holding a response (null: no responses), so views can open where the data is. */
  'metrics.dataSpan': defineChannel(z.strictObject({}), z.object({ span: z.object({ first: isoDate, last: isoDate }).nullable(), today: isoDate })),
  /** Time to resolution of the feedback that needed a follow-up, per period of its arrival. */
  'metrics.ttr': defineChannel(
    z.strictObject({ by: z.enum(periodUnits).optional(), dim: z.enum(dimensions).optional(), filter: feedbackFilterSchema.optional() }),
    z.object({ by: z.enum(periodUnits).nullable(), dim: z.enum(dimensions).nullable(), businessHours: z.boolean(), rows: z.array(ttrRowSchema), overall: ttrRowSchema }),
  ),
  /** Churn and retention from the customers' lifecycle dates, per period (without `by`: the whole range as one), optionally per segment or location. */
  'metrics.lifecycle': defineChannel(
    z.strictObject({ by: z.enum(periodUnits).optional(), dim: z.enum(['segment', 'location']).optional(), filter: feedbackFilterSchema.optional() }),
    z.object({ by: z.enum(periodUnits).nullable(), dim: z.enum(['segment', 'location']).nullable(), rows: z.array(lifecycleRowSchema), withoutDates: z.number().int(), ignoredFilters: z.array(z.string()) }),
  ),
  /** Responses ÷ surveys sent, per period, where the number sent has been entered. */
  'metrics.responseRate': defineChannel(
    z.strictObject({ by: z.enum(periodUnits).default('month'), filter: feedbackFilterSchema.optional() }),
    z.object({ by: z.enum(periodUnits), rows: z.array(responseRateRowSchema), overall: responseRateRowSchema, ignoredFilters: z.array(z.string()) }),
  ),
  /** Two groups (two filters) side by side, and whether their difference is significant. */
  'metrics.compare': defineChannel(
    z.strictObject({ metric: z.enum(seriesMetrics), a: feedbackFilterSchema, b: feedbackFilterSchema }),
    z.object({ metric: z.enum(seriesMetrics), a: figureSchema, b: figureSchema, change: changeSchema.nullable() }),
  ),
  /** What pulls a score down most: each touchpoint, channel and theme's effect on the overall score. */
  'metrics.drivers': defineChannel(
    z.strictObject({ metric: z.enum(seriesMetrics), filter: feedbackFilterSchema.optional(), limit: z.number().int().min(1).max(100).default(10) }),
    z.object({ metric: z.enum(seriesMetrics), overall: figureSchema, drivers: z.array(driverSchema) }),
  ),
  /** The values each dimension takes in the summaries, most frequent first, for filter pickers. */
  'metrics.facets': defineChannel(
    z.strictObject({}),
    z.object({ values: z.record(z.string(), z.array(z.object({ value: z.string(), n: z.number().int() }))) }),
  ),
  'metrics.definitions': defineChannel(z.strictObject({}), definitionsSchema),
  /** Changes score definitions; bands and summaries are recomputed in one transaction (progress: metrics.rollups). */
  'metrics.setDefinitions': defineChannel(
    z.strictObject({ questions: z.array(questionDefinitionUpdateSchema).max(50).optional(), businessHours: businessHoursSchema.optional() }),
    definitionsSchema,
  ),
  'metrics.sends': defineChannel(z.strictObject({}), z.object({ sends: z.array(surveySendSchema) })),
  'metrics.saveSend': defineChannel(
    z.strictObject({
      id: id.optional(),
      from: isoDate,
      to: isoDate,
      channel: shortText.min(1).nullable().default(null),
      touchpoint: shortText.min(1).nullable().default(null),
      questionId: id.nullable().default(null),
      sent: z.number().int().min(1).max(100_000_000),
    }),
    surveySendSchema,
  ),
  'metrics.deleteSend': defineChannel(z.strictObject({ id }), z.null()),
  /** What the summaries are doing: journal rows waiting, and the maintenance running, if any. */
  'metrics.rollupStatus': defineChannel(z.strictObject({}), z.object({ pending: z.number().int(), running: rollupProgressSchema.nullable() })),
  'metrics.cancelRollups': defineChannel(z.strictObject({}), z.null()),
}
