import { sql } from 'kysely'
import type { Sqlite } from '../db/sqlite'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'

// Tagging and rule changes run inside better-sqlite3's synchronous transactions (with the rule
// re-application over every comment): the queries are built and typed by Kysely and run at once
// (db/syncQuery.ts). The two per-row taggers stay prepared statements: a bulk tag runs them once
// per selected response, and compiling a query per row would cost more than running it.

export function tagIdByName(sqlite: Sqlite, name: string): number | null {
  return firstOf(sqlite, build.selectFrom('tags').select('id').where('name', '=', name))?.id ?? null
}

export function tagCount(sqlite: Sqlite): number {
  return firstOf(sqlite, build.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0
}

export function insertTag(sqlite: Sqlite, name: string, color: string, now: number): number {
  return runOf(sqlite, build.insertInto('tags').values({ name, color, created_at: now })).lastInsertRowid
}

export function allTags(sqlite: Sqlite): Array<{ id: number; name: string; color: string | null }> {
  return rowsOf(sqlite, build.selectFrom('tags').select(['id', 'name', 'color']).orderBy(sql`name COLLATE NOCASE`))
}

/** Responses per tag over the whole workspace, from the tag index alone. */
export function responsesPerTag(sqlite: Sqlite): Array<{ tag_id: number; n: number }> {
  return rowsOf(sqlite, build.selectFrom('response_tags').select((eb) => ['tag_id', eb.fn.countAll<number>().as('n')]).groupBy('tag_id'))
}

/** Tags a response by hand (a rule's tag on it becomes a hand's); true when something changed. */
export function manualTagger(sqlite: Sqlite, now: number): (responseId: number, tagId: number) => boolean {
  const ins = sqlite.prepare(`INSERT INTO response_tags (response_id, tag_id, source, created_at) VALUES (?, ?, 'manual', ?) ON CONFLICT DO UPDATE SET source = 'manual'`)
  return (id, tag) => ins.run(id, tag, now).changes > 0
}

/** Takes a tag off a response; true when it was there. */
export function tagRemover(sqlite: Sqlite): (responseId: number, tagId: number) => boolean {
  const del = sqlite.prepare('DELETE FROM response_tags WHERE response_id = ? AND tag_id = ?')
  return (id, tag) => del.run(id, tag).changes > 0
}

export function ruleRows(sqlite: Sqlite): Array<{ id: number; tag: string; language: string | null; keywords: string }> {
  return rowsOf(
    sqlite,
    build
      .selectFrom('tag_rules as r')
      .innerJoin('tags as t', 't.id', 'r.tag_id')
      .select(['r.id', 't.name as tag', 'r.language', 'r.keywords'])
      .orderBy(sql`t.name COLLATE NOCASE`)
      .orderBy('r.language'),
  )
}

export function deleteRuleTags(sqlite: Sqlite): void {
  runOf(sqlite, build.deleteFrom('response_tags').where('source', '=', 'rule'))
}

export function ruleTagCount(sqlite: Sqlite): number {
  return firstOf(sqlite, build.selectFrom('response_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'rule'))?.n ?? 0
}

/** Updates a rule; false when it no longer exists. */
export function updateRule(sqlite: Sqlite, id: number, rule: { tagId: number; language: string | null; keywords: string }, now: number): boolean {
  return runOf(sqlite, build.updateTable('tag_rules').set({ tag_id: rule.tagId, language: rule.language, keywords: rule.keywords, updated_at: now }).where('id', '=', id)).changes > 0
}

export function insertRule(sqlite: Sqlite, rule: { tagId: number; language: string | null; keywords: string }, now: number): number {
  return runOf(sqlite, build.insertInto('tag_rules').values({ tag_id: rule.tagId, language: rule.language, keywords: rule.keywords, created_at: now, updated_at: now })).lastInsertRowid
}

export function deleteRuleRow(sqlite: Sqlite, id: number): void {
  runOf(sqlite, build.deleteFrom('tag_rules').where('id', '=', id))
}
