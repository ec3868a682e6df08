import { ApiCallError } from '../../../src-shared/api/client'
import { errorCodes, type ErrorCode } from '../../../src-shared/api/result'
import { en, type MessageKey } from '../../../src-shared/i18n/en'
import type { Translate } from '../../../src-shared/i18n/translate'

/**
 * Why a file was refused, in the user's language: the import sends the reason as `details.problem`
 * with its `params` (src-main/import/source/limits.ts), and the catalogues say it as `importProblem.<problem>`.
 */
function importProblem(t: Translate, details: Record<string, unknown> | undefined): string | null {
  const key = `importProblem.${String(details?.problem)}`
  if (!(key in en)) return null
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries((details?.params as Record<string, unknown> | undefined) ?? {}))
    if (typeof value === 'number') params[name] = value.toLocaleString()
    else if (typeof value === 'string') params[name] = value
  return t(key as MessageKey, params)
}

/** A sentence people understand, in their language, with the technical detail kept as a second line. */
export function describeError(t: Translate, error: unknown): { title: string; detail: string | null } {
  const code = (error as { code?: string })?.code
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ApiCallError && error.details?.network) return { title: t('error.network'), detail: null }
  const problem = code === 'IMPORT_FAILED' ? importProblem(t, (error as { details?: Record<string, unknown> }).details) : null
  // The English message names the part or the cell; shown as the detail where the translation is general.
  if (problem) return { title: problem, detail: /^(workbookTooLarge|workbookDamaged|readerFailed)$/.test(String((error as ApiCallError).details?.problem)) ? message : null }
  const cause = code === 'IO' ? (error as { details?: Record<string, unknown> }).details?.cause : undefined
  if (cause === 'READ_ONLY') return { title: t('error.readOnly'), detail: message }
  if (cause === 'READ_ONLY_FOLDER') return { title: t('error.readOnlyFolder'), detail: message }
  if (code && (errorCodes as readonly string[]).includes(code)) return { title: t(`error.${code as ErrorCode}`), detail: message }
  return { title: t('error.INTERNAL'), detail: message }
}
