import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { resolveLocale, type Locale } from '../../../src-shared/domain/locales'
import { translator } from '../../../src-shared/i18n/translate'
import { useApi, useApiQuery } from '../api/hooks'
import { formatters, type Formatters } from './format'

interface I18n {
  locale: Locale
  setLocale(locale: Locale): void
  t: ReturnType<typeof translator>
  fmt: Formatters
}

const I18nContext = createContext<I18n | null>(null)

/** The UI language: the user's saved choice, else the system's (navigator.languages follows the OS in Electron too). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const info = useApiQuery('app.info', {})
  const [chosen, setChosen] = useState<Locale | null>(null)
  const locale = chosen ?? info.data?.locale ?? resolveLocale(navigator.languages)

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const setLocale = useCallback(
    (next: Locale) => {
      setChosen(next)
      void api.call('app.setLocale', { locale: next }).catch(() => undefined)
    },
    [api],
  )
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: translator(locale), fmt: formatters(locale) }), [locale, setLocale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}

/** Part of the page in a language other than the UI's: a report, written in the language chosen for it. */
export function LocaleScope({ locale, children }: { locale: Locale; children: ReactNode }) {
  const { setLocale } = useI18n()
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: translator(locale), fmt: formatters(locale) }), [locale, setLocale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}
