import type { ConsentState, ContactRules, GuardViolation, Purpose } from '../../src-shared/api/customerContacts'

/**
 * The contact-frequency guard and consent, as pure functions over local calendar dates (the
 * workspace's zone): "within 90 days" counts calendar days, so a survey on 1 March blocks the next
 * one until 30 May inclusive and allows it on 30 May + 1 = exactly 90 days later, whatever the hour.
 */

export const DEFAULT_CONTACT_RULES: ContactRules = { surveyGapDays: 90, maxContacts: 3, windowDays: 30, strictConsent: false }

/** Whole days from local date `from` to local date `to` (YYYY-MM-DD each). */
export function daysBetween(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000
  return Math.round(day(to) - day(from))
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000)
  return d.toISOString().slice(0, 10)
}

/** Unknown consent counts as allowed for feedback surveys (unless the workspace is strict) and never for marketing. */
export function consentAllows(state: ConsentState, purpose: Purpose, strict: boolean): boolean {
  if (state === 'given') return true
  if (state === 'withdrawn') return false
  return purpose === 'feedback' && !strict
}

/** What the guard knows of one customer: their consent and the local dates they were contacted. */
export interface GuardFacts {
  consent: ConsentState
  /** Local dates of survey contacts (surveys sent and responses). */
  surveys: readonly string[]
  /** Local dates of every contact (surveys, responses, calls, messages, follow-ups). */
  contacts: readonly string[]
}

/**
 * The rules a new contact of `kind` on local date `today` would cross, in the order they are said:
 * consent for the purpose, a survey within `surveyGapDays` days (surveys only), and the cap of
 * `maxContacts` within the last `windowDays` days (the new one would be one too many).
 * Contacts dated after `today` (entered ahead) count as well.
 */
export function guardViolations(facts: GuardFacts, contact: { kind: 'survey' | 'call' | 'message' | 'followup'; purpose: Purpose }, today: string, rules: ContactRules): GuardViolation[] {
  const out: GuardViolation[] = []
  if (!consentAllows(facts.consent, contact.purpose, rules.strictConsent)) out.push({ rule: 'consent', purpose: contact.purpose, consent: facts.consent })
  if (contact.kind === 'survey' && rules.surveyGapDays > 0) {
    let last: string | null = null
    for (const d of facts.surveys) if (Math.abs(daysBetween(d, today)) < rules.surveyGapDays && (last === null || d > last)) last = d
    if (last !== null) out.push({ rule: 'recentSurvey', lastDate: last, allowedFrom: addDays(last, rules.surveyGapDays) })
  }
  if (rules.maxContacts > 0) {
    let inWindow = 0
    for (const d of facts.contacts) {
      const ago = daysBetween(d, today)
      if (ago < rules.windowDays && ago > -rules.windowDays) inWindow++
    }
    if (inWindow >= rules.maxContacts) out.push({ rule: 'tooMany', count: inWindow, windowDays: rules.windowDays, max: rules.maxContacts })
  }
  return out
}

/** A stored consent entry (set by hand or imported) and the kiosk's consent tick: the later one says. */
export function resolveConsent(
  stored: { state: 'given' | 'withdrawn'; at: number; source: 'manual' | 'crm' | 'kiosk' } | null,
  kioskAt: number | null,
): { state: ConsentState; at: number | null; source: 'manual' | 'crm' | 'kiosk' | null } {
  if (stored && (kioskAt === null || stored.at >= kioskAt)) return stored
  if (kioskAt !== null) return { state: 'given', at: kioskAt, source: 'kiosk' }
  return { state: 'unknown', at: null, source: null }
}

/** A converter from local dates (YYYY-MM-DD) to whole day numbers, remembering the dates it has seen (a list over every customer meets the same few hundred dates again and again). */
export function dayNumbers(): (date: string) => number {
  const seen = new Map<string, number>()
  return (date) => {
    let n = seen.get(date)
    if (n === undefined) seen.set(date, (n = daysBetween('1970-01-01', date)))
    return n
  }
}

/** Whether a survey contact on day `day` keeps a survey on day `today` back (day numbers, see dayNumbers): it lies within the gap, before or after. */
export function surveyWithinGap(day: number, today: number, rules: ContactRules): boolean {
  return Math.abs(today - day) < rules.surveyGapDays
}

/** Whether a contact on day `day` counts toward the cap for a contact on day `today`: within the window, before or after. */
export function contactInWindow(day: number, today: number, rules: ContactRules): boolean {
  const ago = today - day
  return ago < rules.windowDays && ago > -rules.windowDays
}

/**
 * The first rule a survey for feedback would cross — the rule of guardViolations' first violation
 * for the same facts — from what one pass over a customer's contacts counts: whether a survey lies
 * within the gap (surveyWithinGap) and how many contacts lie within the window (contactInWindow).
 * The survey list asks this of every customer, and needs only which rule left each out.
 */
export function surveyVerdict(consent: ConsentState, surveyedWithinGap: boolean, contactsInWindow: number, rules: ContactRules): 'consent' | 'recentSurvey' | 'tooMany' | null {
  if (!consentAllows(consent, 'feedback', rules.strictConsent)) return 'consent'
  if (surveyedWithinGap) return 'recentSurvey'
  if (rules.maxContacts > 0 && contactsInWindow >= rules.maxContacts) return 'tooMany'
  return null
}

/** surveyVerdict over lists of day numbers: a customer's survey days and contact days. */
export function firstSurveyViolation(consent: ConsentState, surveyDays: readonly number[], contactDays: readonly number[], today: number, rules: ContactRules): 'consent' | 'recentSurvey' | 'tooMany' | null {
  let surveyed = false
  for (const d of surveyDays) if (surveyWithinGap(d, today, rules)) surveyed = true
  let inWindow = 0
  for (const d of contactDays) if (contactInWindow(d, today, rules)) inWindow++
  return surveyVerdict(consent, surveyed, inWindow, rules)
}
