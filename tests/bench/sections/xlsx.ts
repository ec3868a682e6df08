import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadavg } from 'node:os'
import { middle, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'
import { writeBomb, writeFarColumn, writeSurveyWorkbook } from '../xlsx/writeWorkbooks'

type Run = { ok?: boolean; rows?: number; cells?: number; ms?: number; maxRssMB?: number; error?: string; exit?: string }

const CHILD = join(__dirname, '../xlsx/readChild.ts')
// tsx as a loader of this process (its CLI would start a second process, whose memory /proc would not show).
const TSX_LOADER = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href
const TIMEOUT_MS = 180_000

/** One reader over one file in a child process; its peak memory read from /proc while it runs (an aborted child reports nothing itself). */
function readIn(reader: 'own' | 'exceljs', file: string): Promise<Run> {
  return new Promise((resolve) => {
    const t = performance.now()
    const child = spawn(process.execPath, ['--max-old-space-size=4096', '--import', TSX_LOADER, CHILD, reader, file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let hwmKB = 0
    child.stdout.on('data', (d) => (out += String(d)))
    child.stderr.on('data', (d) => (err += String(d)))
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) hwmKB = Math.max(hwmKB, Number(m[1]))
      } catch {
        // gone
      }
    }, 50)
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.on('exit', (code, signal) => {
      clearInterval(poll)
      clearTimeout(timer)
      const line = out.trim().split('\n').pop() ?? ''
      let run: Run
      try {
        run = JSON.parse(line) as Run
      } catch {
        run = { ok: false, exit: signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${TIMEOUT_MS / 1000} s` : ''}` : code === 0 ? 'ended without a result (exit code 0: its reading never finished nor failed)' : `exit code ${code}`, error: err.split('\n').find((l) => /error|fatal/i.test(l))?.slice(0, 200) }
      }
      run.ms ??= Math.round(performance.now() - t)
      // The child's own figure misses what it allocated after its last report; /proc's high-water mark does not.
      run.maxRssMB = Math.max(run.maxRssMB ?? 0, Math.round(hwmKB / 1024))
      resolve(run)
    })
  })
}

/**
 * The hand-written .xlsx reader (src-main/import/source/xlsxSource.ts) against ExcelJS's streaming
 * WorkbookReader on the same files: speed and peak memory on a large survey workbook (shared
 * strings, and all inline), one LibreOffice wrote, and robustness on the hostile files (the zip
 * bomb, its lying-header twin, the ZZZZZZ2 cell, a truncated zip). Each read runs in its own
 * process; the large files alternate readers, three runs each (medians). `npm run bench -- --only xlsx`.
 */
export const xlsx: BenchSection = {
  name: 'xlsx',
  async run({ rows: requested, dir }) {
    const rows = Math.min(requested, 200_000)
    const files: Record<string, string> = {
      survey: join(dir, 'survey.xlsx'),
      inline: join(dir, 'inline.xlsx'),
      bomb: join(dir, 'bomb.xlsx'),
      bombLyingHeaders: join(dir, 'bomb-lying.xlsx'),
      farColumn: join(dir, 'zz.xlsx'),
      truncated: join(dir, 'truncated.xlsx'),
    }
    writeSurveyWorkbook(files.survey, rows)
    writeSurveyWorkbook(files.inline, rows, { inline: true })
    writeBomb(files.bomb)
    writeBomb(files.bombLyingHeaders, { lying: true })
    writeFarColumn(files.farColumn)
    const whole = readFileSync(files.survey)
    writeFileSync(files.truncated, whole.subarray(0, Math.floor(whole.length * 0.6)))
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' })
    let libreoffice: string | null = null
    if (soffice.status === 0) {
      const csv = join(dir, 'libreoffice.csv')
      await writeFeedbackCsv(csv, rows)
      const conv = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, csv], { encoding: 'utf8', timeout: 900_000, env: { ...process.env, HOME: dir } })
      if (conv.status === 0) files.libreoffice = libreoffice = join(dir, 'libreoffice.xlsx')
    }
    const exceljs = Boolean(process.env.CXDESK_EXCELJS_DIR)
    const readers = (exceljs ? ['own', 'exceljs'] : ['own']) as Array<'own' | 'exceljs'>
    const results: Record<string, unknown> = {}
    for (const [name, file] of Object.entries(files)) {
      const large = name === 'survey' || name === 'inline' || name === 'libreoffice'
      const runs: Record<string, Run[]> = Object.fromEntries(readers.map((r) => [r, []]))
      for (let i = 0; i < (large ? 3 : 1); i++) for (const r of i % 2 ? [...readers].reverse() : readers) runs[r].push(await readIn(r, file))
      results[name] = {
        fileBytes: statSync(file).size,
        ...Object.fromEntries(
          readers.map((r) => {
            const list = runs[r]
            const ok = list.filter((x) => x.ok)
            return [
              r,
              ok.length === list.length
                ? { rows: ok[0].rows, cells: ok[0].cells, medianMs: middle(ok.map((x) => x.ms ?? 0)), medianPeakRssMB: middle(ok.map((x) => x.maxRssMB ?? 0)), runs: list.length }
                : { failed: list.map((x) => ({ error: x.error, exit: x.exit, ms: x.ms, peakRssMB: x.maxRssMB })) },
            ]
          }),
        ),
      }
    }
    return {
      workbookRows: rows,
      exceljs: exceljs ? 'ExcelJS 4.4.0 WorkbookReader from CXDESK_EXCELJS_DIR' : 'not measured: set CXDESK_EXCELJS_DIR to a folder with exceljs installed',
      libreofficeVersion: libreoffice ? soffice.stdout.trim() || 'soffice' : 'not measured: soffice not installed or the conversion failed',
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
      ...results,
    }
  },
}
