import type { Locale } from '../../../src-shared/domain/locales'

const formats = new Map<Locale, Intl.DateTimeFormat>()

/** A time of day (HH:MM, 24-hour) as the language writes it: 6:35 PM in English, 18:35 in Vietnamese and Thai. */
export function formatTimeText(locale: Locale, hhmm: string): string {
  let f = formats.get(locale)
  if (!f) formats.set(locale, (f = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })))
  const [h, m] = hhmm.split(':').map(Number)
  return f.format(Date.UTC(2000, 0, 1, h, m))
}

/**
 * Reads a typed time as HH:MM (24-hour), or null. Takes 18:35, 18.35 and 18h35, with or without
 * AM/PM (SA/CH in Vietnamese) or the Thai "น.", in any of the app's languages.
 */
export function parseTimeText(text: string): string | null {
  const match = /^(\d{1,2})\s*[:.h]\s*(\d{2})\s*(am|pm|a\.m\.|p\.m\.|sa|ch|น\.?)?$/i.exec(text.trim())
  if (!match) return null
  let hour = Number(match[1])
  const minute = Number(match[2])
  const suffix = match[3]?.toLowerCase().replace(/\./g, '')
  if (suffix === 'am' || suffix === 'sa' || suffix === 'pm' || suffix === 'ch') {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (suffix === 'pm' || suffix === 'ch' ? 12 : 0)
  }
  if (hour > 23 || minute > 59) return null
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}
