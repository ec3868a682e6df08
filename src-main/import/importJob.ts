import type Database from 'better-sqlite3'
import type { ImportMapping, ImportSummary, RowError, ScoreSpec } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import { addDateEvidence, emptyEvidence } from './formats/dates'
import { generatorScales } from './formats/generatorFormat'
import type { NormalizedCustomer, NormalizedResponse } from './formats/normalized'
import { customerRowMapper, responseRowMapper } from './mapping/rowMapper'
import type { TableSource } from './source/tableSource'
import { rowError } from './rowError'
import { customerLinker } from '../db/repositories/customers'
import { ensureQuestions, specKey } from '../db/repositories/questionLookup'
import { finishImportRecord, startImportRecord } from '../db/repositories/imports'
import { suspendRollupTriggers } from '../db/repositories/rollups/bulkJournal'
import { feedbackWriter } from '../services/feedbackWriter'
import { metricKinds } from '../../src-shared/domain/scores'

/** Above this many bytes, a file that will more than double the workspace imports with its indexes rebuilt at the end. */
const BULK_BYTES = 8 << 20
/** A rough size of one exported row, to estimate a file's rows from its bytes. */
const BYTES_PER_ROW = 160

/**
 * Secondary indexes on the tables a large import fills are dropped for the import and created again
 * (same SQL) before the commit: one sort per index instead of a random B-tree insert per row, several
 * times faster for a big file. It is all one transaction, so a crash or cancel brings them back as
 * they were; the tables themselves (and any triggers on them) are never touched. Returns a function
 * that recreates them.
 */
function suspendIndexes(sqlite: Database.Database): () => void {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('responses', 'response_tags') AND sql IS NOT NULL`)
    .all() as Array<{ name: string; sql: string }>
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`)
  return () => {
    for (const i of indexes) sqlite.exec(i.sql)
  }
}

/** How many rejected rows are listed by number; the count covers all of them. */
export const MAX_LISTED_ERRORS = 200
const PROGRESS_EVERY_MS = 150

export interface ImportJobInput {
  source: TableSource
  mapping: ImportMapping
  sourceKey: string
  fileName: string
  dryRun: boolean
  /** The workspace's zone: times without a zone are read in it, and local dates are cut in it. */
  timezone: string
  localDateOf: (epochMs: number) => string
  now: number
  isCancelled: () => boolean
  onProgress?: (p: { bytesRead: number; totalBytes: number; rowsRead: number }) => void
}

/** Specs every score column may produce: its own, or the three standard scales when the row names the metric. */
function specsOf(mapping: ImportMapping): ScoreSpec[] {
  const scores = mapping.columns.filter((c) => c.role === 'score')
  const specs = scores.flatMap((c) => (c.score ? [c.score] : []))
  if (scores.some((c) => !c.score))
    for (const m of metricKinds) specs.push({ metric: m, min: generatorScales[m].min, max: generatorScales[m].max, direction: 'higher_better' })
  return specs
}

/**
 * Streams a file through a mapping into the workspace in ONE transaction (or, with dryRun, only
 * checks it). Memory holds a batch of rows at a time; the transaction's pages spill to the WAL,
 * so a million-row file imports in bounded memory. A cancel or any error rolls everything back;
 * a crash (even SIGKILL) leaves no trace because the commit never happened. Returns the counts.
 */
