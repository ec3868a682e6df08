import { afterEach, describe, expect, it } from 'vitest'
import { exclusionReasons, type ContactRules, type ExclusionReason, type SurveyListRequest } from '../../../src-shared/api/customerContacts'
import { testAppInMemory, type TestApp } from '../../helpers/context'

// The survey list decides on every customer in one pass per fact (contactService.computeSurveyList).
// Here it must say exactly what the guard says when asked customer by customer (customers.contacts:
// the per-customer queries and guardViolations), on generated histories: responses, contact-log
// entries (some deleted, some dated ahead), consent set by hand, the kiosk's consented answers by
// e-mail (in other letter case), customers who left or will leave, missing or blank addresses.

const NOW = Date.UTC(2026, 10, 22, 3, 0, 0)
const DAY = 86_400_000
let app: TestApp | null = null
afterEach(async () => {
  await app?.cleanup()
  app = null
})

function random(seed: number) {
  let s = seed >>> 0
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] }
}

async function generatedHistory(seed: number, timezone: string, customers: number) {
  app = await testAppInMemory({ timezone })
  const open = app.ctx.session.require()
  const db = open.ws.sqlite
  const rnd = random(seed)
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const addCustomer = db.prepare('INSERT INTO customers (external_ref, name, email, phone, segment, location, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)')
  const emails: string[] = []
  for (let i = 1; i <= customers; i++) {
    const email = rnd.next() < 0.15 ? null : rnd.next() < 0.05 ? '  ' : rnd.pick([`c${i}@example.com`, `C${i}@Example.COM`, ` c${i}@example.com`])
    if (email?.trim()) emails.push(email)
    const churned = rnd.next() < 0.2 ? iso(NOW + (rnd.int(200) - 170) * DAY) : null // some leave later than today
    addCustomer.run(`R${i}`, rnd.next() < 0.1 ? null : `${rnd.pick(['Lan', 'Minh', 'Ánh', 'Somchai', 'lan', 'Zoe', ''])} ${rnd.int(40)}`, email, rnd.next() < 0.3 ? null : `+8490${i}`, rnd.pick(['Student', 'Office']), rnd.pick(['Hà Nội', 'Bangkok']), '2024-01-01', churned)
  }
  // Responses from 200 days back to 10 days ahead, a few without a customer; local_date as every writer stores it.
  const addResponse = db.prepare("INSERT INTO responses (dedup_key, customer_id, submitted_at, local_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', 0, 0)")
  for (let i = 0; i < customers * 3; i++) {
    const at = NOW + Math.round((rnd.next() * 210 - 200) * DAY)
    addResponse.run(`g${i}`, rnd.next() < 0.05 ? null : 1 + rnd.int(customers), at, open.localDateOf(at))
  }
  const addContact = db.prepare("INSERT INTO customer_contacts (customer_id, kind, purpose, channel, contacted_at, note, source, actor, created_at, deleted_at) VALUES (?, ?, 'feedback', 'phone', ?, NULL, 'manual', NULL, 0, ?)")
  for (let i = 0; i < customers * 2; i++)
    addContact.run(1 + rnd.int(customers), rnd.pick(['survey', 'call', 'message', 'followup']), NOW + Math.round((rnd.next() * 160 - 120) * DAY), rnd.next() < 0.1 ? NOW : null)
  const addConsent = db.prepare("INSERT OR REPLACE INTO customer_consents (customer_id, purpose, state, at, source, given_at, withdrawn_at, updated_at) VALUES (?, ?, ?, ?, 'manual', NULL, NULL, 0)")
  for (let i = 0; i < customers / 2; i++) addConsent.run(1 + rnd.int(customers), rnd.pick(['feedback', 'marketing']), rnd.pick(['given', 'withdrawn']), NOW - rnd.int(400) * DAY)
  // The kiosk: consented answers by e-mail, in any letter case as typed there is lower-cased on arrival; a few without a consent time.
  db.prepare("INSERT INTO surveys (name, metric, created_at, updated_at) VALUES ('Shop', 'nps', 0, 0)").run()
  db.prepare("INSERT INTO survey_links (survey_id, token, kind, created_at) VALUES (1, 'tok', 'qr', 0)").run()
  const addAnswer = db.prepare("INSERT INTO survey_answers (response_id, survey_id, link_id, client_id, language, contact_email, consent, consent_at, received_at) VALUES (?, 1, 1, ?, 'vi', ?, ?, ?, ?)")
  for (let i = 0; i < customers / 3; i++) {
    const at = NOW - rnd.int(300) * DAY - rnd.int(DAY)
    const r = addResponse.run(`k${i}`, null, at, open.localDateOf(at))
    const consent = rnd.next() < 0.8 ? 1 : 0
    addAnswer.run(r.lastInsertRowid, `c${i}`, rnd.next() < 0.1 ? 'someone@else.example' : rnd.pick(emails).trim().toLowerCase(), consent, consent && rnd.next() < 0.9 ? at : null, at)
  }
}

