import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import { assignTag, listTags } from '../../../src-main/feedback/tagsService'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { responsesPerTag } from '../../../src-main/metrics/tagCounts'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { responseAdder, sourceOf } from './helpers'

/** The direct count: every response of the filter read and counted per tag (what the Themes page and the inbox use). */
async function direct(open: OpenWorkspace, filter: FeedbackFilter): Promise<Record<string, number>> {
  return Object.fromEntries((await listTags(open, filter)).filter((t) => t.count > 0).map((t) => [t.name, t.count]))
}
function fast(open: OpenWorkspace, filter: FeedbackFilter): Record<string, number> | null {
  const counts = responsesPerTag(sourceOf(open), filter)
  return counts && Object.fromEntries(counts)
}

describe('responses per tag from the summaries (the report\'s themes)', () => {
  let app: TestApp
  let open: OpenWorkspace
  let months: string[]
  beforeAll(async () => {
    app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh', seed: 'cafeDemo' })
    open = app.ctx.session.require()
    const sqlite = open.ws.sqlite
    // Feedback without a score (no question) with tags: counted by the themes, held by no summary.
    const add = responseAdder(open)
    const ids = [0, 1, 2, 3, 4, 5].map((i) => add(null, null, { comment: `Không có điểm ${i}`, at: Date.UTC(2026, 10, 3 + 4 * i, 3), channel: i % 2 ? 'store' : 'web', language: i % 3 ? 'vi' : 'th' }))
    const tag = (sqlite.prepare("SELECT name FROM tags t WHERE EXISTS (SELECT 1 FROM response_tags WHERE tag_id = t.id) ORDER BY name LIMIT 1").get() as { name: string }).name
    assignTag(open, ids, tag, false, null, 0)
    assignTag(open, ids.slice(0, 2), 'unscored only', false, null, 0)
    foldAll(sqlite)
    months = (sqlite.prepare("SELECT DISTINCT substr(local_date, 1, 7) m FROM responses ORDER BY m").pluck().all() as string[])
  })
  afterAll(() => app.cleanup())

  const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10)

  it('equal a direct count for every month, a range of days around whole months, all data, and filters the summaries hold', async () => {
    expect(months.length).toBeGreaterThan(2)
    const filters: FeedbackFilter[] = [
      {},
      ...months.map((m) => ({ from: `${m}-01`, to: lastDay(m) })),
      // Days at both ends (the day cube) around whole months (the month slices).
      { from: `${months[0]}-12`, to: `${months[months.length - 1]}-09` },
      { from: `${months[1]}-01`, to: lastDay(months[1]), channel: ['store'] },
      { from: `${months[1]}-03`, to: `${months[2]}-20`, language: ['vi', 'th'] },
      { metric: ['nps'] },
      { band: ['poor'], from: `${months[0]}-01` },
      { location: ['Hà Nội - Hoàn Kiếm'] },
    ]
    for (const filter of filters) {
      const expected = await direct(open, filter)
      expect(fast(open, filter), JSON.stringify(filter)).toEqual(expected)
    }
    // The unscored feedback is in there: its own tag is counted, and only where no metric or band leaves it out.
    expect(fast(open, {})?.['unscored only']).toBe(2)
    expect(fast(open, { metric: ['nps'] })?.['unscored only']).toBeUndefined()
  })

  it('equal a direct count with changes not folded yet (the journal), tags added and removed', async () => {
    const sqlite = open.ws.sqlite
    const some = sqlite.prepare('SELECT id FROM responses WHERE score IS NOT NULL ORDER BY id DESC LIMIT 40').pluck().all() as number[]
    assignTag(open, some, 'late theme', false, null, 0)
    const [name] = Object.keys(await direct(open, {}))
    assignTag(open, some.slice(0, 10), name, true, null, 0)
    const pending = (sqlite.prepare('SELECT count(*) FROM rollup_journal').pluck().get() as number)
    expect(pending).toBeGreaterThan(0)
    const month = months[months.length - 1]
    for (const filter of [{}, { from: `${month}-01`, to: lastDay(month) }, { channel: ['store'] }] as FeedbackFilter[]) {
      expect(fast(open, filter), JSON.stringify(filter)).toEqual(await direct(open, filter))
    }
    expect(fast(open, {})?.['late theme']).toBe(40)
  })

  it('leave to the direct count what the summaries do not hold: status, search, sentiment, a tag filter', () => {
    for (const filter of [{ status: ['new'] }, { text: 'cà phê' }, { tag: ['late theme'] }, { sentiment: ['negative'] }] as FeedbackFilter[]) expect(fast(open, filter), JSON.stringify(filter)).toBeNull()
  })
})