export async function runImportJob(sqlite: Database.Database, input: ImportJobInput): Promise<ImportSummary> {
  const started = performance.now()
  const { mapping } = input
  const errors: RowError[] = []
  let rejected = 0
  let rowsRead = 0
  let imported = 0
  let duplicates = 0
  const evidence = emptyEvidence()
  const dateIndex = mapping.columns.find((c) => c.role === 'date')?.index ?? null
  let headers: string[] | null = null
  let headerRowsSeen = 0
  let bytesRead = 0
  let lastProgress = 0
  let importId: number | null = null
  const reject = (e: RowError) => {
    rejected++
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e)
  }

  const inTransaction = !input.dryRun
  if (inTransaction) sqlite.exec('BEGIN IMMEDIATE')
  try {
    let handle: ((fields: string[], row: number) => void) | null = null
    const prepare = (hdr: string[]) => {
      if (mapping.kind === 'customers') {
        const map = customerRowMapper(mapping, hdr, { sourceKey: input.sourceKey, timezone: input.timezone })
        const link = input.dryRun ? null : customerLinker(sqlite, input.now, { overwrite: true })
        const known = sqlite.prepare<{ ref: string | null; email: string | null }, { n: number }>('SELECT count(*) n FROM customers WHERE external_ref = @ref OR (@email IS NOT NULL AND email = @email)')
        return (fields: string[], row: number) => {
          const m = map(fields, row)
          if (!m.ok) return reject(m.error)
          const c: NormalizedCustomer = m.values[0]
          if (!link) {
            if (known.get({ ref: c.ref, email: c.email })?.n) duplicates++
            else imported++
            return
          }
          const r = link(c)
          if (r?.created) imported++
          else duplicates++
        }
      }
      const labels = new Map(mapping.columns.filter((c) => c.score).map((c) => [specKey(c.score as ScoreSpec), hdr[c.index] ?? '']))
      const questionIds = input.dryRun ? new Map<string, number>() : ensureQuestions(sqlite, specsOf(mapping), labels)
      const map = responseRowMapper(mapping, hdr, { sourceKey: input.sourceKey, timezone: input.timezone })
      const write = input.dryRun ? null : feedbackWriter(sqlite, input.now)
      const link = input.dryRun ? null : customerLinker(sqlite, input.now)
      const exists = sqlite.prepare<[string], { one: number }>('SELECT 1 one FROM responses WHERE dedup_key = ?')
      return (fields: string[], row: number) => {
        const m = map(fields, row)
        if (!m.ok) return reject(m.error)
        for (const r of m.values as NormalizedResponse[]) {
          if (!write) {
            if (exists.get(r.dedupKey)) duplicates++
            else imported++
            continue
          }
          const customer = link?.({ ref: r.customerRef, email: r.customerEmail, name: r.customerName, phone: r.customerPhone, segment: r.segment }) ?? null
          const id = write({
            dedupKey: r.dedupKey,
            importId,
            externalRef: r.externalRef,
            customerId: customer?.id ?? null,
            questionId: r.question ? (questionIds.get(specKey(r.question)) ?? null) : null,
            score: r.score,
            submittedAt: r.submittedAt,
            submittedOffset: r.submittedOffset,
            localDate: input.localDateOf(r.submittedAt),
            channel: r.channel,
            touchpoint: r.touchpoint,
            stage: r.stage,
            location: r.location,
            language: r.language,
            comment: r.comment,
            respondentEmail: r.customerEmail,
            status: r.status,
            owner: r.owner,
            statusChangedAt: r.status === 'new' ? null : (r.resolvedAt ?? r.submittedAt),
            resolvedAt: r.resolvedAt,
            now: input.now,
          })
          if (id === null) duplicates++
          else imported++
        }
      }
    }
    if (!input.dryRun) importId = startImportRecord(sqlite, input.fileName, mapping.format ?? mapping.kind, input.now)
    let restoreIndexes: (() => void) | null = null
    let journalRollups: (() => void) | null = null
    if (!input.dryRun && mapping.kind === 'responses') {
      journalRollups = suspendRollupTriggers(sqlite)
      if (input.source.totalBytes > BULK_BYTES) {
        const existing = (sqlite.prepare('SELECT count(*) n FROM responses').get() as { n: number }).n
        if (input.source.totalBytes / BYTES_PER_ROW > existing) restoreIndexes = suspendIndexes(sqlite)
      }
    }

    for await (const batch of input.source.batches((b) => (bytesRead = b))) {
      if (input.isCancelled()) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.')
      for (const rec of batch) {
        if (headerRowsSeen < mapping.headerRows) {
          if (headerRowsSeen === 0) headers = rec.fields.map((h) => h.trim())
          headerRowsSeen++
          if (headerRowsSeen === mapping.headerRows) handle = prepare(headers ?? [])
          continue
        }
        rowsRead++
        // In a CSV every row has the header's width; a different count means a broken row (a stray quote or delimiter).
        // Spreadsheets leave trailing empty cells out, so workbooks are not held to it.
        if (input.source.kind === 'csv' && headers && rec.fields.length !== headers.length) {
          reject(rowError(rec.record, null, 'columnCount', { expected: headers.length, found: rec.fields.length }))
          continue
        }
        if (dateIndex !== null) addDateEvidence(evidence, rec.fields[dateIndex] ?? '')
        handle?.(rec.fields, rec.record)
      }
      const t = performance.now()
      if (t - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = t
        input.onProgress?.({ bytesRead, totalBytes: input.source.totalBytes, rowsRead })
      }
    }
    if (!headers) throw new AppError('IMPORT_FAILED', `${input.fileName} is empty.`)
    for (const p of input.source.problems) reject(rowError(p.record, null, 'unterminatedQuote'))
    if (input.isCancelled()) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.')
    if (restoreIndexes) restoreIndexes()
    journalRollups?.()
    if (restoreIndexes) {
      // Statistics for the query planner, so filters pick the right index on the new data (a sample: quick).
      sqlite.pragma('analysis_limit = 400')
      sqlite.exec('ANALYZE')
    }
    if (importId !== null) finishImportRecord(sqlite, importId, { rowsRead, imported, duplicates, rejected }, input.now)
    if (inTransaction) sqlite.exec('COMMIT')
  } catch (e) {
    if (inTransaction && sqlite.inTransaction) sqlite.exec('ROLLBACK')
    if (e instanceof AppError) throw e
    if (e instanceof TypeError && /encoded data|decode/i.test(e.message))
      throw new AppError('IMPORT_FAILED', `${input.fileName} is not valid ${mapping.encoding ?? 'UTF-8'} text. Choose its encoding and try again.`)
    throw new AppError('IMPORT_FAILED', `Could not import ${input.fileName}: ${(e as Error).message}`)
  }
  errors.sort((a, b) => a.row - b.row)
  input.onProgress?.({ bytesRead: input.source.totalBytes, totalBytes: input.source.totalBytes, rowsRead })
  return {
    importId,
    kind: mapping.kind,
    fileName: input.fileName,
    dryRun: input.dryRun,
    rowsRead,
    imported,
    duplicates,
    rejected,
    errors,
    dateEvidence: dateIndex === null ? null : evidence,
    durationMs: Math.round(performance.now() - started),
  }
}
