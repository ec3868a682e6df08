import { resolve } from 'node:path'
import type { ApiClient } from '../../src-shared/api/contract'
import { surveyChannels, type SurveyChannel } from '../../src-shared/api/customerContacts'
import { sendListDateOrders, sendListRoles, type SendListDateOrder, type SendListRequest, type SendListResult, type SendListRole } from '../../src-shared/api/sendLists'
import type { FileRegistry } from '../common/fileRegistry'
import { UsageError, stringFlag, type ParsedArgs } from './args'

export const SEND_LIST_USAGE = `  cxdesk send-list <workspace.cxdesk> <sent.csv|sent.xlsx> [--channel email|sms|zalo|line] [--date YYYY-MM-DD]
         [--date-order dmy|mdy|ymd] [--map Column=role,…] [--dry-run] [--json]
  cxdesk send-list <workspace.cxdesk> --undo <import number> [--json]
         Records who was surveyed (an export of your e-mail, Zalo or LINE tool: a customer id, e-mail or
         phone per row, optional date and channel columns) as survey contacts in the contact log, once
         per customer, day and channel; importing the same file again records nothing new. --channel and
         --date apply to rows without their own (date default: today). Roles for --map: ${sendListRoles.join(', ')}.
         --dry-run only counts; --undo takes an import back whole. Bad rows are listed by number.`

export type SendListArgs = { kind: 'undo'; importId: number } | { kind: 'import'; file: string; request: Omit<SendListRequest, 'fileId'>; dryRun: boolean }

const CMD = 'send-list'

/** Every option checked: a value that is not one of its kind is a mistake in the command line (exit code 2). */
export function sendListArgs(args: ParsedArgs, file: string | undefined): SendListArgs {
  const undo = stringFlag(args, 'undo')
  if (undo !== undefined) {
    if (!/^[1-9]\d{0,15}$/.test(undo)) throw new UsageError(`--undo ${undo}: give the number of an import (cxdesk send-list prints it)`, CMD)
    const others = ['channel', 'date', 'date-order', 'map', 'dry-run'].filter((f) => args.flags.has(f))
    if (file || others.length) throw new UsageError(`--undo takes no file and no other option${others.length ? ` (${others.map((o) => `--${o}`).join(', ')})` : ''}`, CMD)
    return { kind: 'undo', importId: Number(undo) }
  }
  if (!file) throw new UsageError('send-list needs the file of who was surveyed (or --undo <import number>)', CMD)
  const channel = stringFlag(args, 'channel')
  if (channel !== undefined && !(surveyChannels as readonly string[]).includes(channel)) throw new UsageError(`--channel must be one of ${surveyChannels.join(', ')}`, CMD)
  const date = stringFlag(args, 'date')
  if (date !== undefined && !isRealDate(date)) throw new UsageError(`--date ${date}: write a date as YYYY-MM-DD`, CMD)
  const dateOrder = stringFlag(args, 'date-order')
  if (dateOrder !== undefined && !(sendListDateOrders as readonly string[]).includes(dateOrder)) throw new UsageError(`--date-order must be one of ${sendListDateOrders.join(', ')}`, CMD)
  const mapText = stringFlag(args, 'map')
  let map: Array<{ header: string; role: SendListRole }> | undefined
  if (mapText !== undefined) {
    map = []
    for (const pair of mapText.split(',')) {
      const eq = pair.lastIndexOf('=')
      const header = pair.slice(0, eq).trim()
      const role = pair.slice(eq + 1).trim()
      if (eq <= 0 || !header) throw new UsageError(`--map ${pair}: write it as Column=role`, CMD)
      if (!(sendListRoles as readonly string[]).includes(role)) throw new UsageError(`--map ${pair}: "${role}" is not a role (${sendListRoles.join(', ')})`, CMD)
      if (header.length > 200) throw new UsageError(`--map ${pair}: the column name is too long`, CMD)
      map.push({ header, role: role as SendListRole })
    }
    if (map.length > 50) throw new UsageError('--map names at most 50 columns', CMD)
  }
  return {
    kind: 'import',
    file,
    dryRun: args.flags.has('dry-run'),
    request: {
      ...(channel ? { channel: channel as SurveyChannel } : {}),
      ...(date ? { date } : {}),
      ...(dateOrder ? { dateOrder: dateOrder as SendListDateOrder } : {}),
      ...(map ? { map } : {}),
    },
  }
}

function isRealDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false
  const t = new Date(`${d}T00:00:00Z`)
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d
}

export async function sendListCommand(api: ApiClient, files: FileRegistry, a: SendListArgs): Promise<SendListResult | { importId: number; removed: number }> {
  if (a.kind === 'undo') return { importId: a.importId, ...(await api.call('customers.sendListUndo', { importId: a.importId })) }
  const fileId = files.register(resolve(a.file)).id
  return api.call(a.dryRun ? 'customers.sendListPreview' : 'customers.sendListImport', { ...a.request, fileId })
}

export function formatSendList(r: Awaited<ReturnType<typeof sendListCommand>>): string[] {
  if (!('fileName' in r)) return [`Took back send list import ${r.importId}: ${r.removed} survey contacts removed.`]
  const lines = [
    `${r.dryRun ? 'Checked' : 'Read'} ${r.fileName}: ${r.rowsRead} rows, ${r.matched} matched a customer; ${r.recorded} survey contacts ${r.dryRun ? 'would be recorded' : 'recorded'}, ${r.already} already in the log, ${r.rejected} rows rejected.`,
  ]
  for (const e of r.errors) lines.push(`  row ${e.row}: ${e.reason}`)
  if (r.rejected > r.errors.length) lines.push(`  … and ${r.rejected - r.errors.length} more rows`)
  if (r.importId !== null) lines.push(`Import ${r.importId}; take it back with: cxdesk send-list <workspace> --undo ${r.importId}`)
  else if (!r.dryRun) lines.push('Nothing new to record.')
  return lines
}
