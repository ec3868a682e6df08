import type Database from 'better-sqlite3'
import { GRAIN_MONTH, GRAIN_WEEK, NO_BAND, SLICE_NONE, cubeDims, dayOf, monthOf, sliceDimNumber, weekOf } from './layout'

/**
 * Writes to the rollup tables. Everything here is synchronous and runs inside the caller's
 * transaction: the journal rows folded and the summaries they change commit together.
 */

const keyColumns = `question_id, period, tag_id, ${cubeDims.join(', ')}, score, band`

export interface JournalSpan {
  /** Rows waiting to be folded (an upper bound: ids are never reused). */
  pending: number
  minId: number
  maxId: number
}

export function journalSpan(sqlite: Database.Database): JournalSpan {
  const row = sqlite.prepare('SELECT min(id) AS minId, max(id) AS maxId FROM rollup_journal').get() as { minId: number | null; maxId: number | null }
  if (row.minId === null || row.maxId === null) return { pending: 0, minId: 0, maxId: 0 }
  return { pending: row.maxId - row.minId + 1, minId: row.minId, maxId: row.maxId }
}

function batchTable(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_batch (
      question_id INTEGER NOT NULL, day INTEGER NOT NULL, tag_id INTEGER NOT NULL,
      ${cubeDims.map((d) => `${d} INTEGER NOT NULL`).join(', ')},
      score INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL)`)
  sqlite.exec('DELETE FROM temp.rollup_batch')
}

/** The upserts that add the batch to every summary: day cube, month cube, week and month slices. */
function applyBatch(sqlite: Database.Database): void {
  const cubeSelect = (period: string) =>
    `SELECT question_id, ${period}, tag_id, ${cubeDims.join(', ')}, score, band, sum(n) FROM temp.rollup_batch WHERE true
     GROUP BY question_id, ${period}, tag_id, ${cubeDims.join(', ')}, score, band HAVING sum(n) <> 0`
  sqlite.exec(`INSERT INTO rollup_day (${keyColumns}, n) ${cubeSelect('day')} ON CONFLICT DO UPDATE SET n = n + excluded.n`)
  sqlite.exec(`INSERT INTO rollup_month (${keyColumns}, n) ${cubeSelect(monthOf('day'))} ON CONFLICT DO UPDATE SET n = n + excluded.n`)

  const slices: Array<[dim: number, grp: string, tagRows: string]> = [
    [SLICE_NONE, '0', 'tag_id = 0'],
    ...cubeDims.map((d): [number, string, string] => [sliceDimNumber[d], d, 'tag_id = 0']),
    [sliceDimNumber.tag, 'tag_id', 'tag_id > 0'],
  ]
  for (const [grain, period] of [
    [GRAIN_WEEK, weekOf('day')],
    [GRAIN_MONTH, monthOf('day')],
  ] as const) {
    for (const [dim, grp, tagRows] of slices) {
      sqlite.exec(`INSERT INTO rollup_slices (grain, dim, question_id, period, grp, score, band, n)
        SELECT ${grain}, ${dim}, question_id, ${period}, ${grp}, score, band, sum(n) FROM temp.rollup_batch WHERE ${tagRows}
        GROUP BY question_id, ${period}${grp === '0' ? '' : `, ${grp}`}, score, band HAVING sum(n) <> 0
        ON CONFLICT DO UPDATE SET n = n + excluded.n`)
    }
  }

  // Cells that went back to zero are removed, looking only at the periods this batch touched.
  sqlite.exec(`DELETE FROM rollup_day WHERE n = 0 AND (question_id, period) IN (SELECT DISTINCT question_id, day FROM temp.rollup_batch)`)
  sqlite.exec(`DELETE FROM rollup_month WHERE n = 0 AND (question_id, period) IN (SELECT DISTINCT question_id, ${monthOf('day')} FROM temp.rollup_batch)`)
  sqlite.exec(`DELETE FROM rollup_slices WHERE n = 0 AND (grain, dim, question_id, period) IN (
      WITH dims(dim) AS (VALUES ${[SLICE_NONE, ...Object.values(sliceDimNumber)].map((d) => `(${d})`).join(', ')})
      SELECT ${GRAIN_WEEK}, dims.dim, b.question_id, ${weekOf('b.day')} FROM temp.rollup_batch b, dims
      UNION SELECT ${GRAIN_MONTH}, dims.dim, b.question_id, ${monthOf('b.day')} FROM temp.rollup_batch b, dims)`)
}

/**
 * Folds journal rows up to `upToId` into the summaries and removes them from the journal. New
 * dimension values get their ids first; the batch is the journal summed per cell.
 */
export function foldJournal(sqlite: Database.Database, upToId: number): number {
  const interned = cubeDims.map((d) => `SELECT ${d} FROM rollup_journal WHERE id <= ${upToId} AND ${d} IS NOT NULL`).join(' UNION ')
  sqlite.exec(`INSERT OR IGNORE INTO rollup_values (value) ${interned}`)
  batchTable(sqlite)
  const folded = sqlite
    .prepare(
      `INSERT INTO temp.rollup_batch
       SELECT g.question_id, ${dayOf('g.local_date')}, g.tag_id, ${cubeDims.map((d) => `coalesce(v_${d}.id, 0)`).join(', ')}, g.score, g.band, g.n
       FROM (SELECT question_id, local_date, tag_id, ${cubeDims.join(', ')}, score, coalesce(band, ${NO_BAND}) AS band, sum(delta) AS n
             FROM rollup_journal WHERE id <= ?
             GROUP BY question_id, local_date, tag_id, ${cubeDims.join(', ')}, score, coalesce(band, ${NO_BAND}) HAVING sum(delta) <> 0) AS g
       ${cubeDims.map((d) => `LEFT JOIN rollup_values v_${d} ON v_${d}.value = g.${d}`).join('\n')}`,
    )
    .run(upToId).changes
  applyBatch(sqlite)
  sqlite.prepare('DELETE FROM rollup_journal WHERE id <= ?').run(upToId)
  return folded
}

/** Empties every summary and the journal (before a rebuild from the responses). */
export function clearRollups(sqlite: Database.Database): void {
  sqlite.exec('DELETE FROM rollup_journal; DELETE FROM rollup_day; DELETE FROM rollup_month; DELETE FROM rollup_slices; DELETE FROM rollup_values')
}

/** The journal rows of the scored responses (and their tags) in one question and a range of local dates. */
export function journalFromResponses(sqlite: Database.Database, questionId: number, fromDate: string, beforeDate: string): void {
  const columns = `question_id, local_date, score, band, tag_id, ${cubeDims.join(', ')}, delta`
  const dims = `r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment`
  const where = `r.question_id = @q AND r.local_date >= @from AND r.local_date < @before AND r.score IS NOT NULL`
  const group = `r.local_date, r.score, r.band, ${dims}`
  sqlite
    .prepare(
      `INSERT INTO rollup_journal (${columns})
       SELECT @q, r.local_date, r.score, r.band, 0, ${dims}, count(*) FROM responses r LEFT JOIN customers c ON c.id = r.customer_id
       WHERE ${where} GROUP BY ${group}`,
    )
    .run({ q: questionId, from: fromDate, before: beforeDate })
  sqlite
    .prepare(
      `INSERT INTO rollup_journal (${columns})
       SELECT @q, r.local_date, r.score, r.band, rt.tag_id, ${dims}, count(*)
       FROM responses r JOIN response_tags rt ON rt.response_id = r.id LEFT JOIN customers c ON c.id = r.customer_id
       WHERE ${where} GROUP BY rt.tag_id, ${group}`,
    )
    .run({ q: questionId, from: fromDate, before: beforeDate })
}

/** The questions and the first and last local dates holding scored responses, to cut a rebuild into steps. */
export function scoredSpan(sqlite: Database.Database): Array<{ questionId: number; first: string; last: string }> {
  return (
    sqlite
      .prepare(
        `SELECT q.id AS questionId, (SELECT min(local_date) FROM responses WHERE question_id = q.id) AS first,
                (SELECT max(local_date) FROM responses WHERE question_id = q.id) AS last FROM questions q`,
      )
      .all() as Array<{ questionId: number; first: string | null; last: string | null }>
  ).flatMap((r) => (r.first && r.last ? [{ questionId: r.questionId, first: r.first, last: r.last }] : []))
}

/** The rollup triggers as they were created (by whichever migration), to take them out during a bulk rewrite. */
export function rollupTriggers(sqlite: Database.Database): Array<{ name: string; sql: string }> {
  return sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup\\_%' ESCAPE '\\' ORDER BY name`).all() as Array<{
    name: string
    sql: string
  }>
}

export function dropTriggers(sqlite: Database.Database, triggers: Array<{ name: string }>): void {
  for (const t of triggers) sqlite.exec(`DROP TRIGGER IF EXISTS "${t.name.replaceAll('"', '""')}"`)
}

export function createTriggers(sqlite: Database.Database, triggers: Array<{ sql: string }>): void {
  for (const t of triggers) sqlite.exec(t.sql)
}
