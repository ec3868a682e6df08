import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileLexicons, scoreSentiment } from '../../../src-main/text/sentiment'
import { defaultLexicon } from '../../../src-main/text/defaultLexicon'
import { sentimentLabel } from '../../../src-shared/domain/sentiment'
import { ensureDerivedData } from '../../../src-main/feedback/derivedData'
import { feedbackWriter } from '../../../src-main/feedback/feedbackWriter'
import { freshWorkspace } from '../../helpers/db'

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

  it('lets an intensifier written after a word strengthen that word, not the next one', () => {
    const score = (text: string, language: string) => scoreSentiment(text, language, lexicons) ?? 0
    // "Waited very long, the coffee is tasty": the wait is the stronger feeling, as in English.
    expect(score('รอนานมาก กาแฟอร่อย', 'th')).toBeLessThan(0)
    expect(score('chờ lâu quá, cà phê ngon', 'vi')).toBeLessThan(0)
    expect(score('very slow, good coffee', 'en')).toBeLessThan(0)
    expect(score('ngon lắm', 'vi')).toBeGreaterThan(score('ngon', 'vi'))
    expect(score('อร่อยมาก', 'th')).toBeGreaterThan(score('อร่อย', 'th'))
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

describe('sentiment stored in a workspace', () => {
  it('is scored again when the workspace opens after the rule changed', async () => {
    const { ws } = await freshWorkspace()
    const write = feedbackWriter(ws.sqlite, 0)
    const id = write({
      dedupKey: 'k1', importId: null, externalRef: null, customerId: null, questionId: null, score: null, submittedAt: 0, submittedOffset: null,
      localDate: '1970-01-01', channel: null, touchpoint: null, stage: null, location: null, language: 'vi', comment: 'ngon lắm', respondentEmail: null,
      status: 'new', owner: null, statusChangedAt: null, resolvedAt: null, now: 0,
    })
    const stored = () => ws.sqlite.prepare('SELECT sentiment FROM responses WHERE id = ?').pluck().get(id) as number
    const current = stored()
    // As if an older version had scored it differently, and recorded its own rule version.
    ws.sqlite.prepare('UPDATE responses SET sentiment = 0.1 WHERE id = ?').run(id)
    ws.sqlite.prepare(`UPDATE meta SET value = '1' WHERE key = 'sentiment_version'`).run()
    ensureDerivedData(ws.sqlite)
    expect(stored()).toBe(current)
    // With the rule unchanged, an open leaves stored scores alone.
    ws.sqlite.prepare('UPDATE responses SET sentiment = 0.1 WHERE id = ?').run(id)
    ensureDerivedData(ws.sqlite)
    expect(stored()).toBe(0.1)
  })
})
