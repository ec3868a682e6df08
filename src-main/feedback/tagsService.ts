import { activeFilterKeys, type FeedbackFilter } from '../../src-shared/api/filters'
import type { Tag, TagRuleDto, ThemeSuggestion } from '../../src-shared/api/tags'
import { AppError } from '../../src-shared/api/result'
import { filteredResponses } from '../db/feedbackFilter'
import { commentPages, readTagRules, ruleTagWriter } from './textIndexRepository'
import { compileTagRules, splitKeywords } from '../text/tagRules'
import { detectLanguage } from '../text/language'
import { suggestThemes } from '../text/themes'
import { foldDiacritics } from '../text/fold'
import { words } from '../text/tokens'
import type { OpenWorkspace } from '../db/openWorkspace'
import type { Sqlite } from '../db/sqlite'
import { existingResponseIds, responseEventWriter } from './feedbackEditsRepository'
import {
  allTags,
  deleteRuleRow,
  deleteRuleTags,
  insertRule,
  insertTag,
  manualTagger,
  responsesPerTag,
  ruleRows,
  ruleTagCount,
  tagCount,
  tagIdByName,
  tagRemover,
  updateRule,
} from './tagsRepository'
import { inTransaction } from '../db/transaction'

const TAG_COLORS = ['#2b6cb0', '#2f855a', '#b7791f', '#c53030', '#6b46c1', '#2c7a7b', '#b83280', '#4a5568']

export function ensureTag(sqlite: Sqlite, name: string, now: number): number {
  return tagIdByName(sqlite, name.trim()) ?? insertTag(sqlite, name.trim(), TAG_COLORS[tagCount(sqlite) % TAG_COLORS.length], now)
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
    : responsesPerTag(open.ws.sqlite)
  const byTag = new Map(counts.map((c) => [c.tag_id, Number(c.n)]))
  return allTags(open.ws.sqlite).map((t) => ({ ...t, count: byTag.get(t.id) ?? 0 }))
}

export function assignTag(open: OpenWorkspace, ids: number[], tag: string, remove: boolean, actor: string | null, now: number): { changed: number } {
  const sqlite = open.ws.sqlite
  return inTransaction(sqlite, () => {
    const tagId = remove ? tagIdByName(sqlite, tag.trim()) : ensureTag(sqlite, tag, now)
    if (tagId === null) return { changed: 0 }
    const change = remove ? tagRemover(sqlite) : manualTagger(sqlite, now)
    const event = responseEventWriter(sqlite)
    let changed = 0
    const existing = existingResponseIds(sqlite, ids)
    for (const id of ids) {
      if (!existing.has(id)) continue
      if (change(id, tagId)) {
        event(id, remove ? 'untag' : 'tag', tag.trim(), actor, now)
        changed++
      }
    }
    return { changed }
  })
}

export function listRules(open: OpenWorkspace): TagRuleDto[] {
  return ruleRows(open.ws.sqlite).map((r) => ({ ...r, keywords: splitKeywords(r.keywords) }))
}

/**
 * Re-applies every keyword rule to every comment: rule tags are recomputed, tags added by hand are
 * kept. One transaction. Returns the number of rule tags now in place.
 */
export function reapplyRules(sqlite: Sqlite, now: number): number {
  const match = compileTagRules(readTagRules(sqlite))
  const tag = ruleTagWriter(sqlite, now)
  deleteRuleTags(sqlite)
  for (const rows of commentPages(sqlite)) for (const r of rows) for (const t of match(r.comment, r.language ?? detectLanguage(r.comment))) tag(r.id, t)
  return ruleTagCount(sqlite)
}

export function saveRule(open: OpenWorkspace, req: { id?: number; tag: string; language: string | null; keywords: string[] }, now: number) {
  const sqlite = open.ws.sqlite
  return inTransaction(sqlite, () => {
    const tagId = ensureTag(sqlite, req.tag, now)
    const keywords = req.keywords.map((k) => k.trim()).filter(Boolean).join('\n')
    let id = req.id
    const rule = { tagId, language: req.language, keywords }
    if (id !== undefined) {
      if (!updateRule(sqlite, id, rule, now)) throw new AppError('NOT_FOUND', 'That rule no longer exists.')
    } else id = insertRule(sqlite, rule, now)
    const tagged = reapplyRules(sqlite, now)
    const saved = listRules(open).find((r) => r.id === id)
    if (!saved) throw new AppError('INTERNAL', 'The rule was not saved.')
    return { rule: saved, tagged }
  })
}

export function deleteRule(open: OpenWorkspace, id: number, now: number) {
  const sqlite = open.ws.sqlite
  return inTransaction(sqlite, () => {
    deleteRuleRow(sqlite, id)
    return { tagged: reapplyRules(sqlite, now) }
  })
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
