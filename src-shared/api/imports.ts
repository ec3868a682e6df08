import { z } from 'zod'
import { defineChannel } from './define'
import { opaqueId, shortText } from './limits'
import { fileId } from './files'
import { metricKinds } from '../domain/scores'

/** Exports recognised by their header, imported without manual mapping. */
export const importFormats = ['cxdesk-generator', 'google-forms', 'surveymonkey', 'typeform', 'delighted', 'qualtrics'] as const
export type ImportFormat = (typeof importFormats)[number]

export const importKinds = ['responses', 'customers'] as const
export type ImportKind = (typeof importKinds)[number]

export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'windows-874', 'windows-1252'] as const
export type TextEncoding = (typeof textEncodings)[number]
export const delimiters = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof delimiters)[number]

/** How to read 3/4/2025: day first or month first. Year-first and ISO dates need no choice. */
export const dateOrders = ['dmy', 'mdy'] as const
export type DateOrder = (typeof dateOrders)[number]

/** What a column of the file holds. */
export const columnRoles = [
  'ignore',
  'responseId',
  'date',
  'score',
  'metric',
  'comment',
  'email',
  'customerId',
  'customerName',
  'phone',
  'channel',
  'touchpoint',
  'stage',
  'location',
  'language',
  'segment',
  'status',
  'owner',
  'resolvedAt',
  'customerSince',
  'churnedAt',
  /** Consent from a CRM (customers files): yes/no per purpose, and the date it was given or withdrawn. */
  'consentFeedback',
  'consentMarketing',
  'consentDate',
] as const
export type ColumnRole = (typeof columnRoles)[number]

/** The metric and scale of a score column (METRICS.md): NPS 0–10, CSAT 1–5, CES 1–7 agreement or 1–5 effort, or custom. */
export const scoreSpecSchema = z
  .strictObject({
    metric: z.enum(metricKinds),
    min: z.number().int().min(-100).max(100),
    max: z.number().int().min(-100).max(1000),
    direction: z.enum(['higher_better', 'lower_better']),
  })
  .refine((s) => s.max > s.min, 'the top of the scale must be above the bottom')
export type ScoreSpec = z.infer<typeof scoreSpecSchema>

export const columnMappingSchema = z.strictObject({
  index: z.number().int().min(0).max(2_000),
  role: z.enum(columnRoles),
  /** For score columns; without it the row's metric column decides the metric, with the standard scales. */
  score: scoreSpecSchema.optional(),
})
export type ColumnMapping = z.infer<typeof columnMappingSchema>

export const importMappingSchema = z.strictObject({
  kind: z.enum(importKinds),
  format: z.enum(importFormats).nullable(),
  /** Header rows before the data (SurveyMonkey writes two, Qualtrics three); names come from the first. */
  headerRows: z.number().int().min(1).max(5),
  columns: z.array(columnMappingSchema).max(2_000),
  dateOrder: z.enum(dateOrders).nullable(),
  /** The zone of times written without one; null: the workspace's zone. */
  timezone: z.string().min(1).max(64).nullable(),
  /** Values for the whole file where it has no column (e.g. every row came from the "store" channel). */
  defaults: z.strictObject({
    channel: shortText.optional(),
    touchpoint: shortText.optional(),
    stage: shortText.optional(),
    location: shortText.optional(),
    language: shortText.optional(),
  }),
  encoding: z.enum(textEncodings).optional(),
  delimiter: z.enum(delimiters).optional(),
  sheet: shortText.optional(),
})
export type ImportMapping = z.infer<typeof importMappingSchema>

/** Why a row was rejected, as a code the UI translates (messages rowError.<code> in the catalogues). */
export const rowErrorCodes = [
  'tooLong',
  'noDateColumn',
  'empty',
  'notDate',
  'notDateInOrder',
  'badStatus',
  'resolvedBeforeDate',
  'badMetric',
  'noRowMetric',
  'badScore',
  'noScoreNorComment',
  'columnCount',
  'unterminatedQuote',
  'customerNeedsId',
  'badEmail',
  'badConsent',
] as const
export type RowErrorCode = (typeof rowErrorCodes)[number]

export const rowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  /** The reason in English (the CLI prints it); the UI translates `code` with `params` instead. */
  reason: z.string(),
  code: z.enum(rowErrorCodes).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type RowError = z.infer<typeof rowErrorSchema>

export const dateEvidenceSchema = z.object({
  dates: z.number().int(),
  dayFirst: z.number().int(),
  monthFirst: z.number().int(),
  ambiguous: z.number().int(),
  examples: z.object({ dayFirst: z.string().optional(), monthFirst: z.string().optional(), ambiguous: z.string().optional() }),
})
export type DateEvidenceDto = z.infer<typeof dateEvidenceSchema>

