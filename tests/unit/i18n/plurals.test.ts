import { describe, expect, it } from 'vitest'
import { en } from '../../../src-shared/i18n/en'
import { translator } from '../../../src-shared/i18n/translate'

/**
 * A number placed before a noun in English, by hand: "{added} cards added" reads "1 cards added".
 * Any placeholder followed (after at most one adjective) by a word ending in -s counts, so a new
 * message is caught without a list of nouns to keep up to date. Placeholders that never hold a
 * count of one (names, dates, row numbers, {min} = the smallest reliable sample, 30, {limit} = a fixed cap in
 * the thousands) and words ending in -s that are
 * not plural nouns are the only exceptions; "pts" is a unit abbreviation after a signed decimal.
 */
const NOT_COUNTS = new Set(['min', 'max', 'metric', 'name', 'file', 'period', 'dim', 'group', 'zone', 'tz', 'status', 'delta', 'format', 'tag', 'example', 'limit', 'row', 'column'])
const NOT_NOUNS = new Set(['is', 'was', 'has', 'does', 'vs', 'its', 'this', 'as', 'pts', 'always', 'less'])
function handPlurals(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\} (?:[a-z]+ )?([a-z-]+s)\b/g)].filter(([, name, word]) => !NOT_COUNTS.has(name!) && !NOT_NOUNS.has(word!)).map((m) => m[0])
}

describe('counts follow the language’s plural rules', () => {
  it('no English message puts a count before a plural noun outside its _one/_other forms', () => {
    const offenders = Object.entries(en).filter(([key, text]) => handPlurals(text).length > 0 && !/_(one|other)$/.test(key))
    expect(offenders.map(([key]) => key)).toEqual([])
  })

  it('the rule catches a count before any plural noun, and lets names and units pass', () => {
    expect(handPlurals('{n} customers have left')).toEqual(['{n} customers'])
    expect(handPlurals('{open} unhappy customers')).toEqual(['{open} unhappy customers'])
    expect(handPlurals('{resolved} follow-ups were resolved')).toEqual(['{resolved} follow-ups'])
    expect(handPlurals('No {metric} responses; {name} is over {place}; {n} pts')).toEqual([])
  })

  it('two counts in one sentence each take their own form', () => {
    const t = translator('en')
    expect(t('import.doneCustomers', { imported: t.plural('import.newCustomers', 1), updated: t.plural('import.updatedCustomers', 1), file: 'a.csv' })).toBe(
      'Imported 1 new customer from a.csv; 1 known customer was updated.',
    )
    expect(t('import.doneCustomers', { imported: t.plural('import.newCustomers', 3), updated: t.plural('import.updatedCustomers', 0), file: 'a.csv' })).toBe(
      'Imported 3 new customers from a.csv; 0 known customers were updated.',
    )
    expect(t.plural('tiles.churnDetail', 1, { lost: '0' })).toBe('0 of the 1 customer at the start left')
    expect(t.plural('tiles.retentionDetail', 40, { retained: '31' })).toBe('31 of the 40 customers at the start stayed')
    expect(t('report.say.followUp', { waiting: t.plural('report.say.waiting', 1), resolved: t.plural('report.say.resolved', 1), median: '2 h', p90: '5 h' })).toBe(
      '1 unhappy customer is still waiting for a follow-up. 1 follow-up was resolved, in a median of 2 h (90th percentile 5 h).',
    )
    const th = translator('th')
    expect(th('import.doneCustomers', { imported: th.plural('import.newCustomers', 5), updated: th.plural('import.updatedCustomers', 2), file: 'a.csv' })).toBe(
      'นำเข้าลูกค้าใหม่ 5 รายจาก a.csv และปรับปรุงข้อมูลลูกค้าเดิม 2 ราย',
    )
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
