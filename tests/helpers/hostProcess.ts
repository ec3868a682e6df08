import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')

export interface HostProcess {
  port: number
  token: string
  /** False once the process has exited. */
  alive(): boolean
  exitCode(): number | null
  /** What the host wrote to stderr (its own error log). */
  stderr(): string
  stop(): Promise<void>
}

/**
 * The browser host as `npm run web` runs it (src-main/host/main.ts, its own process), over a data
 * folder the test prepared. Resolves once it prints its URL; a host that dies is seen as such.
 */
export function startHostProcess(opts: { home: string; rendererDir: string; startupMs?: number }): Promise<HostProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'host', 'main.ts'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, CXDESK_HOME: opts.home, CXDESK_RENDERER_DIR: opts.rendererDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  let exited = false
  let code: number | null = null
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (c, signal) => {
      exited = true
      code = c ?? (signal ? 128 : null)
      resolve()
    }),
  )
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString('utf8')).slice(-20_000)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the host did not start within ${opts.startupMs ?? 60_000} ms: ${err.slice(-500)}`))
    }, opts.startupMs ?? 60_000)
    const diedStarting = () => {
      clearTimeout(timer)
      reject(new Error(`the host exited while starting (code ${code}): ${err.slice(-500)}`))
    }
    child.once('exit', diedStarting)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8')
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(out)
      if (!m) return
      clearTimeout(timer)
      child.off('exit', diedStarting)
      resolve({
        port: Number(m[1]),
        token: m[2],
        alive: () => !exited,
        exitCode: () => code,
        stderr: () => err,
        async stop() {
          if (exited) return
          child.kill('SIGTERM')
          await exit
        },
      })
    })
  })
}
