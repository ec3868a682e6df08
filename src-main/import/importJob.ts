import type Database from 'better-sqlite3'
import type { ImportMapping, ImportStage, ImportSummary, ScoreSpec } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import { generatorScales } from './formats/generatorFormat'
import type { NormalizedCustomer } from './formats/normalized'
import { fromWire, type MappedBatch, type MappingOutcome, type WireResponse } from './mapping/tableMapper'
import type { MappedTable } from './mappedTable'
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
/** The page cache while the dropped indexes are created again: it caps each sorter thread's memory. */
const INDEX_SORT_CACHE_KIB = 8_192
/** Helper threads SQLite's sorter may use for those sorts (PRAGMA threads). */
const INDEX_SORT_THREADS = 2

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
    // SQLite's sorter may hold as much memory as the page cache in each of its threads; measured on a
    // million rows, a cache of 8 MB sorted as fast as one of 16 MB, and two helper threads took the
    // rebuild from about 13.5 s to 12 s (more CPU in all, on a core the reader thread no longer uses)
    // for some 8 MB more.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
    const threads = sqlite.pragma('threads', { simple: true }) as number
    sqlite.pragma(`cache_size = -${INDEX_SORT_CACHE_KIB}`)
    sqlite.pragma(`threads = ${INDEX_SORT_THREADS}`)
    try {
      for (const i of indexes) sqlite.exec(i.sql)
    } finally {
      sqlite.pragma(`threads = ${threads}`)
      sqlite.pragma(`cache_size = ${cacheSize}`)
    }
  }
}

const PROGRESS_EVERY_MS = 150

