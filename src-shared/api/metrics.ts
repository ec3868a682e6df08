import { z } from 'zod'
import { defineChannel } from './define'
import { isoDate } from './limits'
import { periodUnits } from '../domain/periods'

export const metricsSeriesMetrics = ['nps'] as const

export const scoreValueSchema = z.object({
  value: z.number().nullable(),
  n: z.number().int(),
  moe95: z.number().nullable(),
  /** True when n is below the reliable minimum: show it, but not as a solid point. */
  lowSample: z.boolean(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
})
export type ScoreValue = z.infer<typeof scoreValueSchema>

export const seriesRowSchema = scoreValueSchema.extend({
  period: z.string(),
  periodStart: z.string(),
  group: z.string().nullable(),
})
export type SeriesRow = z.infer<typeof seriesRowSchema>

export const metricsSeriesSchema = z.object({
  metric: z.enum(metricsSeriesMetrics),
  by: z.enum(periodUnits),
  timezone: z.string(),
  rows: z.array(seriesRowSchema),
  overall: scoreValueSchema,
})
export type MetricsSeries = z.infer<typeof metricsSeriesSchema>

export const metricsChannels = {
  'metrics.series': defineChannel(
    z.strictObject({
      metric: z.enum(metricsSeriesMetrics),
      by: z.enum(periodUnits),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    metricsSeriesSchema,
  ),
}
