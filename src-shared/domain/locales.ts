export const locales = ['en', 'vi', 'th'] as const
export type Locale = (typeof locales)[number]

export const localeNames: Record<Locale, string> = { en: 'English', vi: 'Tiếng Việt', th: 'ภาษาไทย' }

/** Picks the first supported language from a preference list such as navigator.languages or the OS locale. */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split(/[-_]/)[0]
    if ((locales as readonly string[]).includes(lang)) return lang as Locale
  }
  return 'en'
}

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (locales as readonly string[]).includes(v)
