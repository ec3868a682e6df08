import { randomBytes } from 'node:crypto'
import type { ImportMapping, ImportProgress, ImportStage, ImportSummary, Inspection, ImportKind, TextEncoding, Delimiter } from '../../src-shared/api/imports'
import { importMappingSchema } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import type { Clock } from '../common/clock'
import { openTable, type TableInspection } from './openTable'
import { inspectFile } from './inspectFile'
import { needsOrderChoice, orderFromEvidence } from '../../src-shared/domain/dateText'
import { runImportJob } from './importJob'
import { hasLegacyKeys } from '../db/responses'
import { mapInThisThread } from './mappedTable'
import { startImportWorker } from './worker/runInWorker'
import type { OpenWorkspace } from '../db/openWorkspace'
import { storedMapping, storeMapping } from './importMappingsRepository'

export interface ImportFile {
  id: string
  path: string
  name: string
  size: number
}

function rememberedMapping(open: OpenWorkspace, sourceKey: string): ImportMapping | null {
  const stored = storedMapping(open.ws.sqlite, sourceKey)
  if (stored === null) return null
  const parsed = importMappingSchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : null
}

function rememberMapping(open: OpenWorkspace, sourceKey: string, label: string, mapping: ImportMapping, now: number): Promise<void> {
  return storeMapping(open.db, { sourceKey, label: label.slice(0, 200), mapping: JSON.stringify(mapping), now })
}

/** The proposal with the date order settled by the inspected rows where they settle it. */
function settleDateOrder(mapping: ImportMapping, insp: TableInspection): ImportMapping {
  if (mapping.dateOrder !== null) return mapping
  const dateCol = mapping.columns.find((c) => c.role === 'date')?.index
  const ev = insp.dateEvidence.find((e) => e.index === dateCol)
  return ev ? { ...mapping, dateOrder: orderFromEvidence(ev) } : mapping
}

/** Step one of an import: what the file looks like, and the mapping CX Desk proposes (remembered, known, or guessed). */
export async function inspectImport(
  open: OpenWorkspace,
  file: ImportFile,
  req: { kind: ImportKind; encoding?: TextEncoding; delimiter?: Delimiter; sheet?: string; headerRows?: number },
): Promise<Inspection> {
  const insp = await inspectFile(file.path, file.name, req.kind, req, { inProcess: open.ws.path === ':memory:' })
  const remembered = rememberedMapping(open, insp.proposal.sourceKey)
  const base = remembered ?? insp.proposal.mapping
  const mapping: ImportMapping = settleDateOrder(
    {
      ...base,
      ...(insp.table.encoding ? { encoding: insp.table.encoding } : {}),
      ...(insp.table.delimiter ? { delimiter: insp.table.delimiter } : {}),
      ...(insp.table.sheet ? { sheet: insp.table.sheet } : {}),
    },
    insp,
  )
  return {
    fileId: file.id,
    fileName: file.name,
    fileKind: insp.table.fileKind,
    encoding: insp.table.encoding,
    encodingCertain: insp.table.encodingCertain,
    delimiter: insp.table.delimiter,
    sheets: insp.table.sheets,
    headers: insp.headers,
    preview: insp.preview,
    previewFirstRow: insp.previewFirstRow,
    mapping,
    mappingSource: remembered ? 'remembered' : insp.proposal.format ? 'known' : 'guessed',
    sourceKey: insp.proposal.sourceKey,
    dateEvidence: insp.dateEvidence,
    rowsInspected: insp.rowsInspected,
    inspectedWholeFile: insp.wholeFile,
  }
}

/** Checks a mapping can import anything at all, in words the user can act on. */
function checkMapping(m: ImportMapping, headers: string[]): void {
  const has = (role: string) => m.columns.some((c) => c.role === role)
  for (const c of m.columns) if (c.index >= headers.length && c.role !== 'ignore') throw new AppError('IMPORT_FAILED', `The file has no column ${c.index + 1}.`)
  if (m.kind === 'responses') {
    if (!has('date')) throw new AppError('IMPORT_FAILED', 'Choose the column that holds the date of each response.')
    if (!has('score') && !has('comment')) throw new AppError('IMPORT_FAILED', 'Choose at least one score column or the comment column.')
  } else if (!has('customerId') && !has('email')) throw new AppError('IMPORT_FAILED', 'Choose the column with the customer id or the e-mail address.')
}

const running = new Map<string, { cancel(): void }>()

