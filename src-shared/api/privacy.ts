import { z } from 'zod'
import { defineChannel } from './define'
import { id, mediumText, shortText } from './limits'

/** Delete the person's responses, or keep their scores for the figures without anything that leads back to them. */
export const erasureModes = ['delete', 'anonymise'] as const
export type ErasureMode = (typeof erasureModes)[number]

/** Who to erase: a customer by id (the profile), or whoever an e-mail, a phone number or a customer id names (the CLI). */
export const erasureSubjectSchema = z.union([z.strictObject({ customerId: id }), z.strictObject({ query: shortText.trim().min(1) })])
export type ErasureSubject = z.infer<typeof erasureSubjectSchema>

export const erasurePreviewSchema = z.object({
  /** How the subject was found; none: nothing in the workspace matches. */
  foundBy: z.enum(['customer', 'email', 'phone', 'id', 'none']),
  /** The customers who will be removed (shown to confirm; never logged). */
  customers: z.array(z.object({ id: z.number().int(), name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })),
  responses: z.number().int(),
  comments: z.number().int(),
  notes: z.number().int(),
  /** Kiosk answers with contact details. */
  contacts: z.number().int(),
})
export type ErasurePreview = z.infer<typeof erasurePreviewSchema>

export const backupFileSchema = z.object({ name: z.string(), bytes: z.number(), modifiedAt: z.number() })
export type BackupFile = z.infer<typeof backupFileSchema>

export const erasureResultSchema = z.object({
  mode: z.enum(erasureModes),
  customers: z.number().int(),
  responses: z.number().int(),
  comments: z.number().int(),
  notes: z.number().int(),
  contacts: z.number().int(),
  tombstones: z.number().int(),
  /** Rows each step touched, by table. */
  steps: z.record(z.string(), z.number().int()),
  /** False when another connection kept the WAL from being emptied (it is on close). */
  checkpointed: z.boolean(),
  /** Migration backups beside the workspace, made before the erasure: they may still hold the person's data. */
  backups: z.array(backupFileSchema),
})
export type ErasureResult = z.infer<typeof erasureResultSchema>

export const retentionRuleSchema = z.strictObject({
  /** Responses older than this many months… */
  months: z.number().int().min(1).max(600),
  /** …lose their personal data (comment, e-mail, customer link, notes, kiosk contact details); scores stay. */
  action: z.literal('anonymise'),
})
export type RetentionRule = z.infer<typeof retentionRuleSchema>

export const retentionCountsSchema = z.object({
  /** Responses submitted before this day (in the workspace's zone) are touched. */
  before: z.string(),
  responses: z.number().int(),
  comments: z.number().int(),
  notes: z.number().int(),
  contacts: z.number().int(),
})
export type RetentionCounts = z.infer<typeof retentionCountsSchema>

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string().nullable(),
  action: z.string(),
  reason: z.string().nullable(),
  /** Counts and the mode; never an identifier of the person. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

const backupName = z.string().max(300).regex(/^[^/\\]+\.bak$/, 'expected the name of a backup file')

export const privacyChannels = {
  /** What erasing this person would remove (nothing is changed). */
  'privacy.previewErasure': defineChannel(z.strictObject({ subject: erasureSubjectSchema }), erasurePreviewSchema),
  /** Erases the person: customers, personal data, their responses deleted or anonymised; tombstones kept; the file cleaned. */
  'privacy.erase': defineChannel(
    z.strictObject({ subject: erasureSubjectSchema, mode: z.enum(erasureModes), reason: mediumText.trim().optional() }),
    erasureResultSchema,
  ),
  'privacy.retention': defineChannel(z.strictObject({}), z.object({ rule: retentionRuleSchema.nullable(), preview: retentionCountsSchema.nullable() })),
  /** What a rule of this many months would touch now (nothing is changed). */
  'privacy.previewRetention': defineChannel(z.strictObject({ months: retentionRuleSchema.shape.months }), retentionCountsSchema),
  'privacy.saveRetention': defineChannel(z.strictObject({ rule: retentionRuleSchema.nullable() }), z.object({ rule: retentionRuleSchema.nullable() })),
  /** Applies the saved rule now. */
  'privacy.applyRetention': defineChannel(z.strictObject({}), retentionCountsSchema),
  'privacy.audit': defineChannel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100), before: id.optional() }),
    z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() }),
  ),
  /** The whole audit log as CSV (UTF-8 with BOM, formula-safe). */
  'privacy.exportAudit': defineChannel(z.strictObject({}), z.object({ fileName: z.string(), csv: z.string() })),
  /** Migration backups (*.bak) beside the workspace file. */
  'privacy.backups': defineChannel(z.strictObject({}), z.object({ backups: z.array(backupFileSchema) })),
  /** Deletes these backups (by name, only ones privacy.backups lists). */
  'privacy.deleteBackups': defineChannel(z.strictObject({ names: z.array(backupName).min(1).max(100) }), z.object({ deleted: z.number().int() })),
}
