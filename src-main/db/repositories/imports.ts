import type Database from 'better-sqlite3'

export function startImportRecord(sqlite: Database.Database, fileName: string, format: string, now: number): number {
  return Number(
    sqlite.prepare(`INSERT INTO imports (file_name, format, started_at, status) VALUES (?, ?, ?, 'running')`).run(fileName, format, now).lastInsertRowid,
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
