import { describe, expect, it } from 'vitest'
import { breakLines, clampLines, unbreakableChunks } from '../../../src-renderer/src/features/journeys/export/lineBreaks'

/** Every character 1 unit wide: widths are character counts. */
const measure = (s: string) => [...s].length
const words = (text: string, locale: string) => [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)]

describe('line breaks for the PNG export', () => {
  it('never puts closing punctuation at the start of a line (“…phố.” stays whole)', () => {
    const text = 'Khách nói: “Quán đẹp nhất phố.”'
    for (let width = 8; width <= 30; width++) {
      const lines = breakLines(text, width, measure, 'vi')
      for (const line of lines) expect(line).not.toMatch(/^[.,!?;:”’)\]]/u)
      expect(lines.join(' ')).toBe(text)
      expect(lines.some((l) => l.endsWith('phố.”'))).toBe(true)
    }
  })

  it('keeps an opening quote with the word after it', () => {
    const lines = breakLines('He said “fine” and left', 10, measure, 'en')
    for (const line of lines) expect(line).not.toMatch(/“$/u)
    expect(lines.join(' ')).toBe('He said “fine” and left')
  })

  it('breaks Thai between words, not inside them', () => {
    const text = 'กาแฟเย็นอร่อยมากราคาไม่แพง'
    const chunks = unbreakableChunks(words(text, 'th'))
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.join('')).toBe(text)
    const lines = breakLines(text, 8, measure, 'th')
    expect(lines.join('')).toBe(text)
    for (const line of lines) expect(chunks.some((c) => line.startsWith(c))).toBe(true)
  })

  it('fits every line, cutting a word only when it alone is wider than the line', () => {
    const lines = breakLines('a supercalifragilistic word', 8, measure, 'en')
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(8)
    expect(lines.join('').replace(/ /g, '')).toBe('asupercalifragilisticword')
  })

  it('keeps paragraph breaks', () => {
    expect(breakLines('one\ntwo', 20, measure, 'en')).toEqual(['one', 'two'])
  })

  it('clamps to a number of lines with an ellipsis', () => {
    const lines = clampLines(breakLines('one two three four five six', 9, measure, 'en'), 2, 9, measure)
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith('…')).toBe(true)
    expect(measure(lines[1])).toBeLessThanOrEqual(9)
  })
})
