import Database from 'better-sqlite3'
import type { SqliteOptions } from './connect'

// A file of its own, importing nothing but the driver: an export's reader thread loads this, not
// the migrations and Kysely that connect.ts brings (its bundle is a few KB instead of 700).

/**
 * A read-only connection for a worker thread that only reads (an export's reader threads). Unlike
 * openWorkerConnection it sets no journal mode: it changes nothing in the file, so it suits a
 * workspace the CLI opened read-only (a file at rest stays in its rollback-journal mode) as well as
 * one the app holds open in WAL mode. `mmapBytes`: the file is read through a memory map of up to
 * that many bytes (no copy of each page into SQLite's cache).
 */
export function openReaderConnection(path: string, opts: SqliteOptions & { busyTimeoutMs?: number; mmapBytes?: number; cacheSizeKiB?: number } = {}): Database.Database {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
  try {
    sqlite.pragma(`busy_timeout = ${Math.round(opts.busyTimeoutMs ?? 5000)}`)
    sqlite.pragma('temp_store = MEMORY')
    if (opts.mmapBytes) sqlite.pragma(`mmap_size = ${Math.round(opts.mmapBytes)}`)
    if (opts.cacheSizeKiB) sqlite.pragma(`cache_size = -${Math.round(opts.cacheSizeKiB)}`)
    return sqlite
  } catch (e) {
    sqlite.close()
    throw e
  }
}
