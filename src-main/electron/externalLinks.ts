import { BrowserWindow, dialog, shell, type WebContents } from 'electron'
import type { Locale } from '../../src-shared/domain/locales'
import { translator } from '../../src-shared/i18n/translate'

/** Longer addresses are refused: the user could not read one in the dialog to judge it. */
const MAX_URL_CHARS = 2_048

/**
 * The address to offer, written out as the browser will see it (host names in punycode, so a
 * look-alike name shows as what it is), or null for anything that is not plain http(s): file:,
 * javascript:, data:, custom schemes and unparsable text are never handed to the OS.
 */
export function externalTarget(raw: string): string | null {
  if (raw.length > MAX_URL_CHARS) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  return url.href
}

/**
 * Opens a link in the user's browser only after they agreed, in a native message box that names
 * the address, in their language. Resolves true when it was opened.
 */
export async function confirmAndOpenExternal(raw: string, opts: { locale: Locale; from?: WebContents }): Promise<boolean> {
  const target = externalTarget(raw)
  if (!target) return false
  const t = translator(opts.locale)
  const options = {
    type: 'question' as const,
    buttons: [t('external.open'), t('common.cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: t('app.name'),
    message: t('external.title'),
    detail: t('external.detail', { url: target }),
  }
  const parent = opts.from ? BrowserWindow.fromWebContents(opts.from) : null
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  if (response !== 0) return false
  await shell.openExternal(target)
  return true
}
