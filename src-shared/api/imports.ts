import { z } from 'zod'
import { defineChannel } from './define'

export const importFormats = ['cxdesk-generator'] as const

export const rowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })
export type RowError = z.infer<typeof rowErrorSchema>

export const importSummarySchema = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The first rejected rows, by row number (1 = first data row), column and reason. */
  errors: z.array(rowErrorSchema),
  durationMs: z.number(),
})
export type ImportSummary = z.infer<typeof importSummarySchema>

export const importProgressSchema = z.object({
  fileName: z.string(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rowsRead: z.number().int(),
})
export type ImportProgress = z.infer<typeof importProgressSchema>

export const importChannels = {
  /** Imports a CSV in one transaction: either every good row lands, or (on error or a bad header) nothing does. */
  'import.run': defineChannel(
    z.strictObject({ fileId: z.string().min(8).max(64), format: z.enum(importFormats).default('cxdesk-generator') }),
    importSummarySchema,
  ),
}
