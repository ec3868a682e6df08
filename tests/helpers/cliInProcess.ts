import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { runCli } from '../../src-main/cli/runCli'

const CLI = join(__dirname, '../../src-main/cli/cxdesk.cjs')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Runs one command line in this process, through runCli (what the cxdesk bundle runs), in `cwd` and
 * with `env` set for the time of the call, its output captured line by line as the process prints
 * it. vitest gives each test file its own process (the forks pool), so the working directory and
 * environment can be changed here; runs go one at a time. The bundle itself, as a whole process with
 * its exit codes and output, is tested in cli/bundle.test.ts and cliStrict.test.ts.
 */
export function cxdeskInProcess(args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<CliRun> {
  const run = queue.then(async () => {
    const before = process.cwd()
    const saved = Object.fromEntries(Object.keys(opts.env).map((k) => [k, process.env[k]]))
    const stdout: string[] = []
    const stderr: string[] = []
    process.chdir(opts.cwd)
    Object.assign(process.env, opts.env)
    try {
      const code = await runCli(args, { out: (t) => stdout.push(`${t}\n`), err: (t) => stderr.push(`${t}\n`) })
      return { code, stdout: stdout.join(''), stderr: stderr.join('') }
    } finally {
      process.chdir(before)
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  })
  queue = run.catch(() => undefined)
  return run
}

/** The bundled `cxdesk` as a whole process (built once per test run by cli/bundle.setup.ts). */
export function cxdeskProcess(args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t))
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

/**
 * The command line for a test: in-process, except `import`, which runs the bundle as a process. An
 * import reads and writes in worker threads, and from source each of them loads its TypeScript
 * through tsx (2–3 s a thread, over 15 s an import on a loaded machine); bundled, they start in a
 * fraction of a second.
 */
export function cxdeskRun(args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<CliRun> {
  return args[0] === 'import' ? cxdeskProcess(args, opts) : cxdeskInProcess(args, opts)
}
