import { test as base, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')

export interface RunningApp {
  url: string
  origin: string
  token: string
  home: string
  stop(): Promise<void>
}

/** Starts `npm run web`'s entry with its own data folder and returns the printed URL. */
export async function startApp(opts: { home?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'cxdesk-e2e-'))
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'src-main/launcher/web.mjs'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, CXDESK_HOME: home, TZ: 'Asia/Ho_Chi_Minh', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 60_000)
    child.stdout?.on('data', (d) => {
      out += String(d)
      const m = /CX Desk listening on (\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    home,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}

export const test = base.extend<{ app: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies, and this one has none
  app: async ({}, use) => {
    const app = await startApp()
    await use(app)
    await app.stop()
    rmSync(app.home, { recursive: true, force: true })
  },
})

export { expect }
