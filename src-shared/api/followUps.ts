import { z } from 'zod'
import { defineChannel } from './define'
import { epochMs, id, mediumText, shortText } from './limits'
import { feedbackFilterSchema } from './filters'

/** Working days (or parts of one) a follow-up may take; null: no due date for that kind. */
const dueDays = z.number().min(0.25).max(60).multipleOf(0.25).nullable()

/**
 * The workspace's rule for follow-up due dates: per band of the score that asked for the follow-up,
 * how many working days it may take, counted in the working hours that time to resolution uses
 * (calendar days when the workspace does not use working hours). `unscored`: feedback without a score
 * that was taken up. A follow-up is due soon within `soonHours` hours of its due date.
 */
export const followUpRuleSchema = z.strictObject({
  poor: dueDays,
  neutral: dueDays,
  good: dueDays,
  unscored: dueDays,
  soonHours: z.number().int().min(1).max(168),
})
export type FollowUpRule = z.infer<typeof followUpRuleSchema>
export const defaultFollowUpRule: FollowUpRule = { poor: 2, neutral: null, good: null, unscored: null, soonHours: 4 }

/** The inbox's follow-up views: open follow-ups past their due date, due within the rule's hours, snoozed. */
export const followUpViews = ['overdue', 'dueSoon', 'snoozed'] as const
export type FollowUpView = (typeof followUpViews)[number]

export const followUpCountsSchema = z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), snoozed: z.number().int() })
export type FollowUpCounts = z.infer<typeof followUpCountsSchema>

/** The share of follow-ups resolved by their due date, for one owner (null: not assigned) or overall. */
export const onTimeRowSchema = z.object({
  owner: z.string().nullable(),
  /** Follow-ups with a due date that were resolved (the share's n). */
  resolved: z.number().int(),
  onTime: z.number().int(),
  /** onTime ÷ resolved in 0–1; null without any. */
  share: z.number().nullable(),
  /** 95% Wilson interval of the share. */
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** Open follow-ups with a due date, and those of them past it. */
  open: z.number().int(),
  overdue: z.number().int(),
  lowSample: z.boolean(),
})
export type OnTimeRow = z.infer<typeof onTimeRowSchema>

export const snoozeStateSchema = z.strictObject({ id, snoozedUntil: epochMs.nullable() })
export type SnoozeState = z.infer<typeof snoozeStateSchema>

const reminderItemSchema = z.object({
  id: z.number().int(),
  dueAt: z.number().nullable(),
  score: z.number().nullable(),
  customerName: z.string().nullable(),
  owner: z.string().nullable(),
})
export type ReminderItem = z.infer<typeof reminderItemSchema>

export const remindersSchema = z.object({
  counts: followUpCountsSchema,
  /** Poor scores that arrived after `since` (the newest 20), and how many there are. */
  newPoor: z.array(reminderItemSchema),
  newPoorCount: z.number().int(),
  /** Open follow-ups due soon and not snoozed (the 50 due first). */
  dueSoon: z.array(reminderItemSchema),
  /** The rule's "due soon" window, in hours. */
  soonHours: z.number().int(),
  /** The main process's clock when this was read: the next `since`. */
  at: z.number(),
})
export type Reminders = z.infer<typeof remindersSchema>

export const followUpChannels = {
  'feedback.followUpRule': defineChannel(z.strictObject({}), z.object({ rule: followUpRuleSchema, workingHours: z.boolean() })),
  'feedback.setFollowUpRule': defineChannel(z.strictObject({ rule: followUpRuleSchema }), z.object({ rule: followUpRuleSchema, workingHours: z.boolean() })),
  'feedback.followUpCounts': defineChannel(z.strictObject({}), followUpCountsSchema),
  'feedback.onTime': defineChannel(z.strictObject({ filter: feedbackFilterSchema.optional() }), z.object({ rows: z.array(onTimeRowSchema), overall: onTimeRowSchema })),
  /** Hides open follow-ups from the overdue and due-soon views and reminders until `until` (null: wakes them); the previous state comes back for undo. */
  'feedback.snooze': defineChannel(
    z.strictObject({ ids: z.array(id).min(1).max(5_000), until: epochMs.nullable() }),
    z.object({ updated: z.number().int(), previous: z.array(snoozeStateSchema) }),
  ),
  'feedback.restoreSnooze': defineChannel(z.strictObject({ items: z.array(snoozeStateSchema).min(1).max(5_000) }), z.object({ updated: z.number().int() })),
  'feedback.reminders': defineChannel(z.strictObject({ since: epochMs }), remindersSchema),
  /** Shows a desktop notification through the desktop shell; false where there is none (the browser uses its own Notification API). */
  'feedback.notify': defineChannel(z.strictObject({ title: shortText.min(1), body: mediumText }), z.object({ shown: z.boolean() })),
}
