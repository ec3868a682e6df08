import { AppError } from '../../src-shared/api/result'
import type { SurveyChannel } from '../../src-shared/api/customerContacts'
import type { SendListError, SendListErrorCode, SendListRequest, SendListResult, SendListRole } from '../../src-shared/api/sendLists'
import { emailKey, phoneKey } from '../../src-shared/domain/contactKeys'
import { parseDate } from '../../src-shared/domain/dateText'
import type { OpenWorkspace } from '../db/openWorkspace'
import { openTable } from '../import/openTable'
import { foldDiacritics } from '../text/fold'
import { timeOn } from './contactService'
import { contactImports, customerKeys, recordContactImport, surveyContactsBetween, undoContactImport } from './sendListRepository'

const DAY = 86_400_000
const MAX_LISTED_ERRORS = 100

/** Header words per role (folded, lower case), in English, Vietnamese and Thai; the first match wins. */
const HEADER_RULES: Array<[Exclude<SendListRole, 'ignore'>, RegExp]> = [
  ['customerId', /customer ?(id|ref|code|number|no)|client ?id|^id$|^ref(erence)?$|^customer_ref$|ma khach|ma kh\b|รหัสลูกค้า/],
  ['email', /e-?mail|thu dien tu|อีเมล/],
  ['phone', /phone|mobile|\btel\b|sdt|dien thoai|so dt|โทรศัพท์|เบอร์/],
  ['channel', /channel|kenh|ช่องทาง|^via$/],
  ['date', /date|sent|time|ngay|thoi gian|วันที่|เวลา/],
]

/** A channel as people write it in a send tool's export. */
const CHANNEL_WORDS: Record<string, SurveyChannel> = { email: 'email', 'e-mail': 'email', mail: 'email', sms: 'sms', text: 'sms', zalo: 'zalo', line: 'line' }

const REASONS: Record<SendListErrorCode, string> = {
  noKey: 'has no customer id, e-mail or phone',
  unknownCustomer: 'names no customer of this workspace',
  badDate: 'is not a date',
  futureDate: 'is a date in the future',
  badChannel: 'is not a channel (email, sms, zalo, line)',
  noChannel: 'says no channel: give one for the file',
  columnCount: 'has a different number of columns from the header',
}

const norm = (h: string) => foldDiacritics(h.trim().toLowerCase()).replace(/\s+/g, ' ')

/** Which role each header holds: the user's map first (by header, any case), else the header's words. */
export function sendListColumns(headers: string[], map: SendListRequest['map']): SendListRole[] {
  const roles: SendListRole[] = headers.map(() => 'ignore')
  const given = new Map<number, SendListRole>()
  for (const { header, role } of map ?? []) {
    const i = headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase())
    if (i < 0) throw new AppError('VALIDATION', `The file has no column "${header}" (it has: ${headers.join(', ')}).`)
    given.set(i, role)
  }
  const used = new Set<SendListRole>([...given.values()])
  headers.forEach((h, i) => {
    const mapped = given.get(i)
    if (mapped) {
      roles[i] = mapped
      return
    }
    const rule = HEADER_RULES.find(([role, re]) => !used.has(role) && re.test(norm(h)))
    if (rule) {
      roles[i] = rule[0]
      used.add(rule[0])
    }
  })
  return roles
}

/** A date cell as the local calendar date it says (the wall date written, whatever the time). */
function cellDate(text: string, order: SendListRequest['dateOrder'], timezone: string): string | null {
  const d = parseDate(text, order === 'dmy' || order === 'mdy' ? order : null, timezone)
  return d ? new Date(d.epochMs + d.offsetMinutes * 60_000).toISOString().slice(0, 10) : null
}

/**
 * Reads a send list and works out what it would record: each row's customer (by id, else e-mail,
 * else phone), date and channel; a row whose customer, day and channel are already in the contact log
 * (a survey contact, from any source) or earlier in the file is counted as already there, so importing
 * the same file twice records nothing the second time. Rejected rows are reported by number.
 */
