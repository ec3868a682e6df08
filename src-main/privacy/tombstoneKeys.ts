import { emailKey, phoneKey } from '../../src-shared/domain/contactKeys'

/**
 * The keys a tombstone is made of (then hashed with the workspace's secret: privacyRepository.ts).
 * A row key stops the same source row (the file imported before, by its dedup key); person keys stop
 * a row of any file that names the erased person (an old export, whose rows get keys of their own):
 * their e-mail (lower case), phone (its last nine digits, as duplicates are found) and reference.
 */
export const rowTombstoneKey = (dedupKey: string) => `row:${dedupKey}`

export function personTombstoneKeys(p: { email?: string | null; phone?: string | null; ref?: string | null }): string[] {
  const keys: string[] = []
  const email = emailKey(p.email ?? null)
  if (email) keys.push(`email:${email}`)
  const phone = phoneKey(p.phone ?? null)
  if (phone) keys.push(`phone:${phone}`)
  const ref = p.ref?.trim()
  if (ref) keys.push(`ref:${ref}`)
  return keys
}

