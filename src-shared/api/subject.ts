import { z } from 'zod'
import { defineChannel } from './define'
import { fileId } from './files'
import { id, opaqueId, shortText } from './limits'
import { locales } from '../domain/locales'
import { rectifiableFields } from './customers'

/**
 * A person's right of access (issue 17; PDPA B.E. 2562 in Thailand, the Personal Data Protection Law
 * in Vietnam): everything the workspace holds about one person, found by e-mail, phone, customer id
 * or name, as a readable PDF in their language and a machine-readable JSON (subjectDataSchema is
 * that file's schema, `format` and `version` name it).
 */

/** Times in the JSON are ISO 8601 in the workspace's zone with its offset (as the CSV exports write them). */
const when = z.string()
const text = z.string().nullable()

export const subjectPersonSchema = z.object({
  id: z.number().int(),
  ref: text,
  name: text,
  email: text,
  phone: text,
  segment: text,
  location: text,
  customerSince: text,
  churnedAt: text,
  createdAt: when,
  updatedAt: when,
})

export const subjectNoteSchema = z.object({ author: text, body: z.string(), createdAt: when })

export const subjectResponseSchema = z.object({
  id: z.number().int(),
  /** How the response is tied to the person: linked to their customer record, or only carrying their e-mail. */
  linkedBy: z.enum(['customer', 'email']),
  submittedAt: when,
  channel: text,
  touchpoint: text,
  stage: text,
  location: text,
  language: text,
  metric: text,
  question: text,
  score: z.number().nullable(),
  scaleMin: z.number().nullable(),
  scaleMax: z.number().nullable(),
  comment: text,
  respondentEmail: text,
  tags: z.array(z.string()),
  notes: z.array(subjectNoteSchema),
})

/** A follow-up of a response that needed one: its status, who owns it, and its history. */
export const subjectFollowUpSchema = z.object({
  responseId: z.number().int(),
  status: z.string(),
  owner: text,
  statusChangedAt: when.nullable(),
  statusChangedBy: text,
  resolvedAt: when.nullable(),
  events: z.array(z.object({ kind: z.string(), value: text, actor: text, at: when })),
})

/** A note written about someone else (or about a response of someone else) that names this person. */
export const subjectMentionSchema = z.object({
  on: z.enum(['response', 'customer']),
  /** The response or customer the note is attached to. */
  onId: z.number().int(),
  matched: z.enum(['name', 'email', 'phone']),
  author: text,
  body: z.string(),
  createdAt: when,
})

export const subjectMergeSchema = z.object({
  id: z.number().int(),
  /** kept: another record was merged into this person's; merged: this person's record was merged into another. */
  role: z.enum(['kept', 'merged']),
  keptId: z.number().int(),
  mergedId: z.number().int(),
  /** The merged record's details as they were before the merge. */
  mergedDetails: z.record(z.string(), z.string().nullable()),
  actor: text,
  at: when,
  undoneAt: when.nullable(),
})

export const subjectRectificationSchema = z.object({
  field: z.enum(rectifiableFields),
  oldValue: text,
  newValue: text,
  reason: text,
  actor: text,
  at: when,
})

/** An answer collected in the shop (kiosk or QR code): the language chosen and the contact and consent given. */
export const subjectSurveyAnswerSchema = z.object({
  responseId: z.number().int(),
  survey: z.string(),
  language: z.string(),
  contactName: text,
  contactEmail: text,
  contactPhone: text,
  consent: z.boolean(),
  consentAt: when.nullable(),
  receivedAt: when,
})

/**
 * Further records about the person read by one reader each (customers/subjectSections.ts): the
 * contact log and consent history live there. Each is a titled list of rows of named values.
 */
export const subjectSectionSchema = z.object({
  key: z.string(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
})

export const SUBJECT_FORMAT = 'cxdesk.subject-access'
export const subjectDataSchema = z.object({
  format: z.literal(SUBJECT_FORMAT),
  version: z.literal(1),
  exportedAt: when,
  language: z.enum(locales),
  workspace: z.object({ name: z.string(), timezone: z.string() }),
  person: subjectPersonSchema,
  responses: z.array(subjectResponseSchema),
  followUps: z.array(subjectFollowUpSchema),
  customerNotes: z.array(subjectNoteSchema.extend({ kind: z.enum(['note', 'winback']) })),
  mentions: z.array(subjectMentionSchema),
  merges: z.array(subjectMergeSchema),
  rectifications: z.array(subjectRectificationSchema),
  surveyAnswers: z.array(subjectSurveyAnswerSchema),
  sections: z.array(subjectSectionSchema),
})
export type SubjectData = z.infer<typeof subjectDataSchema>

export const subjectMatchSchema = z.object({
  id: z.number().int(),
  ref: text,
  name: text,
  email: text,
  phone: text,
  location: text,
  responses: z.number().int(),
  matchedBy: z.enum(['id', 'ref', 'email', 'phone', 'name']),
})
export type SubjectMatch = z.infer<typeof subjectMatchSchema>

const writtenFile = z.object({
  /** Where it was written (desktop, CLI); null in a browser. */
  path: z.string().nullable(),
  /** In a browser: the file waits for one download (GET /api/export/download?id=…). */
  downloadId: z.string().nullable(),
  fileName: z.string(),
  bytes: z.number().int(),
})

export const subjectChannels = {
  /**
   * Who a request for access is about: customers whose id, reference, e-mail or phone (the same
   * number written differently) is the query, else whose name is it (several people may share one:
   * the caller chooses). Empty: nobody.
   */
  'customers.subjectFind': defineChannel(z.strictObject({ query: shortText.trim().min(1) }), z.object({ matches: z.array(subjectMatchSchema) })),
  /**
   * Writes everything held about one customer as a PDF in `language` and a JSON file. Destination:
   * `fileId`, a folder the CLI registered; else the desktop's folder dialog (null: cancelled); else,
   * in a browser, two temporary files offered for one download each.
   */
  'customers.subjectExport': defineChannel(
    z.strictObject({ customerId: id, language: z.enum(locales), fileId: fileId.optional() }),
    z.object({ pdf: writtenFile.extend({ pages: z.number().int().nullable() }), json: writtenFile, counts: z.record(z.string(), z.number().int()) }).nullable(),
  ),
  /** The print page's data for a subject export being printed (#/subject-print?job=…). */
  'customers.subjectPrintJob': defineChannel(z.strictObject({ jobId: opaqueId }), z.object({ data: subjectDataSchema })),
}
