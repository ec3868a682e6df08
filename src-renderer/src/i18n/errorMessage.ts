import { ApiCallError } from '../../../src-shared/api/client'
import { errorCodes, type ErrorCode } from '../../../src-shared/api/result'
import type { Translate } from '../../../src-shared/i18n/translate'

/** A sentence people understand, in their language, with the technical detail kept as a second line. */
export function describeError(t: Translate, error: unknown): { title: string; detail: string | null } {
  const code = (error as { code?: string })?.code
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ApiCallError && error.details?.network) return { title: t('error.network'), detail: null }
  if (code && (errorCodes as readonly string[]).includes(code)) return { title: t(`error.${code as ErrorCode}`), detail: message }
  return { title: t('error.INTERNAL'), detail: message }
}
