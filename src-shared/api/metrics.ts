import { z } from 'zod'
import { defineChannel } from './define'
import { periodUnits } from '../domain/periods'
import { metricKinds } from '../domain/scores'
import { dimensions, feedbackFilterSchema } from './filters'

export const seriesMetrics = metricKinds

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
  scale: z.object({ min: z.number(), max: z.number(), direction: z.enum(['higher_better', 'lower_better']) }).nullable(),
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
})
export type MetricsSeries = z.infer<typeof metricsSeriesSchema>

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
}