export function cancelImport(jobId: string): boolean {
  const job = running.get(jobId)
  job?.cancel()
  return Boolean(job)
}

export interface RunImportDeps {
  clock: Clock
  emit: (p: ImportProgress) => void
  nativeBinding?: string
  /** Run in this thread even for a file workspace (tests of the in-process path). */
  inProcess?: boolean
}

/**
 * Imports (or checks, with dryRun) a file in one transaction, in a worker thread with its own
 * connection when the workspace is a file. Without a mapping, the remembered or recognised one is
 * used, and a file whose dates read two ways is refused until the order is chosen.
 */
export async function runImport(
  open: OpenWorkspace,
  file: ImportFile,
  req: { mapping?: ImportMapping; jobId?: string; dryRun: boolean; remember: boolean },
  deps: RunImportDeps,
): Promise<ImportSummary> {
  const kind = req.mapping?.kind ?? 'responses'
  const inProcess = open.ws.path === ':memory:' || Boolean(deps.inProcess)
  const inspect = { encoding: req.mapping?.encoding, delimiter: req.mapping?.delimiter, sheet: req.mapping?.sheet }
  /** The mapping to import with, from the file's inspection: the one given, or the remembered or proposed one. */
  const choose = (insp: TableInspection) => {
    let mapping = req.mapping
    if (!mapping) {
      mapping = settleDateOrder(rememberedMapping(open, insp.proposal.sourceKey) ?? insp.proposal.mapping, insp)
      const dateCol = mapping.columns.find((c) => c.role === 'date')?.index
      const ev = insp.dateEvidence.find((e) => e.index === dateCol)
      if (mapping.dateOrder === null && ev && needsOrderChoice(ev))
        throw new AppError('IMPORT_FAILED', `Dates such as ${ev.examples.ambiguous} can be read as day/month or month/day, and nothing in the file settles it. Choose the order (--date-order dmy or mdy).`, {
          needs: 'dateOrder',
        })
    }
    checkMapping(mapping, insp.headers)
    chosen = { mapping, sourceKey: insp.proposal.sourceKey }
    return chosen
  }
  let chosen: { mapping: ImportMapping; sourceKey: string } | null = null
  const jobId = req.jobId ?? randomBytes(9).toString('base64url')
  const phase = req.dryRun ? 'checking' : 'importing'
  const emit = (p: { stage: ImportStage; bytesRead: number; totalBytes: number; rowsRead: number }) => deps.emit({ jobId, fileName: file.name, phase, ...p })
  // Before any thread starts: starting the import's threads and reading the file's layout again take
  // seconds on a busy machine, and the page must show the work has begun (stage words, not "0 %").
  emit({ stage: 'starting', bytesRead: 0, totalBytes: file.size, rowsRead: 0 })
  const now = deps.clock.now()
  const timezone = open.settings.timezone
  let summary: ImportSummary
  try {
    if (inProcess) {
      const { mapping, sourceKey } = choose(await inspectFile(file.path, file.name, kind, inspect, { inProcess }))
      let cancelled = false
      running.set(jobId, { cancel: () => (cancelled = true) })
      const { source } = await openTable(file.path, file.name, { encoding: mapping.encoding, delimiter: mapping.delimiter, sheet: mapping.sheet })
      summary = await runImportJob(open.ws.sqlite, {
        table: mapInThisThread(source, { mapping, sourceKey, timezone, legacyKeys: hasLegacyKeys(open.ws.sqlite) }),
        mapping,
        fileName: file.name,
        dryRun: req.dryRun,
        now,
        zones: { read: mapping.timezone ?? timezone, workspace: timezone },
        isCancelled: () => cancelled,
        onProgress: emit,
      })
    } else {
      // The worker's reader thread inspects the file; the mapping is chosen here, where the remembered ones are.
      const job = startImportWorker(
        { dbPath: open.ws.path, nativeBinding: deps.nativeBinding, path: file.path, fileName: file.name, kind, inspect, dryRun: req.dryRun, timezone, now },
        choose,
        emit,
      )
      running.set(jobId, job)
      summary = await job.done
    }
  } finally {
    running.delete(jobId)
  }
  const used = chosen as { mapping: ImportMapping; sourceKey: string } | null
  if (used && req.remember && !req.dryRun && summary.imported + summary.duplicates > 0) await rememberMapping(open, used.sourceKey, file.name, used.mapping, now)
  return summary
}
