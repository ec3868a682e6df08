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
    if (read < 100 || !buf.subarray(0, 16).equals(MAGIC)) return null
    const rawPageSize = buf.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
    const changeCounter = buf.readUInt32BE(24)
    const sizeInPages = buf.readUInt32BE(28)
    const versionValidFor = buf.readUInt32BE(92)
    return {
      pageSize,
      fileSize,
      declaredPages: sizeInPages > 0 && changeCounter === versionValidFor ? sizeInPages : null,
      userVersion: buf.readInt32BE(60),
      applicationId: buf.readInt32BE(68),
    }
  } finally {
    closeSync(fd)
  }
}

/** A file cut short (a partial copy, an interrupted download) no longer holds whole pages or the pages its header declares. */
export function looksTruncated(h: SqliteHeader): boolean {
  if (h.pageSize < 512 || (h.pageSize & (h.pageSize - 1)) !== 0) return true
  if (h.fileSize % h.pageSize !== 0) return true
  return h.declaredPages !== null && h.fileSize < h.declaredPages * h.pageSize
}
