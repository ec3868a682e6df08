import type Database from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import type { DB } from './schema'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { bandValue } from '../../src-shared/domain/scores'
import { SENTIMENT_CUTOFF, type SentimentLabel } from '../../src-shared/domain/sentiment'
import { matchExpression } from '../text/tokens'

const HOUR = 3_600_000

const sentimentCondition: Record<SentimentLabel, string> = {
  positive: `r.sentiment >= ${SENTIMENT_CUTOFF}`,
  neutral: `(r.sentiment > ${-SENTIMENT_CUTOFF} AND r.sentiment < ${SENTIMENT_CUTOFF})`,
  negative: `r.sentiment <= ${-SENTIMENT_CUTOFF}`,
}

function joined(db: Kysely<DB>) {
  return db.selectFrom('responses as r').leftJoin('questions as q', 'q.id', 'r.question_id').leftJoin('customers as c', 'c.id', 'r.customer_id')
}

/**
 * Responses (r) with their question (q) and customer (c), narrowed by a FeedbackFilter. The one
 * place a filter becomes SQL, so the inbox, the charts and the reports agree on what a filter means.
 *
 * With `{ joins: false }` the query reads responses alone (the filter never needs the joins: metric
 * and segment are tested by subquery); counting is then a walk over one index instead of a join per
 * row. The caller must not select q.* or c.* columns from such a query.
 *
 * `membershipScan` is for a first page whose tag or text matches many items: the rows are then read
 * newest first and tested against the matches (a few hundred rows to fill a page), instead of
 * fetching every match and sorting them. With few matches the default (matches first) is faster.
 *
 * `metricQuestionIds` are the questions of `f.metric` when the caller has looked them up: written as
 * literals, an exact count compares an integer in each index entry instead of probing a subquery's
 * list (half the time of "location + NPS + negative" at a million responses).
 */
export function filteredResponses(db: Kysely<DB>, f: FeedbackFilter = {}, opts: { joins?: boolean; membershipScan?: boolean; metricQuestionIds?: number[] } = {}) {
  // A unary + keeps SQLite from driving the query from the IN list (see membershipScan).
  const member = sql.raw(opts.membershipScan ? '+r.id' : 'r.id')
  let q = opts.joins === false ? (db.selectFrom('responses as r') as unknown as ReturnType<typeof joined>) : joined(db)
  // Local dates follow submitted_at (no zone is more than 14 hours from UTC), so a bound on the
  // indexed timestamp narrows the scan to the period before the exact test on local_date.
  if (f.from) q = q.where('r.local_date', '>=', f.from).where('r.submitted_at', '>=', Date.parse(`${f.from}T00:00:00Z`) - 14 * HOUR)
  if (f.to) q = q.where('r.local_date', '<=', f.to).where('r.submitted_at', '<', Date.parse(`${f.to}T00:00:00Z`) + 24 * HOUR + 14 * HOUR)
  if (f.metric?.length && opts.metricQuestionIds) {
    const ids = opts.metricQuestionIds.map((id) => String(Math.trunc(id)))
    q = q.where(ids.length ? sql<boolean>`r.question_id IN (${sql.raw(ids.join(', '))})` : sql<boolean>`0`)
  } else if (f.metric?.length) {
    const metrics = f.metric
    q = q.where('r.question_id', 'in', (eb) => eb.selectFrom('questions').select('id').where('metric', 'in', metrics))
  }
  // Written as literals (they are fixed numbers), so the planner can use partial indexes on band.
  if (f.band?.length) {
    const bands = [...new Set(f.band.map((b) => bandValue[b]))]
    q = q.where(bands.length === 1 ? sql<boolean>`r.band = ${sql.raw(String(bands[0]))}` : sql<boolean>`r.band IN (${sql.raw(bands.join(', '))})`)
  }
  if (f.score?.length) q = q.where('r.score', 'in', f.score)
  if (f.channel?.length) q = q.where('r.channel', 'in', f.channel)
  if (f.touchpoint?.length) q = q.where('r.touchpoint', 'in', f.touchpoint)
  if (f.stage?.length) q = q.where('r.stage', 'in', f.stage)
  if (f.location?.length) q = q.where('r.location', 'in', f.location)
  if (f.language?.length) q = q.where('r.language', 'in', f.language)
  if (f.segment?.length) {
    const segments = f.segment
    q = q.where('r.customer_id', 'in', (eb) => eb.selectFrom('customers').select('id').where('segment', 'in', segments))
  }
  if (f.status?.length) q = q.where('r.status', 'in', f.status)
  if (f.owner?.length) q = q.where('r.owner', 'in', f.owner)
  if (f.tag?.length) {
    const names = f.tag
    const tagged = db.selectFrom('response_tags as rt').innerJoin('tags as t', 't.id', 'rt.tag_id').select('rt.response_id').where('t.name', 'in', names)
    q = q.where(sql<boolean>`${member} IN (${tagged})`)
  }
  if (f.sentiment?.length) q = q.where(sql<boolean>`(${sql.raw(f.sentiment.map((s) => sentimentCondition[s]).join(' OR '))})`)
  if (f.text) {
    // Full-text search (FTS5): Thai segmented, Vietnamese with or without diacritics. Text with no
    // word in it (only punctuation) matches nothing rather than everything.
    const match = matchExpression(f.text)
    q = match ? q.where(sql<boolean>`${member} IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH ${match})`) : q.where(sql<boolean>`0`)
  }
  return q
}

/** Above this many tag or text matches, the first page reads newest first (membershipScan). */
const MANY_MATCHES = 2_000

/** True when the filter's tag or text narrows to many items, so a page should scan newest first. */
/** The ids of the questions of these metrics, for `metricQuestionIds`. */
export function metricQuestionIds(sqlite: Database.Database, metrics: readonly string[]): number[] {
  return sqlite.prepare(`SELECT id FROM questions WHERE metric IN (${metrics.map(() => '?').join(', ')})`).pluck().all(...metrics) as number[]
}

export function matchesMany(sqlite: Database.Database, f: FeedbackFilter): boolean {
  const counts: number[] = []
  if (f.text) {
    const match = matchExpression(f.text)
    if (match) counts.push((sqlite.prepare(`SELECT count(*) n FROM (SELECT 1 FROM feedback_fts WHERE feedback_fts MATCH ? LIMIT ${MANY_MATCHES + 1})`).get(match) as { n: number }).n)
  }
  if (f.tag?.length)
    counts.push(
      (
        sqlite
          .prepare(`SELECT count(*) n FROM (SELECT 1 FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE t.name IN (${f.tag.map(() => '?').join(',')}) LIMIT ${MANY_MATCHES + 1})`)
          .get(...f.tag) as { n: number }
      ).n,
    )
  return counts.length > 0 && Math.min(...counts) > MANY_MATCHES
}
