import { createReadStream } from 'node:fs'
import type { ImportProgress, ImportSummary, RowError } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import type { MetricKind } from '../../src-shared/domain/scores'
import { CsvParser, type CsvRecord } from '../import/csv/CsvParser'
import { checkGeneratorHeader, mapGeneratorRecord } from '../import/formats/generatorFormat'
import type { NormalizedResponse } from '../import/formats/normalized'
import { responseWriter } from '../db/repositories/responses'
import { customerResolver } from '../db/repositories/customers'
import { finishImportRecord, startImportRecord } from '../db/repositories/imports'
import { listQuestions } from '../db/repositories/questions'
import type { Clock } from '../app/clock'
import type { OpenWorkspace } from './workspaceSession'

/** How many rejected rows are listed by number; the count covers all of them. */
const MAX_LISTED_ERRORS = 200

export interface ImportDeps {
  clock: Clock
  onProgress?: (p: ImportProgress) => void
}

/**
 * Reads the whole file, validates every row, then writes the good rows in one transaction:
 * a failure at any point leaves the workspace exactly as it was.
 */
export async function importGeneratorCsv(open: OpenWorkspace, file: { path: string; name: string; size: number }, deps: ImportDeps): Promise<ImportSummary> {
  const started = performance.now()
  const { rows, errors, rejected, rowsRead } = await readRows(file, deps.onProgress)
  const now = deps.clock.now()
  const questionIds = new Map<MetricKind, number>()
  for (const q of await listQuestions(open.db)) if (!questionIds.has(q.metric)) questionIds.set(q.metric, q.id)

  const sqlite = open.ws.sqlite
  const write = responseWriter(sqlite)
  const result = sqlite.transaction(() => {
    const importId = startImportRecord(sqlite, file.name, 'cxdesk-generator', now)
    const customerId = customerResolver(sqlite, now)
    let imported = 0
    for (const r of rows) {
      const isNew = write({
        dedupKey: r.dedupKey,
        importId,
        externalRef: r.externalRef,
        customerId: r.customerRef ? customerId(r.customerRef, r.customerEmail) : null,
        questionId: r.metric ? (questionIds.get(r.metric) ?? null) : null,
        score: r.score,
        submittedAt: r.submittedAt,
        submittedOffset: r.submittedOffset,
        localDate: open.localDateOf(r.submittedAt),
        channel: r.channel,
        touchpoint: r.touchpoint,
        stage: r.stage,
        location: r.location,
        language: r.language,
        comment: r.comment,
        respondentEmail: r.customerEmail,
        status: r.status,
        owner: null,
        statusChangedAt: r.status === 'new' ? null : (r.resolvedAt ?? r.submittedAt),
        resolvedAt: r.resolvedAt,
        now,
      })
      if (isNew) imported++
    }
    const counts = { rowsRead, imported, duplicates: rows.length - imported, rejected }
    finishImportRecord(sqlite, importId, counts, now)
    return { importId, ...counts }
  })()
  return { ...result, fileName: file.name, errors, durationMs: Math.round(performance.now() - started) }
}

async function readRows(file: { path: string; name: string; size: number }, onProgress?: (p: ImportProgress) => void) {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const parser = new CsvParser(',')
  const rows: NormalizedResponse[] = []
  const errors: RowError[] = []
  let rejected = 0
  let rowsRead = 0
  let index: Extract<ReturnType<typeof checkGeneratorHeader>, { ok: true }>['index'] | null = null
  let columnCount = 0
  let bytesRead = 0

  const take = (records: CsvRecord[]) => {
    for (const rec of records) {
      if (!index) {
        const header = checkGeneratorHeader(rec.fields)
        if (!header.ok)
          throw new AppError('IMPORT_FAILED', `${file.name} is not in the CX Desk generator format: missing column(s) ${header.missing.join(', ')}.`, {
            missing: header.missing,
          })
        index = header.index
        columnCount = rec.fields.length
        continue
      }
      rowsRead++
      const mapped = mapGeneratorRecord(rec.fields, rec.record, index, columnCount)
      if (mapped.ok) rows.push(mapped.value)
      else {
        rejected++
        if (errors.length < MAX_LISTED_ERRORS) errors.push(mapped.error)
      }
    }
  }

  try {
    for await (const chunk of createReadStream(file.path, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer
      bytesRead += bytes.length
      take(parser.push(decoder.decode(bytes, { stream: true })))
      onProgress?.({ fileName: file.name, bytesRead, totalBytes: file.size, rowsRead })
    }
    take(parser.push(decoder.decode()))
    take(parser.end())
  } catch (e) {
    if (e instanceof AppError) throw e
    if (e instanceof TypeError) throw new AppError('IMPORT_FAILED', `${file.name} is not UTF-8 text. Save it as "CSV UTF-8" and try again.`)
    throw new AppError('IO', `Could not read ${file.name}: ${(e as Error).message}`)
  }
  if (!index) throw new AppError('IMPORT_FAILED', `${file.name} is empty.`)
  for (const p of parser.problems) {
    rejected++
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ row: p.record, column: null, reason: p.reason })
  }
  return { rows, errors, rejected, rowsRead }
}
