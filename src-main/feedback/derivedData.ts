import type { Sqlite } from '../db/sqlite'
import { readMetaValue, writeMetaValue } from '../db/meta'
import { defaultLexicon } from '../text/defaultLexicon'
import { retiredLexicon } from '../text/retiredLexicon'
import {
  addMissingLexiconTerms,
  analyzeSample,
  clearSearchIndex,
  commentPages,
  hasLexicon,
  hasPlannerStats,
  maxResponseId,
  removeUnchangedLexiconTerms,
  replaceLexicon,
  responseCount,
  searchIndexWriter,
  sentimentWriter,
  type CommentRow,
} from './textIndexRepository'
import { AppError } from '../../src-shared/api/result'
import { analyzerFor } from './feedbackWriter'
import { inTransaction } from '../db/transaction'
import { ensureDueDates } from './followUpService'

/** Bump when the way search text is built changes: every workspace rebuilds its index once on open. */
export const SEARCH_INDEX_VERSION = '1'
/**
 * Raise when the sentiment rule changes (not the lexicon: editing it re-scores at once), so comments
 * scored by the old rule are scored again when the workspace opens. 2: intensifiers after a word.
 * 3: words of the word list read as one, negation by words within a clause, a negated word kept noticeable.
 * 4: clauses asked or conceded count less, "too" + a plain word, "cannot" at a clause's end, "or" after a
 * negated word, softeners, emoji, Thai terms compared without the segmenter's cuts, English words in
 * Thai and Vietnamese comments, Vietnamese compounds typed without diacritics. 5: complaints told as facts
 * (complaintPatterns: waits, asking again, got other than ordered, silence, ratings), price words after
 * "price", "bị"/"โดน" + what was suffered, Vietnamese negators as typed in phrases, praise after a negated
 * expectation takes the negation, Thai "ย์" written cute, English words in other forms. 6: the fourth round
 * of issue 15 — sarcasm (bare praise before a complaint, speed praised beside a long wait), got other than
 * ordered in Vietnamese and Thai and "instead of", express paid for and days taken, done already and yet,
 * "not … until", a Thai appointment kept late, the words of an order not read as praise, negation over
 * adjacent words, flat words counted once, "neither … nor" cancelling, "can't … enough", "wouldn't say",
 * "still not", "ไม่มี", sizes in descriptions, cold and warm read by the thing, "thái độ" alone, Thai
 * dictionary words rejoined from ICU's fragments, Vietnamese words yielding to longer lexicon phrases.
 * 7: the fifth round of issue 15 — complaints told as plain facts (plainFacts.ts: an expectation
 * broken, a quantity gone wrong, a time told as a wait, a problem named as a thing), what was promised
 * or advertised and words in quotation marks not read as praise, "no need to tell" waiving an
 * expectation, a duration asked about or foretold no wait, got other than ordered after "came".
 */
export const SENTIMENT_VERSION = '7'
/**
 * Raise when the default lexicon grows: a workspace's own copy gets the new terms once when it opens
 * (terms it has keep the user's weights). 2: the words of issue 15 (lukewarm, "không nổi", "ปัง"…).
 * 3: the lexicon grown again for issue 15 (slang, teen-code, emoji, expectations such as "trả lời"),
 * and the default terms that misled retired or re-weighed (retiredLexicon: "คน", "เพราะ", "được" 1…).
 * 4: word families of the third round of issue 15 (damage, health, careless work, curt answers, silence,
 * ran out, extra charges, leaving for good; skill, trust, expectations exceeded, promises kept; order
 * options and "ไม่คิดว่า" / "không ngờ" that negate nothing; more expectations: update, xong, บอก …).
 * 5: the fourth round (feelings, faces and tones, staff on their phones, came apart soon after, an app
 * down, a wasted trip, money taken and blocked, overcharging, warnings, sensory words, regulars), and
 * being charged re-weighed as a fact ("charged", "trừ tiền", "ตัดเงิน": −2 → 0, retiredLexicon).
 */
export const LEXICON_VERSION = '5'

/**
 * Puts the default lexicon into a workspace that has none (new, or migrated from before sentiment
 * existed), or brings its copy up to the default once after the default changed (LEXICON_VERSION):
 * default terms since retired or re-weighed go where the workspace still has them as shipped, then
 * the default terms it lacks are added. Terms the user edited keep the user's weights.
 */
export function seedLexicon(sqlite: Sqlite): void {
  const rows = Object.entries(defaultLexicon).flatMap(([language, entries]) => entries.map((e) => ({ language, ...e })))
  if (!hasLexicon(sqlite)) replaceLexicon(sqlite, rows, Object.keys(defaultLexicon))
  else if (readMetaValue(sqlite, 'lexicon_version') === LEXICON_VERSION) return
  else {
    const changed = removeUnchangedLexiconTerms(sqlite, retiredLexicon) + addMissingLexiconTerms(sqlite, rows)
    // A changed lexicon changes scores: the next step re-scores every comment.
    if (changed > 0) writeMetaValue(sqlite, 'sentiment_version', '')
  }
  writeMetaValue(sqlite, 'lexicon_version', LEXICON_VERSION)
}

