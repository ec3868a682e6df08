import { csvCell } from '../common/csvWriter'
import { SENTIMENT_CUTOFF } from '../../src-shared/domain/sentiment'
import { cachedZonedIsoConverter } from '../../src-shared/domain/timezone'
import { CONTEXT_SEPARATOR, csvResponseColumn as C, type ExportCustomerValues, type ExportLookups, type ExportQuestion, type ExportResponseRow, type ExportWorkflowValues } from './exportRangeRepository'

/** A customer's cells, formatted once: its reference and e-mail (2nd and 3rd columns), and its name, phone and segment (16th to 18th). */
interface CustomerCells {
  /** `ref,email`, or `ref,` when the customer has no e-mail (the response's own follows). */
  head: string
  hasEmail: boolean
  /** `name,phone,segment`. */
  tail: string
  /** Its id as text (the last column): a number's text made once per customer, not per row. */
  id: string
}

const NO_CUSTOMER: CustomerCells = { head: ',', hasEmail: false, tail: ',,', id: '' }

function customerCells(v: ExportCustomerValues): CustomerCells {
  const [, ref, name, email, phone, segment] = v
  const tail = name === null && phone === null && segment === null ? NO_CUSTOMER.tail : `${csvCell(name)},${csvCell(phone)},${csvCell(segment)}`
  return { head: `${csvCell(ref)},${csvCell(email)}`, hasEmail: email !== null, tail, id: String(v[0]) }
}

/** A combination of channel, touchpoint, stage, location, language and status as cells: 5th to 7th, 14th, and 11th to 12th columns. */
interface ContextCells {
  channelTouchpointStage: string
  location: string
  languageStatus: string
}

function contextCells(v: ReadonlyArray<string | null>): ContextCells {
  return { channelTouchpointStage: `${csvCell(v[0])},${csvCell(v[1])},${csvCell(v[2])}`, location: csvCell(v[3]), languageStatus: `${csvCell(v[4])},${csvCell(v[5])}` }
}

/** Combinations kept per export connection (a few hundred in practice); past this many, the rest are quoted per row. */
const CONTEXTS_KEPT = 20_000

/** The text of 0 to 100. */
const SMALL_INTEGERS = Array.from({ length: 101 }, (_, i) => String(i))

/** Sentiment rounded to thousandths as text, for every value in [-1, 1]: String(k / 1000), the general path's text. */
const SENTIMENT_TEXT = Array.from({ length: 2001 }, (_, i) => String((i - 1000) / 1000))

/**
 * The CSV fast path for responses: a raw row (csvResponseColumns) straight to its CSV line, the
 * same bytes as `csvLine(rowFormatters(tz).response(row))` (the general path, kept for XLSX; a test
 * compares the two on a varied fixture) without building a cell array per row:
 * - times through cachedZonedIsoConverter (the day and zone formatted once per day);
 * - the question's four columns from `questions` (read once), already as CSV;
 * - the customer's five columns from `customers`, read and formatted once per customer (all of them
 *   up front with `preloadCustomers`, for an export with at least as many rows as customers; else
 *   each the first time a row names it) instead of joined and quoted per row;
 * - channel, touchpoint, stage, location, language and status come as one text (`context`) and
 *   are quoted once per combination (a text whose values hold the separator themselves is
 *   ambiguous: that row's six values are read on their own);
 * - owner, status_changed_at, status_changed_by and resolved_at come as one JSON text, NULL when all
 *   four are (most rows: their four cells are then empty, nothing parsed);
 * - cells that are always numbers or ISO times skip the quoting test;
 * - tags only when the row has some ('\u001f' → '; '), notes only when it has any.
 */
