import { app } from 'electron'
import { resolveLocale, type Locale } from '../../src-shared/domain/locales'
import type { AppContext } from '../app/context'

/** The language the user chose, or until they choose, the system's (as the page itself does). */
export function userLocale(ctx: AppContext | null): Locale {
  return ctx?.prefs?.get().locale ?? resolveLocale(app.getPreferredSystemLanguages())
}
