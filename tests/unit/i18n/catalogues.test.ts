import { describe, expect, it } from 'vitest'
import { en } from '../../../src-shared/i18n/en'
import { catalogues, translator } from '../../../src-shared/i18n/translate'
import { resolveLocale } from '../../../src-shared/domain/locales'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalogues', () => {
  for (const [locale, messages] of Object.entries(catalogues)) {
    it(`${locale} has every key, no empty text, and the same placeholders as English`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe('')
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]))
      }
    })
  }

  it('really translates: most Vietnamese and Thai strings differ from English', () => {
    for (const locale of ['vi', 'th'] as const) {
      const same = Object.entries(catalogues[locale]).filter(([k, v]) => v === en[k as keyof typeof en])
      expect(same.length / Object.keys(en).length).toBeLessThan(0.15)
    }
  })

  it('fills placeholders and plural forms', () => {
    const t = translator('en')
    expect(t.plural('import.done', 5, { file: 'a.csv' })).toBe('Imported 5 new responses from a.csv.')
    expect(t.plural('workspace.responses', 1)).toBe('1 response')
    expect(t.plural('workspace.responses', 2600)).toBe('2,600 responses')
    expect(translator('vi').plural('workspace.responses', 2600)).toBe('2.600 phản hồi')
  })

  it('follows the system language on first run', () => {
    expect(resolveLocale(['vi-VN', 'en-US'])).toBe('vi')
    expect(resolveLocale(['th-TH'])).toBe('th')
    expect(resolveLocale(['fr-FR', 'th'])).toBe('th')
    expect(resolveLocale(['de-DE'])).toBe('en')
    expect(resolveLocale([])).toBe('en')
  })
})
