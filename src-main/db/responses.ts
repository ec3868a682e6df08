import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { DB } from './schema'
import { bandOf, type Direction } from '../../src-shared/domain/scores'
import { snakeCase, type ResponseField, type ResponseRecord } from '../../src-shared/domain/response'
import { statement } from './statements'

/**
 * A response ready to store (the one definition, src-shared/domain/response.ts): ids resolved, local
 * date computed; what an older caller may not know yet (sentiment, who changed the status, whether
 * the time was read in the import's zone) may be left out; `now` stamps created/updated.
 */
export type ResponseInsert = Omit<ResponseRecord, OptionalOnInsert> & Partial<Pick<ResponseRecord, OptionalOnInsert>> & { now: number }
type OptionalOnInsert = 'sentiment' | 'statusChangedBy' | 'readInZone'

interface QuestionBands {
  id: number
  direction: Direction
  good_threshold: number
  poor_threshold: number
}

/**
 * The order rowValues appends a response's values in: every field of the one definition (the
 * compiler checks none is missing), with the stored band and the created/updated stamps between.
 */
const INSERT_ORDER = [
  'dedupKey', 'importId', 'externalRef', 'customerId', 'questionId', 'score', 'band', 'submittedAt', 'submittedOffset',
  'localDate', 'channel', 'touchpoint', 'stage', 'location', 'language', 'comment', 'respondentEmail', 'status', 'owner',
  'statusChangedAt', 'statusChangedBy', 'resolvedAt', 'sentiment', 'createdAt', 'updatedAt', 'readInZone',
] as const satisfies ReadonlyArray<ResponseField | 'band' | 'createdAt' | 'updatedAt'>
const everyFieldInserted: Exclude<ResponseField, (typeof INSERT_ORDER)[number]> extends never ? true : never = true
void everyFieldInserted

/** The responses table's columns in INSERT_ORDER (exported for the test that each value lands in its column). */
export const INSERT_COLUMNS = INSERT_ORDER.map(snakeCase)
const COLUMNS = INSERT_COLUMNS.join(', ')
const COLUMN_COUNT = INSERT_COLUMNS.length
const SINGLE_INSERT = `INSERT INTO responses (${COLUMNS}) VALUES (${Array.from({ length: COLUMN_COUNT }, () => '?').join(', ')}) ON CONFLICT (dedup_key) DO NOTHING`

/**
 * Appends a response's values in COLUMNS' order to `out` (the import's batch writer fills one array
 * for 64 rows: no array per row), its band from its question's thresholds.
 */
function rowValues(questionOf: (id: number) => QuestionBands | undefined): (r: ResponseInsert, out: unknown[]) => void {
  return (r, out) => {
    const q = r.questionId === null ? undefined : questionOf(r.questionId)
    const band = q && r.score !== null ? bandOf(r.score, q.direction, { good: q.good_threshold, poor: q.poor_threshold }) : null
    out.push(
      r.dedupKey, r.importId, r.externalRef, r.customerId, r.questionId, r.score, band, r.submittedAt, r.submittedOffset,
      r.localDate, r.channel, r.touchpoint, r.stage, r.location, r.language, r.comment, r.respondentEmail, r.status, r.owner,
      r.statusChangedAt, r.statusChangedBy ?? null, r.resolvedAt, r.sentiment ?? null, r.now, r.now,
      r.readInZone === undefined || r.readInZone === null ? null : r.readInZone ? 1 : 0,
    )
  }
}

function questionBands(sqlite: Database.Database): Map<number, QuestionBands> {
  return new Map((statement(sqlite, 'SELECT id, direction, good_threshold, poor_threshold FROM questions').all() as QuestionBands[]).map((q) => [q.id, q]))
}

/**
 * Writer on a raw prepared statement, for one response at a time (manual entry, the demo).
 * Duplicates (same dedup_key) are skipped. Every response is stored with its band (good / neutral /
 * poor) from its question's thresholds. Returns the new row's id, or null when a row with the same
 * dedup key was already there.
 */
export function responseWriter(sqlite: Database.Database): (r: ResponseInsert) => number | null {
  // Only the questions this writer meets, read when first met: the survey server makes a writer per
  // answer, and reading every question's thresholds each time cost more than the insert.
  const bandsOf = statement(sqlite, 'SELECT id, direction, good_threshold, poor_threshold FROM questions WHERE id = ?')
  const questions = new Map<number, QuestionBands>()
  const values = rowValues((id) => {
    if (!questions.has(id)) questions.set(id, bandsOf.get(id) as QuestionBands)
    return questions.get(id)
  })
  // Positional parameters: binding 26 named ones from a fresh object per row cost more than the insert's own work.
  // Prepared once per connection (statements.ts): the survey server makes a writer per answer.
  const stmt = statement(sqlite, SINGLE_INSERT)
  return (r) => {
    const params: unknown[] = []
    values(r, params)
    const result = stmt.run(params)
    return result.changes === 1 ? Number(result.lastInsertRowid) : null
  }
}

/** Rows per INSERT statement of the batch writer (26 values each, well under SQLite's 32,766 variables). */
export const ROWS_PER_INSERT = 64

/**
 * The import's writer: many responses per INSERT statement (one statement prepared per size, and
 * reused), which saves most of the per-statement cost of a row at a time. Each row is given its id
 * (after the largest there is: the caller's transaction is the only writer), so the ids of the rows
 * stored come back from RETURNING and the duplicates (same dedup_key, in the workspace or earlier in
 * the same statement) are the ids missing from it. Returns, per row, its new id or null.
 */
