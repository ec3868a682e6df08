import { describe, expect, it } from 'vitest'
import { openInMemoryWorkspace } from '../../../src-main/db/connect'
import { build, firstOf, rowsOf, runOf } from '../../../src-main/db/syncQuery'
import { allTags, insertRule, insertTag, ruleRows, tagCount, tagIdByName, updateRule } from '../../../src-main/feedback/tagsRepository'

describe('queries built by Kysely and run synchronously', () => {
  it('compile to SQLite with placeholders and run inside a better-sqlite3 transaction', async () => {
    const ws = await openInMemoryWorkspace({ now: 0 })
    try {
      const q = build.selectFrom('tags').select(['id', 'name']).where('name', '=', 'Giá')
      expect(q.compile().sql).toBe('select "id", "name" from "tags" where "name" = ?')
      const before = tagCount(ws.sqlite)
      // Inside a synchronous transaction, where the asynchronous Kysely driver cannot run.
      const ids = ws.sqlite.transaction(() => [insertTag(ws.sqlite, 'zeta', '#111', 1), insertTag(ws.sqlite, 'Alpha', '#222', 1), insertTag(ws.sqlite, 'beta', '#333', 1)])()
      expect(tagCount(ws.sqlite)).toBe(before + 3)
      expect(tagIdByName(ws.sqlite, 'beta')).toBe(ids[2])
      expect(tagIdByName(ws.sqlite, 'nope')).toBeNull()
      // ORDER BY name COLLATE NOCASE: Alpha, beta, zeta whatever their case.
      const names = allTags(ws.sqlite).map((t) => t.name).filter((n) => ['zeta', 'Alpha', 'beta'].includes(n))
      expect(names).toEqual(['Alpha', 'beta', 'zeta'])
      const rule = insertRule(ws.sqlite, { tagId: ids[0], language: 'vi', keywords: 'giá\nđắt' }, 2)
      expect(ruleRows(ws.sqlite).find((r) => r.id === rule)).toEqual({ id: rule, tag: 'zeta', language: 'vi', keywords: 'giá\nđắt' })
      expect(updateRule(ws.sqlite, rule, { tagId: ids[1], language: null, keywords: 'x' }, 3)).toBe(true)
      expect(updateRule(ws.sqlite, 999_999, { tagId: ids[1], language: null, keywords: 'x' }, 3)).toBe(false)
      expect(ruleRows(ws.sqlite).find((r) => r.id === rule)?.tag).toBe('Alpha')
      // A rolled-back transaction leaves nothing behind.
      expect(() =>
        ws.sqlite.transaction(() => {
          runOf(ws.sqlite, build.insertInto('tags').values({ name: 'gone', color: null, created_at: 4 }))
          throw new Error('abort')
        })(),
      ).toThrow('abort')
      expect(firstOf(ws.sqlite, build.selectFrom('tags').select('id').where('name', '=', 'gone'))).toBeUndefined()
      expect(rowsOf(ws.sqlite, build.selectFrom('tags').select('name').where('name', 'in', ['Alpha', 'beta'])).length).toBe(2)
    } finally {
      await ws.close()
    }
  })
})
