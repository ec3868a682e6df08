import { createHash } from 'node:crypto'
import type { ColumnMapping, ColumnRole, ImportFormat, ImportKind, ImportMapping, ScoreSpec } from '../../../src-shared/api/imports'
import { generatorColumns } from '../formats/generatorFormat'
import { parseDate } from '../../../src-shared/domain/dateText'
import { foldDiacritics } from '../../text/fold'
import { scoreFromText } from '../formats/scoreText'

export interface Proposal {
  mapping: ImportMapping
  format: ImportFormat | null
  /** Stable for the same export layout: remembered mappings are found by it. */
  sourceKey: string
}

const norm = (h: string) => foldDiacritics(h.trim().toLowerCase()).replace(/\s+/g, ' ')

/** Header words in English, Vietnamese (folded) and Thai, per role. Order matters: the first match wins. */
const HEADER_RULES: Array<[ColumnRole, RegExp]> = [
  ['responseId', /^(#|id|response ?id|respondent ?id|responseid|survey response id|ma phan hoi|รหัสคำตอบ)$/],
  // customer_id / customer_ref: the headers of CX Desk's own customer and survey-list exports.
  ['customerId', /customer[ _-]?(id|ref|code)|client[ _-]?id|ma khach|ma kh\b|รหัสลูกค้า/],
  ['email', /e-?mail|thu dien tu|อีเมล/],
  ['phone', /phone|mobile|\btel\b|sdt|dien thoai|โทรศัพท์|เบอร์/],
  ['customerName', /^(name|full name|customer|customer name|client|client name|khach hang|ho ten|ho va ten|ten khach hang|ten|ชื่อ|ลูกค้า|ชื่อลูกค้า|ชื่อ-นามสกุล)$/],
  ['resolvedAt', /resolved|closed at|ngay xu ly|วันที่แก้ไข/],
  ['consentMarketing', /(consent|opt.?in|permission|dong y|ยินยอม).*(marketing|promo|newsletter|tiep thi|quang cao|การตลาด)|(marketing|newsletter|tiep thi|การตลาด).*(consent|opt.?in|dong y|ยินยอม)/],
  ['consentDate', /(consent|opt.?in|dong y|ยินยอม).*(date|ngay|วันที่)|(date|ngay|วันที่).*(consent|opt.?in|dong y|ยินยอม)/],
  ['consentFeedback', /consent|opt.?in|permission|dong y|ยินยอม/],
  ['customerSince', /customer since|since|joined|sign ?up|ngay tham gia|khach hang tu|เป็นลูกค้าตั้งแต่|วันที่สมัคร/],
  ['churnedAt', /churn|cancell?ed|left at|ngay roi|ngung|เลิกใช้/],
  ['date', /timestamp|date|time|submitted|created|recorded|ngay|thoi gian|dau thoi gian|วันที่|เวลา|ประทับเวลา/],
  ['metric', /^metric$|^survey type$|loai khao sat/],
  ['channel', /channel|source|kenh|ช่องทาง/],
  ['touchpoint', /touch ?point|diem cham|จุดสัมผัส/],
  ['stage', /stage|journey|giai doan|ขั้นตอน/],
  ['location', /location|store|branch|city|shop|cua hang|chi nhanh|dia diem|co so|สาขา|ร้าน|สถานที่/],
  ['language', /^(language|lang|userlanguage|ngon ngu|ภาษา)$/],
  ['segment', /segment|tier|phan khuc|nhom khach|กลุ่มลูกค้า/],
  ['status', /^(status|trang thai|สถานะ)$/],
  ['owner', /owner|assignee|assigned|nguoi phu trach|ผู้รับผิดชอบ/],
  ['comment', /comment|feedback|why|reason|suggest|improve|note|message|gop y|nhan xet|y kien|binh luan|ly do|loi nhan|ความคิดเห็น|ข้อเสนอแนะ|เหตุผล|คำแนะนำ/],
]

const NPS_WORDS = /recommend|\bnps\b|likely|gioi thieu|แนะนำ/
const CSAT_WORDS = /satisf|csat|hai long|พึงพอใจ/
const CES_WORDS = /effort|easy|\bces\b|de dang|cong suc|ง่าย|ความพยายาม/
const EFFORT_WORDS = /effort|cong suc|ความพยายาม/
const SCORE_WORDS = /score|rating|rate|diem|danh gia|คะแนน|ให้คะแนน/

const standard: Record<'nps' | 'csat' | 'cesAgree' | 'cesEffort', ScoreSpec> = {
  nps: { metric: 'nps', min: 0, max: 10, direction: 'higher_better' },
  csat: { metric: 'csat', min: 1, max: 5, direction: 'higher_better' },
  cesAgree: { metric: 'ces', min: 1, max: 7, direction: 'higher_better' },
  cesEffort: { metric: 'ces', min: 1, max: 5, direction: 'lower_better' },
}

interface ColumnStats {
  filled: number
  integers: number
  /** Integers from 0 to 10, and from 1 to 5: a stray out-of-range answer should not hide the scale. */
  upTo10: number
  oneTo5: number
  min: number
  max: number
  dates: number
  emails: number
  avgLength: number
}

function statsOf(values: string[]): ColumnStats {
  let filled = 0
  let integers = 0
  let upTo10 = 0
  let oneTo5 = 0
  let min = Infinity
  let max = -Infinity
  let dates = 0
  let emails = 0
  let length = 0
  for (const raw of values) {
    const v = raw.trim()
    if (!v) continue
    filled++
    length += v.length
    const n = scoreFromText(v) ?? NaN
    if (Number.isInteger(n) && !/^\d{5,}$/.test(v)) {
      integers++
      if (n >= 0 && n <= 10) upTo10++
      if (n >= 1 && n <= 5) oneTo5++
      min = Math.min(min, n)
      max = Math.max(max, n)
    }
    if (parseDate(v, 'dmy', 'UTC') || parseDate(v, 'mdy', 'UTC')) dates++
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) emails++
  }
  return { filled, integers, upTo10, oneTo5, min, max, dates, emails, avgLength: filled ? length / filled : 0 }
}

/** A score column's metric and scale from its header and the values in it. */
function scoreSpecFor(header: string, s: ColumnStats): ScoreSpec | null {
  const h = norm(header)
  // A few stray answers ("n/a", a typo) do not stop a column from being a score column.
  const numeric = s.filled > 0 && s.integers / s.filled >= 0.8
  if (!numeric) return null
  const mostly = (n: number) => n / s.integers >= 0.9
  // A header that names the metric is strong evidence: stray values out of range become bad rows to fix.
  const enough = (n: number) => n / s.integers >= 0.5
  if (NPS_WORDS.test(h) && enough(s.upTo10)) return standard.nps
  if (CES_WORDS.test(h) && s.max <= 7 && s.min >= 1) return EFFORT_WORDS.test(h) || s.max <= 5 ? (EFFORT_WORDS.test(h) ? standard.cesEffort : { ...standard.cesAgree, max: 5 }) : standard.cesAgree
  if (CSAT_WORDS.test(h) && s.min >= 1) return s.max <= 5 ? standard.csat : { metric: 'csat', min: 1, max: s.max <= 7 ? 7 : 10, direction: 'higher_better' }
  if (SCORE_WORDS.test(h)) return s.oneTo5 === s.integers ? standard.csat : mostly(s.upTo10) ? standard.nps : null
  return null
}

/** Guesses each column's role from its header and its values; the user confirms or changes it. */
function guessColumns(headers: string[], sample: string[][], kind: ImportKind): ColumnMapping[] {
  const used = new Set<ColumnRole>()
  const columns: ColumnMapping[] = []
  headers.forEach((header, index) => {
    const h = norm(header)
    const s = statsOf(sample.map((r) => r[index] ?? ''))
    let role: ColumnRole = 'ignore'
    let score: ScoreSpec | undefined
    const spec = kind === 'responses' ? scoreSpecFor(header, s) : null
    if (spec) {
      role = 'score'
      score = spec
    } else {
      for (const [r, re] of HEADER_RULES) {
        if (!re.test(h)) continue
        if (r === 'date' && s.filled && s.dates / s.filled < 0.8) continue
        if (kind === 'customers' && ['responseId', 'date', 'comment', 'metric', 'status', 'owner', 'resolvedAt'].includes(r)) continue
        if (kind === 'responses' && ['customerSince', 'churnedAt', 'consentFeedback', 'consentMarketing', 'consentDate'].includes(r)) continue
        // One date, one comment per file; later columns of the same kind stay unmapped for the user to decide.
        if (used.has(r) && r !== 'score') continue
        role = r
        break
      }
      if (role === 'ignore' && s.filled && s.emails / s.filled > 0.8 && !used.has('email')) role = 'email'
      if (role === 'ignore' && kind === 'responses' && s.filled && s.dates / s.filled > 0.95 && !used.has('date')) role = 'date'
      if (role === 'ignore' && kind === 'responses' && s.avgLength > 25 && s.integers / Math.max(1, s.filled) < 0.2 && !used.has('comment')) role = 'comment'
    }
    used.add(role)
    columns.push(score ? { index, role, score } : { index, role })
  })
  return columns
}

const blankMapping = (kind: ImportKind, columns: ColumnMapping[], extra: Partial<ImportMapping> = {}): ImportMapping => ({
  kind,
  format: null,
  headerRows: 1,
  columns,
  dateOrder: null,
  timezone: null,
  defaults: {},
  ...extra,
})

const hashOf = (parts: string[]) => createHash('sha1').update(parts.map(norm).join('\u0001')).digest('base64url').slice(0, 16)

/**
 * Recognises the exports of known tools from their header rows, and otherwise guesses; either way
 * the result is only a proposal, shown to the user with a preview before anything is imported.
 * `rows` are the first records of the file (header rows included).
 */
export function proposeMapping(rows: string[][], kind: ImportKind): Proposal {
  const header = rows[0] ?? []
  const names = header.map(norm)
  const has = (n: string) => names.includes(norm(n))
  const at = (n: string) => names.indexOf(norm(n))
  const key = (format: string) => `${format}:${hashOf(header)}`

  if (kind === 'responses' && generatorColumns.every((c) => has(c))) {
    const roleOf: Record<string, ColumnRole> = {
      response_id: 'responseId', customer_id: 'customerId', customer_email: 'email', submitted_at: 'date', channel: 'channel', touchpoint: 'touchpoint',
      stage: 'stage', metric: 'metric', score: 'score', comment: 'comment', language: 'language', status: 'status', resolved_at: 'resolvedAt', location: 'location',
      // Columns CX Desk's own export adds after the generator's (export/exportColumns.ts), so an export imports back whole.
      owner: 'owner', customer_name: 'customerName', customer_phone: 'phone', segment: 'segment',
    }
    const columns = names.map((n, index): ColumnMapping => ({ index, role: roleOf[n] ?? 'ignore' }))
    return { mapping: blankMapping(kind, columns, { format: 'cxdesk-generator' }), format: 'cxdesk-generator', sourceKey: 'cxdesk-generator' }
  }

  if (kind === 'responses' && has('ResponseId') && (has('RecordedDate') || has('EndDate'))) {
    // Qualtrics: row 1 internal ids, row 2 question text, row 3 {"ImportId":…} (legacy exports have two rows).
    const third = rows[2] ?? []
    const headerRows = third.some((c) => c.startsWith('{"ImportId"')) ? 3 : 2
    const questionText = rows[1] ?? []
    const dateCol = has('RecordedDate') ? at('RecordedDate') : at('EndDate')
    const zone = /"timeZone":"([^"]+)"/.exec(third[dateCol] ?? '')?.[1] ?? null
    const sample = rows.slice(headerRows)
    const columns = guessColumns(
      header.map((h, i) => `${h} ${questionText[i] ?? ''}`),
      sample,
      kind,
    ).map((c): ColumnMapping => {
      const n = names[c.index]
      if (n === 'responseid') return { index: c.index, role: 'responseId' }
      if (c.index === dateCol) return { index: c.index, role: 'date' }
      if (n === 'recipientemail') return { index: c.index, role: 'email' }
      if (n === 'userlanguage') return { index: c.index, role: 'language' }
      if (n === 'distributionchannel') return { index: c.index, role: 'channel' }
      if (n.endsWith('_nps_group')) return { index: c.index, role: 'ignore' }
      if (names.includes(`${n}_nps_group`)) return { index: c.index, role: 'score', score: standard.nps }
      if (['startdate', 'enddate', 'recordeddate', 'ipaddress', 'status', 'progress', 'duration (in seconds)', 'finished', 'locationlatitude', 'locationlongitude', 'externalreference', 'recipientfirstname', 'recipientlastname'].includes(n))
        return { index: c.index, role: 'ignore' }
      return c
    })
    return { mapping: blankMapping(kind, columns, { format: 'qualtrics', headerRows, timezone: zone }), format: 'qualtrics', sourceKey: key('qualtrics') }
  }

  if (kind === 'responses' && has('Respondent ID') && has('Collector ID')) {
    // SurveyMonkey: row 1 question text, row 2 the answer labels ("Response", "Open-Ended Response").
    const second = rows[1] ?? []
    const sample = rows.slice(2)
    const columns = guessColumns(header, sample, kind).map((c): ColumnMapping => {
      const n = names[c.index]
      if (n === 'respondent id') return { index: c.index, role: 'responseId' }
      if (n === 'end date') return { index: c.index, role: 'date' }
      if (n === 'email address') return { index: c.index, role: 'email' }
      if (['collector id', 'start date', 'ip address', 'first name', 'last name', 'custom data 1'].includes(n)) return { index: c.index, role: 'ignore' }
      if (c.role === 'ignore' && norm(second[c.index] ?? '') === 'open-ended response') return { index: c.index, role: 'comment' }
      return c
    })
    // "End Date" is written month first (03/01/2025 10:22:33 AM) in SurveyMonkey's CSV.
    return { mapping: blankMapping(kind, columns, { format: 'surveymonkey', headerRows: 2, dateOrder: 'mdy' }), format: 'surveymonkey', sourceKey: key('surveymonkey') }
  }

  if (kind === 'responses' && names[0] === '#' && (has('Submit Date (UTC)') || has('Submitted At'))) {
    const dateCol = has('Submit Date (UTC)') ? at('Submit Date (UTC)') : at('Submitted At')
    const columns = guessColumns(header, rows.slice(1), kind).map((c): ColumnMapping => {
      const n = names[c.index]
      if (c.index === 0) return { index: 0, role: 'responseId' }
      if (c.index === dateCol) return { index: c.index, role: 'date' }
      if (['start date (utc)', 'stage date (utc)', 'network id', 'response type', 'tags', 'ending'].includes(n)) return { index: c.index, role: 'ignore' }
      return c
    })
    return { mapping: blankMapping(kind, columns, { format: 'typeform', timezone: 'UTC' }), format: 'typeform', sourceKey: key('typeform') }
  }

  if (kind === 'responses' && has('Score') && has('Comment') && (has('Response ID') || has('Survey Response ID'))) {
    const columns = guessColumns(header, rows.slice(1), kind).map((c): ColumnMapping => {
      const n = names[c.index]
      if (n === 'response id' || n === 'survey response id') return { index: c.index, role: 'responseId' }
      if (n === 'score') return { index: c.index, role: 'score', score: standard.nps }
      if (n === 'comment') return { index: c.index, role: 'comment' }
      if (n === 'email') return { index: c.index, role: 'email' }
      if (n === 'name') return { index: c.index, role: 'customerName' }
      if (['permalink', 'notes', 'tags', 'updated at', 'updated at (utc)'].includes(n)) return { index: c.index, role: 'ignore' }
      return c
    })
    return { mapping: blankMapping(kind, columns, { format: 'delighted' }), format: 'delighted', sourceKey: key('delighted') }
  }

  const googleTimestamp = ['timestamp', 'dau thoi gian', 'ประทับเวลา']
  if (kind === 'responses' && googleTimestamp.includes(names[0] ?? '')) {
    const columns = guessColumns(header, rows.slice(1), kind).map((c): ColumnMapping => (c.index === 0 ? { index: 0, role: 'date' } : c))
    return { mapping: blankMapping(kind, columns, { format: 'google-forms' }), format: 'google-forms', sourceKey: key('google-forms') }
  }

  return { mapping: blankMapping(kind, guessColumns(header, rows.slice(1), kind)), format: null, sourceKey: `${kind}:${hashOf(header)}` }
}
