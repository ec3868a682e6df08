import type { ApiClient } from '../../src-shared/api/contract'
import type { ErasurePreview, ErasureResult } from '../../src-shared/api/privacy'
import { UsageError } from './args'

export const ERASE_USAGE = `  cxdesk erase <workspace.cxdesk> --customer <e-mail | phone | customer id> [--anonymise] [--reason <text>] --yes [--json]
         Erases a person: their customer record, notes, merge history and contact details; their responses
         deleted (or with --anonymise kept for the figures without comment, e-mail or customer); tombstones
         kept so a re-import does not bring them back; the file cleaned so none of it remains. Without --yes
         it changes nothing and says what would be erased. Cannot be undone.`

const plural = (n: number, one: string, other = `${one}s`) => `${n} ${n === 1 ? one : other}`

/** What an erasure removes, in words. */
export function describePreview(p: { customers: unknown[] | number; responses: number; comments: number; notes: number; contacts: number }): string {
  const customers = typeof p.customers === 'number' ? p.customers : p.customers.length
  return `${plural(customers, 'customer')}, ${plural(p.responses, 'response')} (${plural(p.comments, 'comment')}, ${plural(p.notes, 'note')}, ${plural(p.contacts, 'kiosk contact')})`
}

export async function eraseCommand(
  api: ApiClient,
  opts: { query: string; anonymise: boolean; yes: boolean; reason?: string },
): Promise<{ kind: 'preview'; preview: ErasurePreview } | { kind: 'erased'; result: ErasureResult }> {
  const subject = { query: opts.query }
  if (!opts.yes) return { kind: 'preview', preview: await api.call('privacy.previewErasure', { subject }) }
  return { kind: 'erased', result: await api.call('privacy.erase', { subject, mode: opts.anonymise ? 'anonymise' : 'delete', reason: opts.reason }) }
}

/** Without --yes: what would be erased, as a usage error (exit 2), nothing changed. */
export function refusal(preview: ErasurePreview, anonymise: boolean): UsageError {
  if (preview.foundBy === 'none') return new UsageError('nothing in this workspace matches that e-mail, phone or customer id; nothing would be erased', 'erase')
  return new UsageError(
    `this would erase ${describePreview(preview)}, ${anonymise ? 'keeping the responses\' scores anonymised' : 'deleting the responses'}. Nothing was changed: add --yes to erase (it cannot be undone).`,
    'erase',
  )
}

export function formatErasure(r: ErasureResult): string[] {
  const lines = [`Erased ${describePreview(r)}; responses ${r.mode === 'delete' ? 'deleted' : 'anonymised'}; ${plural(r.tombstones, 'tombstone')} kept.`]
  if (!r.checkpointed) lines.push('The write-ahead log could not be emptied while another program had the workspace open: close it there to finish.')
  if (r.backups.length) {
    lines.push(`${plural(r.backups.length, 'migration backup')} beside the workspace may still hold this person's data; delete them if they are no longer needed:`)
    for (const b of r.backups) lines.push(`  ${b.name}`)
  }
  return lines
}
