import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { recordAnswer } from '../../../src-main/collection/answerService'
import { cachedAnalyzer } from '../../../src-main/feedback/feedbackWriter'
import type { AnswerBody } from '../../../src-shared/domain/collection'

let app: TestApp
let token: string
let n = 0

beforeEach(async () => {
  app = await testAppInMemory()
  const survey = await app.api.call('collection.saveSurvey', { name: 'Counter', metric: 'nps', askComment: true, askContact: false, shopName: 'Phở Hà Nội', colour: '#aa3300', location: null, touchpoint: null })
  token = survey.links[0].token
})
afterEach(() => app.cleanup())

const sqlite = () => app.ctx.session.require().ws.sqlite

/** Stores one answer from the shop with this comment; returns its tags and sentiment. */
function answer(comment: string): { tags: string[]; sentiment: number | null } {
  const body: AnswerBody = { id: `writer-cache-${String(++n).padStart(6, '0')}`, score: 5, language: 'en', comment }
  const outcome = recordAnswer(app.ctx.session.require(), token, body, 1_800_000_000_000 + n)
  if (outcome.kind !== 'stored') throw new Error(outcome.kind)
  const id = outcome.event.responseId
  const tags = (sqlite().prepare('SELECT t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.response_id = ? ORDER BY t.name').all(id) as Array<{ name: string }>).map((r) => r.name)
  const { sentiment } = sqlite().prepare('SELECT sentiment FROM responses WHERE id = ?').get(id) as { sentiment: number | null }
  return { tags, sentiment }
}

describe('the feedback writer’s compiled rules and lexicon, kept per connection', () => {
  it('compiles once while nothing changes', () => {
    const first = cachedAnalyzer(sqlite())
    answer('The coffee was fine')
    answer('The tea was fine')
    expect(cachedAnalyzer(sqlite())).toBe(first)
  })

  it('takes a new, changed or deleted tag rule at the next answer', async () => {
    expect(answer('The soup was lukewarm').tags).toEqual([])
    const { rule } = await app.api.call('tags.saveRule', { tag: 'Temperature', language: null, keywords: ['lukewarm'] })
    expect(answer('The soup was lukewarm again').tags).toEqual(['Temperature'])
    await app.api.call('tags.saveRule', { id: rule.id, tag: 'Temperature', language: null, keywords: ['freezing'] })
    expect(answer('The soup was lukewarm, a third time').tags).toEqual([])
    expect(answer('The room was freezing').tags).toEqual(['Temperature'])
    await app.api.call('tags.deleteRule', { id: rule.id })
    expect(answer('The room was freezing again').tags).toEqual([])
  })

  it('takes a changed lexicon at the next answer', async () => {
    const before = await app.api.call('sentiment.lexicon', { language: 'en' })
    const without = before.filter((e) => e.term !== 'zingy')
    await app.api.call('sentiment.saveLexicon', { language: 'en', entries: [...without, { term: 'zingy', kind: 'word', weight: -4 }] })
    expect(answer('zingy').sentiment).toBeLessThan(0)
    await app.api.call('sentiment.saveLexicon', { language: 'en', entries: [...without, { term: 'zingy', kind: 'word', weight: 4 }] })
    expect(answer('zingy').sentiment).toBeGreaterThan(0)
  })

  it('notices a rule written by anything else on the file (another process’s connection, a script): the triggers move the version', () => {
    const first = cachedAnalyzer(sqlite())
    const tagId = Number(sqlite().prepare(`INSERT INTO tags (name, color, created_at) VALUES ('Queue', '#888888', 0)`).run().lastInsertRowid)
    expect(cachedAnalyzer(sqlite())).toBe(first)
    sqlite().prepare(`INSERT INTO tag_rules (tag_id, language, keywords, created_at, updated_at) VALUES (?, NULL, 'queue', 0, 0)`).run(tagId)
    expect(cachedAnalyzer(sqlite())).not.toBe(first)
    expect(answer('a long queue').tags).toEqual(['Queue'])
    // Deleting the tag takes its rules with it (ON DELETE CASCADE), which moves the version too.
    sqlite().prepare('DELETE FROM tags WHERE id = ?').run(tagId)
    expect(answer('a long queue again').tags).toEqual([])
  })
})