export function responseBatchWriter(sqlite: Database.Database): (rows: ResponseInsert[]) => Array<number | null> {
  const bands = questionBands(sqlite)
  const values = rowValues((id) => bands.get(id))
  const nextId = sqlite.prepare('SELECT coalesce(max(id), 0) + 1 FROM responses').pluck()
  const statements = new Map<number, Database.Statement>()
  const insertOf = (n: number) => {
    let stmt = statements.get(n)
    if (!stmt) {
      const row = `(${Array.from({ length: COLUMN_COUNT + 1 }, () => '?').join(', ')})`
      stmt = sqlite.prepare(`INSERT INTO responses (id, ${COLUMNS}) VALUES ${Array.from({ length: n }, () => row).join(', ')} ON CONFLICT (dedup_key) DO NOTHING RETURNING id`).pluck()
      statements.set(n, stmt)
    }
    return stmt
  }
  return (rows) => {
    const ids: Array<number | null> = new Array<number | null>(rows.length).fill(null)
    for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
      const to = Math.min(rows.length, from + ROWS_PER_INSERT)
      const first = nextId.get() as number
      const params: unknown[] = []
      for (let i = from; i < to; i++) {
        params.push(first + i - from)
        values(rows[i], params)
      }
      for (const id of insertOf(to - from).all(params) as number[]) ids[from + id - first] = id
    }
    return ids
  }
}

/** Recomputes the band of every response (or of those with ids in a range), after a question's thresholds changed. */
export function recomputeBands(sqlite: Database.Database, ids?: { from: number; to: number }): void {
  sqlite
    .prepare(
      `UPDATE responses SET band = (
        SELECT CASE
          WHEN q.direction = 'higher_better' THEN (CASE WHEN responses.score >= q.good_threshold THEN 1 WHEN responses.score <= q.poor_threshold THEN -1 ELSE 0 END)
          ELSE (CASE WHEN responses.score <= q.good_threshold THEN 1 WHEN responses.score >= q.poor_threshold THEN -1 ELSE 0 END) END
        FROM questions q WHERE q.id = responses.question_id)
      WHERE score IS NOT NULL AND id BETWEEN ? AND ?`,
    )
    .run(ids?.from ?? 0, ids?.to ?? Number.MAX_SAFE_INTEGER)
}

export async function countResponses(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The lowest and highest response id (0 and -1 in an empty workspace), for work done in id ranges. */
export function responseIdRange(sqlite: Database.Database): { min: number; max: number } {
  return sqlite.prepare('SELECT coalesce(min(id), 0) AS min, coalesce(max(id), -1) AS max FROM responses').get() as { min: number; max: number }
}

/** Recomputes every stored local date (or those of the ids in a range), e.g. after the workspace's time zone changed. */
export function relocalizeDates(sqlite: Database.Database, localDateOf: (epochMs: number) => string, ids?: { from: number; to: number }): void {
  sqlite.function('cxdesk_local_date', { deterministic: true }, (ms: unknown) => localDateOf(Number(ms)))
  sqlite.prepare('UPDATE responses SET local_date = cxdesk_local_date(submitted_at) WHERE id BETWEEN ? AND ?').run(ids?.from ?? 0, ids?.to ?? Number.MAX_SAFE_INTEGER)
}

/** Whether the workspace holds rows keyed by an older version (import/mapping/rowKeys.ts); one index seek. */
export function hasLegacyKeys(sqlite: Database.Database): boolean {
  return sqlite.prepare(`SELECT 1 FROM responses WHERE dedup_key >= 'hash:' AND dedup_key < 'hash;' LIMIT 1`).get() !== undefined
}

/**
 * Reads again, in `zone`, the times of an import's responses that were written without a zone
 * (read_in_zone = 1): the stored instant plus its offset is the wall clock the file wrote, which
 * names another instant in the new zone. Rows that stated their offset (0) or whose origin is not
 * known (NULL) never move. The resolution time moves with the response (the file writes both alike);
 * a status change made by hand keeps its time. Only rows whose instant changes are written, so the
 * rollup triggers see exactly the moves. `onlyKeys`: just those rows of the import. Returns the rows moved.
 */
export function rereadZonelessTimes(
  sqlite: Database.Database,
  importId: number,
  zone: (wallMs: number) => { epochMs: number; offsetMinutes: number },
  localDateOf: (epochMs: number) => string,
  onlyKeys?: string[],
): number {
  const rows = (
    onlyKeys
      ? onlyKeys.map((k) => sqlite.prepare('SELECT id, submitted_at, submitted_offset FROM responses WHERE dedup_key = ? AND read_in_zone = 1').get(k))
      : sqlite.prepare('SELECT id, submitted_at, submitted_offset FROM responses WHERE import_id = ? AND read_in_zone = 1').all(importId)
  ).filter((r): r is { id: number; submitted_at: number; submitted_offset: number | null } => r !== undefined)
  const move = sqlite.prepare(`UPDATE responses SET submitted_at = @at, submitted_offset = @offset, local_date = @localDate,
      status_changed_at = CASE WHEN status_changed_at IN (submitted_at, resolved_at) THEN status_changed_at + @delta ELSE status_changed_at END,
      resolved_at = resolved_at + @delta
    WHERE id = @id`)
  let moved = 0
  for (const r of rows) {
    if (r.submitted_offset === null) continue
    const wall = r.submitted_at + r.submitted_offset * 60_000
    const t = zone(wall)
    if (t.epochMs === r.submitted_at && t.offsetMinutes === r.submitted_offset) continue
    move.run({ id: r.id, at: t.epochMs, offset: t.offsetMinutes, localDate: localDateOf(t.epochMs), delta: t.epochMs - r.submitted_at })
    moved++
  }
  return moved
}
