import type { Sqlite } from '../db/sqlite'
import type { ImportMapping, ImportStage, ImportSummary, ScoreSpec } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import type { NormalizedCustomer } from './formats/normalized'
import { WIRE, type MappedBatch, type MappingOutcome, type WireResponse } from './mapping/tableMapper'
import type { ResponseInsert } from '../db/responses'
import type { MappedTable } from './mappedTable'
import { customerLinker } from '../customers/customersRepository'
import { crmConsentWriter } from '../customers/contactRepository'
import { ensureQuestions, questionKeyOf, type WantedQuestion } from '../db/questionLookup'
import { finishImportRecord, startImportRecord } from './importsRepository'
import { suspendRollupTriggers } from '../metrics/rollups/rollupJournalRepository'
import { analyzeSummaries } from '../metrics/rollups/rollupMaintainRepository'
import { factDerivations } from '../metrics/rollups/derivations'
import { feedbackBatchWriter } from '../feedback/feedbackWriter'
import { ensureDueDates } from '../feedback/followUpService'
import { legacyMatcher } from './legacyRows'
import { readWallClock } from '../../src-shared/domain/dateText'
import { rereadZonelessTimes } from '../db/responses'
import { localDateConverter } from '../../src-shared/domain/timezone'
import { metricKinds, standardScales } from '../../src-shared/domain/scores'
import { phaseClock } from './importTimings'
import { erasedCheck } from '../privacy/tombstoneKeys'
import { analyzeAfterBulkLoad, customerKnownLookup, importTransaction, responseKeyLookup, storedResponseCount, suspendImportIndexes } from './importWriteRepository'

/** Above this many bytes, a file that will more than double the workspace imports with its indexes rebuilt at the end. */
const BULK_BYTES = 8 << 20
/** A rough size of one exported row, to estimate a file's rows from its bytes. */
const BYTES_PER_ROW = 160
const PROGRESS_EVERY_MS = 150

/**
 * From this many new responses the import folds them into the summaries itself; fewer are left in
 * the rollup journal, which reads add (or fold inline, from the keeper's FOLD_FROM of 500 rows).
 */
const FOLD_IN_IMPORT_FROM = 500

export interface ImportJobInput {
  /** The file read through its mapping, on this thread or on a reader thread. */
  table: MappedTable
  mapping: ImportMapping
  fileName: string
  dryRun: boolean
  now: number
  /** `read`: the zone times without one are read in (this import's); `workspace`: where days are cut. */
  zones: { read: string; workspace: string }
  isCancelled: () => boolean
  onProgress?: (p: { stage: ImportStage; bytesRead: number; totalBytes: number; rowsRead: number }) => void
}

/**
 * The questions every score column may answer: a column with a scale of its own asks the question its
 * header names (questionKeyOf: keyed by the column); a column whose metric each row names may answer
 * the three standard scales' default questions.
 */
function questionsOf(mapping: ImportMapping, headers: string[]): WantedQuestion[] {
  const scores = mapping.columns.filter((c) => c.role === 'score')
  const wanted: WantedQuestion[] = scores.flatMap((c) => (c.score ? [{ key: questionKeyOf(c.score, c.index), spec: c.score, label: headers[c.index] ?? '' }] : []))
  if (scores.some((c) => !c.score))
    for (const m of metricKinds) {
      const spec: ScoreSpec = { metric: m, min: standardScales[m].min, max: standardScales[m].max, direction: 'higher_better' }
      wanted.push({ key: questionKeyOf(spec, null), spec })
    }
  return wanted
}

/**
 * Writes a mapped table into the workspace in ONE transaction (or, with dryRun, only checks it).
 * Memory holds a batch of rows at a time; the transaction's pages spill to the WAL, so a
 * million-row file imports in bounded memory. A cancel or any error rolls everything back; a crash
 * (even SIGKILL) leaves no trace because the commit never happened. Returns the counts.
 */
