import type Database from 'better-sqlite3'

export function startImportRecord(
  sqlite: Database.Database,
  fileName: string,
  format: string,
  now: number,
  used: { timezone: string; mapping: string },
): number {
  return Number(
    sqlite
      .prepare(`INSERT INTO imports (file_name, format, started_at, status, timezone, mapping) VALUES (?, ?, ?, 'running', ?, ?)`)
      .run(fileName, format, now, used.timezone, used.mapping).lastInsertRowid,
  )
}

export function finishImportRecord(
  sqlite: Database.Database,
  id: number,
  counts: { rowsRead: number; imported: number; duplicates: number; rejected: number },
  now: number,
): void {
  sqlite
    .prepare(
      `UPDATE imports SET status = 'done', finished_at = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, rows_rejected = ? WHERE id = ?`,
    )
    .run(now, counts.rowsRead, counts.imported, counts.duplicates, counts.rejected, id)
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
export function listImportRecords(sqlite: Database.Database, limit = 200): ImportRow[] {
  return sqlite
    .prepare(
      `SELECT i.id, i.file_name, i.format, i.started_at, i.finished_at, i.rows_read, i.rows_imported, i.rows_duplicate, i.rows_rejected,
         i.timezone, i.mapping,
         count(r.id) AS responses,
         coalesce(sum(r.read_in_zone = 1), 0) AS zoneless,
         coalesce(sum(r.read_in_zone IS NULL), 0) AS unknown
       FROM imports i LEFT JOIN responses r ON r.import_id = i.id
       WHERE i.status = 'done'
       GROUP BY i.id ORDER BY i.id DESC LIMIT ?`,
    )
    .all(limit) as ImportRow[]
}

export function importRecord(sqlite: Database.Database, id: number): { id: number; file_name: string; timezone: string | null } | undefined {
  return sqlite.prepare(`SELECT id, file_name, timezone FROM imports WHERE id = ? AND status = 'done'`).get(id) as
    | { id: number; file_name: string; timezone: string | null }
    | undefined
}

export function setImportZone(sqlite: Database.Database, id: number, timezone: string): void {
  sqlite.prepare('UPDATE imports SET timezone = ? WHERE id = ?').run(timezone, id)
}
