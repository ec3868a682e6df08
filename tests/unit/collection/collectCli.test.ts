import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../../src-main/cli/runCli'
import { cxdeskInProcess } from '../../helpers/cliInProcess'
import { fakeRendererDir } from '../../helpers/kioskBuild'

let dir: string
let env: Record<string, string>
const cxdesk = (args: string[]) => cxdeskInProcess(args, { cwd: dir, env })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-collect-'))
  env = { CXDESK_HOME: join(dir, 'home'), CXDESK_RENDERER_DIR: fakeRendererDir(dir), TZ: 'Asia/Bangkok' }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cxdesk survey and cxdesk collect', () => {
  it('creates a survey and prints its id and link as JSON', async () => {
    expect((await cxdesk(['init', 'shop.cxdesk'])).code).toBe(0)
    const r = await cxdesk(['survey', 'shop.cxdesk', 'create', '--name', 'Quầy Hà Nội', '--metric', 'csat', '--location', 'Hà Nội', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ id: 1, name: 'Quầy Hà Nội', metric: 'csat', link: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) })
  })

  it('refuses a wrong command line with exit code 2 before touching the workspace', async () => {
    for (const args of [
      ['survey', 'shop.cxdesk', 'create', '--name', 'X', '--metric', 'stars'],
      ['survey', 'shop.cxdesk', 'create', '--metric', 'nps'],
      ['survey', 'shop.cxdesk', 'delete', '--name', 'X', '--metric', 'nps'],
      ['survey', 'shop.cxdesk', 'create', '--name', 'X', '--metric', 'nps', '--colour', 'red'],
      ['collect', 'shop.cxdesk', '--survey', '1', '--host', '127.0.0.1', '--port', 'eighty'],
      ['collect', 'shop.cxdesk', '--survey', '1', '--host', '127.0.0.1', '--port', '70000'],
      ['collect', 'shop.cxdesk', '--survey', '1', '--host', '127.0.0.1'],
      ['collect', 'shop.cxdesk', '--survey', '1', '--host', '127.0.0.1', '--port', '0', '--verbose'],
      ['collect', 'shop.cxdesk', '--host', '127.0.0.1', '--port', '0'],
      // The poster: the address phones will reach, a real port, its own flags only.
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '192.168.1.20'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '192.168.1.20', '--port', '0'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '0.0.0.0', '--port', '8080'],
      ['survey', 'shop.cxdesk', 'poster', '--out', 'p.pdf', '--host', '192.168.1.20', '--port', '8080'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--host', '192.168.1.20', '--port', '8080'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '192.168.1.20', '--port', '8080', '--card-size', 'a7'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '192.168.1.20', '--port', '8080', '--cards', '--card-size', 'a5'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '192.168.1.20', '--port', '8080', '--language', 'fr'],
      ['survey', 'shop.cxdesk', 'poster', '--survey', '1', '--out', 'p.pdf', '--host', '192.168.1.20', '--port', '8080', '--name', 'X'],
      ['survey', 'shop.cxdesk', 'create', '--name', 'X', '--metric', 'nps', '--out', 'p.pdf'],
    ]) {
      const r = await cxdesk(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^cxdesk: /)
    }
    const unknown = await cxdesk(['collect', 'shop.cxdesk', '--survey', 'No such survey', '--host', '127.0.0.1', '--port', '0'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('There is no survey "No such survey"')
  })

  it('collects on the address given until stopped, and the answers are in the workspace afterwards', async () => {
    const stdout: string[] = []
    const stderr: string[] = []
    let stop!: () => void
    const untilStopped = new Promise<void>((r) => (stop = r))
    let answered: Promise<number> = Promise.resolve(0)
    const before = process.cwd()
    const saved = { ...process.env }
    process.chdir(dir)
    Object.assign(process.env, env)
    try {
      const code = await runCli(['collect', 'shop.cxdesk', '--survey', 'quầy hà nội', '--host', '127.0.0.1', '--port', '0'], {
        out: (t) => stdout.push(t),
        err: (t) => stderr.push(t),
        untilStopped,
        collecting: (url) => {
          answered = fetch(`${url}/answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'cli-answer-000001', score: 2, language: 'th' }) })
            .then((res) => res.status)
            .finally(() => stop())
        },
      })
      expect(code).toBe(0)
    } finally {
      process.chdir(before)
      process.env = saved
    }
    expect(await answered).toBe(201)
    expect(stdout).toHaveLength(1)
    expect(stdout[0]).toMatch(/^Collecting on http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{24}$/)
    expect(stderr.join('\n')).toContain('Answer 2 (CSAT) at Hà Nội — low score')
    const metrics = await cxdesk(['metrics', 'shop.cxdesk', '--metric', 'csat', '--by', 'year', '--json'])
    expect(JSON.parse(metrics.stdout).overall.n).toBe(1)
  })
})
