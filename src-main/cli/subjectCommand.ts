import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ApiClient, Res } from '../../src-shared/api/contract'
import { isLocale, type Locale } from '../../src-shared/domain/locales'
import type { FileRegistry } from '../common/fileRegistry'
import { stringFlag, UsageError, type ParsedArgs } from './args'

export const SUBJECT_USAGE = `  cxdesk subject-export <workspace.cxdesk> --customer <e-mail | phone | id | name> --out <folder> [--lang en|vi|th] [--json]
         Everything held about one person (details, responses, follow-ups, notes about or naming them,
         merges, changes to their details, answers given in the shop) as a readable PDF in --lang
         (default en) and a machine-readable JSON file, written into --out. A name that several people
         share is refused with the list of them: give their e-mail, phone or id instead. Needs
         Chromium, Chrome or Edge (or CXDESK_BROWSER) for the PDF.`

export interface SubjectFlags {
  customer: string
  out: string
  language: Locale
}

/** The command's flags, checked before anything is opened (a wrong one is a usage error, exit code 2). */
export function subjectFlags(args: ParsedArgs): SubjectFlags {
  const customer = stringFlag(args, 'customer')?.trim()
  if (!customer) throw new UsageError('subject-export needs --customer <e-mail | phone | id | name>', 'subject-export')
  const out = stringFlag(args, 'out')
  if (!out) throw new UsageError('subject-export needs --out <folder>', 'subject-export')
  const path = resolve(out)
  if (existsSync(path) && !statSync(path).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder (it is made when missing)`, 'subject-export')
  const lang = stringFlag(args, 'lang') ?? 'en'
  if (!isLocale(lang)) throw new UsageError('--lang must be en, vi or th', 'subject-export')
  return { customer, out: path, language: lang }
}

/**
 * Finds the one person the request is about and exports their data. Nobody found: an error (exit 1).
 * Several (a shared name, or duplicates sharing an e-mail or phone): a usage error listing them, so
 * the user names one by id — never the first one silently.
 */
export async function subjectExport(api: ApiClient, files: FileRegistry, flags: SubjectFlags): Promise<NonNullable<Res<'customers.subjectExport'>>> {
  const { matches } = await api.call('customers.subjectFind', { query: flags.customer })
  if (!matches.length) throw new NotFound(`nobody in this workspace matches "${flags.customer}" (by id, reference, e-mail, phone or name)`)
  if (matches.length > 1)
    throw new UsageError(
      `${matches.length} customers match "${flags.customer}"; give --customer <id> for the one who asked:\n${matches
        .map((m) => `  ${m.id}  ${m.name ?? '—'}  ${m.email ?? ''}  ${m.phone ?? ''}  ${m.location ?? ''}  (${m.responses} responses)`.replace(/\s+\(/, ' ('))
        .join('\n')}`,
      'subject-export',
    )
  const fileId = files.registerDestination(flags.out, 'exportFolder')
  const result = await api.call('customers.subjectExport', { customerId: matches[0].id, language: flags.language, fileId })
  if (!result) throw new Error('The export was not written.')
  return result
}

export class NotFound extends Error {}

export function formatSubjectResult(r: NonNullable<Res<'customers.subjectExport'>>): string[] {
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
  return [`Wrote ${r.pdf.path} (${r.pdf.pages ?? '?'} pages, ${Math.round(r.pdf.bytes / 1024)} KB)`, `Wrote ${r.json.path} (${Math.round(r.json.bytes / 1024)} KB)`, `Holds: ${counts || 'their details only'}`]
}