export const importSummarySchema = z.object({
  importId: z.number().int().nullable(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  /** True for a check that wrote nothing. */
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  /** Responses (or customers) added. */
  imported: z.number().int(),
  /** Already in the workspace (same source id or same content): skipped. Customers: updated. */
  duplicates: z.number().int(),
  /**
   * Of `imported`: rows an older version had wrongly merged with another (its key ignored the columns
   * the mapping did not use), added now that the file came again.
   */
  mergedBefore: z.number().int(),
  /** Rows of people erased from this workspace (privacy tombstones): skipped. Absent from older summaries. */
  erased: z.number().int().optional(),
  rejected: z.number().int(),
  /** The first rejected rows, by row number (as a spreadsheet counts, header included), column and reason. */
  errors: z.array(rowErrorSchema),
  /** How the date column's values read, over the whole file. */
  dateEvidence: dateEvidenceSchema.nullable(),
  durationMs: z.number(),
})
export type ImportSummary = z.infer<typeof importSummarySchema>

export const importStages = ['starting', 'reading', 'finishing'] as const
export type ImportStage = (typeof importStages)[number]

export const importProgressSchema = z.object({
  jobId: z.string(),
  fileName: z.string(),
  phase: z.enum(['checking', 'importing']),
  /**
   * starting: the import's threads start and look at the file again, before any row is read (seconds
   * for a large file on a busy machine); reading: rows are read (and written), bytesRead moves;
   * finishing: the indexes and score summaries are brought up to date and the transaction committed.
   */
  stage: z.enum(importStages),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rowsRead: z.number().int(),
})
export type ImportProgress = z.infer<typeof importProgressSchema>

export const inspectionSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  encoding: z.enum(textEncodings).nullable(),
  /** False when the encoding is the best guess among legacy code pages: the user should check the preview. */
  encodingCertain: z.boolean(),
  delimiter: z.enum(delimiters).nullable(),
  sheets: z.array(z.string()),
  /** One name per column (from the first header row). */
  headers: z.array(z.string()),
  /** The first data rows, as text. */
  preview: z.array(z.array(z.string())),
  /** Spreadsheet row number of the first preview row. */
  previewFirstRow: z.number().int(),
  mapping: importMappingSchema,
  /** Where the proposed mapping came from. */
  mappingSource: z.enum(['known', 'remembered', 'guessed']),
  /** Identifies the source (its header), under which a confirmed mapping is remembered. */
  sourceKey: z.string(),
  /** Date evidence per column index, from the rows read while inspecting. */
  dateEvidence: z.array(dateEvidenceSchema.extend({ index: z.number().int() })),
  /** Rows read while inspecting (the whole file when it is small). */
  rowsInspected: z.number().int(),
  inspectedWholeFile: z.boolean(),
})
export type Inspection = z.infer<typeof inspectionSchema>

/** An IANA zone name, as the workspace's (workspace.ts) and an import's. */
const zoneName = z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/, 'expected an IANA time zone such as Asia/Bangkok')

/** One finished import, for the import history. */
export const importRecordSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  importedAt: z.number().nullable(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The zone its times without a zone were read in; null: imported before CX Desk recorded it. */
  timezone: z.string().nullable(),
  /** Its responses now in the workspace; of them, those read in its zone (a re-read moves them) and those whose origin is not known. */
  responses: z.number().int(),
  readInZone: z.number().int(),
  notKnown: z.number().int(),
})
export type ImportRecord = z.infer<typeof importRecordSchema>

export const rereadResultSchema = z.object({
  importId: z.number().int(),
  /** The zone before: re-reading in it undoes this. */
  previousZone: z.string(),
  timezone: z.string(),
  /** Responses whose time moved. */
  moved: z.number().int(),
})
export type RereadResult = z.infer<typeof rereadResultSchema>

export const importChannels = {
  /** Reads the start of a file: encoding, delimiter, header, preview, and a proposed mapping. */
  'import.inspect': defineChannel(
    z.strictObject({
      fileId,
      kind: z.enum(importKinds).default('responses'),
      encoding: z.enum(textEncodings).optional(),
      delimiter: z.enum(delimiters).optional(),
      sheet: shortText.optional(),
      headerRows: z.number().int().min(1).max(5).optional(),
    }),
    inspectionSchema,
  ),
  /**
   * Imports (or with dryRun, only checks) a file with a mapping, in one transaction: a failure, a
   * cancel or a crash leaves the workspace as it was. Progress arrives as import.progress events.
   */
  'import.run': defineChannel(
    z.strictObject({
      fileId,
      mapping: importMappingSchema.optional(),
      jobId: opaqueId.optional(),
      dryRun: z.boolean().default(false),
      /** Remember this mapping for the source (its header), so the next export imports in one click. */
      remember: z.boolean().default(false),
    }),
    importSummarySchema,
  ),
  'import.cancel': defineChannel(z.strictObject({ jobId: opaqueId }), z.object({ cancelled: z.boolean() })),
  /** The import history, newest first. */
  'import.list': defineChannel(z.strictObject({}), z.object({ imports: z.array(importRecordSchema) })),
  /**
   * Reads an import's times that had no zone of their own again in another zone, in one transaction
   * (rollups follow). Times with an offset or UTC stamp never move. Undo: re-read in previousZone.
   */
  'import.reread': defineChannel(z.strictObject({ importId: z.number().int().min(1), timezone: zoneName }), rereadResultSchema),
}
