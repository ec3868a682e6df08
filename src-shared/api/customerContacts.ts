import { z } from 'zod'
import { defineChannel } from './define'
import { fileId } from './files'
import { id, isoDate, mediumText, opaqueId, shortText } from './limits'

/** Never too many surveys (issue 16): the contact log, consent per purpose, the contact-frequency guard and the survey list. */
export const purposes = ['feedback', 'marketing'] as const
export type Purpose = (typeof purposes)[number]
export const consentStates = ['given', 'withdrawn', 'unknown'] as const
export type ConsentState = (typeof consentStates)[number]
export const consentSources = ['manual', 'crm', 'kiosk'] as const
export const contactKinds = ['survey', 'call', 'message', 'followup'] as const
export type ContactKind = (typeof contactKinds)[number]
/** Where a survey list is sent: e-mail needs an e-mail address, the others a phone number. */
export const surveyChannels = ['email', 'sms', 'zalo', 'line'] as const
export type SurveyChannel = (typeof surveyChannels)[number]
/** Why a customer is left out of a survey list, in the order they are checked (each customer counted once, under the first). */
export const exclusionReasons = ['left', 'noAddress', 'consent', 'recentSurvey', 'tooMany'] as const
export type ExclusionReason = (typeof exclusionReasons)[number]

export const contactRulesSchema = z.strictObject({
  /** No survey to the same customer within this many days (0: off). */
  surveyGapDays: z.number().int().min(0).max(3650),
  /** At most this many contacts of any kind within `windowDays` days (0: off). */
  maxContacts: z.number().int().min(0).max(100),
  windowDays: z.number().int().min(1).max(365),
  /** Strict: unknown consent counts as no consent for feedback surveys too. */
  strictConsent: z.boolean(),
})
export type ContactRules = z.infer<typeof contactRulesSchema>

export const guardViolationSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('consent'), purpose: z.enum(purposes), consent: z.enum(consentStates) }),
  z.object({ rule: z.literal('recentSurvey'), lastDate: isoDate, allowedFrom: isoDate }),
  z.object({ rule: z.literal('tooMany'), count: z.number().int(), windowDays: z.number().int(), max: z.number().int() }),
])
export type GuardViolation = z.infer<typeof guardViolationSchema>

export const contactEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(contactKinds),
  purpose: z.enum(purposes),
  channel: z.string().nullable(),
  contactedAt: z.number(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'survey_list', 'send_list']),
  actor: z.string().nullable(),
})
export type ContactEntry = z.infer<typeof contactEntrySchema>

export const consentSchema = z.object({
  purpose: z.enum(purposes),
  state: z.enum(consentStates),
  /** When it was given or withdrawn (null when unknown). */
  at: z.number().nullable(),
  source: z.enum(consentSources).nullable(),
  /** Whether a contact for this purpose is allowed now (unknown: by the workspace's setting). */
  allowed: z.boolean(),
})
export type Consent = z.infer<typeof consentSchema>

/** A win-back action and what followed it: the customer left, answered again, stayed 90 days, or not known yet. */
export const winbackOutcomeSchema = z.object({
  id: z.number().int(),
  at: z.number(),
  body: z.string(),
  outcome: z.enum(['churned', 'responded', 'stayed', 'waiting']),
  /** The date of the outcome (left on, answered on, 90 days after the action), null while waiting. */
  outcomeDate: isoDate.nullable(),
})
export type WinbackOutcome = z.infer<typeof winbackOutcomeSchema>

export const contactStateSchema = z.object({
  contacts: z.array(contactEntrySchema),
  consent: z.array(consentSchema),
  /** Whether a feedback survey may be sent today, and which rules say no. */
  survey: z.object({ violations: z.array(guardViolationSchema) }),
  winbacks: z.array(winbackOutcomeSchema),
  rules: contactRulesSchema,
})
export type ContactState = z.infer<typeof contactStateSchema>

export const contactInputSchema = z.strictObject({
  kind: z.enum(contactKinds),
  purpose: z.enum(purposes).default('feedback'),
  channel: shortText.trim().nullable().default(null),
  /** The local date of the contact (today when it is today: then its time is now). */
  date: isoDate,
  note: mediumText.trim().nullable().default(null),
})

export const surveyListRequestSchema = z.strictObject({
  channel: z.enum(surveyChannels),
  segment: shortText.optional(),
  location: shortText.optional(),
})
export type SurveyListRequest = z.infer<typeof surveyListRequestSchema>

