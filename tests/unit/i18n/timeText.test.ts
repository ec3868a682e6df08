import { describe, expect, it } from 'vitest'
import { formatTimeText, parseTimeText } from '../../../src-renderer/src/i18n/timeText'

describe('times typed and shown in the app language', () => {
  it('shows 24-hour times in Vietnamese and Thai, AM/PM in English', () => {
    expect(formatTimeText('vi', '18:35')).toBe('18:35')
    expect(formatTimeText('th', '18:35')).toBe('18:35')
    expect(formatTimeText('en', '18:35')).toMatch(/^6:35\sPM$/)
  })

  it('reads back what it shows', () => {
    for (const locale of ['en', 'vi', 'th'] as const) {
      for (const hhmm of ['00:00', '06:05', '12:00', '12:30', '23:59']) expect(parseTimeText(formatTimeText(locale, hhmm))).toBe(hhmm)
    }
  })

  it('takes the ways people write times in each language', () => {
    expect(parseTimeText('18.35 น.')).toBe('18:35')
    expect(parseTimeText('18h35')).toBe('18:35')
    expect(parseTimeText('6:35 CH')).toBe('18:35')
    expect(parseTimeText('12:10 sa')).toBe('00:10')
    expect(parseTimeText('12:10 pm')).toBe('12:10')
    expect(parseTimeText('7:05')).toBe('07:05')
  })

  it('refuses what is not a time of day', () => {
    for (const text of ['', '24:00', '18:60', '13:00 PM', '0:30 AM', '1835', '6 pm', 'noon']) expect(parseTimeText(text), text).toBeNull()
  })
})
