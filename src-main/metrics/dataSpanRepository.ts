import type Database from 'better-sqlite3'

/**
 * Raw SQL on purpose: one statement of correlated index seeks, read synchronously by the metrics
 * engine on every view; as a Kysely UNION of subqueries it would say the same at twice the length.
 *
 * The first and last local dates holding a response. Read per question (and for comments without
 * one) so each min/max is a single seek in the (question_id, local_date) index, not a table scan.
 */
export function responseDateSpan(sqlite: Database.Database): { first: string; last: string } | null {
  const row = sqlite
    .prepare(
      `SELECT min(first) AS first, max(last) AS last FROM (
         SELECT (SELECT min(local_date) FROM responses WHERE question_id = q.id) AS first, (SELECT max(local_date) FROM responses WHERE question_id = q.id) AS last FROM questions q
         UNION ALL
         SELECT (SELECT min(local_date) FROM responses WHERE question_id IS NULL), (SELECT max(local_date) FROM responses WHERE question_id IS NULL)
       )`,
    )
    .get() as { first: string | null; last: string | null }
  return row.first === null || row.last === null ? null : { first: row.first, last: row.last }
}
