import { csvCell } from '../common/csvWriter'
import { SENTIMENT_CUTOFF } from '../../src-shared/domain/sentiment'
import { cachedZonedIsoConverter } from '../../src-shared/domain/timezone'
import { CONTEXT_SEPARATOR, csvResponseColumn as C, type ExportCustomerValues, type ExportLookups, type ExportQuestion, type ExportResponseRow, type ExportWorkflowValues } from './exportRangeRepository'

/**
 * A customer's cells, formatted once, each with the separator after it (a line is fewer, longer
 * pieces: every `+` of two strings is a step V8 takes and a string it makes).
 */
interface CustomerCells {
  /** `ref,email,` (2nd and 3rd columns), or `ref,` when the customer has no e-mail (the response's own follows). */
  head: string
  hasEmail: boolean
  /** `,name,phone,segment,` (16th to 18th, after the owner). */
  tail: string
  /** `,name,phone,segment,,,`: the same for a row with no tags and no notes (19th and 20th empty). */
  tailBare: string
  /** Its id and the line's end (the last column): a number's text made once per customer, not per row. */
  idEnd: string
}

function cellsOf(head: string, hasEmail: boolean, tail: string, id: string): CustomerCells {
  return { head, hasEmail, tail: `,${tail},`, tailBare: `,${tail},,,`, idEnd: `${id}\r\n` }
}

const NO_CUSTOMER: CustomerCells = cellsOf(',', false, ',,', '')

function customerCells(v: ExportCustomerValues): CustomerCells {
  const [, ref, name, email, phone, segment] = v
  const tail = name === null && phone === null && segment === null ? ',,' : `${csvCell(name)},${csvCell(phone)},${csvCell(segment)}`
  return cellsOf(email === null ? `${csvCell(ref)},` : `${csvCell(ref)},${csvCell(email)},`, email !== null, tail, String(v[0]))
}

/** A combination of channel, touchpoint, stage, location, language and status as cells: 5th to 7th, 14th, and 11th to 12th columns. */
interface ContextCells {
  /** `channel,touchpoint,stage,`. */
  first: string
  /** `,language,status,`, then resolved_at, `,location,`, then owner: the 11th to 15th columns' pieces. */
  languageStatus: string
  location: string
  /** `,language,status,,location,,`: the 11th to 15th columns when resolved_at and owner are empty (most rows). */
  bare: string
}

function contextCells(v: ReadonlyArray<string | null>): ContextCells {
  const languageStatus = `,${csvCell(v[4])},${csvCell(v[5])},`
  const location = `,${csvCell(v[3])},`
  return { first: `${csvCell(v[0])},${csvCell(v[1])},${csvCell(v[2])},`, languageStatus, location, bare: `${languageStatus}${location}` }
}

/** Combinations kept per export connection (a few hundred in practice); past this many, the rest are quoted per row. */
const CONTEXTS_KEPT = 20_000

/** The text of 0 to 100, each with the separator after it. */
const SCORE_CELLS = Array.from({ length: 101 }, (_, i) => `${i},`)

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
  // A question's cells, each with the separator after it: its metric (8th column), and its text and scale (24th to 26th).
  const noQuestion: [string, string] = [',', ',,,']
  const questionCells = new Map<number, [string, string]>()
  const questionOf = (id: unknown): [string, string] => {
    if (id === null) return noQuestion
    let cells = questionCells.get(id as number)
    if (cells === undefined) {
      const q = questions.get(id as number)
      cells = q ? [`${csvCell(q.metric)},`, `${csvCell(q.label)},${num(q.scale_min)},${num(q.scale_max)},`] : noQuestion
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
      // None found (as the general path's LEFT JOIN finds none): empty cells, but the response's customer_id.
      cells = v ? customerCells(v) : cellsOf(',', false, ',,', String(id))
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
  // The band's cell with its separator (23rd column), and with the empty sentiment and label before it.
  const BAND = ['poor,', 'neutral,', 'good,']
  const bandCell = (band: number | null) => (band === null ? ',' : (BAND[band + 1] ?? ','))
  const BAND_BARE = [',,poor,', ',,neutral,', ',,good,']
  // Scores are small integers (0–10 at most on the app's scales): their text from a table.
  const scoreCell = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 100 && Number.isInteger(v) ? SCORE_CELLS[v] : `${num(v)},`)
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
    const workflow = r[C.workflow] as string | null
    // The 11th to 15th columns (language, status, resolved_at, location, owner), and the 28th and 29th (status_changed_at, status_changed_by).
    let middle = context.bare
    let changes = ',,,'
    if (workflow !== null) {
      const w = JSON.parse(workflow) as ExportWorkflowValues
      middle = context.languageStatus + time(w[3]) + context.location + csvCell(w[0])
      changes = ',' + time(w[1]) + ',' + csvCell(w[2]) + ','
    }
    // Few pieces, most of them made once with their separators (customers', contexts', questions'
    // cells): each `+` is a step and a string made per row. And `+`, not a template: a template calls
    // ToString on every value whose type the compiler cannot prove; `+` on strings only concatenates.
    return (
      csvCell(r[C.external_ref]) + ',' +
      (customer.hasEmail ? customer.head : customer.head + respondent + ',') +
      iso(r[C.submitted_at] as number) + ',' +
      context.first +
      metric +
      scoreCell(r[C.score]) +
      csvCell(r[C.comment]) +
      middle +
      (tags === null && (notes === null || notes === '')
        ? customer.tailBare
        : customer.tail +
          (tags === null ? '' : csvCell(tags.includes('\u001f') ? tags.replaceAll('\u001f', '; ') : tags)) + ',' +
          (notes === null || notes === '' ? '' : csvCell(notesText(notes))) + ',') +
      (sentiment === null
        ? band === null ? ',,,' : (BAND_BARE[band + 1] ?? ',,,')
        : sentimentText(sentiment) + ',' + (sentiment >= SENTIMENT_CUTOFF ? 'positive,' : sentiment <= -SENTIMENT_CUTOFF ? 'negative,' : 'neutral,') + bandCell(band)) +
      question +
      csvCell(r[C.local_date]) +
      changes +
      respondent + ',' +
      num(r[C.id]) + ',' +
      customer.idEnd
    )
  }
}
