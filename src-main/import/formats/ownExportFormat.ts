import { generatorColumns } from './generatorFormat'

/**
 * The header rows of CX Desk's own exports (export/exportColumns.ts writes the rows under them).
 * The responses' first fourteen columns are those of CX Desk's feedback CSV (generatorFormat.ts), so
 * an export imports back without a mapping; the rest follow. Kept here, beside the formats the
 * import recognises, because the import recognises an export by its header (isOwnExportHeader).
 */
export const responseHeader = [
  ...generatorColumns,
  'owner',
  'customer_name',
  'customer_phone',
  'segment',
  'tags',
  'notes',
  'sentiment',
  'sentiment_label',
  'band',
  'question',
  'scale_min',
  'scale_max',
  'local_date',
  'status_changed_at',
  'status_changed_by',
  'respondent_email',
  'cxdesk_id',
  'cxdesk_customer_id',
] as const

export const customerHeader = [
  'customer_id',
  'name',
  'email',
  'phone',
  'segment',
  'location',
  'customer_since',
  'churned_at',
  'responses',
  'created_at',
  'updated_at',
  'cxdesk_id',
] as const

export const noteHeader = ['response_id', 'cxdesk_response_id', 'author', 'created_at', 'body', 'cxdesk_id'] as const

/** A survey list's CSV (customers/contactService.ts): the address for the channel first, then who and where. */
export const surveyListHeader = ['customer_ref', 'name', 'email', 'phone', 'segment', 'location'] as const

const norm = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase()
/** The export's columns first, in order (columns someone added after them are allowed). */
const startsWith = (header: readonly string[], own: readonly string[]) => header.length >= own.length && own.every((name, i) => norm(header[i]) === name)

/**
 * Whether a file's header row is that of one of CX Desk's own exports of this kind: responses, or
 * customers (the customer export; a survey list, whose six common names must then be the whole
 * header). Only such a file had its text cells guarded against formulas with a leading apostrophe
 * ('=…, '+…, '-…, '@…) by CX Desk's CSV writer, so only there does an import take that apostrophe
 * off again: in any other file, an apostrophe someone typed is their text.
 */
export function isOwnExportHeader(header: readonly string[], kind: 'responses' | 'customers'): boolean {
  if (kind === 'responses') return startsWith(header, responseHeader)
  return startsWith(header, customerHeader) || (header.length === surveyListHeader.length && startsWith(header, surveyListHeader))
}
