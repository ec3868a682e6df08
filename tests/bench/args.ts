/**
 * The flags of `npm run bench`, every one validated: an unknown flag or a bad value stops the run
 * with exit code 2 and the usage, so a typo (`--row 1000`) never runs the 1,000,000-row default.
 */
export const USAGE = `usage: npm run bench -- [--rows N] [--only section,…] [--keep]
                       [--runs N]                      (importpeer: pairs to run, default 3)
                       [--seed N] [--scale N] [--parts http,files,kills]   (robustness)
                       [--kiosks N] [--answers N] [--minutes M]   (collect: kiosks, answers each, time limit)
                       [--parts metrics,report]        (cli)
                       [--parts reads,triggers]        (customers)
                       [--parts csv,xlsx]              (export)`

export interface BenchArgs {
  rows: number
  only?: string[]
  keep: boolean
  runs?: number
  seed?: number
  scale?: number
  parts?: string[]
  /** collect: simulated kiosks (default 50). */
  kiosks?: number
  /** collect: answers per kiosk (default 1,000). */
  answers?: number
  /** collect: a time limit; kiosks queue no new answer after it (the ones queued are still sent and checked). */
  minutes?: number
}

const NUMBER_FLAGS = ['rows', 'runs', 'seed', 'scale', 'kiosks', 'answers', 'minutes'] as const
const LIST_FLAGS = ['only', 'parts'] as const

export class BenchArgsError extends Error {}

/** Parses the command line; `sections` are the names `--only` may list. */
export function parseBenchArgs(argv: readonly string[], sections: readonly string[]): BenchArgs {
  const out: BenchArgs = { rows: 1_000_000, keep: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const name = arg.startsWith('--') ? arg.slice(2) : null
    if (name === 'keep') {
      out.keep = true
      continue
    }
    if (name && (NUMBER_FLAGS as readonly string[]).includes(name)) {
      const text = argv[++i]
      const value = Number(text)
      if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < (name === 'seed' ? 0 : 1)) throw new BenchArgsError(`--${name} needs a whole number${name === 'seed' ? '' : ' of at least 1'}, not ${text === undefined ? 'nothing' : `"${text}"`}`)
      out[name as (typeof NUMBER_FLAGS)[number]] = value
      continue
    }
    if (name && (LIST_FLAGS as readonly string[]).includes(name)) {
      const text = argv[++i]
      const list = text?.split(',').map((s) => s.trim()).filter(Boolean) ?? []
      if (!list.length || text?.startsWith('--')) throw new BenchArgsError(`--${name} needs a comma-separated list`)
      if (name === 'only') {
        const unknown = list.filter((s) => !sections.includes(s))
        if (unknown.length) throw new BenchArgsError(`unknown section ${unknown.map((s) => `"${s}"`).join(', ')}; the sections are ${sections.join(', ')}`)
      }
      out[name as (typeof LIST_FLAGS)[number]] = list
      continue
    }
    throw new BenchArgsError(`unknown ${name ? 'flag' : 'argument'} "${arg}"`)
  }
  return out
}

let parsed: BenchArgs | undefined
/** The run's arguments, once `run.ts` has parsed them (sections read their own flags here). */
export function benchArgs(): BenchArgs {
  if (!parsed) throw new Error('bench arguments read before they were parsed')
  return parsed
}
export function setBenchArgs(args: BenchArgs): void {
  parsed = args
}
