import { z } from 'zod'
import { defineChannel } from './define'
import { id } from './limits'
import { metricKinds, followUpStatuses } from '../domain/scores'

export const feedbackItemSchema = z.object({
  id: z.number().int(),
  submittedAt: z.number(),
  localDate: z.string(),
  metric: z.enum(metricKinds).nullable(),
  score: z.number().nullable(),
  scaleMin: z.number().nullable(),
  scaleMax: z.number().nullable(),
  comment: z.string().nullable(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  stage: z.string().nullable(),
  location: z.string().nullable(),
  language: z.string().nullable(),
  status: z.enum(followUpStatuses),
  customerName: z.string().nullable(),
  customerRef: z.string().nullable(),
})
export type FeedbackItem = z.infer<typeof feedbackItemSchema>

/** Keyset cursor: the last item of the previous page (newest first), so pages never scan with OFFSET. */
export const feedbackCursorSchema = z.strictObject({ submittedAt: z.number().int(), id })
export type FeedbackCursor = z.infer<typeof feedbackCursorSchema>

export const feedbackChannels = {
  'feedback.list': defineChannel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(50), cursor: feedbackCursorSchema.optional() }),
    z.object({ items: z.array(feedbackItemSchema), nextCursor: z.object({ submittedAt: z.number(), id: z.number() }).nullable() }),
  ),
}
