import { z } from 'zod'
import { defineChannel } from './define'
import { epochMs, id, isoDate, longText, mediumText, shortText } from './limits'
import { metricKinds, followUpStatuses, scoreBands } from '../domain/scores'
import { responseRecordSchema } from '../domain/response'
import { feedbackFilterSchema } from './filters'
import { followUpViews } from './followUps'

/** A response as the inbox shows it: the one definition's fields (domain/response.ts) with its question, band, tags and customer. */
export const feedbackItemSchema = responseRecordSchema
  .pick({
    submittedAt: true, localDate: true, score: true, sentiment: true, comment: true, channel: true, touchpoint: true,
    stage: true, location: true, language: true, status: true, owner: true, customerId: true,
  })
  .extend({
    id: z.number().int(),
    metric: z.enum(metricKinds).nullable(),
    scaleMin: z.number().nullable(),
    scaleMax: z.number().nullable(),
    /** good (promoter / satisfied), neutral, poor (detractor / unsatisfied): needs follow-up. */
    band: z.enum(scoreBands).nullable(),
    tags: z.array(z.string()),
    customerName: z.string().nullable(),
    customerRef: z.string().nullable(),
    customerEmail: z.string().nullable(),
    customerPhone: z.string().nullable(),
    /** A follow-up's due date by the workspace's rule, and until when it is snoozed (absent or null: none). */
    dueAt: z.number().nullable().optional(),
    snoozedUntil: z.number().nullable().optional(),
  })
export type FeedbackItem = z.infer<typeof feedbackItemSchema>

/** Keyset cursor: the last item of the previous page (newest first), so pages never scan with OFFSET. */
export const feedbackCursorSchema = z.strictObject({ submittedAt: z.number().int(), id })
export type FeedbackCursor = z.infer<typeof feedbackCursorSchema>

export const customerSchema = z.object({
  id: z.number().int(),
  ref: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  segment: z.string().nullable(),
  location: z.string().nullable(),
  customerSince: z.string().nullable(),
  churnedAt: z.string().nullable(),
  responses: z.number().int(),
})
export type Customer = z.infer<typeof customerSchema>

export const noteSchema = z.object({ id: z.number().int(), author: z.string().nullable(), body: z.string(), createdAt: z.number() })
export type Note = z.infer<typeof noteSchema>

export const feedbackEventSchema = z.object({
  kind: z.enum(['status', 'owner', 'tag', 'untag', 'note']),
  value: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.number(),
})
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>

export const feedbackDetailSchema = z.object({
  item: feedbackItemSchema,
  respondentEmail: z.string().nullable(),
  statusChangedAt: z.number().nullable(),
  statusChangedBy: z.string().nullable(),
  resolvedAt: z.number().nullable(),
  /** resolved_at − submitted_at, for resolved items (METRICS.md: TTR). */
  timeToResolutionMs: z.number().nullable(),
  questionLabel: z.string().nullable(),
  customer: customerSchema.nullable(),
  /** The customer's other responses, newest first (at most 50). */
  history: z.array(feedbackItemSchema),
  notes: z.array(noteSchema),
  events: z.array(feedbackEventSchema),
})
export type FeedbackDetail = z.infer<typeof feedbackDetailSchema>

const ids = z.array(id).min(1).max(10_000)
export const previousStateSchema = z.object({
  id: z.number().int(),
  status: z.enum(followUpStatuses),
  owner: z.string().nullable(),
  statusChangedAt: z.number().nullable(),
  statusChangedBy: z.string().nullable(),
  resolvedAt: z.number().nullable(),
})
export type PreviousState = z.infer<typeof previousStateSchema>

/** What feedback.restore takes back: a previous state, held to the same limits as feedback.update's own fields. */
export const restoreItemSchema = z.strictObject({
  id,
  status: z.enum(followUpStatuses),
  owner: shortText.nullable(),
  statusChangedAt: epochMs.nullable(),
  statusChangedBy: shortText.nullable(),
  resolvedAt: epochMs.nullable(),
})

export const facetsSchema = z.object({
  channel: z.array(z.string()),
  touchpoint: z.array(z.string()),
  stage: z.array(z.string()),
  location: z.array(z.string()),
  segment: z.array(z.string()),
  language: z.array(z.string()),
  owner: z.array(z.string()),
  tag: z.array(z.string()),
})
export type Facets = z.infer<typeof facetsSchema>

export const feedbackChannels = {
  /**
   * The inbox: responses matching a filter, newest first, keyset-paginated. `total` is the exact
   * number matching the filter (null when withTotal is false, as on later pages).
   */
  'feedback.list': defineChannel(
    z.strictObject({
      filter: feedbackFilterSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      cursor: feedbackCursorSchema.optional(),
      withTotal: z.boolean().default(true),
      /** One of the follow-up views (overdue, due soon, snoozed) on top of the filter. */
      followUp: z.enum(followUpViews).optional(),
    }),
    z.object({
      items: z.array(feedbackItemSchema),
      nextCursor: z.object({ submittedAt: z.number(), id: z.number() }).nullable(),
      total: z.number().int().nullable(),
    }),
  ),
  'feedback.get': defineChannel(z.strictObject({ id }), feedbackDetailSchema),
  /** Distinct values for the filter menus and owner suggestions. */
  'feedback.facets': defineChannel(z.strictObject({}), facetsSchema),
  /**
   * Status and / or owner of one or many items, recorded with who and when. Resolving records the
   * time to resolution. Returns the previous state so the change can be undone.
   */
  'feedback.update': defineChannel(
    z.strictObject({ ids, status: z.enum(followUpStatuses).optional(), owner: shortText.nullable().optional() }),
    z.object({ updated: z.number().int(), previous: z.array(previousStateSchema) }),
  ),
  /** Undo of feedback.update: puts each item back as it was. */
  'feedback.restore': defineChannel(z.strictObject({ items: z.array(restoreItemSchema).min(1).max(10_000) }), z.object({ updated: z.number().int() })),
  'feedback.addNote': defineChannel(z.strictObject({ id, body: mediumText.min(1) }), noteSchema),
  /** Manual entry: a phone call, a visit, a message. */
  'feedback.create': defineChannel(
    z.strictObject({
      date: isoDate,
      time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
      metric: z.enum(metricKinds).optional(),
      score: z.number().int().min(0).max(10).optional(),
      comment: longText.optional(),
      channel: shortText.optional(),
      touchpoint: shortText.optional(),
      stage: shortText.optional(),
      location: shortText.optional(),
      customerName: shortText.optional(),
      customerEmail: shortText.optional(),
      customerPhone: shortText.optional(),
    }),
    z.object({ id: z.number().int() }),
  ),
}