/** The list as the guard says it customer by customer: left, no address, then the guard's first violation (asked once per customer and rules: `verdicts`). */
async function perCustomer(req: SurveyListRequest, verdicts: Map<number, ExclusionReason | null>) {
  const a = app!
  const open = a.ctx.session.require()
  const today = open.localDateOf(NOW)
  const where = [req.segment ? 'segment = @segment' : null, req.location ? 'location = @location' : null].filter(Boolean)
  const rows = open.ws.sqlite
    .prepare(`SELECT id, email, phone, churned_at AS churnedAt FROM customers${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ifnull(name, ''), id`)
    .all({ ...(req.segment ? { segment: req.segment } : {}), ...(req.location ? { location: req.location } : {}) }) as Array<{ id: number; email: string | null; phone: string | null; churnedAt: string | null }>
  const excluded = Object.fromEntries(exclusionReasons.map((r) => [r, 0])) as Record<ExclusionReason, number>
  const eligible: number[] = []
  for (const c of rows) {
    let reason: ExclusionReason | null = null
    if (c.churnedAt !== null && c.churnedAt <= today) reason = 'left'
    else if (!(req.channel === 'email' ? c.email?.trim() : c.phone?.trim())) reason = 'noAddress'
    else {
      if (!verdicts.has(c.id)) verdicts.set(c.id, (await a.api.call('customers.contacts', { customerId: c.id })).survey.violations[0]?.rule ?? null)
      reason = verdicts.get(c.id)!
    }
    if (reason) excluded[reason]++
    else eligible.push(c.id)
  }
  return { considered: rows.length, excluded, eligible }
}

const RULES: ContactRules[] = [
  { surveyGapDays: 90, maxContacts: 3, windowDays: 30, strictConsent: false },
  { surveyGapDays: 90, maxContacts: 3, windowDays: 30, strictConsent: true },
  { surveyGapDays: 0, maxContacts: 2, windowDays: 7, strictConsent: false },
  { surveyGapDays: 30, maxContacts: 0, windowDays: 60, strictConsent: true },
  { surveyGapDays: 180, maxContacts: 1, windowDays: 120, strictConsent: false },
]

describe('the survey list in one pass', () => {
  for (const [seed, timezone] of [
    [1, 'Asia/Ho_Chi_Minh'],
    [2, 'Pacific/Kiritimati'], // UTC+14: the local date runs ahead of UTC's most
    [3, 'America/Santiago'], // behind UTC, with daylight saving
  ] as const)
    it(`says what the guard says customer by customer (${timezone})`, async () => {
      await generatedHistory(seed, timezone, 240)
      const requests: SurveyListRequest[] = [{ channel: 'email' }, { channel: 'zalo' }, { channel: 'email', segment: 'Student' }, { channel: 'sms', location: 'Bangkok', segment: 'Office' }]
      let eligibleSeen = 0
      const reasonsSeen = new Set<ExclusionReason>()
      for (const rules of RULES) {
        await app!.api.call('customers.saveContactRules', { rules })
        const verdicts = new Map<number, ExclusionReason | null>()
        for (const req of requests) {
          const fast = await app!.api.call('customers.surveyList', { ...req, previewLimit: 500 })
          const slow = await perCustomer(req, verdicts)
          expect({ considered: fast.considered, excluded: fast.excluded, eligible: fast.preview.map((r) => r.id) }, JSON.stringify({ rules, req })).toEqual(slow)
          expect(fast.eligible).toBe(slow.eligible.length)
          // A short preview is the start of the same list.
          expect((await app!.api.call('customers.surveyList', { ...req, previewLimit: 3 })).preview.map((r) => r.id)).toEqual(slow.eligible.slice(0, 3))
          eligibleSeen += slow.eligible.length
          for (const r of exclusionReasons) if (slow.excluded[r] > 0) reasonsSeen.add(r)
        }
      }
      // The history gave every rule something to do.
      expect(eligibleSeen).toBeGreaterThan(0)
      expect([...reasonsSeen].sort()).toEqual([...exclusionReasons].sort())
    }, 60_000)
})
