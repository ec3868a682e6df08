import type { SubjectData } from '../../src-shared/api/subject'
import type { OpenWorkspace } from '../db/openWorkspace'
import { zonedIsoConverter } from '../../src-shared/domain/timezone'
import { consentRows, contactEntries } from './contactRepository'

export type SubjectSection = SubjectData['sections'][number]
export interface SubjectRef {
  id: number
  email: string | null
  phone: string | null
}

/**
 * Further records about a person that a subject-access export includes, one reader each: the
 * contact log and the consent history (issue 16, built beside this) join here with one line each,
 * e.g. `(open, p) => contactLogSection(open.db, p.id)`, returning `{ key: 'contacts', rows: [...] }`
 * (rows of named values; times as ISO text). The PDF prints each section as a table under the
 * heading `subject.section.<key>` of the subject messages (add that key in en, vi and th), and the
 * JSON carries it under `sections`. A reader returns null when it has nothing.
 */
export const subjectSectionReaders: ReadonlyArray<(open: OpenWorkspace, person: SubjectRef) => Promise<SubjectSection | null>> = [
  async (open, p) => {
    const iso = zonedIsoConverter(open.settings.timezone)
    const rows = (await contactEntries(open.db, p.id)).map((c) => ({ at: iso(c.contactedAt), kind: c.kind, purpose: c.purpose, channel: c.channel, note: c.note, source: c.source }))
    return { key: 'contacts', rows }
  },
  async (open, p) => {
    const iso = zonedIsoConverter(open.settings.timezone)
    const rows = (await consentRows(open.db, p.id)).map((c) => ({ at: c.at === null ? null : iso(c.at), purpose: c.purpose, state: c.state, source: c.source }))
    return { key: 'consent', rows }
  },
]

export async function readSubjectSections(open: OpenWorkspace, person: SubjectRef): Promise<SubjectSection[]> {
  const out: SubjectSection[] = []
  for (const read of subjectSectionReaders) {
    const s = await read(open, person)
    if (s && s.rows.length) out.push(s)
  }
  return out
}
