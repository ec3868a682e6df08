import type Database from 'better-sqlite3'
import { activeFilterKeys, type FeedbackFilter } from '../../src-shared/api/filters'
import type { Tag, TagRuleDto, ThemeSuggestion } from '../../src-shared/api/tags'
import { AppError } from '../../src-shared/api/result'
import { filteredResponses } from '../db/feedbackFilter'
import { inChunks } from './feedbackRowsRepository'
import { readTagRules, ruleTagWriter } from './textIndexRepository'
import { compileTagRules, splitKeywords } from '../text/tagRules'
import { detectLanguage } from '../text/language'
import { suggestThemes } from '../text/themes'
import { foldDiacritics } from '../text/fold'
import { words } from '../text/tokens'
import type { OpenWorkspace } from '../db/openWorkspace'

const TAG_COLORS = ['#2b6cb0', '#2f855a', '#b7791f', '#c53030', '#6b46c1', '#2c7a7b', '#b83280', '#4a5568']

export function ensureTag(sqlite: Database.Database, name: string, now: number): number {
  const found = sqlite.prepare('SELECT id FROM tags WHERE name = ?').get(name.trim()) as { id: number } | undefined
  if (found) return found.id
  const { n } = sqlite.prepare('SELECT count(*) n FROM tags').get() as { n: number }
  return Number(sqlite.prepare('INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)').run(name.trim(), TAG_COLORS[n % TAG_COLORS.length], now).lastInsertRowid)
}

/** Every tag with how many of the filter's responses carry it. */
export async function listTags(open: OpenWorkspace, filter: FeedbackFilter = {}): Promise<Tag[]> {
  // Without a filter the tag index alone holds the counts; no response needs to be read.
  const counts = activeFilterKeys(filter).length
    ? await filteredResponses(open.db, filter, { joins: false })
        .innerJoin('response_tags as rt', 'rt.response_id', 'r.id')
        .select(['rt.tag_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('rt.tag_id')
        .execute()
    : (open.ws.sqlite.prepare('SELECT tag_id, count(*) n FROM response_tags GROUP BY tag_id').all() as Array<{ tag_id: number; n: number }>)
  const byTag = new Map(counts.map((c) => [c.tag_id, Number(c.n)]))
  const tags = open.ws.sqlite.prepare('SELECT id, name, color FROM tags ORDER BY name COLLATE NOCASE').all() as Array<{ id: number; name: string; color: string | null }>
  return tags.map((t) => ({ ...t, count: byTag.get(t.id) ?? 0 }))
}

export function assignTag(open: OpenWorkspace, ids: number[], tag: string, remove: boolean, actor: string | null, now: number): { changed: number } {
  const sqlite = open.ws.sqlite
  return sqlite.transaction(() => {
    const tagId = remove ? ((sqlite.prepare('SELECT id FROM tags WHERE name = ?').get(tag.trim()) as { id: number } | undefined)?.id ?? null) : ensureTag(sqlite, tag, now)
    if (tagId === null) return { changed: 0 }
    const change = remove
      ? sqlite.prepare('DELETE FROM response_tags WHERE response_id = ? AND tag_id = ?')
      : sqlite.prepare(`INSERT INTO response_tags (response_id, tag_id, source, created_at) VALUES (?, ?, 'manual', ?) ON CONFLICT DO UPDATE SET source = 'manual'`)
    const event = sqlite.prepare('INSERT INTO response_events (response_id, kind, value, actor, at) VALUES (?, ?, ?, ?, ?)')
    let changed = 0
    const existing = new Set(inChunks(ids, (chunk) => (sqlite.prepare(`SELECT id FROM responses WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Array<{ id: number }>).map((r) => r.id)))
    for (const id of ids) {
      if (!existing.has(id)) continue
      const r = remove ? change.run(id, tagId) : change.run(id, tagId, now)
      if (r.changes) {
        event.run(id, remove ? 'untag' : 'tag', tag.trim(), actor, now)
        changed++
      }
    }
    return { changed }
  })()
}

export function listRules(open: OpenWorkspace): TagRuleDto[] {
  const rows = open.ws.sqlite
    .prepare('SELECT r.id, t.name tag, r.language, r.keywords FROM tag_rules r JOIN tags t ON t.id = r.tag_id ORDER BY t.name COLLATE NOCASE, r.language')
    .all() as Array<{ id: number; tag: string; language: string | null; keywords: string }>
  return rows.map((r) => ({ ...r, keywords: splitKeywords(r.keywords) }))
}

/**
 * Re-applies every keyword rule to every comment: rule tags are recomputed, tags added by hand are
 * kept. One transaction. Returns the number of rule tags now in place.
 */
export function reapplyRules(sqlite: Database.Database, now: number): number {
  const match = compileTagRules(readTagRules(sqlite))
  const tag = ruleTagWriter(sqlite, now)
  sqlite.prepare(`DELETE FROM response_tags WHERE source = 'rule'`).run()
  const page = sqlite.prepare('SELECT id, comment, language FROM responses WHERE comment IS NOT NULL AND id > ? ORDER BY id LIMIT 5000')
  let after = 0
  for (;;) {
    const rows = page.all(after) as Array<{ id: number; comment: string; language: string | null }>
    if (!rows.length) break
    for (const r of rows) for (const t of match(r.comment, r.language ?? detectLanguage(r.comment))) tag(r.id, t)
    after = rows[rows.length - 1].id
  }
  return (sqlite.prepare(`SELECT count(*) n FROM response_tags WHERE source = 'rule'`).get() as { n: number }).n
}

export function saveRule(open: OpenWorkspace, req: { id?: number; tag: string; language: string | null; keywords: string[] }, now: number) {
  const sqlite = open.ws.sqlite
  return sqlite.transaction(() => {
    const tagId = ensureTag(sqlite, req.tag, now)
    const keywords = req.keywords.map((k) => k.trim()).filter(Boolean).join('\n')
    let id = req.id
    if (id !== undefined) {
      if (!sqlite.prepare('UPDATE tag_rules SET tag_id = ?, language = ?, keywords = ?, updated_at = ? WHERE id = ?').run(tagId, req.language, keywords, now, id).changes)
        throw new AppError('NOT_FOUND', 'That rule no longer exists.')
    } else id = Number(sqlite.prepare('INSERT INTO tag_rules (tag_id, language, keywords, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(tagId, req.language, keywords, now, now).lastInsertRowid)
    const tagged = reapplyRules(sqlite, now)
    const rule = listRules(open).find((r) => r.id === id)
    if (!rule) throw new AppError('INTERNAL', 'The rule was not saved.')
    return { rule, tagged }
  })()
}

export function deleteRule(open: OpenWorkspace, id: number, now: number) {
  const sqlite = open.ws.sqlite
  return sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM tag_rules WHERE id = ?').run(id)
    return { tagged: reapplyRules(sqlite, now) }
  })()
}

/** Candidate themes from the newest 5,000 comments the filter selects. */
export async function suggest(open: OpenWorkspace, filter: FeedbackFilter = {}, limit = 20): Promise<ThemeSuggestion[]> {
  const rows = await filteredResponses(open.db, filter, { joins: false })
    .select(['r.comment', 'r.language'])
    .where('r.comment', 'is not', null)
    .orderBy('r.submitted_at', 'desc')
    .limit(5_000)
    .execute()
  const covered = new Set(readTagRules(open.ws.sqlite).flatMap((r) => r.keywords.map((k) => words(k).map(foldDiacritics).join(' '))))
  return suggestThemes(
    rows.map((r) => ({ comment: r.comment ?? '', language: r.language })),
    covered,
    limit,
  )
}
