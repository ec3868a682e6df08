import type { Locale } from '../../../src-shared/domain/locales'

/** Every number and date on screen goes through Intl in the UI language. Thai dates use the Buddhist calendar, as Thai readers expect. */
export interface Formatters {
  number(v: number, digits?: number): string
  /** Scores such as NPS keep their sign: +23, −5. */
  signed(v: number, digits?: number): string
  integer(v: number): string
  dateTime(epochMs: number, timeZone: string): string
  /** A calendar month from its first day (YYYY-MM-01). */
  month(localDate: string): string
  percent(share: number): string
  /** A figure that is already a percentage (62.5 → "62.5%"). */
  percentValue(value: number, digits?: number): string
  /** A calendar date (YYYY-MM-DD) without a time. */
  day(localDate: string): string
  year(localDate: string): string
  /** Today's date (YYYY-MM-DD) in a time zone. */
  today(timeZone: string): string
}

export function formatters(locale: Locale): Formatters {
  const cache = new Map<string, Intl.NumberFormat>()
  const num = (digits: number, sign: boolean) => {
    const key = `${digits}:${sign}`
    let f = cache.get(key)
    if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0, signDisplay: sign ? 'exceptZero' : 'auto' })))
    return f
  }
  const monthFmt = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const dateTimeFmts = new Map<string, Intl.DateTimeFormat>()
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const dayFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const yearFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' })
  return {
    number: (v, digits = 1) => num(digits, false).format(v),
    signed: (v, digits = 0) => num(digits, true).format(v),
    integer: (v) => num(0, false).format(v),
    dateTime(epochMs, timeZone) {
      let f = dateTimeFmts.get(timeZone)
      if (!f) dateTimeFmts.set(timeZone, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })))
      return f.format(epochMs)
    },
    month(localDate) {
      const [y, m] = localDate.split('-').map(Number)
      return monthFmt.format(Date.UTC(y, m - 1, 1))
    },
    percent: (share) => percentFmt.format(share),
    percentValue(value, digits = 1) {
      const key = `pct:${digits}`
      let f = cache.get(key)
      if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })))
      return f.format(value / 100)
    },
    day(localDate) {
      const [y, m, d] = localDate.split('-').map(Number)
      return dayFmt.format(Date.UTC(y, m - 1, d))
    },
    year(localDate) {
      return yearFmt.format(Date.UTC(Number(localDate.slice(0, 4)), 0, 1))
    },
    today(timeZone) {
      // en-CA writes dates as YYYY-MM-DD.
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now())
    },
  }
}
