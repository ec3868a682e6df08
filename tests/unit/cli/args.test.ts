import { describe, expect, it } from 'vitest'
import { parseCommandLine, stringFlag, UsageError, type CommandLine } from '../../../src-main/cli/args'
import { commandSpecs, usageOf, USAGE } from '../../../src-main/cli/commands'

const parse = (...argv: string[]) => parseCommandLine(argv, commandSpecs)
const run = (...argv: string[]) => {
  const line = parse(...argv)
  if (line.kind !== 'run') throw new Error(`expected a command, got ${line.kind}`)
  return line.args
}
/** The UsageError a command line gives (the test fails if it parses). */
function refusal(...argv: string[]): UsageError {
  let line: CommandLine
  try {
    line = parse(...argv)
  } catch (e) {
    if (e instanceof UsageError) return e
    throw e
  }
  throw new Error(`${argv.join(' ')} was accepted: ${JSON.stringify(line)}`)
}

/** One option of each kind per command, and an option of another command that this one does not take. */
const perCommand = {
  init: { operands: ['w.cxdesk'], value: ['--timezone', 'Asia/Bangkok'], switch: '--json', foreign: ['--metric', 'nps'], foreignSwitch: '--dry-run' },
  import: { operands: ['w.cxdesk', 'a.csv'], value: ['--encoding', 'utf-8'], switch: '--dry-run', foreign: ['--out', 'r.pdf'], foreignSwitch: '--demo' },
  metrics: { operands: ['w.cxdesk'], value: ['--from', '2025-01-01'], switch: '--json', foreign: ['--zone', 'Asia/Bangkok'], foreignSwitch: '--customers' },
  sends: { operands: ['w.cxdesk'], value: ['--sent', '10'], switch: '--json', foreign: ['--template', 'Monthly'], foreignSwitch: '--dry-run' },
  report: { operands: ['w.cxdesk'], value: ['--out', 'r.pdf'], switch: '--json', foreign: ['--metric', 'nps'], foreignSwitch: '--customers' },
  reread: { operands: ['w.cxdesk'], value: ['--zone', 'Asia/Bangkok'], switch: '--json', foreign: ['--out', 'r.pdf'], foreignSwitch: '--customers' },
  export: { operands: ['w.cxdesk'], value: ['--what', 'customers'], switch: '--json', foreign: ['--metric', 'nps'], foreignSwitch: '--customers' },
  survey: { operands: ['w.cxdesk', 'create'], value: ['--name', 'Counter'], switch: '--json', foreign: ['--from', '2025-01-01'], foreignSwitch: '--customers' },
  collect: { operands: ['w.cxdesk'], value: ['--port', '0'], switch: '--kiosk', foreign: ['--metric', 'nps'], foreignSwitch: '--json' },
  'subject-export': { operands: ['w.cxdesk'], value: ['--lang', 'vi'], switch: '--json', foreign: ['--metric', 'nps'], foreignSwitch: '--at-risk' },
  erase: { operands: ['w.cxdesk'], value: ['--customer', 'a@example.com'], switch: '--yes', foreign: ['--metric', 'nps'], foreignSwitch: '--dry-run' },
  'survey-list': { operands: ['w.cxdesk'], value: ['--channel', 'zalo'], switch: '--record', foreign: ['--metric', 'nps'], foreignSwitch: '--at-risk' },
  'send-list': { operands: ['w.cxdesk', 'sent.csv'], value: ['--channel', 'zalo'], switch: '--dry-run', foreign: ['--metric', 'nps'], foreignSwitch: '--at-risk' },
} as const

