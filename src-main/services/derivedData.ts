import type Database from 'better-sqlite3'
import { defaultLexicon } from '../text/defaultLexicon'
import { readMetaValue, replaceLexicon, searchIndexWriter, writeMetaValue } from '../db/repositories/textIndex'
import { analyzerFor } from './feedbackWriter'

/** Bump when the way search text is built changes: every workspace rebuilds its index once on open. */
export const SEARCH_INDEX_VERSION = '1'
/**
 * Raise when the sentiment rule changes (not the lexicon: editing it re-scores at once), so comments
 * scored by the old rule are scored again when the workspace opens. 2: intensifiers after a word.
 */
export const SENTIMENT_VERSION = '2'

/** Puts the default lexicon into a workspace that has none (new, or migrated from before sentiment existed). */
export function seedLexicon(sqlite: Database.Database): void {
  const { n } = sqlite.prepare('SELECT count(*) n FROM sentiment_lexicon').get() as { n: number }
  if (n > 0) return
  const rows = Object.entries(defaultLexicon).flatMap(([language, entries]) => entries.map((e) => ({ language, ...e })))
  replaceLexicon(sqlite, rows, Object.keys(defaultLexicon))
}

/**
 * True when ensureDerivedData would find nothing to do but the search for comments without a
 * sentiment (a scan of every response): a workspace opened only to read (the CLI's metrics and
 * reports) then skips it. Every CX Desk writer scores comments as it stores them; rows a foreign
 * writer (the sqlite3 shell) left unscored are scored at the next read-write open.
 */
export function derivedDataIsCurrent(sqlite: Database.Database): boolean {
  if (readMetaValue(sqlite, 'search_index_version') !== SEARCH_INDEX_VERSION || readMetaValue(sqlite, 'sentiment_version') !== SENTIMENT_VERSION) return false
  if (!sqlite.prepare('SELECT 1 FROM sentiment_lexicon LIMIT 1').get()) return false
  const hasStats = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()
  return Boolean(hasStats) || (sqlite.prepare('SELECT count(*) n FROM responses').get() as { n: number }).n < 10_000
}

/**
 * Brings what is derived from comments up to date when a workspace opens: the lexicon, the search
 * index (built by the app, since Thai segmentation and diacritic folding happen in JavaScript), and
 * sentiment for comments stored before it was computed or scored by an older rule. One transaction;
 * nothing to do usually.
 */
export function ensureDerivedData(sqlite: Database.Database): void {
  if (sqlite.readonly) return
  sqlite.transaction(() => {
    seedLexicon(sqlite)
    const analyze = analyzerFor(sqlite)
    if (readMetaValue(sqlite, 'search_index_version') !== SEARCH_INDEX_VERSION) {
      sqlite.prepare('DELETE FROM feedback_fts').run()
      const index = searchIndexWriter(sqlite)
      for (const r of commentsInChunks(sqlite, '')) {
        const text = analyze(r.comment, r.language).searchText
        if (text) index(r.id, text)
      }
      writeMetaValue(sqlite, 'search_index_version', SEARCH_INDEX_VERSION)
    }
    if (readMetaValue(sqlite, 'sentiment_version') !== SENTIMENT_VERSION) {
      rescoreSentiment(sqlite, 'all')
      writeMetaValue(sqlite, 'sentiment_version', SENTIMENT_VERSION)
    } else rescoreSentiment(sqlite, 'missing')
    // A sizeable workspace without planner statistics (older files, the demo): gather a quick sample.
    const hasStats = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()
    if (!hasStats && (sqlite.prepare('SELECT count(*) n FROM responses').get() as { n: number }).n >= 10_000) {
      sqlite.pragma('analysis_limit = 400')
      sqlite.exec('ANALYZE')
    }
  })()
}

/** Recomputes sentiment for every comment ('all', after the lexicon changed) or only where it is missing. */
export function rescoreSentiment(sqlite: Database.Database, which: 'all' | 'missing'): number {
  const analyze = analyzerFor(sqlite)
  const update = sqlite.prepare('UPDATE responses SET sentiment = ? WHERE id = ?')
  let changed = 0
  for (const r of commentsInChunks(sqlite, which === 'missing' ? 'AND sentiment IS NULL' : '')) {
    const s = analyze(r.comment, r.language).sentiment
    if (s !== r.sentiment) {
      update.run(s, r.id)
      changed++
    }
  }
  return changed
}

interface CommentRow {
  id: number
  comment: string
  language: string | null
  sentiment: number | null
}

/** Comments in id order, a chunk at a time: the connection cannot write while a statement iterates, and .all() of a million rows is too much memory. */
function* commentsInChunks(sqlite: Database.Database, extra: string): Generator<CommentRow> {
  const page = sqlite.prepare(`SELECT id, comment, language, sentiment FROM responses WHERE comment IS NOT NULL ${extra} AND id > ? ORDER BY id LIMIT 5000`)
  let after = 0
  for (;;) {
    const rows = page.all(after) as CommentRow[]
    if (!rows.length) return
    yield* rows
    after = rows[rows.length - 1].id
  }
}
