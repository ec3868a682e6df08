import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { commandSpecs } from '../../../src-main/cli/commands'
import { cxdeskRun } from '../../helpers/cliInProcess'

/** The bundled command as a whole process, for what only a process shows (a closed pipe). */
const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
const FIXTURE = join(__dirname, '../../fixtures/generator-400.csv')
let dir: string

/** The command line in the test's folder (in-process; an import as the bundled process: cxdeskRun). */
function cxdesk(...args: string[]) {
  return cxdeskRun(args, { cwd: dir, env: { CXDESK_HOME: join(dir, 'home'), TZ: 'Asia/Bangkok' } })
}

const fileStamp = (path: string) => {
  const st = statSync(path, { bigint: true })
  return { size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs }
}
const counts = () => {
  const db = new Database(join(dir, 'w.cxdesk'), { readonly: true })
  try {
    return { responses: db.prepare('SELECT count(*) FROM responses').pluck().get(), sends: db.prepare('SELECT count(*) FROM survey_sends').pluck().get() }
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-strict-'))
  expect((await cxdesk('init', 'w.cxdesk')).code).toBe(0)
  expect((await cxdesk('import', 'w.cxdesk', FIXTURE)).code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cxdesk refuses what it does not understand, and does nothing then', () => {
  /** Each command with a mistake a user makes: the option would have been ignored before, and the work done anyway. */
  const mistakes: Array<[keyof typeof commandSpecs, string[], string]> = [
    ['init', ['new.cxdesk', '--timezone', 'Asia/Bangkok', '--dry-run'], 'init has no option --dry-run'],
    ['import', ['w.cxdesk', FIXTURE, '--timezone', 'Asia/Bangkok'], 'import has no option --timezone'],
    ['metrics', ['w.cxdesk', '--fromm', '2025-01-01'], 'metrics has no option --fromm (did you mean --from?)'],
    ['metrics', ['w.cxdesk', '--zone', 'UTC'], 'metrics has no option --zone'],
    ['sends', ['w.cxdesk', '--from', '2025-03-01', '--to', '2025-03-31', '--sent', '5', '--chanel', 'app'], 'sends has no option --chanel (did you mean --channel?)'],
    ['report', ['w.cxdesk', '--out', 'r.pdf', '--form', '2025-01-01', '--to', '2025-01-31'], 'report has no option --form (did you mean --from?)'],
    ['metrics', ['w.cxdesk', '--json=true'], '--json is a switch and takes no value (write just --json)'],
    ['metrics', ['w.cxdesk', '--by'], '--by needs a value'],
    ['metrics', ['w.cxdesk', '--by', 'month', '--by', 'year'], '--by is given twice; give it once'],
    ['import', ['w.cxdesk', FIXTURE, 'second.csv'], 'import takes <workspace.cxdesk> and <file.csv|file.xlsx>; "second.csv" is not expected'],
  ]

  it.each(mistakes)('%s %j: exit code 2, the message and the usage, and nothing done', async (command, args, message) => {
    const before = { workspace: fileStamp(join(dir, 'w.cxdesk')), counts: counts() }
    const r = await cxdesk(command, ...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`cxdesk: ${message}\n`)
    expect(r.stderr).toContain(commandSpecs[command].usage)
    expect(existsSync(join(dir, 'new.cxdesk'))).toBe(false)
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false)
    expect(counts()).toEqual(before.counts)
    expect(fileStamp(join(dir, 'w.cxdesk'))).toEqual(before.workspace)
  })

  it('still does the work when the options are right', async () => {
    const r = await cxdesk('metrics', 'w.cxdesk', '--from', '2025-01-01', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ metric: 'nps' })
  })
})

describe('cxdesk metrics reads without writing', () => {
  it('leaves the workspace file as it was (no WAL switch, no checkpoint), run after run', async () => {
    const path = join(dir, 'w.cxdesk')
    const before = fileStamp(path)
    const first = await cxdesk('metrics', 'w.cxdesk', '--by', 'month', '--dim', 'channel', '--json')
    expect(first.code).toBe(0)
    expect(fileStamp(path)).toEqual(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
    const second = await cxdesk('metrics', 'w.cxdesk', '--by', 'month', '--dim', 'channel', '--json')
    expect(second.stdout).toBe(first.stdout)
    expect(fileStamp(path)).toEqual(before)
  })

  it('refuses a damaged workspace with a clear message and prints no figure', async () => {
    const path = join(dir, 'damaged.cxdesk')
    expect((await cxdesk('init', 'damaged.cxdesk')).code).toBe(0)
    expect((await cxdesk('import', 'damaged.cxdesk', FIXTURE)).code).toBe(0)
    expect((await cxdesk('metrics', 'damaged.cxdesk', '--json')).code).toBe(0)
    const db = new Database(path, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name LIKE 'rollup_%'`).pluck().all() as number[]
    db.close()
    const fd = openSync(path, 'r+')
    for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize)
    closeSync(fd)
    const r = await cxdesk('metrics', 'damaged.cxdesk', '--json')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/damaged/)
  })

})

describe('cxdesk in a pipeline', () => {
  it('stops quietly when the reader stops reading (`cxdesk metrics … | head`)', async () => {
    const child = spawn(process.execPath, [CLI, 'metrics', 'w.cxdesk', '--by', 'day', '--json'], { cwd: dir, env: { ...process.env, CXDESK_HOME: join(dir, 'home') } })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const [code] = (await once(child, 'close')) as [number | null]
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
