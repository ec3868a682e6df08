import { DuckDBInstance } from '@duckdb/node-api'
const inst = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' })
const con = await inst.connect()
const reader = await con.runAndReadAll(`SELECT strftime(date_trunc('month', local_date), '%Y-%m') AS period, channel AS "group", count(*) AS n,
  100.0 * (count(*) FILTER (band = 1) - count(*) FILTER (band = -1)) / count(*) AS value
  FROM r WHERE metric = 'nps' AND score IS NOT NULL GROUP BY ALL ORDER BY ALL`)
const rows = reader.getRowObjectsJson()
console.log(JSON.stringify({ metric: 'nps', by: 'month', dim: 'channel', rows }))
