/**
 * Strict argument parsing: each command declares its options (commands.ts), and anything else — a
 * typo, another command's option, a switch given a value, an option without its value, a single
 * option given twice, an extra argument — is a UsageError (exit code 2 with the usage), never
 * silently ignored: a user must not believe an option took effect when it did not.
 */

/** A switch takes no value (--json); a value option takes one (--from 2025-01-01 or --from=2025-01-01); a list option may be repeated (--filter a=b --filter c=d). */
export type OptionKind = 'switch' | 'value' | 'list'

export interface CommandSpec {
  /** Names of the positional arguments, in order, as the usage writes them. */
  operands: readonly string[]
  options: Readonly<Record<string, OptionKind>>
  /** This command's lines of the usage text. */
  usage: string
}

export interface ParsedArgs {
  positionals: string[]
  /** Switches as true, value options as their value. */
  flags: Map<string, string | true>
  /** List options keep every value, in order. */
  multi: Map<string, string[]>
  /** The options the command declares: reading any other is a programming error (see stringFlag). */
  known: ReadonlyMap<string, OptionKind>
}

export type CommandLine = { kind: 'help'; command?: string } | { kind: 'version' } | { kind: 'run'; command: string; args: ParsedArgs }

export class UsageError extends Error {
  /** The command whose usage to print with the message; none: the whole usage. */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message)
  }
}

/** Options every command accepts wherever they are written. */
const HELP = new Set(['--help', '-h'])

export function parseCommandLine(argv: readonly string[], specs: Readonly<Record<string, CommandSpec>>): CommandLine {
  const end = argv.indexOf('--')
  const before = end < 0 ? argv : argv.slice(0, end)
  const [first, ...rest] = argv
  if (first === 'help') return { kind: 'help', command: rest[0] !== undefined && Object.hasOwn(specs, rest[0]) ? rest[0] : undefined }
  if (before.some((a) => HELP.has(a))) return { kind: 'help', command: first !== undefined && Object.hasOwn(specs, first) ? first : undefined }
  if (before.includes('--version')) return { kind: 'version' }
  if (first === undefined) throw new UsageError(`say what to do: ${Object.keys(specs).join(', ')}`)
  if (first.startsWith('-')) throw new UsageError(`the command comes first (${Object.keys(specs).join(', ')}), then its options; "${first}" is not a command`)
  if (!Object.hasOwn(specs, first)) throw new UsageError(`unknown command "${first}"${suggestion(first, Object.keys(specs), '')}`)
  return { kind: 'run', command: first, args: parseOptions(first, rest, specs[first]) }
}

function parseOptions(command: string, argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const known = new Map(Object.entries(spec.options))
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  const multi = new Map<string, string[]>()
  const fail = (message: string): never => {
    throw new UsageError(message, command)
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2)
      const inline = eq > 0 ? a.slice(eq + 1) : undefined
      const kind = known.get(name)
      if (!kind) fail(`${command} has no option --${name}${suggestion(name, [...known.keys()], '--')}`)
      if (kind === 'switch') {
        if (inline !== undefined) fail(`--${name} is a switch and takes no value (write just --${name})`)
        if (flags.has(name)) fail(`--${name} is given twice`)
        flags.set(name, true)
        continue
      }
      let value = inline
      if (value === undefined) {
        const next = argv[i + 1]
        // "--from --to …": the value is missing, not "--to". A value that starts with -- is written --name=value.
        if (next !== undefined && !next.startsWith('--')) value = argv[++i]
      }
      if (value === undefined || value === '') fail(`--${name} needs a value`)
      if (kind === 'value' && flags.has(name)) fail(`--${name} is given twice; give it once`)
      flags.set(name, value!)
      multi.set(name, [...(multi.get(name) ?? []), value!])
      continue
    }
    if (a.startsWith('-') && a.length > 1) fail(`unknown option ${a} (options are written --name)`)
    positionals.push(a)
  }
  if (positionals.length > spec.operands.length) {
    const extra = positionals.slice(spec.operands.length)
    fail(`${command} takes ${spec.operands.join(' and ')}; ${extra.map((e) => `"${e}"`).join(', ')} ${extra.length === 1 ? 'is' : 'are'} not expected`)
  }
  return { positionals: [command, ...positionals], flags, multi, known }
}

/** " (did you mean --from?)" for a near miss (one edit off, two for longer names), else "". */
function suggestion(given: string, candidates: readonly string[], prefix: string): string {
  const close = candidates.filter((c) => editDistance(given, c) <= Math.max(1, Math.min(2, Math.floor(c.length / 3))))
  return close.length ? ` (did you mean ${close.map((c) => prefix + c).join(' or ')}?)` : ''
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b: "--form" is one edit from "--from". */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  return d[a.length][b.length]
}

/** A value option that must be one of `choices` (`fallback` when it is absent); a wrong one is refused with the list. */
export function choiceFlag<const C extends string>(args: ParsedArgs, name: string, choices: readonly C[], fallback: C, command?: string): C {
  const v = stringFlag(args, name) ?? fallback
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}`, command)
  return v as C
}

/** A value option's value. Asking for an option the command does not declare is a bug, not a user's mistake. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  if (!args.known.has(name)) throw new Error(`internal: the command reads --${name} but does not declare it (commands.ts)`)
  const v = args.flags.get(name)
  if (v === true) throw new UsageError(`--${name} needs a value`)
  return v
}
