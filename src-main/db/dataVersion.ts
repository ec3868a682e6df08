import type { Sqlite } from './sqlite'

/**
 * SQLite's PRAGMA data_version on this connection: it moves when another connection (another
 * process such as `cxdesk collect` or `cxdesk import`, or a worker thread) commits to the file, and
 * not for this connection's own writes. Reading it costs a look at the WAL index, no I/O.
 */
export function dataVersion(sqlite: Sqlite): number {
  return sqlite.pragma('data_version', { simple: true }) as number
}
