import { z } from 'zod'
import { defineChannel } from './define'
import { fileId } from './files'
import { id, isoDate, shortText } from './limits'
import { surveyChannels } from './customerContacts'

/**
 * Send lists imported from a file (issue 16): "who we surveyed" from the user's e-mail, Zalo or LINE
 * tool — a customer id, e-mail or phone per row, with an optional date and channel — recorded in the
 * contact log as survey contacts, once per customer, day and channel, undoable as one import.
 */

/** What a column of a send list holds. */
export const sendListRoles = ['customerId', 'email', 'phone', 'date', 'channel', 'ignore'] as const
export type SendListRole = (typeof sendListRoles)[number]
/** How to read 3/4/2026: day first, month first or year first (ISO dates need no choice). */
export const sendListDateOrders = ['dmy', 'mdy', 'ymd'] as const
export type SendListDateOrder = (typeof sendListDateOrders)[number]

/** Why a row of a send list was not recorded (messages contacts.sendList.error.<code>). */
export const sendListErrorCodes = ['noKey', 'unknownCustomer', 'badDate', 'futureDate', 'badChannel', 'noChannel', 'columnCount'] as const
export type SendListErrorCode = (typeof sendListErrorCodes)[number]

export const sendListRequestSchema = z.strictObject({
  fileId,
  /** The channel of rows without one of their own. */
  channel: z.enum(surveyChannels).optional(),
  /** The date of rows without one of their own (default: today). */
  date: isoDate.optional(),
  dateOrder: z.enum(sendListDateOrders).optional(),
  /** Which column holds what (by header, any case), overriding what the headers suggest. */
  map: z.array(z.strictObject({ header: shortText, role: z.enum(sendListRoles) })).max(50).optional(),
})
export type SendListRequest = z.infer<typeof sendListRequestSchema>

export const sendListErrorSchema = z.object({
  /** The row's number as a spreadsheet counts it (the header is row 1). */
  row: z.number().int(),
  code: z.enum(sendListErrorCodes),
  value: z.string().nullable(),
  /** The reason in English (the CLI prints it); the UI translates `code`. */
  reason: z.string(),
})
export type SendListError = z.infer<typeof sendListErrorSchema>

export const sendListResultSchema = z.object({
  fileName: z.string(),
  /** Which column holds what (header → role), as read. */
  columns: z.array(z.object({ header: z.string(), role: z.enum(sendListRoles) })),
  rowsRead: z.number().int(),
  /** Rows that name a known customer, with a date and a channel. */
  matched: z.number().int(),
  /** New survey contacts (recorded, or that would be in a preview). */
  recorded: z.number().int(),
  /** Rows whose customer, day and channel are already in the contact log (or earlier in the file). */
  already: z.number().int(),
  rejected: z.number().int(),
  /** The first rejected rows (up to 100), by number. */
  errors: z.array(sendListErrorSchema),
  /** The import's number (undo takes it back); null for a preview or when nothing was new. */
  importId: z.number().int().nullable(),
  dryRun: z.boolean(),
})
export type SendListResult = z.infer<typeof sendListResultSchema>

export const contactImportSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  rowsRead: z.number().int(),
  recorded: z.number().int(),
  already: z.number().int(),
  rejected: z.number().int(),
  actor: z.string().nullable(),
  createdAt: z.number(),
  undoneAt: z.number().nullable(),
})
export type ContactImport = z.infer<typeof contactImportSchema>

export const sendListChannels = {
  /** Reads a send list and says what importing it would record, writing nothing. */
  'customers.sendListPreview': defineChannel(sendListRequestSchema, sendListResultSchema),
  /** Records a send list's rows in the contact log (one import, undoable). */
  'customers.sendListImport': defineChannel(sendListRequestSchema, sendListResultSchema),
  /** Takes back every contact an import of a send list recorded. */
  'customers.sendListUndo': defineChannel(z.strictObject({ importId: id }), z.object({ removed: z.number().int() })),
  /** The send lists imported, newest first. */
  'customers.sendListImports': defineChannel(z.strictObject({ limit: z.number().int().min(1).max(100).default(10) }), z.array(contactImportSchema)),
}
