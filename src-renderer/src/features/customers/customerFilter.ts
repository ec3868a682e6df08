import { consentFilters, lastContactRanges, lifecycleStates, riskLevels, scoreBands, type CustomerFilter } from '../../../../src-shared/api/customers'

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined)

/** The list's filter as it lives in the address (#/customers?segment=…&risk=high), so a view can be linked and survives reloads. */
export function filterFromParams(p: URLSearchParams): CustomerFilter {
  const f: CustomerFilter = {}
  const search = p.get('q')?.slice(0, 200)
  if (search) f.search = search
  const segment = p.get('segment')
  if (segment) f.segment = segment.slice(0, 200)
  const location = p.get('location')
  if (location) f.location = location.slice(0, 200)
  const risk = pick(riskLevels, p.get('risk'))
  if (risk) f.risk = risk
  const band = pick(scoreBands, p.get('band'))
  if (band) f.band = band
  const lastContact = pick(lastContactRanges, p.get('contact'))
  if (lastContact) f.lastContact = lastContact
  const lifecycle = pick(lifecycleStates, p.get('life'))
  if (lifecycle) f.lifecycle = lifecycle
  const consent = pick(consentFilters, p.get('consent'))
  if (consent) f.consent = consent
  return f
}

export function filterToParams(f: CustomerFilter, base: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base)
  const set = (k: string, v: string | undefined) => (v ? p.set(k, v) : p.delete(k))
  set('q', f.search)
  set('segment', f.segment)
  set('location', f.location)
  set('risk', f.risk)
  set('band', f.band)
  set('contact', f.lastContact)
  set('life', f.lifecycle)
  set('consent', f.consent)
  return p
}

export const isEmptyCustomerFilter = (f: CustomerFilter) => Object.values(f).every((v) => v === undefined || v === '')
