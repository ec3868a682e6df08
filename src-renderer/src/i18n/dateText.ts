import type { Locale } from '../../../src-shared/domain/locales'

/** A calendar date as people type it in a language: the order of day, month and year, and the separator. */
export interface DateTextPattern {
  order: Array<'day' | 'month' | 'year'>
  separator: string
}

/** Thai dates are written in the Buddhist era: 2569 is 2026. */
const BUDDHIST_ERA_OFFSET = 543
/** A Thai year this large can only be Buddhist-era (2300 CE is far away); smaller ones are read as CE. */
const BUDDHIST_ERA_FROM = 2300

const numericFormats = new Map<Locale, Intl.DateTimeFormat>()
function numericFormat(locale: Locale): Intl.DateTimeFormat {
  let f = numericFormats.get(locale)
  if (!f) numericFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })))
  return f
}

const utcOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}

/** How the language writes a date in figures (en: month/day/year, vi and th: day/month/year), read from Intl. */
export function dateTextPattern(locale: Locale): DateTextPattern {
  const parts = numericFormat(locale).formatToParts(Date.UTC(2006, 10, 22))
  const order = parts.flatMap((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : []))
  return { order, separator: parts.find((p) => p.type === 'literal')?.value ?? '/' }
}

/** A YYYY-MM-DD date in figures in the language's order and era ("22/11/2569" in Thai). */
export function formatDateText(locale: Locale, iso: string): string {
  return numericFormat(locale).format(utcOf(iso))
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Reads a date typed in the language's order (or ISO YYYY-MM-DD in any language) as YYYY-MM-DD; null
 * when it is not a real calendar date. Years have four figures: a two-figure year would be a guess.
 */
export function parseDateText(locale: Locale, text: string): string | null {
  const trimmed = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const fields = trimmed.split(/\s*[/.\-\s]\s*/)
  if (fields.length !== 3 || fields.some((f) => !/^\d+$/.test(f))) return null
  const { order } = dateTextPattern(locale)
  const value = (part: 'day' | 'month' | 'year') => fields[order.indexOf(part)]
  if (value('year').length !== 4) return null
  let year = Number(value('year'))
  if (locale === 'th' && year >= BUDDHIST_ERA_FROM) year -= BUDDHIST_ERA_OFFSET
  return isoDate(year, Number(value('month')), Number(value('day')))
}
