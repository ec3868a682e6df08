import type { CsvValue } from '../common/csvWriter'
import { phoneDigits } from '../../src-shared/domain/contactKeys'
import { sentimentLabel } from '../../src-shared/domain/sentiment'
import { zonedIsoConverter } from '../../src-shared/domain/timezone'
import { responseColumn as R, type ExportCustomerRow, type ExportNoteRow, type ExportResponseRow } from './exportRowsRepository'

/**
 * How a row of each exported table becomes cells (headers: import/formats/ownExportFormat.ts). Times
 * are ISO 8601 in the workspace's zone with its offset at that instant (2026-03-01T14:05:09+07:00): a
 * spreadsheet shows the local time people saw, and an import reads the same instant back.
 */
export { customerHeader, noteHeader, responseHeader } from '../import/formats/ownExportFormat'

const BANDS: Record<number, string> = { 1: 'good', 0: 'neutral', [-1]: 'poor' }

/** Row → cells converters for one export, all writing times in the workspace's zone. */
export function rowFormatters(timezone: string) {
  const iso = zonedIsoConverter(timezone)
  const time = (ms: number | null) => (ms === null ? null : iso(ms))
  const notesText = (json: string | null): string | null => {
    if (!json) return null
    const notes = JSON.parse(json) as Array<[number, string | null, string]>
    return notes.map(([at, author, body]) => `[${iso(at)}${author ? ` ${author}` : ''}] ${body}`).join('\n')
  }
  return {
    response(row: ExportResponseRow): CsvValue[] {
      const v = (c: keyof typeof R) => row[R[c]]
      const text = (c: keyof typeof R) => row[R[c]] as string | null
      const ms = (c: keyof typeof R) => time(row[R[c]] as number | null)
      const sentiment = v('sentiment') as number | null
      const band = v('band') as number | null
      const tags = text('tags')
      return [
        v('external_ref'),
        v('customer_ref'),
        text('customer_email') ?? text('respondent_email'),
        ms('submitted_at'),
        v('channel'),
        v('touchpoint'),
        v('stage'),
        v('metric'),
        v('score'),
        v('comment'),
        v('language'),
        v('status'),
        ms('resolved_at'),
        v('location'),
        v('owner'),
        v('customer_name'),
        v('customer_phone'),
        v('segment'),
        tags === null ? null : tags.includes('\u001f') ? tags.split('\u001f').join('; ') : tags,
        notesText(text('notes')),
        sentiment === null ? null : Math.round(sentiment * 1000) / 1000,
        sentimentLabel(sentiment),
        band === null ? null : BANDS[band],
        v('question'),
        v('scale_min'),
        v('scale_max'),
        v('local_date'),
        ms('status_changed_at'),
        v('status_changed_by'),
        v('respondent_email'),
        v('id'),
        v('customer_id'),
      ]
    },
    customer(c: ExportCustomerRow): CsvValue[] {
      // Phones as digits (no '+' a spreadsheet takes for a formula); an import reads them back.
      return [c.external_ref, c.name, c.email, phoneDigits(c.phone), c.segment, c.location, c.customer_since, c.churned_at, Number(c.responses), iso(c.created_at), iso(c.updated_at), c.id]
    },
    note(n: ExportNoteRow): CsvValue[] {
      return [n.response_ref, n.response_id, n.author, iso(n.created_at), n.body, n.id]
    },
  }
}
