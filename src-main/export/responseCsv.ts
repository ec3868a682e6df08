import { csvCell } from '../common/csvWriter'
import { SENTIMENT_CUTOFF } from '../../src-shared/domain/sentiment'
import { cachedZonedIsoConverter } from '../../src-shared/domain/timezone'
import { csvResponseColumn as C, type ExportQuestion, type ExportResponseRow } from './exportRangeRepository'

/**
 * The CSV fast path for responses: a raw row (csvResponseColumns) straight to its CSV line, the
 * same bytes as `csvLine(rowFormatters(tz).response(row))` (the general path, kept for XLSX; a test
 * compares the two on a varied fixture) without building a cell array per row:
 * - times through cachedZonedIsoConverter (the day and zone formatted once per day);
 * - the question's four columns from `questions` (read once), already as CSV;
 * - cells that are always numbers or ISO times skip the quoting test;
 * - tags only when the row has some ('\u001f' → '; '), notes only when it has any.
 */
export function responseCsvLine(timezone: string, questions: Map<number, ExportQuestion>): (row: ExportResponseRow) => string {
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
  const notesText = (json: string): string => {
    const notes = JSON.parse(json) as Array<[number, string | null, string]>
    return notes.map(([at, author, body]) => `[${iso(at)}${author ? ` ${author}` : ''}] ${body}`).join('\n')
  }
  const BAND = ['poor', 'neutral', 'good']
  return (r) => {
    const [metric, question] = questionOf(r[C.question_id])
    const sentiment = r[C.sentiment] as number | null
    const band = r[C.band] as number | null
    const tags = r[C.tags] as string | null
    const notes = r[C.notes] as string | null
    const email = r[C.customer_email] ?? r[C.respondent_email]
    return `${csvCell(r[C.external_ref])},${csvCell(r[C.customer_ref])},${csvCell(email)},${time(r[C.submitted_at])},${csvCell(r[C.channel])},${csvCell(r[C.touchpoint])},${csvCell(r[C.stage])},${metric},${num(r[C.score])},${csvCell(r[C.comment])},${csvCell(r[C.language])},${csvCell(r[C.status])},${time(r[C.resolved_at])},${csvCell(r[C.location])},${csvCell(r[C.owner])},${csvCell(r[C.customer_name])},${csvCell(r[C.customer_phone])},${csvCell(r[C.segment])},${tags === null ? '' : csvCell(tags.includes('\u001f') ? tags.replaceAll('\u001f', '; ') : tags)},${notes === null || notes === '' ? '' : csvCell(notesText(notes))},${sentiment === null ? '' : num(Math.round(sentiment * 1000) / 1000)},${sentiment === null ? '' : sentiment >= SENTIMENT_CUTOFF ? 'positive' : sentiment <= -SENTIMENT_CUTOFF ? 'negative' : 'neutral'},${band === null ? '' : (BAND[band + 1] ?? '')},${question},${csvCell(r[C.local_date])},${time(r[C.status_changed_at])},${csvCell(r[C.status_changed_by])},${csvCell(r[C.respondent_email])},${num(r[C.id])},${num(r[C.customer_id])}\r\n`
  }
}
