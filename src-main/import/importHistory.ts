import type { ImportRecord, RereadResult } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import { currentZoneName, isValidTimeZone } from '../../src-shared/domain/timezone'
import { importRecord, listImportRecords, setImportZone } from './importsRepository'
import { rereadZonelessTimes } from '../db/responses'
import { readWallClock } from '../../src-shared/domain/dateText'
import type { OpenWorkspace } from '../db/openWorkspace'
import { inTransaction } from '../db/transaction'

export function listImports(open: OpenWorkspace): { imports: ImportRecord[] } {
  return {
    imports: listImportRecords(open.ws.sqlite).map((r) => ({
      id: r.id,
      fileName: r.file_name,
      format: r.format,
      importedAt: r.finished_at,
      rowsRead: r.rows_read,
      imported: r.rows_imported,
      duplicates: r.rows_duplicate,
      rejected: r.rows_rejected,
      timezone: r.timezone,
      responses: r.responses,
      readInZone: r.zoneless,
      notKnown: r.unknown,
    })),
  }
}

/**
 * Moves an import's zone-less times to another zone: each keeps the wall clock the file wrote and
 * gets the instant that wall clock names in `timezone`; local dates are cut again in the workspace's
 * zone and the rollup triggers follow, all in one transaction. Re-reading in `previousZone` undoes it
 * exactly (the stored instant plus its offset is always the written wall clock).
 */
export function rereadImport(open: OpenWorkspace, importId: number, timezone: string): RereadResult {
  if (!isValidTimeZone(timezone)) throw new AppError('VALIDATION', `Unknown time zone "${timezone}". Use an IANA name such as Asia/Bangkok.`)
  const zone = currentZoneName(timezone)
  const sqlite = open.ws.sqlite
  const record = importRecord(sqlite, importId)
  if (!record) throw new AppError('NOT_FOUND', `There is no import number ${importId} in this workspace.`)
  if (record.timezone === null)
    throw new AppError(
      'VALIDATION',
      `${record.file_name} was imported before CX Desk recorded zones: it cannot tell which of its times had a zone of their own, so it moves none of them. Import the file again: its rows are recognised and join the new import, which can then be re-read.`,
    )
  const moved = inTransaction(sqlite, () => {
    const n = rereadZonelessTimes(sqlite, importId, (wall) => readWallClock(wall, zone), open.localDateOf)
    setImportZone(sqlite, importId, zone)
    return n
  }, 'immediate')
  return { importId, previousZone: record.timezone, timezone: zone, moved }
}
