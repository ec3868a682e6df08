import { sql } from 'kysely'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'
import type { Sqlite } from '../db/sqlite'

// The import job keeps its record inside its own synchronous transaction: built by Kysely, run at once (db/syncQuery.ts).

export function startImportRecord(sqlite: Sqlite, fileName: string, format: string, now: number, used: { timezone: string; mapping: string }): number {
  return runOf(
    sqlite,
    build.insertInto('imports').values({
      file_name: fileName, format, started_at: now, status: 'running', timezone: used.timezone, mapping: used.mapping,
      rows_read: 0, rows_imported: 0, rows_duplicate: 0, rows_rejected: 0,
    }),
  ).lastInsertRowid
}

export function finishImportRecord(
  sqlite: Sqlite,
  id: number,
  counts: { rowsRead: number; imported: number; duplicates: number; rejected: number },
  now: number,
): void {
  runOf(
    sqlite,
    build
      .updateTable('imports')
      .set({
        status: 'done',
        finished_at: now,
        rows_read: counts.rowsRead,
        rows_imported: counts.imported,
        rows_duplicate: counts.duplicates,
        rows_rejected: counts.rejected,
      })
      .where('id', '=', id),
  )
}

export interface ImportRow {
  id: number
  file_name: string
  format: string
  started_at: number
  finished_at: number | null
  rows_read: number
  rows_imported: number
  rows_duplicate: number
  rows_rejected: number
  timezone: string | null
  mapping: string | null
  /** Responses of this import now in the workspace, by what is known of their times. */
  responses: number
  zoneless: number
  unknown: number
}

/** Finished imports, newest first, with how many of their responses a re-read would move. */
export function listImportRecords(sqlite: Sqlite, limit = 200): ImportRow[] {
  return rowsOf(
    sqlite,
    build
      .selectFrom('imports as i')
      .leftJoin('responses as r', 'r.import_id', 'i.id')
      .select([
        'i.id', 'i.file_name', 'i.format', 'i.started_at', 'i.finished_at', 'i.rows_read', 'i.rows_imported', 'i.rows_duplicate',
        'i.rows_rejected', 'i.timezone', 'i.mapping',
        (eb) => eb.fn.count<number>('r.id').as('responses'),
        sql<number>`coalesce(sum(r.read_in_zone = 1), 0)`.as('zoneless'),
        sql<number>`coalesce(sum(r.read_in_zone IS NULL), 0)`.as('unknown'),
      ])
      .where('i.status', '=', 'done')
      .groupBy('i.id')
      .orderBy('i.id', 'desc')
      .limit(limit),
  )
}

export function importRecord(sqlite: Sqlite, id: number): { id: number; file_name: string; timezone: string | null } | undefined {
  return firstOf(sqlite, build.selectFrom('imports').select(['id', 'file_name', 'timezone']).where('id', '=', id).where('status', '=', 'done'))
}

export function setImportZone(sqlite: Sqlite, id: number, timezone: string): void {
  runOf(sqlite, build.updateTable('imports').set({ timezone }).where('id', '=', id))
}
