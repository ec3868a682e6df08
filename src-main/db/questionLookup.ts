import type Database from 'better-sqlite3'
import type { ScoreSpec } from '../../src-shared/api/imports'
import { defaultThresholds } from '../../src-shared/domain/scores'
import { statement } from './statements'

const specKey = (s: ScoreSpec) => `${s.metric}-${s.min}-${s.max}-${s.direction === 'higher_better' ? 'up' : 'down'}`

/** Words that only name a score, not a question ("NPS", "Customer satisfaction score", "Điểm", "คะแนน"). */
const GENERIC = [
  'net promoter score', 'net promoter', 'customer satisfaction', 'customer effort', 'satisfaction', 'effort', 'promoter',
  'scores', 'score', 'rating', 'rate', 'nps', 'csat', 'ces', 'value', 'answer', 'response', 'question', 'points', 'point',
  'điểm số', 'điểm', 'đánh giá', 'mức độ', 'hài lòng', 'khách hàng', 'câu trả lời', 'câu hỏi',
  'ความพึงพอใจ', 'การประเมิน', 'ประเมิน', 'คะแนน', 'ระดับ', 'ลูกค้า', 'คำถาม',
].sort((a, b) => b.length - a.length)

/**
 * The question a score column's header asks, or null for a header that only names the score. A
 * question: what is left after the score's own words, brackets, digits and punctuation are taken
 * out still holds four letters or more, and the header ends in a question mark, has three words or
 * more, or (Thai writes without spaces) twelve letters or more.
 */
export function questionTextOf(header: string): string | null {
  const text = header.normalize('NFC').replace(/\s+/g, ' ').trim()
  let core = text.toLocaleLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
  for (const g of GENERIC) core = core.split(g).join(' ')
  const letters = (t: string) => [...t].filter((c) => /\p{L}|\p{M}/u.test(c)).length
  if (letters(core) < 4) return null
  const words = text.split(' ').filter((w) => letters(w) > 0).length
  if (!text.includes('?') && words < 3 && letters(text) < 12) return null
  return text.slice(0, 200)
}

/**
 * The key an import gives the question of an answer: its metric and scale, and the column when the
 * column has a scale of its own, so two score columns of one metric and scale whose headers ask
 * different questions stay apart (a row's metric column gives the scale only: no column of its own).
 */
export const questionKeyOf = (s: ScoreSpec, column: number | null): string => (column === null ? specKey(s) : `${specKey(s)}@${column}`)

/** A question an import or an entry needs: its key in the answer (questionKeyOf), its scale, the header it came from. */
export interface WantedQuestion {
  key: string
  spec: ScoreSpec
  label?: string
}

/**
 * The question for a metric and scale. A header that asks a question of its own ("How likely are
 * you to recommend Phở Hà Nội to a friend?") is kept as its question: the question with that text,
 * metric, scale and direction, else a new one taking its thresholds from the first question of that
 * scale (so a band the user tuned keeps its meaning). Otherwise the first question with the same
 * metric, scale and direction, else a new one with METRICS.md's default thresholds. Each wanted key
 * gets its question: two columns of one scale asking two questions get two, asking the same one (or
 * none) share it. Answers on different scales stay separate questions, so they are never mixed in
 * one figure without conversion; the Scores page's figures cover every question of a metric, so a
 * question of its own changes no figure.
 */
export function ensureQuestions(sqlite: Database.Database, wanted: Array<ScoreSpec | WantedQuestion>): Map<string, number> {
  // Prepared once per connection (statements.ts): the survey server asks for its question per answer.
  const find = statement(sqlite, 'SELECT id, good_threshold, poor_threshold FROM questions WHERE metric = ? AND scale_min = ? AND scale_max = ? AND direction = ? ORDER BY id LIMIT 1') as Database.Statement<
    [string, number, number, string],
    { id: number; good_threshold: number; poor_threshold: number }
  >
  const findAsked = statement(sqlite, 'SELECT id FROM questions WHERE metric = ? AND scale_min = ? AND scale_max = ? AND direction = ? AND label = ? ORDER BY id LIMIT 1') as Database.Statement<
    [string, number, number, string, string],
    { id: number }
  >
  const insert = statement(sqlite, 'INSERT INTO questions (key, metric, label, scale_min, scale_max, direction, good_threshold, poor_threshold) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const out = new Map<string, number>()
  let made = 0
  const add = (s: ScoreSpec, key: string, label: string, t: { good: number; poor: number }) =>
    Number(insert.run(`${key}-${Date.now().toString(36)}-${made++}`, s.metric, label.slice(0, 200), s.min, s.max, s.direction, t.good, t.poor).lastInsertRowid)
  const entries = wanted.map((w) => ('key' in w ? { ...w, asked: questionTextOf(w.label ?? '') } : { key: specKey(w), spec: w, label: undefined, asked: null }))
  // Headers that only name the score first: the scale's default question is then made (or found)
  // before any question a header asks, which takes its thresholds from it and is never taken for it.
  entries.sort((a, b) => Number(a.asked !== null) - Number(b.asked !== null))
  for (const { key, spec: s, label, asked } of entries) {
    if (out.has(key)) continue
    const sk = specKey(s)
    const first = find.get(s.metric, s.min, s.max, s.direction)
    let id: number
    if (asked) {
      id = findAsked.get(s.metric, s.min, s.max, s.direction, asked)?.id ?? add(s, sk, asked, first ? { good: first.good_threshold, poor: first.poor_threshold } : defaultThresholds(s.metric, s.min, s.max, s.direction))
    } else if (first) {
      id = first.id
    } else {
      id = add(s, sk, label || `${s.metric.toUpperCase()} ${s.min}–${s.max}`, defaultThresholds(s.metric, s.min, s.max, s.direction))
    }
    out.set(key, id)
  }
  return out
}

export { specKey }
