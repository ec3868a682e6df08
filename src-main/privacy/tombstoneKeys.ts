import { emailKey, phoneKey } from '../../src-shared/domain/contactKeys'
import { ZONE_COUNTRY_CODES } from '../../src-shared/domain/phone'
import type { Sqlite } from '../db/sqlite'
import { tombstoneLookup } from './privacyRepository'

/**
 * The keys a tombstone is made of (then hashed with the workspace's secret: privacyRepository.ts).
 * A row key stops the same source row (the file imported before, by its dedup key); person keys stop
 * a row of any file that names the erased person (an old export, whose rows get keys of their own):
 * their e-mail (lower case), phone (the full number, as duplicates are found: contactKeys.ts's
 * phoneKey in the workspace's zone) and reference.
 */
export const rowTombstoneKey = (dedupKey: string) => `row:${dedupKey}`

export interface PersonFacts {
  email?: string | null
  phone?: string | null
  ref?: string | null
}

/**
 * The person keys an erasure writes. The phone's is `tel:` + its full number: a prefix of its own,
 * not the `phone:` of the tombstones written before (their last nine digits), so a new key and an
 * old one can never be the same text.
 */
export function personTombstoneKeys(p: PersonFacts, timezone: string): string[] {
  const keys: string[] = []
  const email = emailKey(p.email ?? null)
  if (email) keys.push(`email:${email}`)
  const phone = phoneKey(p.phone ?? null, timezone)
  if (phone) keys.push(`tel:${phone}`)
  const ref = p.ref?.trim()
  if (ref) keys.push(`ref:${ref}`)
  return keys
}

/**
 * The phone key erasures wrote before phones were keyed by their full number: the last nine digits
 * (leading zeros dropped; none for fewer than eight). Frozen: never used to compare people, only to
 * recognise those old tombstones.
 */
export function legacyPhoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null
  const d = phone.replace(/\D/g, '').replace(/^0+/, '')
  return d.length >= 8 ? d.slice(-9) : null
}

/**
 * The keys a row is looked up under: the row key, the person keys an erasure writes now, and the
 * legacy phone key `phone:<last nine digits>`. Tombstones hold keyed hashes, so those written by
 * the older code cannot be re-keyed to the full number; without the legacy key, a person erased
 * then would come back with the next import of their phone. The price: a row whose number shares
 * its last nine digits with someone erased by the older code (+66 912 345 678 after +84 912 345 678
 * was erased) is skipped too — better than bringing an erased person back. New tombstones carry
 * only the full number, so they stop only that number.
 */
export function tombstoneLookupKeys(p: PersonFacts & { dedupKey?: string | null }, timezone: string): string[] {
  const keys = personTombstoneKeys(p, timezone)
  if (p.dedupKey) keys.unshift(rowTombstoneKey(p.dedupKey))
  // The phone's key as personTombstoneKeys made it (not worked out again: this runs per imported row).
  keys.push(...otherZonePhoneKeys(keys.find((k) => k.startsWith('tel:'))?.slice('tel:'.length) ?? null))
  const legacy = legacyPhoneKey(p.phone)
  if (legacy) keys.push(`phone:${legacy}`)
  return keys
}

/**
 * The keys the same number may have had when a tombstone was written in a zone of another kind: the
 * key follows the workspace's zone, and a tombstone's hash cannot be re-keyed when the zone changes.
 * - A number of a zone's country (84…, 66…) is also looked up national (`tel:0…`): the key an erasure
 *   wrote in a zone without a country, where a national number's country was unknown.
 * - A national number in a zone without a country (`0…`: its country unknown) is also looked up as
 *   each zone country's number: an erasure made while the zone was Vietnam's or Thailand's.
 * Widened only where one side's country was unknown, so a number keyed with its country (+66 912 345
 * 678) never meets another country's (+84 912 345 678) tombstone.
 */
function otherZonePhoneKeys(key: string | null): string[] {
  if (!key) return []
  if (key.startsWith('0')) return ZONE_COUNTRY_CODES.map((cc) => `tel:${cc}${key.slice(1)}`)
  const cc = ZONE_COUNTRY_CODES.find((c) => key.startsWith(c))
  return cc ? [`tel:0${key.slice(cc.length)}`] : []
}

/**
 * Whether a row names someone erased from this workspace (its own row or its person has a
 * tombstone), for the import (per row) and the survey server (per answer). Null when no one was
 * erased: then the caller looks nothing up.
 */
export function erasedCheck(sqlite: Sqlite, timezone: string): ((p: PersonFacts & { dedupKey?: string | null }) => boolean) | null {
  const has = tombstoneLookup(sqlite)
  return has ? (p) => has(tombstoneLookupKeys(p, timezone)) : null
}
