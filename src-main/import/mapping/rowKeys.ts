import { createHash } from 'node:crypto'
import type { ImportMapping } from '../../../src-shared/api/imports'

/**
 * The key of a source row without a response id: a hash of the text of EVERY cell (mapped or not,
 * trimmed, NFC), never of a parsed value. Two rows share it only when they are the same row, so
 * another mapping or another zone finds the same keys, and answers that differ only in a column the
 * mapping ignores stay apart. Identical rows inside one file are one response (a double export).
 */
export function rowKey(fields: readonly string[]): string {
  const cells = new Array<string>(fields.length)
  for (let i = 0; i < fields.length; i++) {
    const t = fields[i].trim()
    // NFC only where it can change something: most cells are ASCII, and normalize() is not free.
    cells[i] = isAscii(t) ? t : t.normalize('NFC')
  }
  return `row:${createHash('sha1').update(JSON.stringify(cells)).digest('base64url')}`
}

const NON_ASCII = /[^\t\n\r\u0020-\u007e]/
const isAscii = (s: string) => !NON_ASCII.test(s)

/**
 * The key an older version gave the same row: the mapped cells only. Kept to recognise its rows when
 * a file it imported comes again; never written for a new row.
 */
export function legacyRowKey(mapping: ImportMapping, fields: readonly string[]): string {
  return legacyKeyOf(mapping.columns.filter((c) => c.role !== 'ignore').map((c) => c.index), fields)
}

const legacyKeyOf = (hashed: number[], fields: readonly string[]) =>
  `hash:${createHash('sha1').update(JSON.stringify(hashed.map((i) => (fields[i] ?? '').trim()))).digest('base64url')}`

/**
 * The keys an older version may have given a row under this mapping: with its columns as mapped, and
 * without the customer-name columns (it did not propose Customer, Khách hàng, ลูกค้า … as one).
 */
export function legacyKeyCandidates(mapping: ImportMapping): ((fields: readonly string[]) => string[]) | null {
  const mapped = mapping.columns.filter((c) => c.role !== 'ignore').map((c) => c.index)
  const withoutNames = mapping.columns.filter((c) => c.role !== 'ignore' && c.role !== 'customerName').map((c) => c.index)
  if (withoutNames.length === mapped.length) return (fields) => [legacyKeyOf(mapped, fields)]
  return (fields) => [legacyKeyOf(mapped, fields), legacyKeyOf(withoutNames, fields)]
}
