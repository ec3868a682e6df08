import type { CommandSpec, ParsedArgs } from './args'
import { IMPORT_USAGE } from './importArgs'
import { REPORT_USAGE } from './reportCommand'
import { CUSTOMERS_USAGE } from './customersCommand'
import { COLLECT_USAGE, SURVEY_USAGE } from './collectCommand'
import { SUBJECT_USAGE } from './subjectCommand'
import { ERASE_USAGE } from './eraseCommand'
import { SURVEY_LIST_USAGE } from './surveyListCommand'
import { SEND_LIST_USAGE } from './sendListCommand'
import { FOLLOW_UPS_USAGE } from './followUpsCommand'

/**
 * Every command and the options it takes: the parser refuses anything else (args.ts). A new option
 * is one line here (and the code that reads it); reading an undeclared one fails loudly in tests.
 */
export const commandSpecs = {
  init: {
    operands: ['<workspace.cxdesk>'],
    options: { name: 'value', timezone: 'value', demo: 'switch', json: 'switch' },
    usage: `  cxdesk init <workspace.cxdesk> [--name <name>] [--timezone <IANA zone>] [--demo] [--json]
         --demo fills it with the demo café's customers, answers and journey maps, to try everything on.`,
  },
  import: {
    operands: ['<workspace.cxdesk>', '<file.csv|file.xlsx>'],
    options: { customers: 'switch', map: 'value', zone: 'value', 'date-order': 'value', encoding: 'value', delimiter: 'value', sheet: 'value', 'dry-run': 'switch', json: 'switch' },
    usage: IMPORT_USAGE,
  },
  imports: {
    operands: ['<workspace.cxdesk>'],
    options: { json: 'switch' },
    usage: `  cxdesk imports <workspace.cxdesk> [--json]
         Lists the imports: file, date, rows, and the zone their times without a zone were read in.`,
  },
  reread: {
    operands: ['<workspace.cxdesk>'],
    options: { import: 'value', zone: 'value', json: 'switch' },
    usage: `  cxdesk reread <workspace.cxdesk> --import <number> --zone <IANA zone> [--json]
         Reads an import's times that had no zone of their own again in another zone (one transaction;
         times with an offset or UTC stamp never move). Undo: reread it in the zone it had before.`,
  },
  metrics: {
    operands: ['<workspace.cxdesk>'],
    options: { metric: 'value', by: 'value', dim: 'value', from: 'value', to: 'value', filter: 'list', json: 'switch' },
    usage: `  cxdesk metrics <workspace.cxdesk> --metric nps|csat|ces|ttr|churn|retention --by day|week|month|quarter|year
         [--dim channel|touchpoint|stage|location|segment|language|tag] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--filter key=value …] [--json]`,
  },
  sends: {
    operands: ['<workspace.cxdesk>'],
    options: { from: 'value', to: 'value', sent: 'value', channel: 'value', touchpoint: 'value', survey: 'value', json: 'switch' },
    usage: `  cxdesk sends <workspace.cxdesk> [--from YYYY-MM-DD --to YYYY-MM-DD --sent N [--channel C] [--touchpoint T] [--survey nps|csat|ces]] [--json]
         Lists the surveys sent (for the response rate), or enters one.`,
  },
  export: {
    operands: ['<workspace.cxdesk>'],
    options: { what: 'value', format: 'value', out: 'value', from: 'value', to: 'value', filter: 'list', json: 'switch' },
    usage: `  cxdesk export <workspace.cxdesk> --out <file | folder> [--what responses|customers|all] [--format csv|xlsx]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--filter key=value …] [--json]
         Writes responses (narrowed by the filters, as in cxdesk metrics), customers, or the whole workspace
         as CSV (UTF-8 with BOM) or XLSX. A whole workspace as CSV is a folder of files (responses.csv,
         customers.csv, notes.csv); as XLSX, one workbook with a sheet each. --format defaults to the
         extension of --out (else csv).`,
  },
  customers: {
    operands: ['<workspace.cxdesk>'],
    options: { 'at-risk': 'switch', json: 'switch' },
    usage: CUSTOMERS_USAGE,
  },
  report: {
    operands: ['<workspace.cxdesk>'],
    options: {
      out: 'value',
      kind: 'value',
      client: 'value',
      consultant: 'value',
      brand: 'switch',
      'map-paper': 'value',
      template: 'value',
      locale: 'value',
      from: 'value',
      to: 'value',
      json: 'switch',
    },
    usage: REPORT_USAGE,
  },
  survey: {
    operands: ['<workspace.cxdesk>', 'create|poster'],
    options: {
      name: 'value',
      metric: 'value',
      location: 'value',
      touchpoint: 'value',
      shop: 'value',
      colour: 'value',
      json: 'switch',
      survey: 'value',
      out: 'value',
      cards: 'switch',
      'card-size': 'value',
      language: 'value',
      host: 'value',
      port: 'value',
    },
    usage: SURVEY_USAGE,
  },
  collect: {
    operands: ['<workspace.cxdesk>'],
    options: { survey: 'value', host: 'value', port: 'value', kiosk: 'switch' },
    usage: COLLECT_USAGE,
  },
  'subject-export': {
    operands: ['<workspace.cxdesk>'],
    options: { customer: 'value', out: 'value', lang: 'value', json: 'switch' },
    usage: SUBJECT_USAGE,
  },
  erase: {
    operands: ['<workspace.cxdesk>'],
    options: { customer: 'value', anonymise: 'switch', reason: 'value', yes: 'switch', json: 'switch' },
    usage: ERASE_USAGE,
  },
  'survey-list': {
    operands: ['<workspace.cxdesk>'],
    options: { out: 'value', channel: 'value', segment: 'value', location: 'value', record: 'switch', pending: 'switch', confirm: 'value', json: 'switch' },
    usage: SURVEY_LIST_USAGE,
  },
  'send-list': {
    operands: ['<workspace.cxdesk>', '<sent.csv>'],
    options: { channel: 'value', date: 'value', 'date-order': 'value', map: 'value', 'dry-run': 'switch', undo: 'value', json: 'switch' },
    usage: SEND_LIST_USAGE,
  },
  'follow-ups': {
    operands: ['<workspace.cxdesk>'],
    options: { overdue: 'switch', 'due-soon': 'switch', json: 'switch' },
    usage: FOLLOW_UPS_USAGE,
  },
} satisfies Record<string, CommandSpec>

export type CommandName = keyof typeof commandSpecs

/**
 * Commands that only read the workspace: it is opened read-only when nothing in it needs upkeep.
 * Not `survey-list`: it keeps the list it wrote in the workspace, so that its send can be
 * confirmed later ("I sent it" in the app, `--record` or `--confirm`).
 */
export function readsOnly(args: ParsedArgs): boolean {
  const command = args.positionals[0]
  return command === 'metrics' || command === 'report' || command === 'export' || command === 'imports' || command === 'customers' || (command === 'sends' && !args.flags.has('sent')) || (command === 'send-list' && args.flags.has('dry-run'))
}

const FOOTER = `Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong.
Periods are cut in the workspace's time zone (set at init; default: the system's, from TZ).`

export const USAGE = `cxdesk — CX Desk on the command line

Usage:
${Object.values(commandSpecs)
  .map((c) => c.usage)
  .join('\n')}

${FOOTER}`

/** One command's usage (for a mistake in that command's line), or everything. */
export function usageOf(command?: string): string {
  if (!command || !Object.hasOwn(commandSpecs, command)) return USAGE
  return `Usage:\n${commandSpecs[command as CommandName].usage}\n\n${FOOTER}\n(cxdesk --help lists every command.)`
}
