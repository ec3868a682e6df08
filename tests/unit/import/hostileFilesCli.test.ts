import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspectInThread } from '../../../src-main/import/worker/inspectInThread'
import { AppError } from '../../../src-shared/api/result'
import { repeatedPart, sheetXml, workbookParts, zipBytes } from '../../helpers/zipWriter'

/**
 * The files that aborted or exhausted the whole process (V8's exit 133 for a cell in column
 * ZZZZZZ; 2.6 GB for a shared-strings bomb), imported through `cxdesk import` in a child process so
 * that an abort fails the test instead of ending vitest. The CLI goes through import.inspect and
 * import.run of a workspace file, the app's own path: the file is read on reader threads.
 */
const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
let dir: string

function cxdesk(args: string[]): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, CXDESK_HOME: join(dir, 'home'), TZ: 'Asia/Bangkok' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += String(d)))
    child.stderr.on('data', (d) => (stderr += String(d)))
    // A bomb that is not stopped takes minutes: the test fails instead of waiting.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-hostile-cli-'))
  expect((await cxdesk(['init', 'w.cxdesk'])).code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Score</t></is></c></row>'

describe('cxdesk import of hostile files (in child processes, run side by side)', () => {
  it('refuses each with exit code 1 and a sentence; none aborts the process', async () => {
    writeFileSync(join(dir, 'zz.xlsx'), zipBytes(workbookParts(sheetXml(`${header}<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>`))))
    const sst = repeatedPart('x', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>Hello world, a string</t></si>', 1 << 30, '</sst>')
    writeFileSync(join(dir, 'bomb.xlsx'), zipBytes(workbookParts(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { shared: { ...sst, declaredSize: 1 << 20 } })))
    writeFileSync(join(dir, 'picture.csv'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(100, 3)]))
    writeFileSync(join(dir, 'header.csv'), 'Ngày,Điểm,Góp ý\n')
    const [zz, bomb, picture, headerOnly] = await Promise.all(['zz.xlsx', 'bomb.xlsx', 'picture.csv', 'header.csv'].map((f) => cxdesk(['import', 'w.cxdesk', f])))
    expect(zz).toMatchObject({ code: 1, signal: null })
    expect(zz.stderr).toMatch(/Row 2 has a cell in column ZZZZZZ, past the last column a spreadsheet can have \(XFD, 16,384 columns\)/)
    expect(bomb).toMatchObject({ code: 1, signal: null })
    expect(bomb.stderr).toMatch(/The workbook is damaged \(the shared strings holds more than its header says\)\. Open it in Excel or LibreOffice and save it as CSV/)
    expect(picture).toMatchObject({ code: 1 })
    expect(picture.stderr).toMatch(/picture\.csv is not a text \(CSV\) or Excel \(\.xlsx\) file/)
    expect(headerOnly).toMatchObject({ code: 1 })
    expect(headerOnly.stderr).toMatch(/header\.csv has no rows to import: it holds only a header row\./)
  }, 120_000)
})

describe('the reader thread as the last line of defence', () => {
  it('a reader that exhausts its memory becomes a plain error while this thread goes on', async () => {
    // A stand-in for a parser that a file got past every bound: it grows until the thread's limit.
    const entry = join(dir, 'greedy.cjs')
    writeFileSync(entry, "const a = []; for (let i = 0; ; i++) a.push({ i, s: 'row ' + i })\n")
    let ticks = 0
    const timer = setInterval(() => ticks++, 10)
    const err = await inspectInThread('/nowhere.csv', 'survey.csv', 'responses', {}, { entry: { file: entry, argv: [] } }).catch((e: unknown) => e)
    clearInterval(timer)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).toMatch(/^Reading survey\.csv needed more memory than CX Desk gives one file, so it was stopped\./)
    expect((err as AppError).details).toMatchObject({ problem: 'readerFailed' })
    expect(ticks).toBeGreaterThan(0)
  }, 60_000)

  it('a reader that never answers is stopped after the time limit', async () => {
    const entry = join(dir, 'stuck.cjs')
    writeFileSync(entry, 'setInterval(() => {}, 1000)\n')
    const err = await inspectInThread('/nowhere.csv', 'survey.csv', 'responses', {}, { entry: { file: entry, argv: [] }, timeoutMs: 300 }).catch((e: unknown) => e)
    expect((err as AppError).message).toMatch(/^Reading survey\.csv took longer than 1 s, so it was stopped/)
  })
})
