import type { RowError, RowErrorCode } from '../../src-shared/api/imports'
import { translator } from '../../src-shared/i18n/translate'
import { rowErrorText } from '../../src-shared/i18n/rowErrorText'

// Made on first use: a translator starts Intl, which a command that rejects no row never needs.
let english: ReturnType<typeof translator> | undefined
const ORDER_WORDS: Record<string, string> = { dmy: 'day / month / year', mdy: 'month / day / year' }

/**
 * A rejected row: a code and parameters the UI translates, and the same message in English for the
 * CLI and the logs (from the English catalogue, so there is one wording).
 */
export function rowError(row: number, column: string | null, code: RowErrorCode, params: Record<string, string | number> = {}): RowError {
  const forEnglish = typeof params.order === 'string' ? { ...params, order: ORDER_WORDS[params.order] ?? params.order } : params
  return { row, column, reason: rowErrorText((english ??= translator('en')), code, forEnglish), code, params }
}
