import type { Sqlite } from '../db/sqlite'

// Raw statements: tagging and rule changes run inside better-sqlite3's synchronous transactions
// (with the rule re-application over every comment), where Kysely's asynchronous driver cannot take part.

export function tagIdByName(sqlite: Sqlite, name: string): number | null {
  return (sqlite.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined)?.id ?? null
}

export function tagCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) n FROM tags').get() as { n: number }).n
}

export function insertTag(sqlite: Sqlite, name: string, color: string, now: number): number {
  return Number(sqlite.prepare('INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)').run(name, color, now).lastInsertRowid)
}

export function allTags(sqlite: Sqlite): Array<{ id: number; name: string; color: string | null }> {
  return sqlite.prepare('SELECT id, name, color FROM tags ORDER BY name COLLATE NOCASE').all() as Array<{ id: number; name: string; color: string | null }>
}

/** Responses per tag over the whole workspace, from the tag index alone. */
export function responsesPerTag(sqlite: Sqlite): Array<{ tag_id: number; n: number }> {
  return sqlite.prepare('SELECT tag_id, count(*) n FROM response_tags GROUP BY tag_id').all() as Array<{ tag_id: number; n: number }>
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
  return sqlite
    .prepare('SELECT r.id, t.name tag, r.language, r.keywords FROM tag_rules r JOIN tags t ON t.id = r.tag_id ORDER BY t.name COLLATE NOCASE, r.language')
    .all() as Array<{ id: number; tag: string; language: string | null; keywords: string }>
}

export function deleteRuleTags(sqlite: Sqlite): void {
  sqlite.prepare(`DELETE FROM response_tags WHERE source = 'rule'`).run()
}

export function ruleTagCount(sqlite: Sqlite): number {
  return (sqlite.prepare(`SELECT count(*) n FROM response_tags WHERE source = 'rule'`).get() as { n: number }).n
}

/** Updates a rule; false when it no longer exists. */
export function updateRule(sqlite: Sqlite, id: number, rule: { tagId: number; language: string | null; keywords: string }, now: number): boolean {
  return sqlite.prepare('UPDATE tag_rules SET tag_id = ?, language = ?, keywords = ?, updated_at = ? WHERE id = ?').run(rule.tagId, rule.language, rule.keywords, now, id).changes > 0
}

export function insertRule(sqlite: Sqlite, rule: { tagId: number; language: string | null; keywords: string }, now: number): number {
  return Number(sqlite.prepare('INSERT INTO tag_rules (tag_id, language, keywords, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(rule.tagId, rule.language, rule.keywords, now, now).lastInsertRowid)
}

export function deleteRuleRow(sqlite: Sqlite, id: number): void {
  sqlite.prepare('DELETE FROM tag_rules WHERE id = ?').run(id)
}
