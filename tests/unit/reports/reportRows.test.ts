import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newestComments, poorByStatus } from '../../../src-main/reports/reportRowsRepository'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { testAppInMemory, type TestApp } from '../../helpers/context'

describe('the report\'s rows read by their own indexes', () => {
  let app: TestApp
  let open: OpenWorkspace
  let months: string[]
  beforeAll(async () => {
    app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh', seed: 'cafeDemo' })
    open = app.ctx.session.require()
    months = open.ws.sqlite.prepare('SELECT DISTINCT substr(local_date, 1, 7) FROM responses ORDER BY 1').pluck().all() as string[]
  })
  afterAll(() => app.cleanup())

  it('poor answers by status over a period equal a direct count', async () => {
    const sqlite = open.ws.sqlite
    const direct = sqlite.prepare("SELECT status, count(*) n FROM responses WHERE band = -1 AND local_date BETWEEN ? AND ? GROUP BY status ORDER BY status")
    for (const m of months) {
      const [from, to] = [`${m}-01`, `${m}-31`]
      const fast = (await poorByStatus(open.db, sqlite, { from, to })).sort((a, b) => a.status.localeCompare(b.status))
      expect(fast, m).toEqual(direct.all(from, to))
    }
    const all = (await poorByStatus(open.db, sqlite, { from: `${months[1]}-10` })).reduce((s, r) => s + r.n, 0)
    expect(all).toBe(sqlite.prepare("SELECT count(*) FROM responses WHERE band = -1 AND local_date >= ?").pluck().get(`${months[1]}-10`))
  })

  it("a theme's newest comments are the newest commented responses with the tag", async () => {
    const sqlite = open.ws.sqlite
    const tags = sqlite.prepare('SELECT name FROM tags').pluck().all() as string[]
    expect(tags.length).toBeGreaterThan(0)
    let found = 0
    for (const tag of tags) {
      const m = months[months.length - 2]
      const got = (await newestComments(open.db, { from: `${m}-01`, to: `${m}-31`, tag: [tag] }, 3)).map((r) => r.comment)
      const want = sqlite
        .prepare("SELECT r.comment FROM responses r JOIN response_tags rt ON rt.response_id = r.id JOIN tags t ON t.id = rt.tag_id WHERE t.name = ? AND r.local_date BETWEEN ? AND ? AND length(r.comment) > 0 ORDER BY r.submitted_at DESC, r.id DESC LIMIT 3")
        .pluck()
        .all(tag, `${m}-01`, `${m}-31`)
      expect(got, tag).toEqual(want)
      found += got.length
    }
    expect(found).toBeGreaterThan(3)
  })
})
