import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { questionTextOf } from '../../../src-main/db/questionLookup'
import { metricSeries } from '../../../src-main/metrics/series'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect, rows } from '../../helpers/importing'

let open: OpenWorkspace
let dir: string
beforeEach(async () => {
  open = await freshWorkspace('Asia/Ho_Chi_Minh')
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-questions-'))
})
afterEach(() => open.ws.close())

const csv = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const questionOf = (id: number) => rows<{ label: string; good_threshold: number; poor_threshold: number }>(open, 'SELECT q.label, q.good_threshold, q.poor_threshold FROM responses r JOIN questions q ON q.id = r.question_id WHERE r.id = ?', id)[0]
const responseIds = () => rows<{ id: number }>(open, 'SELECT id FROM responses ORDER BY id').map((r) => r.id)

describe("the file's question text", () => {
  it('tells a question from a header that only names the score', () => {
    for (const h of ['NPS', 'Score', 'score (0-10)', 'Customer satisfaction score', 'CSAT 1-5', 'Điểm', 'Điểm hài lòng', 'คะแนน', 'คะแนนความพึงพอใจ', 'Rating', 'Q1', '', 'Recommend'])
      expect(questionTextOf(h), h).toBeNull()
    expect(questionTextOf('How likely are you to recommend Phở Hà Nội to a friend?')).toBe('How likely are you to recommend Phở Hà Nội to a friend?')
    expect(questionTextOf('  Bạn có sẵn lòng giới thiệu quán cho bạn bè không?  ')).toBe('Bạn có sẵn lòng giới thiệu quán cho bạn bè không?')
    expect(questionTextOf('คุณจะแนะนำร้านของเราให้เพื่อนหรือไม่')).toBe('คุณจะแนะนำร้านของเราให้เพื่อนหรือไม่')
    expect(questionTextOf('Satisfaction with delivery speed')).toBe('Satisfaction with delivery speed')
  })

  it('keeps a header that asks a question as the question of its answers, once per text, and counts every question in the figures', async () => {
    // The user tuned the default NPS question's bands: a question of the file's own takes them over.
    open.ws.sqlite.prepare("UPDATE questions SET good_threshold = 8, poor_threshold = 5 WHERE key = 'nps'").run()
    const asked = 'How likely are you to recommend Phở Hà Nội to a friend?'
    await importFile(open, csv('a.csv', [`Date,"${asked}"`, '2025-03-01 10:00,10', '2025-03-02 10:00,6']))
    await importFile(open, csv('b.csv', [`Ngày,"${asked}"`, '2025-03-03 10:00,9']))
    await importFile(open, csv('c.csv', ['Date,NPS', '2025-03-04 10:00,3', '2025-03-05 10:00,10']))
    const [a1, a2, b1, c1, c2] = responseIds()
    for (const id of [a1, a2, b1]) expect(questionOf(id)).toEqual({ label: asked, good_threshold: 8, poor_threshold: 5 })
    for (const id of [c1, c2]) expect(questionOf(id).label).toBe('How likely are you to recommend us to a friend or colleague?')
    expect(rows(open, 'SELECT id FROM questions WHERE label = ?', asked)).toHaveLength(1)
    // The overall NPS covers both questions, every answer banded by the tuned thresholds (promoters
    // ≥ 8, detractors ≤ 5): 10 P, 6 passive, 9 P, 3 D, 10 P → (3 − 1) / 5 = +40. Had the file's
    // question taken the default bands (9 / 6), the 6 would be a detractor: +20.
    const s = await metricSeries({ db: open.db, sqlite: open.ws.sqlite, timezone: 'Asia/Ho_Chi_Minh' }, { metric: 'nps' })
    expect(s.overall.n).toBe(5)
    expect(s.overall.value).toBeCloseTo(40, 6)
  })

  it('gives two score columns of one metric and scale asking different questions a question each', async () => {
    const food = 'How likely are you to recommend our food to a friend?'
    const service = 'How likely are you to recommend our service to a friend?'
    const path = csv('two.csv', [`Date,"${food}","${service}",NPS`, '2025-03-01 10:00,10,3,7', '2025-03-02 10:00,6,9,'])
    const proposed = (await inspect(open, path)).mapping
    const mapping = { ...proposed, columns: proposed.columns.map((c) => (c.index === 0 ? c : { ...c, role: 'score' as const, score: { metric: 'nps' as const, min: 0, max: 10, direction: 'higher_better' as const } })) }
    const summary = await importFile(open, path, mapping)
    expect(summary.imported).toBe(5)
    const answers = rows<{ score: number; label: string }>(open, 'SELECT r.score, q.label FROM responses r JOIN questions q ON q.id = r.question_id ORDER BY r.id')
    expect(answers).toEqual([
      { score: 10, label: food },
      { score: 3, label: service },
      { score: 7, label: 'How likely are you to recommend us to a friend or colleague?' },
      { score: 6, label: food },
      { score: 9, label: service },
    ])
    expect(rows(open, "SELECT id FROM questions WHERE metric = 'nps'")).toHaveLength(3)
    // The same file again: every answer is already there, and no question is added.
    expect((await importFile(open, path, mapping)).imported).toBe(0)
    expect(rows(open, "SELECT id FROM questions WHERE metric = 'nps'")).toHaveLength(3)
  })

  it('keeps the default question for a generic header in Vietnamese and Thai', async () => {
    await importFile(open, csv('vi.csv', ['Ngày,Điểm NPS', '2025-03-01 10:00,9']))
    await importFile(open, csv('th.csv', ['วันที่,คะแนน NPS', '2025-03-01 11:00,7']))
    for (const id of responseIds()) expect(questionOf(id).label).toBe('How likely are you to recommend us to a friend or colleague?')
    expect(rows(open, "SELECT id FROM questions WHERE metric = 'nps'")).toHaveLength(1)
  })
})
