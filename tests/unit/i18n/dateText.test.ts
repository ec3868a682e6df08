import { describe, expect, it } from 'vitest'
import { dateTextPattern, formatDateText, parseDateText } from '../../../src-renderer/src/i18n/dateText'

describe('dates typed and shown in the app language', () => {
  it('follows each language’s order of day, month and year', () => {
    expect(dateTextPattern('en').order).toEqual(['month', 'day', 'year'])
    expect(dateTextPattern('vi').order).toEqual(['day', 'month', 'year'])
    expect(dateTextPattern('th').order).toEqual(['day', 'month', 'year'])
  })

  it('shows Thai dates in the Buddhist era', () => {
    expect(formatDateText('th', '2026-11-22')).toBe('22/11/2569')
    expect(formatDateText('vi', '2026-11-02')).toBe('02/11/2026')
    expect(formatDateText('en', '2026-11-02')).toBe('11/02/2026')
  })

  it('reads what it shows back to the same date', () => {
    for (const locale of ['en', 'vi', 'th'] as const) {
      for (const iso of ['2024-02-29', '2025-01-01', '2026-12-31']) expect(parseDateText(locale, formatDateText(locale, iso))).toBe(iso)
    }
  })

  it('reads the same figures as different dates in different languages', () => {
    expect(parseDateText('vi', '3/4/2025')).toBe('2025-04-03')
    expect(parseDateText('en', '3/4/2025')).toBe('2025-03-04')
    expect(parseDateText('vi', '03.04.2025')).toBe('2025-04-03')
    expect(parseDateText('vi', '3-4-2025')).toBe('2025-04-03')
  })

  it('takes a Thai year in either era, and ISO in any language', () => {
    expect(parseDateText('th', '1/1/2568')).toBe('2025-01-01')
    expect(parseDateText('th', '1/1/2025')).toBe('2025-01-01')
    expect(parseDateText('vi', '2568-01-01')).toBe('2568-01-01')
    expect(parseDateText('en', '2025-1-5')).toBe('2025-01-05')
  })

  it('refuses what is not a calendar date rather than guessing', () => {
    for (const text of ['', '31/02/2025', '29/2/2025', '1/13/2025', '1/1/25', '1/1', 'tomorrow', '1/1/2025/1', '0/1/2025']) {
      expect(parseDateText('vi', text), text).toBeNull()
    }
  })
})