export async function runImportJob(sqlite: Sqlite, input: ImportJobInput): Promise<ImportSummary> {
  const started = performance.now()
  const clock = phaseClock('writer')
  const { mapping, table } = input
  let imported = 0
  let duplicates = 0
  let mergedBefore = 0
  /** Rows of people erased from this workspace (their tombstones): skipped and counted. */
  let erased = 0
  let bytesRead = 0
  let rowsRead = 0
  let lastProgress = 0
  let importId: number | null = null
  let outcome: MappingOutcome

  // One transaction for the whole file (a check writes nothing and opens none): importWriteRepository.ts.
  // A lock it cannot take is thrown as it is (as before), with the reader closed.
  let tx: ReturnType<typeof importTransaction> | null
  try {
    tx = input.dryRun ? null : importTransaction(sqlite)
  } catch (e) {
    await table.close()
    throw e
  }
  try {
    let handle: ((items: MappedBatch['items']) => void) | null = null
    /** The keys of rows taken over from an older version (legacyRows.ts), filled while rows are written. */
    const legacyAdopted: string[] = []
    // Null when no one was erased: then nothing is looked up per row. Phones are keyed in the
    // workspace's zone, the zone the mapper normalised them in (and old tombstones by their last nine digits too).
    const isErased = erasedCheck(sqlite, input.zones.workspace)
    const prepare = (hdr: string[]): ((items: MappedBatch['items']) => void) => {
      if (mapping.kind === 'customers') {
        const link = input.dryRun ? null : customerLinker(sqlite, input.now, { overwrite: true, timezone: input.zones.workspace })
        const consent = input.dryRun ? null : crmConsentWriter(sqlite, input.now)
        const known = customerKnownLookup(sqlite)
        // A check remembers whom it has seen, so a customer listed twice counts as the import counts it.
        const seen = new Set<string>()
        return (items) => {
          for (const item of items) {
            const c = item as NormalizedCustomer
            if (isErased?.({ email: c.email, phone: c.phone, ref: c.ref })) {
              erased++
              continue
            }
            if (!link) {
              const keys = [c.ref ? `r:${c.ref}` : null, c.email ? `e:${c.email}` : null].filter((k): k is string => k !== null)
              if (keys.some((k) => seen.has(k)) || known(c)) duplicates++
              else imported++
              for (const k of keys) seen.add(k)
              continue
            }
            const r = link(c)
            if (r && c.consent && consent) {
              // A CRM date is a calendar date: midday UTC of it (the same date in every zone from −11 to +11 hours), as dates entered by hand.
              const at = c.consent.date ? Date.parse(`${c.consent.date}T12:00:00Z`) : input.now
              if (c.consent.feedback) consent(r.id, 'feedback', c.consent.feedback, at)
              if (c.consent.marketing) consent(r.id, 'marketing', c.consent.marketing, at)
            }
            if (r?.created) imported++
            else duplicates++
          }
        }
      }
      const questionIds = input.dryRun ? new Map<string, number>() : ensureQuestions(sqlite, questionsOf(mapping, hdr))
      const write = input.dryRun ? null : feedbackBatchWriter(sqlite, input.now)
      const link = input.dryRun ? null : customerLinker(sqlite, input.now, { timezone: input.zones.workspace })
      const exists = responseKeyLookup(sqlite)
      // A check writes nothing, so it remembers the keys it has seen: a row repeated inside the file is
      // a duplicate there exactly as it is when the import writes it (the database's unique key sees it).
      const seen = input.dryRun ? new Set<string>() : null
      const legacy = legacyMatcher(sqlite, { importId: () => importId, adopted: legacyAdopted })
      return (items) => {
        // A batch of rows goes to the writer at once (multi-row INSERTs); keys of this batch not yet written are tracked here.
        const pending = new Set<string>()
        const rows: ResponseInsert[] = []
        for (const item of items) {
          // Read by position from the tuple the reader sent (no object per row: the import's garbage is per row).
          const w = item as WireResponse
          const dedupKey = w[WIRE.dedupKey]
          const readInZone = w[WIRE.readInZone] === 1
          // The same row twice in one batch: the second is a duplicate before anything looks it up (the first is not written yet).
          if (pending.has(dedupKey)) {
            duplicates++
            continue
          }
          if (isErased?.({ dedupKey, email: w[WIRE.customerEmail], phone: w[WIRE.customerPhone], ref: w[WIRE.customerRef] })) {
            erased++
            continue
          }
          const legacyKeys = w[WIRE.legacyKeys]
          if (legacyKeys) {
            const found = legacy.match(dedupKey, legacyKeys, readInZone, seen)
            if (found === 'stored') {
              duplicates++
              continue
            }
            if (found === 'merged') mergedBefore++
          }
          if (seen) {
            if (seen.has(dedupKey) || exists(dedupKey)) duplicates++
            else {
              seen.add(dedupKey)
              imported++
            }
            continue
          }
          if (!write) continue
          const customerRef = w[WIRE.customerRef]
          const customerEmail = w[WIRE.customerEmail]
          const customerName = w[WIRE.customerName]
          const customerPhone = w[WIRE.customerPhone]
          // A name alone makes a customer of its own: not for a row already there (it would have none to link).
          if (!customerRef && !customerEmail && !customerPhone && customerName && exists(dedupKey)) {
            duplicates++
            continue
          }
          pending.add(dedupKey)
          const customer = link?.({ ref: customerRef, email: customerEmail, name: customerName, phone: customerPhone, segment: w[WIRE.segment] }) ?? null
          const questionKey = w[WIRE.questionKey]
          const status = w[WIRE.status]
          const resolvedAt = w[WIRE.resolvedAt]
          rows.push({
            dedupKey,
            importId,
            externalRef: w[WIRE.externalRef],
            customerId: customer?.id ?? null,
            questionId: questionKey ? (questionIds.get(questionKey) ?? null) : null,
            score: w[WIRE.score],
            submittedAt: w[WIRE.submittedAt],
            submittedOffset: w[WIRE.submittedOffset],
            localDate: w[WIRE.localDate],
            channel: w[WIRE.channel],
            touchpoint: w[WIRE.touchpoint],
            stage: w[WIRE.stage],
            location: w[WIRE.location],
            language: w[WIRE.language],
            comment: w[WIRE.comment],
            respondentEmail: customerEmail,
            status,
            owner: w[WIRE.owner],
            statusChangedAt: status === 'new' ? null : (resolvedAt ?? w[WIRE.submittedAt]),
            resolvedAt,
            sentiment: null,
            readInZone,
            now: input.now,
          })
        }
        if (!write || rows.length === 0) return
        for (const id of write(rows)) {
          if (id === null) duplicates++
          else imported++
        }
      }
    }
    if (!input.dryRun) importId = startImportRecord(sqlite, input.fileName, mapping.format ?? mapping.kind, input.now, {
        timezone: input.zones.read,
        mapping: JSON.stringify(mapping),
      })
    let restoreIndexes: (() => void) | null = null
    let foldRollups: ((opts: { fold: boolean }) => void) | null = null
    if (!input.dryRun && mapping.kind === 'responses') {
      foldRollups = suspendRollupTriggers(sqlite, factDerivations(sqlite))
      if (table.totalBytes > BULK_BYTES) {
        if (table.totalBytes / BYTES_PER_ROW > storedResponseCount(sqlite)) restoreIndexes = suspendImportIndexes(sqlite)
      }
    }

    // Said at once: the first batch may take a while (a reader thread parsing its first chunk), and the bar must show the import is under way.
    input.onProgress?.({ stage: 'reading', bytesRead: 0, totalBytes: table.totalBytes, rowsRead: 0 })
    clock.mark('setup')
    const batches = table.batches()[Symbol.asyncIterator]()
    for (;;) {
      const next = await batches.next()
      clock.mark('waitForReader')
      if (next.done) break
      const batch = next.value
      if (input.isCancelled()) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.')
      if (!handle && batch.headers) handle = prepare(batch.headers)
      handle?.(batch.items)
      clock.mark('writeRows')
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
    clock.mark('indexes')
    // Many new rows are folded into the summaries here, so no first read after the import pays for them.
    foldRollups?.({ fold: imported >= FOLD_IN_IMPORT_FROM })
    clock.mark('rollups')
    // Rows an older version stored, taken over by this import: their times are read in its zone now,
    // with the rollup triggers back in place to follow the moves.
    if (legacyAdopted.length && importId !== null)
      rereadZonelessTimes(sqlite, importId, (wall) => readWallClock(wall, input.zones.read), localDateConverter(input.zones.workspace), legacyAdopted)
    if (restoreIndexes) {
      analyzeAfterBulkLoad(sqlite)
      // The month cube's own, read whole: what the rollup worker's fold of a large journal did (see analyzeSummaries).
      analyzeSummaries(sqlite)
    }
    clock.mark('analyze')
    if (importId !== null) finishImportRecord(sqlite, importId, { rowsRead: outcome.rowsRead, imported, duplicates, rejected: outcome.rejected }, input.now)
    // The new follow-ups' due dates, worked out in the import's thread and transaction: otherwise the
    // window's thread did it on its first read after the import (about 1 s per 200,000 rows).
    if (tx) ensureDueDates(sqlite)
    clock.mark('dueDates')
    tx?.commit()
    clock.mark('commit')
  } catch (e) {
    tx?.rollback()
    if (e instanceof AppError) throw e
    if (e instanceof TypeError && /encoded data|decode/i.test(e.message))
      throw new AppError('IMPORT_FAILED', `${input.fileName} is not valid ${mapping.encoding ?? 'UTF-8'} text. Choose its encoding and try again.`)
    throw new AppError('IMPORT_FAILED', `Could not import ${input.fileName}: ${(e as Error).message}`)
  } finally {
    tx?.release()
    await table.close()
  }
  clock.flush({ rows: outcome.rowsRead, imported })
  const errors = [...outcome.errors].sort((a, b) => a.row - b.row)
  return {
    importId,
    kind: mapping.kind,
    fileName: input.fileName,
    dryRun: input.dryRun,
    rowsRead: outcome.rowsRead,
    imported,
    duplicates,
    mergedBefore,
    erased,
    rejected: outcome.rejected,
    errors,
    dateEvidence: outcome.dateEvidence,
    durationMs: Math.round(performance.now() - started),
  }
}