export function responseCsvLine(timezone: string, questions: Map<number, ExportQuestion>, lookups: ExportLookups, preloadCustomers: boolean): (row: ExportResponseRow) => string {
  const iso = cachedZonedIsoConverter(timezone)
  const time = (ms: unknown) => (ms === null ? '' : iso(ms as number))
  const num = (v: unknown) => (v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : csvCell(v as string))
  // A question's cells: its metric (8th column), and its text and scale (24th to 26th).
  const noQuestion: [string, string] = ['', ',,']
  const questionCells = new Map<number, [string, string]>()
  const questionOf = (id: unknown): [string, string] => {
    if (id === null) return noQuestion
    let cells = questionCells.get(id as number)
    if (cells === undefined) {
      const q = questions.get(id as number)
      cells = q ? [csvCell(q.metric), `${csvCell(q.label)},${num(q.scale_min)},${num(q.scale_max)}`] : noQuestion
      questionCells.set(id as number, cells)
    }
    return cells
  }
  // By id in an array (ids are small positive integers: an array index is cheaper than a Map's hash,
  // measured ≈ 3 % of a reader thread in Map lookups); any other id in a Map.
  const byIndex: Array<CustomerCells | undefined> = []
  const byKey = new Map<number, CustomerCells>()
  const INDEXED = 2 ** 30
  const remember = (id: number, cells: CustomerCells) => (id > 0 && id < INDEXED ? (byIndex[id] = cells) : byKey.set(id, cells))
  if (preloadCustomers) lookups.eachCustomer((v) => remember(v[0], customerCells(v)))
  const customerOf = (value: unknown): CustomerCells => {
    if (value === null) return NO_CUSTOMER
    const id = value as number
    let cells = id > 0 && id < INDEXED ? byIndex[id] : byKey.get(id)
    if (cells === undefined) {
      const v = lookups.customer(id)
      cells = v ? customerCells(v) : { ...NO_CUSTOMER, id: String(id) }
      remember(id, cells)
    }
    return cells
  }
  const contexts = new Map<string, ContextCells>()
  const contextOf = (text: string, id: number): ContextCells => {
    let cells = contexts.get(text)
    if (cells === undefined) {
      const values = text.split(CONTEXT_SEPARATOR)
      // Six values and five separators, or one of the values holds the separator itself.
      if (values.length !== 6) return contextCells(lookups.context(id))
      cells = contextCells(values)
      if (contexts.size < CONTEXTS_KEPT) contexts.set(text, cells)
    }
    return cells
  }
  const notesText = (json: string): string => {
    const notes = JSON.parse(json) as Array<[number, string | null, string]>
    return notes.map(([at, author, body]) => `[${iso(at)}${author ? ` ${author}` : ''}] ${body}`).join('\n')
  }
  const sentimentText = (s: number): string => {
    const k = Math.round(s * 1000)
    return k >= -1000 && k <= 1000 ? SENTIMENT_TEXT[k + 1000] : num(k / 1000)
  }
  const BAND = ['poor', 'neutral', 'good']
  // Scores are small integers (0–10 at most on the app's scales): their text from a table.
  const scoreText = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 100 && Number.isInteger(v) ? SMALL_INTEGERS[v] : num(v))
  return (r) => {
    const [metric, question] = questionOf(r[C.question_id])
    const customer = customerOf(r[C.customer_id])
    const sentiment = r[C.sentiment] as number | null
    const band = r[C.band] as number | null
    // Absent (undefined) when the workspace has no tags or notes: the statement then stops before them.
    const tags = (r[C.tags] ?? null) as string | null
    const notes = (r[C.notes] ?? null) as string | null
    const context = contextOf(r[C.context] as string, r[C.id] as number)
    const respondent = csvCell(r[C.respondent_email])
    const head = customer.hasEmail ? customer.head : customer.head + respondent
    const workflow = r[C.workflow] as string | null
    let resolvedAt = ''
    let owner = ''
    let changedAt = ''
    let changedBy = ''
    if (workflow !== null) {
      const w = JSON.parse(workflow) as ExportWorkflowValues
      owner = csvCell(w[0])
      changedAt = time(w[1])
      changedBy = csvCell(w[2])
      resolvedAt = time(w[3])
    }
    // `+`, not a template: a template calls ToString on every value whose type the compiler cannot
    // prove (≈ 5 % of the export's samples); `+` on strings is a plain concatenation, same text.
    return (
      csvCell(r[C.external_ref]) + ',' +
      head + ',' +
      time(r[C.submitted_at]) + ',' +
      context.channelTouchpointStage + ',' +
      metric + ',' +
      scoreText(r[C.score]) + ',' +
      csvCell(r[C.comment]) + ',' +
      context.languageStatus + ',' +
      resolvedAt + ',' +
      context.location + ',' +
      owner + ',' +
      customer.tail + ',' +
      (tags === null ? '' : csvCell(tags.includes('\u001f') ? tags.replaceAll('\u001f', '; ') : tags)) + ',' +
      (notes === null || notes === '' ? '' : csvCell(notesText(notes))) + ',' +
      (sentiment === null ? '' : sentimentText(sentiment)) + ',' +
      (sentiment === null ? '' : sentiment >= SENTIMENT_CUTOFF ? 'positive' : sentiment <= -SENTIMENT_CUTOFF ? 'negative' : 'neutral') + ',' +
      (band === null ? '' : (BAND[band + 1] ?? '')) + ',' +
      question + ',' +
      csvCell(r[C.local_date]) + ',' +
      changedAt + ',' +
      changedBy + ',' +
      respondent + ',' +
      num(r[C.id]) + ',' +
      customer.id + '\r\n'
    )
  }
}
