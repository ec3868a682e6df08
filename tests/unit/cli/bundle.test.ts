import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCli, bundleState, defaultPlace, ensureCliBundle, entryPoints } from '../../../src-main/launcher/cliBundle.cjs'

const ROOT = defaultPlace.root
const FIXTURE = join(__dirname, '../../fixtures/generator-400.csv')
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-bundle-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the CLI bundle', () => {
  it('is what package.json runs: the bin and `npm run cxdesk` go through the launcher to out/cli, and npm ci builds it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.bin.cxdesk).toBe('src-main/cli/cxdesk.cjs')
    expect(pkg.scripts.cxdesk).toBe('node src-main/cli/cxdesk.cjs')
    expect(pkg.scripts.prepare).toBe('node src-main/launcher/cliBundle.cjs')
    expect(readFileSync(join(ROOT, 'src-main/cli/cxdesk.cjs'), 'utf8')).toMatch(/ensureCliBundle\(\)[\s\S]*runBundle\(/)
  })

  it('knows when it is missing, fresh or stale, and rebuilds a stale one (saying so) rather than run it', () => {
    const place = { root: ROOT, outDir: join(dir, 'out-cli') }
    expect(bundleState(place)).toBe('missing')
    buildCli(place)
    expect(bundleState(place)).toBe('fresh')
    for (const name of Object.keys(entryPoints)) expect(existsSync(join(place.outDir, `${name}.js`))).toBe(true)
    // Every byte is ASCII: Node reads the file as one-byte text (the Vietnamese and Thai rules are escaped).
    expect(readFileSync(join(place.outDir, 'cxdesk.js')).every((b) => b < 0x80)).toBe(true)

    // A source saved since the build: its size or time no longer matches the manifest.
    const manifestPath = join(place.outDir, 'manifest.json')
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: Record<string, [number, number]> }
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['src-main/cli/main.ts', 'src-main/cli/args.ts', 'src-shared/api/contract.ts', 'package-lock.json']))
    manifest.inputs['src-main/cli/args.ts'][1] -= 1000
    writeFileSync(manifestPath, JSON.stringify(manifest))
    expect(bundleState(place)).toBe('stale')
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    let said: string[]
    try {
      expect(ensureCliBundle(place)).toBe(join(place.outDir, 'cxdesk.js'))
    } finally {
      said = stderr.mock.calls.map(([text]) => String(text))
      stderr.mockRestore()
    }
    expect(said).toEqual([expect.stringMatching(/sources changed since the bundle was built; rebuilding/)])
    expect(bundleState(place)).toBe('fresh')

    // A source the bundle was made of is gone; a worker of the bundle is gone.
    const again = JSON.parse(readFileSync(manifestPath, 'utf8'))
    again.inputs['src-main/cli/no-longer-there.ts'] = [1, 1]
    writeFileSync(manifestPath, JSON.stringify(again))
    expect(bundleState(place)).toBe('stale')
    rmSync(join(place.outDir, 'rollupWorker.js'))
    expect(bundleState(place)).toBe('missing')
  })

  it('runs as an installed copy without any source beside it, its import and rollup workers included', () => {
    // Only what a release ships: the launcher, the bundle and the packages.
    const app = join(dir, 'released')
    mkdirSync(join(app, 'src-main', 'cli'), { recursive: true })
    mkdirSync(join(app, 'src-main', 'launcher'), { recursive: true })
    copyFileSync(join(ROOT, 'src-main/cli/cxdesk.cjs'), join(app, 'src-main/cli/cxdesk.cjs'))
    copyFileSync(join(ROOT, 'src-main/launcher/cliBundle.cjs'), join(app, 'src-main/launcher/cliBundle.cjs'))
    cpSync(defaultPlace.outDir, join(app, 'out', 'cli'), { recursive: true, filter: (p) => !p.endsWith('.cache') })
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir')
    expect(bundleState({ root: app, outDir: join(app, 'out', 'cli') })).toBe('released')
    expect(readdirSync(join(app, 'src-main', 'cli'))).toEqual(['cxdesk.cjs'])

    const cxdesk = (...args: string[]) =>
      spawnSync(process.execPath, [join(app, 'src-main/cli/cxdesk.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(dir, 'home'), TZ: 'Asia/Bangkok' } })
    expect(cxdesk('init', 'r.cxdesk').status).toBe(0)
    // The import reads and writes in worker threads: they too must come from the bundle (there is no source to run).
    const imported = cxdesk('import', 'r.cxdesk', FIXTURE, '--json')
    expect(imported.stderr).toBe('')
    expect(JSON.parse(imported.stdout)).toMatchObject({ rowsRead: 400, imported: 400 })
    const metrics = cxdesk('metrics', 'r.cxdesk', '--by', 'year', '--json')
    expect(metrics.status).toBe(0)
    expect(JSON.parse(metrics.stdout).overall.n).toBeGreaterThan(0)
    // A code cache per command, written beside the bundle after its first run.
    expect(readdirSync(join(app, 'out', 'cli')).filter((f) => f.endsWith('.cache'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.import\.cache$/), expect.stringMatching(/\.metrics\.cache$/)]),
    )
    expect(cxdesk('metrics', 'r.cxdesk', '--by', 'year', '--json').stdout).toBe(metrics.stdout)

    // A large CSV export's reader threads (export/exportThreads.ts; here for any size): from the bundle too, writing one thread's bytes.
    const exportWith = (out: string, threadsFrom: string) =>
      spawnSync(process.execPath, [join(app, 'src-main/cli/cxdesk.cjs'), 'export', 'r.cxdesk', '--out', out], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CXDESK_HOME: join(dir, 'home'), TZ: 'Asia/Bangkok', CXDESK_EXPORT_THREADS_FROM: threadsFrom },
      })
    const threaded = exportWith('threads.csv', '0')
    expect(threaded.stderr).not.toMatch(/unexpectedly|error/i)
    expect(threaded.status).toBe(0)
    expect(exportWith('one.csv', '1000000000').status).toBe(0)
    expect(readFileSync(join(dir, 'threads.csv')).equals(readFileSync(join(dir, 'one.csv')))).toBe(true)
    expect(readFileSync(join(dir, 'threads.csv'), 'utf8').split('\r\n').length).toBeGreaterThanOrEqual(1 + 400 + 1)

    // The rollup worker, where the bundle's workerEntry looks for it (<name>.js beside the bundle; large folds and rebuilds): a fold of a workspace's journal.
    expect(readFileSync(join(app, 'out/cli/cxdesk.js'), 'utf8')).toMatch(/rollupWorker:\s*"metrics\/rollups\/worker\/rollupWorker\.ts"/)
    const workspace = join(dir, 'fold.cxdesk')
    expect(cxdesk('init', 'fold.cxdesk').status).toBe(0)
    expect(cxdesk('import', 'fold.cxdesk', FIXTURE).status).toBe(0)
    const pending = () => spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');console.log(new D(${JSON.stringify(workspace)},{readonly:true}).prepare('SELECT count(*) FROM rollup_journal').pluck().get())`], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
    expect(Number(pending())).toBeGreaterThan(0)
    const fold = `const { Worker } = require('node:worker_threads')
      const w = new Worker(${JSON.stringify(join(app, 'out/cli/rollupWorker.js'))}, { workerData: { path: ${JSON.stringify(workspace)}, job: { kind: 'fold' }, cancel: new SharedArrayBuffer(4) } })
      w.on('message', (m) => { if (m.type !== 'progress') { console.log(m.type); w.terminate() } })`
    expect(spawnSync(process.execPath, ['-e', fold], { cwd: app, encoding: 'utf8' }).stdout.trim()).toBe('done')
    expect(pending()).toBe('0')
  })
})