export interface DerivedDataControl {
  /** Read between chunks of comments: a cancel rolls the whole update back. */
  isCancelled?: () => boolean
  /** Comments gone through, by id, of the highest id (a re-score or a new search index at a million responses takes seconds). */
  onProgress?: (p: { done: number; total: number }) => void
}

/**
 * True when ensureDerivedData would find nothing to do but the search for comments without a
 * sentiment (a scan of every response): a workspace opened only to read (the CLI's metrics and
 * reports) then skips it. Every CX Desk writer scores comments as it stores them; rows a foreign
 * writer (the sqlite3 shell) left unscored are scored at the next read-write open.
 */
export function derivedDataIsCurrent(sqlite: Sqlite): boolean {
  if (readMetaValue(sqlite, 'search_index_version') !== SEARCH_INDEX_VERSION || readMetaValue(sqlite, 'sentiment_version') !== SENTIMENT_VERSION) return false
  if (readMetaValue(sqlite, 'lexicon_version') !== LEXICON_VERSION) return false
  if (!hasLexicon(sqlite)) return false
  return hasPlannerStats(sqlite) || responseCount(sqlite) < 10_000
}

/**
 * Brings what is derived from comments up to date when a workspace opens: the lexicon, the search
 * index (built by the app, since Thai segmentation and diacritic folding happen in JavaScript), and
 * sentiment for comments stored before it was computed or scored by an older rule. One transaction;
 * nothing to do usually (finding that out scans the comments: part of the open-time work that runs
 * off the main thread for a large workspace).
 */
export function ensureDerivedData(sqlite: Sqlite, control: DerivedDataControl = {}): void {
  if (sqlite.readonly) return
  const step = chunkWatcher(sqlite, control)
  inTransaction(sqlite, () => {
    seedLexicon(sqlite)
    if (readMetaValue(sqlite, 'search_index_version') !== SEARCH_INDEX_VERSION) {
      clearSearchIndex(sqlite)
      const index = searchIndexWriter(sqlite)
      const analyze = analyzerFor(sqlite)
      for (const r of commentsInChunks(sqlite, 'all', step)) {
        const text = analyze(r.comment, r.language).searchText
        if (text) index(r.id, text)
      }
      writeMetaValue(sqlite, 'search_index_version', SEARCH_INDEX_VERSION)
    }
    if (readMetaValue(sqlite, 'sentiment_version') !== SENTIMENT_VERSION) {
      rescoreSentiment(sqlite, 'all', step)
      writeMetaValue(sqlite, 'sentiment_version', SENTIMENT_VERSION)
      writeMetaValue(sqlite, 'sentiment_complete', SENTIMENT_VERSION)
    } else if (readMetaValue(sqlite, 'sentiment_complete') !== SENTIMENT_VERSION) {
      // Comments stored before sentiment was computed: found by a scan of every response (seconds at
      // a million), so done once. Every writer scores what it stores (feedbackWriter).
      rescoreSentiment(sqlite, 'missing', step)
      writeMetaValue(sqlite, 'sentiment_complete', SENTIMENT_VERSION)
    }
    // A sizeable workspace without planner statistics (older files, the demo): gather a quick sample.
    if (!hasPlannerStats(sqlite) && responseCount(sqlite) >= 10_000) analyzeSample(sqlite)
    // The last chance to roll back: a cancel asked for while the last chunk was written still counts.
    if (control.isCancelled?.()) throw new AppError('CANCELLED', 'Cancelled.')
  })
  // Follow-up due dates pending (rows written by an older version, or a rule changed): worked out
  // here, in the opening's thread, not by the window's thread on its first read.
  ensureDueDates(sqlite)
}

/** Called with the last id of each chunk: reports progress, and throws CANCELLED (rolling back the transaction) once cancelled. */
function chunkWatcher(sqlite: Sqlite, control: DerivedDataControl): ((lastId: number) => void) | undefined {
  const { isCancelled, onProgress } = control
  if (!isCancelled && !onProgress) return undefined
  const total = maxResponseId(sqlite)
  return (lastId) => {
    onProgress?.({ done: lastId, total })
    if (isCancelled?.()) throw new AppError('CANCELLED', 'Cancelled.')
  }
}

/** Recomputes sentiment for every comment ('all', after the lexicon changed) or only where it is missing. */
export function rescoreSentiment(sqlite: Sqlite, which: 'all' | 'missing', afterChunk?: (lastId: number) => void): number {
  // Compiled only when there is a comment to score: usually none is missing.
  let analyze: ReturnType<typeof analyzerFor> | null = null
  const update = sentimentWriter(sqlite)
  let changed = 0
  for (const r of commentsInChunks(sqlite, which === 'missing' ? 'unscored' : 'all', afterChunk)) {
    analyze ??= analyzerFor(sqlite)
    const s = analyze(r.comment, r.language).sentiment
    if (s !== r.sentiment) {
      update(r.id, s)
      changed++
    }
  }
  return changed
}

/** Comments in id order, calling afterChunk with the last id of each chunk. */
function* commentsInChunks(sqlite: Sqlite, which: 'all' | 'unscored', afterChunk?: (lastId: number) => void): Generator<CommentRow> {
  for (const rows of commentPages(sqlite, which)) {
    yield* rows
    afterChunk?.(rows[rows.length - 1].id)
  }
}
