// DuckDB's whole process, for `npm run bench -- --only cli`: a Node process that opens the DuckDB
// database made of the same responses (read-only), answers NPS by month × channel with n and the 95%
// margin of error, as `cxdesk metrics --metric nps --by month --dim channel --json` does, and prints
// the rows as JSON. Usage: node tests/bench/duckdbNpsQuery.mjs <file.duckdb>
import { DuckDBInstance } from '@duckdb/node-api'

const instance = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' })
const connection = await instance.connect()
const reader = await connection.runAndReadAll(`
  SELECT strftime(date_trunc('month', local_date), '%Y-%m') AS period, channel AS "group", n,
    100.0 * (promoters - detractors) / n AS value,
    1.96 * sqrt(100.0 * 100.0 * (promoters / n + detractors / n - pow(promoters / n - detractors / n, 2)) / n) AS moe95
  FROM (
    SELECT local_date, channel, count(*)::DOUBLE AS n, count(*) FILTER (band = 1)::DOUBLE AS promoters, count(*) FILTER (band = -1)::DOUBLE AS detractors
    FROM (SELECT date_trunc('month', local_date) AS local_date, channel, band FROM responses WHERE metric = 'nps' AND score IS NOT NULL)
    GROUP BY ALL
  )
  ORDER BY period, "group"`)
console.log(JSON.stringify({ metric: 'nps', by: 'month', dim: 'channel', rows: reader.getRowObjectsJson() }))
connection.closeSync()
instance.closeSync()
