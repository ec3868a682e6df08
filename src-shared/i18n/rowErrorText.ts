import type { RowErrorCode } from '../api/imports'
import type { Params, translator } from './translate'

/**
 * The words for a rejected row, for the CLI's English and the UI alike. A reason holding a count
 * before a noun takes the plural form of that count ("expected 1 column").
 */
export function rowErrorText(t: ReturnType<typeof translator>, code: RowErrorCode, params: Params): string {
  if (code === 'columnCount') return t.plural('rowError.columnCount', Number(params.expected), params)
  return t(`rowError.${code}`, params)
}