describe('the command line is strict', () => {
  it('covers every command', () => {
    expect([...Object.keys(perCommand), 'imports', 'customers', 'follow-ups'].sort()).toEqual(Object.keys(commandSpecs).sort())
  })

  it('imports (a switch only) takes --json and refuses what it does not know', () => {
    expect(run('imports', 'w.cxdesk', '--json').flags.get('json')).toBe(true)
    expect(refusal('imports', 'w.cxdesk', '--jsn').message).toBe('imports has no option --jsn (did you mean --json?)')
    expect(refusal('imports', 'w.cxdesk', '--zone', 'Asia/Bangkok').message).toMatch(/imports has no option --zone/)
    expect(refusal('imports', 'w.cxdesk', 'extra.cxdesk').message).toMatch(/extra\.cxdesk/)
  })

  it('customers (switches only) takes --at-risk and --json and refuses what it does not know', () => {
    const a = run('customers', 'w.cxdesk', '--at-risk', '--json')
    expect([a.flags.get('at-risk'), a.flags.get('json')]).toEqual([true, true])
    expect(refusal('customers', 'w.cxdesk', '--at-riks').message).toBe('customers has no option --at-riks (did you mean --at-risk?)')
    expect(refusal('customers', 'w.cxdesk', '--metric', 'nps').message).toMatch(/customers has no option --metric/)
    expect(refusal('customers', 'w.cxdesk', '--at-risk=yes').message).toMatch(/^--at-risk is a switch and takes no value/)
  })

  it('follow-ups (switches only) takes --overdue or --due-soon and --json and refuses what it does not know', () => {
    const a = run('follow-ups', 'w.cxdesk', '--overdue', '--json')
    expect([a.flags.get('overdue'), a.flags.get('json')]).toEqual([true, true])
    expect(refusal('follow-ups', 'w.cxdesk', '--overdeu').message).toBe('follow-ups has no option --overdeu (did you mean --overdue?)')
    expect(refusal('follow-ups', 'w.cxdesk', '--due-soon=yes').message).toMatch(/^--due-soon is a switch and takes no value/)
    expect(refusal('follow-ups', 'w.cxdesk', '--channel', 'email').message).toMatch(/follow-ups has no option --channel/)
  })

  describe.each(Object.entries(perCommand))('%s', (command, c) => {
    it('accepts its own options, as --name value and --name=value, and its arguments', () => {
      const a = run(command, ...c.operands, ...c.value, c.switch)
      expect(a.positionals).toEqual([command, ...c.operands])
      expect(a.flags.get(c.value[0].slice(2))).toBe(c.value[1])
      expect(a.flags.get(c.switch.slice(2))).toBe(true)
      expect(run(command, `${c.value[0]}=${c.value[1]}`, ...c.operands).flags.get(c.value[0].slice(2))).toBe(c.value[1])
    })

    it('refuses a typo, with a suggestion', () => {
      const e = refusal(command, ...c.operands, `${c.value[0]}x`, c.value[1])
      expect(e.message).toBe(`${command} has no option ${c.value[0]}x (did you mean ${c.value[0]}?)`)
      expect(e.command).toBe(command)
    })

    it("refuses another command's option", () => {
      expect(refusal(command, ...c.operands, ...c.foreign).message).toBe(`${command} has no option ${c.foreign[0]}`)
      expect(refusal(command, ...c.operands, c.foreignSwitch).message).toBe(`${command} has no option ${c.foreignSwitch}`)
    })

    it('refuses a switch given a value', () => {
      expect(refusal(command, ...c.operands, `${c.switch}=yes`).message).toMatch(new RegExp(`^${c.switch} is a switch and takes no value`))
      // "--json yes" leaves "yes" as an argument too many.
      expect(refusal(command, ...c.operands, c.switch, 'yes').message).toMatch(/"yes" is not expected/)
    })

    it('refuses an option without its value: at the end, before another option, or empty', () => {
      expect(refusal(command, ...c.operands, c.value[0]).message).toBe(`${c.value[0]} needs a value`)
      expect(refusal(command, ...c.operands, c.value[0], c.switch).message).toBe(`${c.value[0]} needs a value`)
      expect(refusal(command, ...c.operands, `${c.value[0]}=`).message).toBe(`${c.value[0]} needs a value`)
    })

    it('refuses a single option given twice, and a switch given twice', () => {
      expect(refusal(command, ...c.operands, ...c.value, ...c.value).message).toBe(`${c.value[0]} is given twice; give it once`)
      expect(refusal(command, ...c.operands, c.switch, c.switch).message).toBe(`${c.switch} is given twice`)
    })

    it('refuses an argument too many and a short option', () => {
      expect(refusal(command, ...c.operands, 'extra').message).toMatch(/"extra" is not expected$/)
      expect(refusal(command, ...c.operands, '-j').message).toBe('unknown option -j (options are written --name)')
    })

    it('prints its own usage with a mistake, and on --help', () => {
      expect(usageOf(command)).toContain(commandSpecs[command as keyof typeof commandSpecs].usage)
      expect(parse(command, '--help')).toEqual({ kind: 'help', command })
      expect(parse(command, ...c.operands, '-h')).toEqual({ kind: 'help', command })
    })
  })

  it('suggests the near miss of a short name too', () => {
    expect(refusal('metrics', 'w.cxdesk', '--byy', 'year').message).toBe('metrics has no option --byy (did you mean --by?)')
    expect(refusal('metrics', 'w.cxdesk', '--tp', '2025-01-31').message).toBe('metrics has no option --tp (did you mean --to?)')
  })

  it('keeps every value of a list option, in order', () => {
    const a = run('metrics', 'w.cxdesk', '--filter', 'channel=app', '--filter=band=poor')
    expect(a.multi.get('filter')).toEqual(['channel=app', 'band=poor'])
  })

  it('takes what follows -- as arguments, even when it looks like an option', () => {
    expect(run('init', '--', '--odd name.cxdesk').positionals).toEqual(['init', '--odd name.cxdesk'])
    expect(run('metrics', 'w.cxdesk', '--from=--soon').flags.get('from')).toBe('--soon')
  })

  it('asks for a command first, and names an unknown one', () => {
    expect(refusal().message).toMatch(/^say what to do/)
    expect(refusal('--json').message).toMatch(/the command comes first/)
    expect(refusal('metric', 'w.cxdesk').message).toBe('unknown command "metric" (did you mean metrics?)')
    expect(refusal('metric').command).toBeUndefined()
  })

  it('answers --help, help <command> and --version', () => {
    expect(parse('--help')).toEqual({ kind: 'help', command: undefined })
    expect(parse('help', 'report')).toEqual({ kind: 'help', command: 'report' })
    expect(parse('--version')).toEqual({ kind: 'version' })
    for (const spec of Object.values(commandSpecs)) expect(USAGE).toContain(spec.usage)
  })

  it('treats reading an option a command does not declare as a bug, not as a user mistake', () => {
    const a = run('metrics', 'w.cxdesk')
    expect(stringFlag(a, 'from')).toBeUndefined()
    expect(() => stringFlag(a, 'zone')).toThrow(/internal: the command reads --zone but does not declare it/)
  })
})