export interface ImportJobInput {
  /** The file read through its mapping, on this thread or on a reader thread. */
  table: MappedTable
  mapping: ImportMapping
  fileName: string
  dryRun: boolean
  now: number
  isCancelled: () => boolean
  onProgress?: (p: { stage: ImportStage; bytesRead: number; totalBytes: number; rowsRead: number }) => void
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
 * Writes a mapped table into the workspace in ONE transaction (or, with dryRun, only checks it).
 * Memory holds a batch of rows at a time; the transaction's pages spill to the WAL, so a
 * million-row file imports in bounded memory. A cancel or any error rolls everything back; a crash
 * (even SIGKILL) leaves no trace because the commit never happened. Returns the counts.
 */
export async function runImportJob(sqlite: Database.Database, input: ImportJobInput): Promise<ImportSummary> {
  const started = performance.now()
  const { mapping, table } = input
  let imported = 0
  let duplicates = 0
  let bytesRead = 0
  let rowsRead = 0
  let lastProgress = 0
  let importId: number | null = null
  let outcome: MappingOutcome

  const inTransaction = !input.dryRun
  // Every reference an import writes points at a row it created or found in the same transaction (its
  // import record, the questions, the customers, the responses it tags), so the per-row foreign-key
  // checks are skipped while it writes: about 5% of the writing thread's time, measured. The setting
  // cannot change inside a transaction: it is switched off before it and back on after it, always.
  const skipKeyChecks = inTransaction && sqlite.pragma('foreign_keys', { simple: true }) === 1
  if (skipKeyChecks) sqlite.pragma('foreign_keys = OFF')
  if (inTransaction) sqlite.exec('BEGIN IMMEDIATE')
  try {
    let handle: ((item: MappedBatch['items'][number]) => void) | null = null
    const prepare = (hdr: string[]) => {
      if (mapping.kind === 'customers') {
        const link = input.dryRun ? null : customerLinker(sqlite, input.now, { overwrite: true })
        const known = sqlite.prepare<{ ref: string | null; email: string | null }, { n: number }>('SELECT count(*) n FROM customers WHERE external_ref = @ref OR (@email IS NOT NULL AND email = @email)')
        return (item: MappedBatch['items'][number]) => {
          const c = item as NormalizedCustomer
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
      const write = input.dryRun ? null : feedbackWriter(sqlite, input.now)
      const link = input.dryRun ? null : customerLinker(sqlite, input.now)
      const exists = sqlite.prepare<[string], { one: number }>('SELECT 1 one FROM responses WHERE dedup_key = ?')
      return (item: MappedBatch['items'][number]) => {
        const r = fromWire(item as WireResponse)
        if (!write) {
          if (exists.get(r.dedupKey)) duplicates++
          else imported++
          return
        }
        const customer = link?.({ ref: r.customerRef, email: r.customerEmail, name: r.customerName, phone: r.customerPhone, segment: r.segment }) ?? null
        const id = write({
          dedupKey: r.dedupKey,
          importId,
          externalRef: r.externalRef,
          customerId: customer?.id ?? null,
          questionId: r.questionKey ? (questionIds.get(r.questionKey) ?? null) : null,
          score: r.score,
          submittedAt: r.submittedAt,
          submittedOffset: r.submittedOffset,
          localDate: r.localDate,
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
    if (!input.dryRun) importId = startImportRecord(sqlite, input.fileName, mapping.format ?? mapping.kind, input.now)
    let restoreIndexes: (() => void) | null = null
    let journalRollups: (() => void) | null = null
    if (!input.dryRun && mapping.kind === 'responses') {
      journalRollups = suspendRollupTriggers(sqlite)
      if (table.totalBytes > BULK_BYTES) {
        const existing = (sqlite.prepare('SELECT count(*) n FROM responses').get() as { n: number }).n
        if (table.totalBytes / BYTES_PER_ROW > existing) restoreIndexes = suspendIndexes(sqlite)
      }
    }

    // Said at once: the first batch may take a while (a reader thread parsing its first chunk), and the bar must show the import is under way.
    input.onProgress?.({ stage: 'reading', bytesRead: 0, totalBytes: table.totalBytes, rowsRead: 0 })
    for await (const batch of table.batches()) {
      if (input.isCancelled()) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.')
      if (!handle && batch.headers) handle = prepare(batch.headers)
      if (handle) for (const item of batch.items) handle(item)
      bytesRead = batch.bytesRead
      rowsRead = batch.rowsRead
      const t = performance.now()
      if (t - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = t
        input.onProgress?.({ stage: 'reading', bytesRead, totalBytes: table.totalBytes, rowsRead })
      }
    }
    outcome = table.outcome()
    // Rebuilding dropped indexes, folding the summaries' journal and committing take seconds on a large file: said, not shown as a bar stuck at 99 %.
    input.onProgress?.({ stage: 'finishing', bytesRead: table.totalBytes, totalBytes: table.totalBytes, rowsRead: outcome.rowsRead })
    if (!outcome.headers) throw new AppError('IMPORT_FAILED', `${input.fileName} is empty.`)
    if (input.isCancelled()) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.')
    if (restoreIndexes) restoreIndexes()
    journalRollups?.()
    if (restoreIndexes) {
      // Statistics for the query planner, so filters pick the right index on the new data (a sample: quick).
      sqlite.pragma('analysis_limit = 400')
      sqlite.exec('ANALYZE')
    }
    if (importId !== null) finishImportRecord(sqlite, importId, { rowsRead: outcome.rowsRead, imported, duplicates, rejected: outcome.rejected }, input.now)
    if (inTransaction) sqlite.exec('COMMIT')
  } catch (e) {
    if (inTransaction && sqlite.inTransaction) sqlite.exec('ROLLBACK')
    if (e instanceof AppError) throw e
    if (e instanceof TypeError && /encoded data|decode/i.test(e.message))
      throw new AppError('IMPORT_FAILED', `${input.fileName} is not valid ${mapping.encoding ?? 'UTF-8'} text. Choose its encoding and try again.`)
    throw new AppError('IMPORT_FAILED', `Could not import ${input.fileName}: ${(e as Error).message}`)
  } finally {
    if (skipKeyChecks) sqlite.pragma('foreign_keys = ON')
    await table.close()
  }
  const errors = [...outcome.errors].sort((a, b) => a.row - b.row)
  return {
    importId,
    kind: mapping.kind,
    fileName: input.fileName,
    dryRun: input.dryRun,
    rowsRead: outcome.rowsRead,
    imported,
    duplicates,
    rejected: outcome.rejected,
    errors,
    dateEvidence: outcome.dateEvidence,
    durationMs: Math.round(performance.now() - started),
  }
}
