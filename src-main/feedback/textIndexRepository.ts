import type Database from 'better-sqlite3'
import type { LexiconEntry } from '../text/defaultLexicon'
import type { TagRule } from '../text/tagRules'
import { splitKeywords } from '../text/tagRules'
import { statement } from '../db/statements'

/** Rows of the workspace's own lexicon. */
export function readLexicon(sqlite: Database.Database): Array<{ language: string } & LexiconEntry> {
  return sqlite.prepare('SELECT language, term, kind, weight FROM sentiment_lexicon ORDER BY language, kind, term').all() as Array<{ language: string } & LexiconEntry>
}

export function replaceLexicon(sqlite: Database.Database, rows: Array<{ language: string } & LexiconEntry>, languages: string[]): void {
  const del = sqlite.prepare('DELETE FROM sentiment_lexicon WHERE language = ?')
  const ins = sqlite.prepare('INSERT OR REPLACE INTO sentiment_lexicon (language, term, kind, weight) VALUES (?, ?, ?, ?)')
  for (const l of languages) del.run(l)
  for (const r of rows) ins.run(r.language, r.term, r.kind, r.weight)
}

/** Adds the terms a lexicon lacks; a term it has keeps its kind and weight (the user's edits stay). Returns how many were added. */
export function addMissingLexiconTerms(sqlite: Database.Database, rows: Array<{ language: string } & LexiconEntry>): number {
  const ins = sqlite.prepare('INSERT OR IGNORE INTO sentiment_lexicon (language, term, kind, weight) VALUES (?, ?, ?, ?)')
  let added = 0
  for (const r of rows) added += ins.run(r.language, r.term, r.kind, r.weight).changes
  return added
}

/**
 * Removes the given terms where the lexicon still has them exactly as given (same kind and weight):
 * default terms the default since dropped or re-weighed, left alone where the user edited them.
 * Returns how many were removed.
 */
export function removeUnchangedLexiconTerms(sqlite: Database.Database, rows: Array<{ language: string } & LexiconEntry>): number {
  const del = sqlite.prepare('DELETE FROM sentiment_lexicon WHERE language = ? AND term = ? AND kind = ? AND weight = ?')
  let removed = 0
  for (const r of rows) removed += del.run(r.language, r.term, r.kind, r.weight).changes
  return removed
}

/**
 * The counter the tag rules' and the lexicon's triggers move (migration 2026-12-02-text-rules-version):
 * equal numbers mean the same rules and lexicon. -1 in a file from before that migration.
 */
export function textRulesVersion(sqlite: Database.Database): number {
  const row = statement(sqlite, 'SELECT version FROM text_rules_version WHERE id = 1').get() as { version: number } | undefined
  return row?.version ?? -1
}

export function readTagRules(sqlite: Database.Database): TagRule[] {
  const rows = sqlite.prepare('SELECT tag_id, language, keywords FROM tag_rules ORDER BY id').all() as Array<{ tag_id: number; language: string | null; keywords: string }>
  return rows.map((r) => ({ tagId: r.tag_id, language: r.language, keywords: splitKeywords(r.keywords) }))
}

/** Writes a comment's searchable text under the response's id (the FTS rowid). Prepared once per connection (db/statements.ts): answers come one at a time. */
export function searchIndexWriter(sqlite: Database.Database): (responseId: number, text: string) => void {
  const ins = statement(sqlite, 'INSERT INTO feedback_fts (rowid, body) VALUES (?, ?)')
  return (id, text) => void ins.run(id, text)
}

/** Rows per INSERT of the batch writer below. */
const ENTRIES_PER_INSERT = 64

/** Writes many comments' searchable text at once (the import's writer): one multi-row INSERT per 64 entries. */
export function searchIndexBatchWriter(sqlite: Database.Database): (entries: Array<[responseId: number, text: string]>) => void {
  const statements = new Map<number, Database.Statement>()
  const insertOf = (n: number) => {
    let stmt = statements.get(n)
    if (!stmt) {
      stmt = sqlite.prepare(`INSERT INTO feedback_fts (rowid, body) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`)
      statements.set(n, stmt)
    }
    return stmt
  }
  return (entries) => {
    for (let from = 0; from < entries.length; from += ENTRIES_PER_INSERT) {
      const chunk = entries.slice(from, from + ENTRIES_PER_INSERT)
      insertOf(chunk.length).run(chunk.flat())
    }
  }
}

export function ruleTagWriter(sqlite: Database.Database, now: number): (responseId: number, tagId: number) => void {
  const ins = statement(sqlite, `INSERT OR IGNORE INTO response_tags (response_id, tag_id, source, created_at) VALUES (?, ?, 'rule', ?)`)
  return (id, tag) => void ins.run(id, tag, now)
}

// The statements below run inside the opening's synchronous transaction (ensureDerivedData), where
// Kysely's asynchronous driver cannot take part.

export function hasLexicon(sqlite: Database.Database): boolean {
  return Boolean(sqlite.prepare('SELECT 1 FROM sentiment_lexicon LIMIT 1').get())
}

/** Whether the planner has statistics (ANALYZE has run on this file). */
export function hasPlannerStats(sqlite: Database.Database): boolean {
  return Boolean(sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get())
}

/** Gathers planner statistics from a quick sample (a sizeable workspace without any). */
export function analyzeSample(sqlite: Database.Database): void {
  sqlite.pragma('analysis_limit = 400')
  sqlite.exec('ANALYZE')
}

export function responseCount(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) n FROM responses').get() as { n: number }).n
}

export function maxResponseId(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT max(id) m FROM responses').get() as { m: number | null }).m ?? 0
}

export function clearSearchIndex(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM feedback_fts').run()
}

export function sentimentWriter(sqlite: Database.Database): (responseId: number, sentiment: number | null) => void {
  const update = sqlite.prepare('UPDATE responses SET sentiment = ? WHERE id = ?')
  return (id, s) => void update.run(s, id)
}

export interface CommentRow {
  id: number
  comment: string
  language: string | null
  sentiment: number | null
}

/**
 * Comments in id order, 5,000 at a time (all, or only those without a sentiment): the connection
 * cannot write while a statement iterates, and .all() of a million rows is too much memory.
 */
export function* commentPages(sqlite: Database.Database, which: 'all' | 'unscored' = 'all'): Generator<CommentRow[]> {
  const page = sqlite.prepare(`SELECT id, comment, language, sentiment FROM responses WHERE comment IS NOT NULL ${which === 'unscored' ? 'AND sentiment IS NULL' : ''} AND id > ? ORDER BY id LIMIT 5000`)
  let after = 0
  for (;;) {
    const rows = page.all(after) as CommentRow[]
    if (!rows.length) return
    yield rows
    after = rows[rows.length - 1].id
  }
}
