import { describe, expect, it } from 'vitest'
import { en } from '../../../src-shared/i18n/en'
import { translator } from '../../../src-shared/i18n/translate'

/**
 * A number placed before a noun in English, by hand: "{added} cards added" reads "1 cards added".
 * {min} (the smallest reliable sample, 30) and {metric} (a name) are never a count of one.
 */
const HAND_PLURAL = /\{(?!min\}|metric\})\w+\} (?:new )?(?:rows|cards|stages|responses|days|surveys)\b/

describe('counts follow the language’s plural rules', () => {
  it('no English message puts a count before a plural noun outside its _one/_other forms', () => {
    const offenders = Object.entries(en).filter(([key, text]) => HAND_PLURAL.test(text) && !/_(one|other)$/.test(key))
    expect(offenders.map(([key]) => key)).toEqual([])
  })

  it('one card, one row, one day; many of each', () => {
    const t = translator('en')
    expect(t('journey.compare.summary', { added: t.plural('journey.compare.added', 1), removed: '0', changed: '2' })).toBe('To-be compared with as-is: 1 card added, 0 removed, 2 changed.')
    expect(t.plural('journey.compare.added', 3)).toBe('3 cards added')
    expect(t('journey.list.counts', { stages: t.plural('journey.list.stages', 1), cards: t.plural('journey.list.cards', 12) })).toBe('1 stage, 12 cards')
    expect(t.plural('import.done', 1, { file: 'a.csv' })).toBe('Imported 1 new response from a.csv.')
    expect(t.plural('import.importAll', 1)).toBe('Import 1 row')
    expect(t.plural('import.checked', 1_200, { file: 'a.csv' })).toBe('Checked 1,200 rows of a.csv.')
    expect(t.plural('detail.days', 1)).toBe('1 day')
    expect(t.plural('detail.days', 2.5, { count: '2.5' })).toBe('2.5 days')
    // Vietnamese and Thai have one form: the count, the noun unchanged.
    expect(translator('vi').plural('journey.compare.added', 1)).toBe('thêm 1 thẻ')
    expect(translator('th').plural('import.importAll', 1_200)).toBe('นำเข้า 1,200 แถว')
  })
})
