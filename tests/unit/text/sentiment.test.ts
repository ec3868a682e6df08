import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileLexicons, scoreSentiment } from '../../../src-main/text/sentiment'
import { defaultLexicon } from '../../../src-main/text/defaultLexicon'
import { sentimentLabel } from '../../../src-shared/domain/sentiment'

const lexicons = compileLexicons(Object.entries(defaultLexicon).flatMap(([language, entries]) => entries.map((e) => ({ language, ...e }))))
const sample = readFileSync(join(__dirname, '../../fixtures/sentiment-sample.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [language, label, text] = l.split('\t')
    return { language, label, text }
  })

/** Accuracy of the default lexicon on the labelled sample, per language (reported in the README). */
export function accuracy(language: string) {
  const rows = sample.filter((r) => r.language === language)
  const right = rows.filter((r) => sentimentLabel(scoreSentiment(r.text, r.language, lexicons)) === r.label).length
  return { n: rows.length, right, share: right / rows.length }
}

describe('sentiment', () => {
  it('flips a sentiment word after a negator, in each language', () => {
    expect(scoreSentiment('The coffee was good', 'en', lexicons)).toBeGreaterThan(0)
    expect(scoreSentiment('The coffee was not good', 'en', lexicons)).toBeLessThan(0)
    expect(scoreSentiment("didn't like it, not friendly", 'en', lexicons)).toBeLessThan(0)
    expect(scoreSentiment('Cà phê ngon', 'vi', lexicons)).toBeGreaterThan(0)
    expect(scoreSentiment('Cà phê không ngon', 'vi', lexicons)).toBeLessThan(0)
    expect(scoreSentiment('กาแฟอร่อย', 'th', lexicons)).toBeGreaterThan(0)
    expect(scoreSentiment('กาแฟไม่อร่อย', 'th', lexicons)).toBeLessThan(0)
  })

  it('reads Vietnamese typed without diacritics, without confusing words that differ only by them', () => {
    expect(scoreSentiment('ca phe khong ngon', 'vi', lexicons)).toBeLessThan(0)
    // "bạn" (friend) is not "bẩn" (dirty).
    expect(scoreSentiment('bạn nhiệt tình', 'vi', lexicons)).toBeGreaterThan(0)
  })

  it('weighs the clause after "but" more', () => {
    expect(scoreSentiment('The food was good but the service was terrible', 'en', lexicons)).toBeLessThan(0)
    expect(scoreSentiment('Hơi chậm nhưng đồ uống rất ngon', 'vi', lexicons)).toBeGreaterThan(0)
  })

  it('gives null without text and 0 when no lexicon word occurs', () => {
    expect(scoreSentiment('', 'en', lexicons)).toBeNull()
    expect(scoreSentiment('Order number 1234', 'en', lexicons)).toBe(0)
  })

  it.each(['en', 'vi', 'th'])('labels at least 75%% of the %s sample correctly', (language) => {
    const a = accuracy(language)
    expect(a.n).toBeGreaterThanOrEqual(40)
    expect(a.share).toBeGreaterThanOrEqual(0.75)
  })
})
