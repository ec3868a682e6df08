import type { ImportSummary } from '../../../src-shared/api/imports'
import type { ApiError } from '../../../src-shared/api/result'

/** What JavaScript, Node or SQLite say when something went wrong that the importer did not foresee. */
const RAW_ERROR = /Cannot read|is not a function|is not iterable|\bundefined\b|Maximum call stack|Invalid (array|string) length|out of memory|\bERR_[A-Z_]+|SQLITE_|RangeError|TypeError|ReferenceError|\bat \S+:\d+:\d+/

/**
 * Why a refusal is not a clear error the user can act on, or null when it is one: a refusal of a
 * file is IMPORT_FAILED with a sentence, not INTERNAL, not the importer's catch-all wrappers around
 * an unforeseen error, and not a thread that died.
 */
export function unclearRefusal(e: ApiError): string | null {
  if (e.code !== 'IMPORT_FAILED') return `${e.code}: ${e.message.slice(0, 300)}`
  if (!e.message.trim()) return 'an empty message'
  if (e.message.length > 1_000) return `a message of ${e.message.length} characters`
  if (/^Could not (import|read) .+?: /.test(e.message)) return `an unforeseen error, wrapped: ${e.message.slice(0, 300)}`
  if (/stopped unexpectedly/.test(e.message)) return `a thread died: ${e.message.slice(0, 300)}`
  if (RAW_ERROR.test(e.message)) return `a raw error message: ${e.message.slice(0, 300)}`
  return null
}

/**
 * Whether an import's counts add up: every row read is imported, a duplicate or rejected, once.
 * That holds when a row makes one record (at most one score column, or customers); with several
 * score columns a row makes several responses, and only the listed errors are checked.
 */
export function accountingFault(s: ImportSummary, oneRecordPerRow: boolean): string | null {
  if (oneRecordPerRow && s.rowsRead !== s.imported + s.duplicates + s.rejected)
    return `rows read ${s.rowsRead} ≠ imported ${s.imported} + duplicates ${s.duplicates} + rejected ${s.rejected}`
  if (s.errors.length > s.rejected) return `${s.errors.length} errors listed for ${s.rejected} rejected rows`
  if (s.errors.some((e, i) => e.row < 1 || (i > 0 && e.row < s.errors[i - 1].row))) return 'row errors without a row number, or out of order'
  if (new Set(s.errors.map((e) => e.row)).size !== s.errors.length) return 'a row rejected twice'
  return null
}
