import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { DuckDBInstance } from '@duckdb/node-api'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import { periodEnd, periodKey, periodStart, shiftPeriod } from '../../../src-shared/domain/periods'

/** Writes a query's rows as CSV (DuckDB reads CSV without any extension; the SQLite reader would need a download). */
export async function exportCsv(sqlite: Database.Database, sql: string, path: string): Promise<void> {
  const out = createWriteStream(path)
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v))
  const stmt = sqlite.prepare(sql)
  out.write(stmt.columns().map((c) => c.name).join(',') + '\n')
  let buf = ''
  for (const row of stmt.raw(true).iterate() as Iterable<unknown[]>) {
    buf += row.map(cell).join(',') + '\n'
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.end(buf)
  await once(out, 'finish')
}

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`
const list = (vs: readonly string[]) => vs.map(quote).join(', ')

/**
 * The same rows in DuckDB (one flat table of responses with the customer's segment, the tags, the
 * customers and the sends), and the queries that produce what each metrics call produces: counts
 * per period, group, score and band; medians and percentiles; customer counts per period.
 */
export async function duckdbMirror(sqlite: Database.Database, dir: string) {
  const files = { responses: join(dir, 'duck-responses.csv'), tags: join(dir, 'duck-tags.csv'), customers: join(dir, 'duck-customers.csv'), sends: join(dir, 'duck-sends.csv') }
  await exportCsv(
    sqlite,
    `SELECT r.id, q.metric, r.score, r.band, r.local_date, r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment, r.status, r.submitted_at, r.resolved_at
     FROM responses r LEFT JOIN questions q ON q.id = r.question_id LEFT JOIN customers c ON c.id = r.customer_id`,
    files.responses,
  )
  await exportCsv(sqlite, 'SELECT rt.response_id, t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id', files.tags)
  await exportCsv(sqlite, 'SELECT customer_since, churned_at, segment, location FROM customers', files.customers)
  await exportCsv(sqlite, 'SELECT local_date, until_date, channel, touchpoint, sent FROM survey_sends', files.sends)
  const instance = await DuckDBInstance.create(':memory:')
  const con = await instance.connect()
  await con.run(`CREATE TABLE r AS SELECT * FROM read_csv(${quote(files.responses)}, header = true, types = {'local_date': 'DATE', 'submitted_at': 'BIGINT', 'resolved_at': 'BIGINT'})`)
  await con.run(`CREATE TABLE rt AS SELECT * FROM read_csv(${quote(files.tags)}, header = true)`)
  await con.run(`CREATE TABLE customers AS SELECT * FROM read_csv(${quote(files.customers)}, header = true, types = {'customer_since': 'DATE', 'churned_at': 'DATE'})`)
  await con.run(`CREATE TABLE sends AS SELECT * FROM read_csv(${quote(files.sends)}, header = true, types = {'local_date': 'DATE', 'until_date': 'DATE'})`)
  const all = async (sql: string) => (await con.runAndReadAll(sql)).getRows()

  const where = (f: FeedbackFilter, range?: { from: string; to: string }) => {
    const from = range?.from ?? f.from
    const to = range?.to ?? f.to
    return [
      from ? `local_date >= DATE ${quote(from)}` : 'true',
      to ? `local_date <= DATE ${quote(to)}` : 'true',
      ...(['channel', 'touchpoint', 'stage', 'location', 'segment', 'language'] as const).flatMap((d) => (f[d]?.length ? [`${d} IN (${list(f[d])})`] : [])),
    ].join(' AND ')
  }
  const counts = (metric: string, f: FeedbackFilter, groups: string[], range?: { from: string; to: string }) =>
    all(`SELECT ${[...groups, 'score', 'band'].join(', ')}, count(*) AS n FROM r WHERE metric = ${quote(metric)} AND ${where(f, range)} GROUP BY ALL`)
  const ttr = (f: FeedbackFilter, groups: string[], range?: { from: string; to: string }) =>
    all(`SELECT ${groups.length ? `${groups.join(', ')}, ` : ''}median((resolved_at - submitted_at) / 3600000.0) FILTER (status = 'resolved'),
          quantile_disc((resolved_at - submitted_at) / 3600000.0, 0.9) FILTER (status = 'resolved'),
          count(*) FILTER (status IN ('new', 'in_progress')), count(*)
        FROM r WHERE (band = -1 OR status IN ('in_progress', 'resolved')) AND ${where(f, range)} ${groups.length ? 'GROUP BY ALL' : ''}`)
  const customerWhere = (f: FeedbackFilter) => [`customer_since IS NOT NULL`, ...(f.segment?.length ? [`segment IN (${list(f.segment)})`] : []), ...(f.location?.length ? [`location IN (${list(f.location)})`] : [])].join(' AND ')
  const lifecycle = (f: FeedbackFilter, periods: Array<{ from: string; to: string }>) =>
    all(`WITH p(s, e) AS (VALUES ${periods.map((p) => `(DATE ${quote(p.from)}, DATE ${quote(p.to)})`).join(', ')})
      SELECT p.s, count(*) FILTER (customer_since < p.s AND (churned_at IS NULL OR churned_at >= p.s)),
        count(*) FILTER (churned_at BETWEEN p.s AND p.e), count(*) FILTER (customer_since BETWEEN p.s AND p.e),
        count(*) FILTER (customer_since <= p.e AND (churned_at IS NULL OR churned_at > p.e))
      FROM customers, p WHERE ${customerWhere(f)} GROUP BY p.s`)
  const responseRate = (f: FeedbackFilter) =>
    all(`SELECT date_trunc('month', s.local_date), sum(s.sent), sum((SELECT count(*) FROM r WHERE r.channel = s.channel AND r.score IS NOT NULL AND r.local_date BETWEEN s.local_date AND s.until_date))
      FROM sends s WHERE ${f.channel?.length ? `s.channel IN (${list(f.channel)})` : 'true'} GROUP BY 1`)

  return {
    npsByMonthAndChannel: () => counts('nps', {}, [`date_trunc('month', local_date)`, 'channel']),
    csatByWeekAndTouchpoint: () => counts('csat', {}, [`date_trunc('week', local_date)`, 'touchpoint']),
    /** The Scores page's calls, in the same order (see dashboardCalls in metrics.ts). */
    async dashboard(f: FeedbackFilter) {
      const to = f.to ?? '2025-12-31'
      const cur = periodKey(to, 'month')
      const prev = shiftPeriod(cur, 'month', -1)
      const ranges = [cur, prev].map((k) => ({ from: periodStart(k, 'month'), to: periodEnd(k, 'month') }))
      const months: Array<{ from: string; to: string }> = []
      for (let k = periodKey(f.from ?? '2024-01-01', 'month'); k <= cur; k = shiftPeriod(k, 'month', 1)) months.push({ from: periodStart(k, 'month'), to: periodEnd(k, 'month') })
      // Tiles: three scores, TTR, customers and response rate, in this month and the last.
      for (const metric of ['nps', 'csat', 'ces']) for (const range of ranges) await counts(metric, f, [], range)
      for (const range of ranges) await ttr(f, [], range)
      await lifecycle(f, ranges)
      await responseRate(f)
      // Trends, breakdowns, drivers, TTR, customers and response rate over the range.
      for (const metric of ['nps', 'csat', 'ces']) await counts(metric, f, [`date_trunc('month', local_date)`])
      for (const dim of ['channel', 'touchpoint', 'stage', 'location']) await counts('nps', f, [dim])
      await counts('nps', f, [])
      for (const dim of ['touchpoint', 'channel']) await counts('nps', f, [dim])
      await all(`SELECT rt.name, r.score, r.band, count(*) FROM r JOIN rt ON rt.response_id = r.id WHERE r.metric = 'nps' AND ${where(f)} GROUP BY ALL`)
      await ttr(f, [`date_trunc('month', local_date)`])
      await lifecycle(f, months)
      await responseRate(f)
    },
    close: async () => {
      con.closeSync()
      instance.closeSync()
    },
  }
}