export const surveyListRowSchema = z.object({
  id: z.number().int(),
  ref: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  segment: z.string().nullable(),
  location: z.string().nullable(),
})
export type SurveyListRow = z.infer<typeof surveyListRowSchema>

export const surveyListSchema = z.object({
  /** Customers of the channel's segment and location (before the rules). */
  considered: z.number().int(),
  eligible: z.number().int(),
  /** How many were left out, by the first rule that left each out. */
  excluded: z.record(z.enum(exclusionReasons), z.number().int()),
  /** The first rows of the list (by name). */
  preview: z.array(surveyListRowSchema),
  today: isoDate,
  rules: contactRulesSchema,
})
export type SurveyList = z.infer<typeof surveyListSchema>

/** A survey list exported and not yet confirmed as sent: its send may be recorded until `expiresAt` (after a restart too). */
export const pendingSurveyListSchema = z.object({
  token: z.string(),
  channel: z.enum(surveyChannels),
  segment: z.string().optional(),
  location: z.string().optional(),
  fileName: z.string(),
  rows: z.number().int(),
  exportedAt: z.number(),
  expiresAt: z.number(),
})
export type PendingSurveyList = z.infer<typeof pendingSurveyListSchema>

export const customerContactsChannels = {
  'customers.contactRules': defineChannel(z.strictObject({}), contactRulesSchema),
  'customers.saveContactRules': defineChannel(z.strictObject({ rules: contactRulesSchema }), contactRulesSchema),
  /** A customer's contact log, consent per purpose, whether a survey may be sent today, and their win-back actions' outcomes. */
  'customers.contacts': defineChannel(z.strictObject({ customerId: id }), contactStateSchema),
  /**
   * Enters a contact by hand. When it would cross a rule, nothing is saved and the violations come
   * back, unless `acknowledge` says the user saw them; `dryRun` only checks.
   */
  'customers.addContact': defineChannel(
    z.strictObject({ customerId: id, contact: contactInputSchema, acknowledge: z.boolean().default(false), dryRun: z.boolean().default(false) }),
    z.object({ saved: contactEntrySchema.nullable(), violations: z.array(guardViolationSchema) }),
  ),
  /** Deletes a contact entry; `customers.restoreContact` undoes it. */
  'customers.deleteContact': defineChannel(z.strictObject({ id }), z.object({ id: z.number().int() })),
  'customers.restoreContact': defineChannel(z.strictObject({ id }), z.object({ id: z.number().int() })),
  /** Sets consent for a purpose by hand: given or withdrawn on a date, or unknown again (the entry removed). */
  'customers.setConsent': defineChannel(z.strictObject({ customerId: id, purpose: z.enum(purposes), state: z.enum(consentStates), date: isoDate }), consentSchema),
  /** Who may we survey: the rules applied to a channel, segment and location, with how many were left out and why. */
  'customers.surveyList': defineChannel(surveyListRequestSchema.extend({ previewLimit: z.number().int().min(0).max(500).default(50) }), surveyListSchema),
  /**
   * Writes the list as CSV (the one formula-safe writer): to `fileId` (CLI), else where the desktop's
   * dialog says (null: cancelled), else as a download (browser).
   */
  'customers.surveyListExport': defineChannel(
    surveyListRequestSchema.extend({ fileId: fileId.optional() }),
    z
      .object({
        path: z.string().nullable(),
        downloadId: z.string().nullable(),
        fileName: z.string(),
        rows: z.number().int(),
        bytes: z.number().int(),
        /** Names the exact list written, for `customers.surveyListRecord` (kept in the workspace for 14 days). */
        token: z.string(),
      })
      .nullable(),
  ),
  /**
   * The send is confirmed: a survey contact for every customer of the list the export with this token
   * wrote — exactly that list, not the rules applied again (someone who became eligible since was not
   * sent it); undoable. A token records one send.
   */
  'customers.surveyListRecord': defineChannel(z.strictObject({ token: opaqueId }), z.object({ send: z.number().int(), recorded: z.number().int() })),
  /** The exported lists whose send may still be recorded, newest first (kept in the workspace: they survive a restart). */
  'customers.pendingSurveyLists': defineChannel(z.strictObject({}), z.array(pendingSurveyListSchema)),
  'customers.undoSend': defineChannel(z.strictObject({ send: id }), z.object({ removed: z.number().int() })),
}
