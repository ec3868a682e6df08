import { statSync } from 'node:fs'
import { join } from 'node:path'
import { createWorkspaceAt, destination } from '../../helpers/files'
import { benchApp, middle, peakRss, takeTurns, timedRun, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`

/**
 * Export of every response to CSV (the inbox with no filter: every column, tags, notes, zoned ISO
 * times, formula-safe cells, UTF-8 with BOM), against DuckDB's `COPY … TO` of the same rows from its
 * own database file. DuckDB's table is made from the app's own export, so both write the same rows
 * and columns; the timing is `COPY responses TO '…csv' (HEADER)` alone, the database already open.
 * The app's side is export.run end to end (count, read in keyset pages, format, write, rename).
 * Target (issue 17): within 3× of DuckDB. Also the XLSX export, and the app's peak memory.
 */
export const exportSection: BenchSection = {
  name: 'export',
  async run({ rows, dir }) {
    const source = join(dir, 'responses.csv')
    await writeFeedbackCsv(source, rows)
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, join(dir, 'export.cxdesk'))
    const imported = await api.call('import.run', { fileId: ctx.files.register(source).id })

    let n = 0
    const appCsv = (i: number) => join(dir, `app-${i}.csv`)
    const exportCsv = async () => {
      const path = appCsv(n++ % 2)
      const r = await api.call('export.run', { exportId: `bench-export-${n}`, what: 'responses', format: 'csv', filter: {}, fileId: destination({ ctx }, path, 'dataExport') })
      return r!
    }
    // The first export, with its peak memory; its file becomes DuckDB's table.
    const first = await peakRss(exportCsv)
    const csvFile = first.result.path!

    const { DuckDBInstance } = await import('@duckdb/node-api')
    const duckFile = join(dir, 'responses.duckdb')
    {
      const instance = await DuckDBInstance.create(duckFile)
      const con = await instance.connect()
      await con.run(`CREATE TABLE responses AS SELECT * FROM read_csv(${quote(csvFile)}, header = true, all_varchar = false)`)
      con.closeSync()
      instance.closeSync()
    }
    const instance = await DuckDBInstance.create(duckFile, { access_mode: 'READ_ONLY' })
    const con = await instance.connect()
    const duckOut = join(dir, 'duck.csv')
    const runs = rows >= 500_000 ? 3 : 5
    const times = await takeTurns(
      {
        app: timedRun(exportCsv),
        duckdb: timedRun(() => con.run(`COPY responses TO ${quote(duckOut)} (HEADER, DELIMITER ',')`)),
      },
      { runs, warmUps: 1 },
    )
    con.closeSync()
    instance.closeSync()

    const xlsxPath = join(dir, 'app.xlsx')
    const t = performance.now()
    const xlsx = await api.call('export.run', { exportId: 'bench-export-xlsx', what: 'responses', format: 'xlsx', filter: {}, fileId: destination({ ctx }, xlsxPath, 'dataExport') })
    const xlsxMs = Math.round(performance.now() - t)
    await ctx.session.close()

    const appMs = middle(times.app)
    const duckdbMs = middle(times.duckdb)
    return {
      imported: imported.imported,
      exportedRows: first.result.rows,
      csv: {
        appMs,
        duckdbCopyMs: duckdbMs,
        ratio: Math.round((appMs / duckdbMs) * 100) / 100,
        target: 'within 3× of DuckDB',
        appMB: Math.round(statSync(csvFile).size / 2 ** 20),
        duckdbMB: Math.round(statSync(duckOut).size / 2 ** 20),
        appPeakRssMB: first.peakRssMB,
        runs: times,
      },
      xlsx: { ms: xlsxMs, MB: Math.round(xlsx!.bytes / 2 ** 20) },
    }
  },
}
