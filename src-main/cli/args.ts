/** Minimal argument parsing: positionals and --flag value / --flag=value / --switch. */
export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string | true>
  /** Repeatable flags such as --filter keep every value. */
  multi: Map<string, string[]>
}

const SWITCHES = new Set(['json', 'help', 'version', 'customers', 'dry-run'])

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  const multi = new Map<string, string[]>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2)
      let value: string | true
      if (eq > 0) value = a.slice(eq + 1)
      else if (SWITCHES.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) value = true
      else value = argv[++i]
      flags.set(name, value)
      if (typeof value === 'string') multi.set(name, [...(multi.get(name) ?? []), value])
    } else if (a === '-h') flags.set('help', true)
    else positionals.push(a)
  }
  return { positionals, flags, multi }
}

export class UsageError extends Error {}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name)
  if (v === true) throw new UsageError(`--${name} needs a value`)
  return v
}
