import { z } from 'zod'
import { defineChannel } from './define'
import { fileId } from './files'
import { opaqueId } from './limits'
import { feedbackFilterSchema } from './filters'

/**
 * Getting data out: the inbox's view (its filter and search), the customers, or the whole workspace,
 * as CSV (UTF-8 with BOM, formula-safe) or XLSX, written as it is read with progress and cancel.
 */
export const exportWhats = ['responses', 'customers', 'all'] as const
export type ExportWhat = (typeof exportWhats)[number]
export const exportFormats = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof exportFormats)[number]
/** The tables an export writes: responses (with their tags and notes), customers, and for a whole workspace the notes one per row. */
export const exportTables = ['responses', 'customers', 'notes'] as const
export type ExportTable = (typeof exportTables)[number]

export const exportStages = ['counting', 'writing', 'done', 'failed', 'cancelled'] as const
export type ExportStage = (typeof exportStages)[number]

export const dataExportProgressSchema = z.object({
  exportId: z.string(),
  stage: z.enum(exportStages),
  /** The table being written (null before the first and after the last). */
  table: z.enum(exportTables).nullable(),
  /** Rows written so far, across every table, out of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  message: z.string().optional(),
})
export type DataExportProgress = z.infer<typeof dataExportProgressSchema>

export const exportFileSchema = z.object({ table: z.enum(exportTables), fileName: z.string(), rows: z.number().int() })

export const dataExportResultSchema = z.object({
  /** Where it was written (desktop, CLI): a file, or a folder for a whole workspace as CSV; null in a browser. */
  path: z.string().nullable(),
  /** In a browser: the file waits for one download (GET /api/export/download?id=…). */
  downloadId: z.string().nullable(),
  fileName: z.string(),
  /** A file per table (CSV), or a sheet per table in one workbook (XLSX). */
  files: z.array(exportFileSchema),
  rows: z.number().int(),
  bytes: z.number().int(),
})
export type DataExportResult = z.infer<typeof dataExportResultSchema>

export const exportChannels = {
  /**
   * Writes the export with progress (export.progress events) and cancel. `filter` narrows the
   * responses (the inbox's view; ignored for customers). The destination: `fileId`, one the CLI
   * registered (a file; a folder for a whole workspace as CSV); else the desktop's save dialog
   * (null: the user cancelled); else, in a browser, a temporary file offered for one download.
   */
  'export.run': defineChannel(
    z.strictObject({
      exportId: opaqueId,
      what: z.enum(exportWhats),
      format: z.enum(exportFormats),
      filter: feedbackFilterSchema.default({}),
      fileId: fileId.optional(),
    }),
    dataExportResultSchema.nullable(),
  ),
  'export.cancel': defineChannel(z.strictObject({ exportId: opaqueId }), z.null()),
}
