import { openSync, readSync, closeSync, fstatSync } from 'node:fs'

/** The fields of the 100-byte SQLite file header (https://www.sqlite.org/fileformat.html#the_database_header) we check before trusting a file. */
export interface SqliteHeader {
  pageSize: number
  fileSize: number
  /** Pages the header says the file holds; null when the header's size field is not valid. */
  declaredPages: number | null
  userVersion: number
  applicationId: number
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** Reads the header without opening the database, so a foreign or damaged file is never touched by SQLite. Null when the file is not SQLite at all. */
export function readSqliteHeader(path: string): SqliteHeader | null {
  const fd = openSync(path, 'r')
  try {
    const fileSize = fstatSync(fd).size
    const buf = Buffer.alloc(100)
    const read = readSync(fd, buf, 0, 100, 0)
    return parseSqliteHeader(buf.subarray(0, read), fileSize)
  } finally {
    closeSync(fd)
  }
}

/** The header fields from a file's first bytes (at least 100 of them); null when they are not an SQLite header. */
export function parseSqliteHeader(start: Buffer, fileSize: number): SqliteHeader | null {
  if (start.length < 100 || !start.subarray(0, 16).equals(MAGIC)) return null
  const rawPageSize = start.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
  const changeCounter = start.readUInt32BE(24)
  const sizeInPages = start.readUInt32BE(28)
  const versionValidFor = start.readUInt32BE(92)
  return {
    pageSize,
    fileSize,
    declaredPages: sizeInPages > 0 && changeCounter === versionValidFor ? sizeInPages : null,
    userVersion: start.readInt32BE(60),
    applicationId: start.readInt32BE(68),
  }
}

/** SQLite's side files (https://www.sqlite.org/fileformat.html#the_write_ahead_log, …#the_rollback_journal), told by their first bytes. */
export function sideFileKind(start: Buffer): 'wal' | 'journal' | null {
  if (start.length >= 4 && (start.readUInt32BE(0) & 0xfffffffe) === 0x377f0682) return 'wal'
  if (start.length >= 8 && start.subarray(0, 8).equals(JOURNAL_MAGIC)) return 'journal'
  return null
}

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7])

/** A file cut short (a partial copy, an interrupted download) no longer holds whole pages or the pages its header declares. */
export function looksTruncated(h: SqliteHeader): boolean {
  if (h.pageSize < 512 || (h.pageSize & (h.pageSize - 1)) !== 0) return true
  if (h.fileSize % h.pageSize !== 0) return true
  return h.declaredPages !== null && h.fileSize < h.declaredPages * h.pageSize
}