async function readSendList(open: OpenWorkspace, file: { path: string; name: string }, req: SendListRequest, now: number) {
  const today = open.localDateOf(now)
  if (req.date && req.date > today) throw new AppError('VALIDATION', `The date ${req.date} is in the future.`)
  const table = await openTable(file.path, file.name)
  const byRef = new Map<string, number>()
  const byEmail = new Map<string, number>()
  // Phones by their full number (a national 09… taking the workspace zone's country), as the duplicates check compares them.
  const tz = open.settings.timezone
  const byPhone = new Map<string, number>()
  for (const c of await customerKeys(open.db)) {
    if (c.ref && !byRef.has(c.ref.trim())) byRef.set(c.ref.trim(), c.id)
    const e = emailKey(c.email)
    if (e && !byEmail.has(e)) byEmail.set(e, c.id)
    const p = phoneKey(c.phone, tz)
    if (p && !byPhone.has(p)) byPhone.set(p, c.id)
  }
  let headers: string[] | null = null
  let roles: SendListRole[] = []
  let rowsRead = 0
  let rejected = 0
  const errors: SendListError[] = []
  const reject = (row: number, code: SendListErrorCode, value: string | null) => {
    rejected++
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ row, code, value, reason: value ? `"${value}" ${REASONS[code]}` : REASONS[code] })
  }
  const rows: Array<{ customerId: number; date: string; channel: SurveyChannel }> = []
  for await (const batch of table.source.batches()) {
    for (const rec of batch) {
      if (!headers) {
        headers = rec.fields.map((h) => h.trim())
        roles = sendListColumns(headers, req.map)
        if (!roles.some((r) => r === 'customerId' || r === 'email' || r === 'phone'))
          throw new AppError('VALIDATION', `No column of ${file.name} holds a customer id, an e-mail or a phone (it has: ${headers.join(', ')}). Say which with a map.`)
        continue
      }
      if (rec.fields.every((f) => !f.trim())) continue
      rowsRead++
      if (table.fileKind === 'csv' && rec.fields.length !== headers.length) {
        reject(rec.record, 'columnCount', null)
        continue
      }
      const cell = (role: SendListRole) => {
        const i = roles.indexOf(role)
        const v = i < 0 ? '' : (rec.fields[i] ?? '').trim()
        return v || null
      }
      const ref = cell('customerId')
      const email = emailKey(cell('email'))
      const phone = phoneKey(cell('phone'), tz)
      if (!ref && !email && !phone) {
        reject(rec.record, 'noKey', null)
        continue
      }
      const customerId = (ref ? byRef.get(ref) : undefined) ?? (email ? byEmail.get(email) : undefined) ?? (phone ? byPhone.get(phone) : undefined)
      if (customerId === undefined) {
        reject(rec.record, 'unknownCustomer', ref ?? cell('email') ?? cell('phone'))
        continue
      }
      const dateText = cell('date')
      const date = dateText ? cellDate(dateText, req.dateOrder, open.settings.timezone) : (req.date ?? today)
      if (!date) {
        reject(rec.record, 'badDate', dateText)
        continue
      }
      if (date > today) {
        reject(rec.record, 'futureDate', dateText ?? date)
        continue
      }
      const channelText = cell('channel')
      const channel = channelText ? CHANNEL_WORDS[norm(channelText)] : req.channel
      if (!channel) {
        reject(rec.record, channelText ? 'badChannel' : 'noChannel', channelText)
        continue
      }
      rows.push({ customerId, date, channel })
    }
  }
  if (!headers) throw new AppError('VALIDATION', `${file.name} has no rows.`)

  // What the log already holds for these days (a day either side for the zones), by customer, day and channel.
  const seen = new Set<string>()
  if (rows.length) {
    let first = rows[0].date
    let last = first
    for (const r of rows) {
      if (r.date < first) first = r.date
      if (r.date > last) last = r.date
    }
    for (const c of await surveyContactsBetween(open.db, Date.parse(`${first}T00:00:00Z`) - DAY, Date.parse(`${last}T00:00:00Z`) + 2 * DAY))
      if (c.channel) seen.add(`${c.customerId}|${open.localDateOf(c.at)}|${c.channel.trim().toLowerCase()}`)
  }
  let already = 0
  const fresh: typeof rows = []
  for (const r of rows) {
    const key = `${r.customerId}|${r.date}|${r.channel}`
    if (seen.has(key)) already++
    else {
      seen.add(key)
      fresh.push(r)
    }
  }
  return {
    columns: headers.map((header, i) => ({ header, role: roles[i] })),
    rowsRead,
    matched: rows.length,
    already,
    rejected,
    errors,
    fresh,
  }
}

export async function previewSendList(open: OpenWorkspace, file: { path: string; name: string }, req: SendListRequest, now: number): Promise<SendListResult> {
  const r = await readSendList(open, file, req, now)
  return { fileName: file.name, columns: r.columns, rowsRead: r.rowsRead, matched: r.matched, recorded: r.fresh.length, already: r.already, rejected: r.rejected, errors: r.errors, importId: null, dryRun: true }
}

export async function importSendList(open: OpenWorkspace, file: { path: string; name: string }, req: SendListRequest, actor: string | null, now: number): Promise<SendListResult> {
  const r = await readSendList(open, file, req, now)
  const importId = r.fresh.length
    ? await recordContactImport(
        open.db,
        { fileName: file.name, rowsRead: r.rowsRead, already: r.already, rejected: r.rejected, actor, contacts: r.fresh.map((c) => ({ customerId: c.customerId, channel: c.channel, at: timeOn(open, c.date, now) })) },
        now,
      )
    : null
  return { fileName: file.name, columns: r.columns, rowsRead: r.rowsRead, matched: r.matched, recorded: r.fresh.length, already: r.already, rejected: r.rejected, errors: r.errors, importId, dryRun: false }
}

export async function undoSendList(open: OpenWorkspace, importId: number, now: number) {
  const r = await undoContactImport(open.db, importId, now)
  if (r === 'not_found') throw new AppError('NOT_FOUND', `There is no send list import ${importId}.`)
  if (r === 'undone') throw new AppError('VALIDATION', `The send list import ${importId} was already taken back.`)
  return { removed: r }
}

export const sendListImports = (open: OpenWorkspace, limit: number) => contactImports(open.db, limit)

