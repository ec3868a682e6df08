import type { Sqlite } from '../db/sqlite'
import { responseBatchWriter, responseWriter, type ResponseInsert } from '../db/responses'
import { readLexicon, readTagRules, ruleTagWriter, searchIndexBatchWriter, searchIndexWriter, textRulesVersion } from './textIndexRepository'
import { compileLexicons, scoreSentiment, type Lexicons } from '../text/sentiment'
import { compileTagRules } from '../text/tagRules'
import { searchableText } from '../text/tokens'
import { detectLanguage } from '../text/language'

/** What is derived from a comment when it is stored: its language, sentiment, search text and rule tags. */
export interface CommentAnalysis {
  language: string | null
  sentiment: number | null
  searchText: string
  tags: number[]
}

const CACHE_LIMIT = 20_000
/** Comments longer than this are not cached: they are hardly ever repeated word for word. */
const CACHED_COMMENT_CHARS = 500
/** Characters of comments the cache holds at most (each also holds its search text): a few MB, whatever the file. */
const CACHE_CHARS = 2_000_000

/**
 * Analyses comments with the workspace's lexicon and tag rules. Exports repeat the same short
 * comments ("Good", "ok", canned answers) thousands of times, so results are cached by text. The
 * cache is bounded in characters too: bounded only in entries, 22,000 unique 900-character Thai
 * comments filled the import worker's 96 MB heap and the import died.
 */
export function commentAnalyzer(lexicons: Lexicons, tagsFor: (comment: string, language: string | null) => number[]) {
  const cache = new Map<string, CommentAnalysis>()
  let cachedChars = 0
  return (comment: string, language: string | null): CommentAnalysis => {
    const key = `${language ?? ''}\u0000${comment}`
    const hit = cache.get(key)
    if (hit) return hit
    const lang = language ?? detectLanguage(comment)
    const result = { language: lang, sentiment: scoreSentiment(comment, lang, lexicons), searchText: searchableText(comment), tags: tagsFor(comment, lang) }
    if (comment.length > CACHED_COMMENT_CHARS) return result
    if (cache.size >= CACHE_LIMIT || cachedChars + key.length > CACHE_CHARS) {
      cache.clear()
      cachedChars = 0
    }
    cache.set(key, result)
    cachedChars += key.length
    return result
  }
}

export function analyzerFor(sqlite: Sqlite) {
  return commentAnalyzer(compileLexicons(readLexicon(sqlite)), compileTagRules(readTagRules(sqlite)))
}

type Analyzer = ReturnType<typeof analyzerFor>
const analyzers = new WeakMap<Sqlite, { version: number; analyze: Analyzer }>()

/**
 * The analyzer of a connection, compiled once and kept until the tag rules or the lexicon change
 * (the version their triggers move, in this process or another): one answer at a time (the shop's
 * survey server, manual entry) no longer recompiles thousands of lexicon terms per answer.
 * A file without the counter (-1, before its migration) gets a fresh analyzer each time.
 */
export function cachedAnalyzer(sqlite: Sqlite): Analyzer {
  const version = textRulesVersion(sqlite)
  const hit = analyzers.get(sqlite)
  if (hit && hit.version === version && version >= 0) return hit.analyze
  const analyze = analyzerFor(sqlite)
  analyzers.set(sqlite, { version, analyze })
  return analyze
}

/**
 * The one way feedback enters a workspace (imports, manual entry, the demo): the response row with
 * its band and sentiment, its search text and its rule tags, all in the caller's transaction.
 * Returns the new id, or null for a duplicate.
 */
export function feedbackWriter(sqlite: Sqlite, now: number): (r: Omit<ResponseInsert, 'sentiment'>) => number | null {
  const write = responseWriter(sqlite)
  const index = searchIndexWriter(sqlite)
  const tag = ruleTagWriter(sqlite, now)
  const analyze = cachedAnalyzer(sqlite)
  return (r) => {
    const comment = r.comment && r.comment.trim() ? r.comment : null
    const a = comment ? analyze(comment, r.language) : null
    const id = write({ ...r, comment, language: a?.language ?? r.language, sentiment: a?.sentiment ?? null })
    if (id !== null && a) {
      if (a.searchText) index(id, a.searchText)
      for (const t of a.tags) tag(id, t)
    }
    return id
  }
}

/**
 * feedbackWriter for many rows at a time (the import): the same analysis and the same rows, written
 * with multi-row statements. The rows are the caller's to give away: each is completed in place
 * (comment, language, sentiment) rather than copied, one object less per row of a large file.
 * Returns, per row, its new id or null for a duplicate.
 */
export function feedbackBatchWriter(sqlite: Sqlite, now: number): (rows: ResponseInsert[]) => Array<number | null> {
  const write = responseBatchWriter(sqlite)
  const index = searchIndexBatchWriter(sqlite)
  const tag = ruleTagWriter(sqlite, now)
  const analyze = analyzerFor(sqlite)
  return (rows) => {
    const analyses: Array<CommentAnalysis | null> = new Array<CommentAnalysis | null>(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]
      const comment = r.comment && r.comment.trim() ? r.comment : null
      const a = comment ? analyze(comment, r.language) : null
      analyses[i] = a
      r.comment = comment
      r.language = a?.language ?? r.language
      r.sentiment = a?.sentiment ?? null
    }
    const ids = write(rows)
    const entries: Array<[number, string]> = []
    ids.forEach((id, i) => {
      const a = analyses[i]
      if (id === null || !a) return
      if (a.searchText) entries.push([id, a.searchText])
      for (const t of a.tags) tag(id, t)
    })
    index(entries)
    return ids
  }
}
