import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'

// The fake clock stands at 2026-11-22 03:00 UTC: 10:00 in Ho Chi Minh City.
const NOW = Date.UTC(2026, 10, 22, 3, 0, 0)
const DAY = 86_400_000
let app: TestApp
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh' })
})
afterEach(() => app.cleanup())

const sqlite = () => app.ctx.session.require().ws.sqlite
type Fields = Record<'ref' | 'name' | 'email' | 'phone' | 'segment' | 'location' | 'customerSince' | 'churnedAt', string | null>
const blank: Fields = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }
async function customer(name: string, more: Partial<Fields> = {}) {
  return (await app.api.call('customers.save', { customer: { ...blank, name, email: `${name.toLowerCase()}@example.com`, segment: 'Student', ...more } })).customer.id
}
/** A response of the customer at a UTC instant, with its local date in the workspace's zone (UTC+7). */
function response(customerId: number, at: number) {
  const local = new Date(at + 7 * 3_600_000).toISOString().slice(0, 10)
  sqlite()
    .prepare("INSERT INTO responses (dedup_key, customer_id, submitted_at, local_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', ?, ?)")
    .run(`t:${customerId}:${at}`, customerId, at, local, at, at)
}
const date = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)

describe('the survey list', () => {
  it('leaves customers out by the first rule that says no, and counts them per reason', async () => {
    const ok = await customer('Anh')
    await customer('Binh', { churnedAt: '2026-10-01', customerSince: '2025-01-01' }) // left
    await customer('Chi', { email: null }) // no e-mail for an e-mail send
    const withdrawn = await customer('Dung')
    await app.api.call('customers.setConsent', { customerId: withdrawn, purpose: 'feedback', state: 'withdrawn', date: '2026-11-01' })
    const answered = await customer('Em')
    response(answered, NOW - 89 * DAY) // answered 89 days ago: a survey contact within the 90 days
    const answeredLong = await customer('Giang')
    response(answeredLong, NOW - 90 * DAY) // exactly 90 days ago: allowed again
    const busy = await customer('Hoa')
    for (const days of [1, 5, 20]) await app.api.call('customers.addContact', { customerId: busy, contact: { kind: 'call', date: date(NOW - days * DAY) }, acknowledge: true })
    await customer('Khanh', { segment: 'Office' })

    const list = await app.api.call('customers.surveyList', { channel: 'email', segment: 'Student' })
    expect(list.considered).toBe(7)
    expect(list.excluded).toEqual({ left: 1, noAddress: 1, consent: 1, recentSurvey: 1, tooMany: 1 })
    expect(list.eligible).toBe(2)
    expect(list.preview.map((r) => r.id)).toEqual([ok, answeredLong])
    expect(list.today).toBe('2026-11-22')

    // Strict consent: unknown no longer counts as allowed; given does.
    await app.api.call('customers.saveContactRules', { rules: { ...list.rules, strictConsent: true } })
    await app.api.call('customers.setConsent', { customerId: ok, purpose: 'feedback', state: 'given', date: '2026-11-20' })
    const strict = await app.api.call('customers.surveyList', { channel: 'email', segment: 'Student' })
    expect(strict.preview.map((r) => r.id)).toEqual([ok])
    // Consent is checked first: Dung withdrew; Em, Giang and Hoa are unknown.
    expect(strict.excluded).toEqual({ left: 1, noAddress: 1, consent: 4, recentSurvey: 0, tooMany: 0 })
    // By phone: nobody has one.
    expect((await app.api.call('customers.surveyList', { channel: 'zalo' })).excluded).toMatchObject({ left: 1, noAddress: 7 })
  })

  it('takes the kiosk consent by e-mail, and its answer as a survey contact on its day', async () => {
    const id = await customer('Lan')
    await app.api.call('customers.saveContactRules', { rules: { surveyGapDays: 90, maxContacts: 3, windowDays: 30, strictConsent: true } })
    expect((await app.api.call('customers.surveyList', { channel: 'email' })).excluded.consent).toBe(1)
    const db = sqlite()
    db.prepare("INSERT INTO surveys (name, metric, created_at, updated_at) VALUES ('Shop', 'nps', 0, 0)").run()
    db.prepare("INSERT INTO survey_links (survey_id, token, kind, created_at) VALUES (1, 'tok', 'qr', 0)").run()
    const at = NOW - 200 * DAY
    db.prepare("INSERT INTO responses (dedup_key, submitted_at, local_date, status, created_at, updated_at) VALUES ('k', ?, '2026-05-06', 'new', ?, ?)").run(at, at, at)
    db.prepare("INSERT INTO survey_answers (response_id, survey_id, link_id, client_id, language, contact_email, consent, consent_at, received_at) VALUES (1, 1, 1, 'c1', 'vi', 'lan@example.com', 1, ?, ?)").run(at, at)
    expect((await app.api.call('customers.surveyList', { channel: 'email' })).eligible).toBe(1)
    const state = await app.api.call('customers.contacts', { customerId: id })
    expect(state.consent.find((c) => c.purpose === 'feedback')).toMatchObject({ state: 'given', source: 'kiosk', allowed: true })
    expect(state.consent.find((c) => c.purpose === 'marketing')).toMatchObject({ state: 'unknown', allowed: false })
    // A later withdrawal by hand wins over the older tick.
    await app.api.call('customers.setConsent', { customerId: id, purpose: 'feedback', state: 'withdrawn', date: '2026-11-01' })
    expect((await app.api.call('customers.surveyList', { channel: 'email' })).eligible).toBe(0)
    // The kiosk answer 10 days ago is a survey contact.
    await app.api.call('customers.setConsent', { customerId: id, purpose: 'feedback', state: 'given', date: '2026-11-21' })
    db.prepare("INSERT INTO responses (dedup_key, submitted_at, local_date, status, created_at, updated_at) VALUES ('k2', ?, ?, 'new', ?, ?)").run(NOW - 10 * DAY, date(NOW - 10 * DAY), NOW, NOW)
    db.prepare("INSERT INTO survey_answers (response_id, survey_id, link_id, client_id, language, contact_email, consent, consent_at, received_at) VALUES (2, 1, 1, 'c2', 'vi', 'lan@example.com', 1, ?, ?)").run(NOW - 10 * DAY, NOW - 10 * DAY)
    const list = await app.api.call('customers.surveyList', { channel: 'email' })
    expect(list.excluded.recentSurvey).toBe(1)
  })

  it('exports the list through the formula-safe CSV writer, records the send and takes it back', async () => {
    const a = await customer('=HYPERLINK("x")')
    const b = await customer('Minh')
    const out = join(app.dir, 'list.csv')
    const written = await app.api.call('customers.surveyListExport', { channel: 'email', fileId: destination(app, out, 'dataExport') })
    expect(written).toMatchObject({ path: out, rows: 2 })
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFFcustomer_ref,name,email,phone,segment,location\r\n')).toBe(true)
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    expect(text).toContain('Minh,minh@example.com')

    const sent = await app.api.call('customers.surveyListRecord', { token: written!.token })
    expect(sent.recorded).toBe(2)
    const again = await app.api.call('customers.surveyList', { channel: 'email' })
    expect(again).toMatchObject({ eligible: 0, excluded: { recentSurvey: 2 } })
    const state = await app.api.call('customers.contacts', { customerId: b })
    expect(state.contacts).toMatchObject([{ kind: 'survey', channel: 'email', source: 'survey_list', contactedAt: NOW }])
    expect(state.survey.violations).toEqual([{ rule: 'recentSurvey', lastDate: '2026-11-22', allowedFrom: '2027-02-20' }])
    // One export records one send.
    await expect(app.api.call('customers.surveyListRecord', { token: written!.token })).rejects.toMatchObject({ code: 'VALIDATION' })

    expect(await app.api.call('customers.undoSend', { send: sent.send })).toEqual({ removed: 2 })
    expect((await app.api.call('customers.surveyList', { channel: 'email' })).eligible).toBe(2)
    await expect(app.api.call('customers.undoSend', { send: sent.send })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect((await app.api.call('customers.contacts', { customerId: a })).contacts).toEqual([])
  })

  it('"I sent it" records exactly the list that was exported, not the rules applied again', async () => {
    const a = await customer('An')
    const b = await customer('Binh')
    const written = await app.api.call('customers.surveyListExport', { channel: 'email', fileId: destination(app, join(app.dir, 'sent.csv'), 'dataExport') })
    expect(written).toMatchObject({ rows: 2, token: expect.stringMatching(/^[0-9a-f]{32}$/) })
    // After the export: a new customer becomes eligible, and Binh withdraws consent. The file held An and Binh.
    const c = await customer('Chi')
    await app.api.call('customers.setConsent', { customerId: b, purpose: 'feedback', state: 'withdrawn', date: '2026-11-22' })
    expect((await app.api.call('customers.surveyList', { channel: 'email', previewLimit: 10 })).preview.map((r) => r.id)).toEqual([a, c])
    const sent = await app.api.call('customers.surveyListRecord', { token: written!.token })
    expect(sent.recorded).toBe(2)
    const surveyed = sqlite().prepare('SELECT customer_id FROM customer_contacts WHERE send_id = ? ORDER BY customer_id').pluck().all(sent.send)
    expect(surveyed).toEqual([a, b])
    // A token nobody issued is refused: export again.
    await expect(app.api.call('customers.surveyListRecord', { token: 'f'.repeat(32) })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('manual entry warns before crossing a rule, saves when acknowledged, and deletes with undo', async () => {
    const id = await customer('Nga')
    const add = (kind: 'survey' | 'call', acknowledge = false) => app.api.call('customers.addContact', { customerId: id, contact: { kind, channel: 'phone', date: '2026-11-22' }, acknowledge })
    expect((await add('survey')).saved).toMatchObject({ kind: 'survey', contactedAt: NOW })
    const second = await add('survey')
    expect(second).toEqual({ saved: null, violations: [{ rule: 'recentSurvey', lastDate: '2026-11-22', allowedFrom: '2027-02-20' }] })
    await add('call')
    await add('call')
    expect((await add('call')).violations).toEqual([{ rule: 'tooMany', count: 3, windowDays: 30, max: 3 }])
    const forced = await add('call', true)
    expect(forced.saved).not.toBeNull()
    expect((await app.api.call('customers.contacts', { customerId: id })).contacts).toHaveLength(4)
    await app.api.call('customers.deleteContact', { id: forced.saved!.id })
    expect((await app.api.call('customers.contacts', { customerId: id })).contacts).toHaveLength(3)
    await app.api.call('customers.restoreContact', { id: forced.saved!.id })
    expect((await app.api.call('customers.contacts', { customerId: id })).contacts).toHaveLength(4)
    await expect(app.api.call('customers.restoreContact', { id: forced.saved!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Marketing without consent is refused; consent is never dated in the future.
    expect((await app.api.call('customers.addContact', { customerId: id, contact: { kind: 'message', purpose: 'marketing', date: '2026-10-01' }, dryRun: true })).violations[0]).toMatchObject({ rule: 'consent', purpose: 'marketing' })
    await expect(app.api.call('customers.setConsent', { customerId: id, purpose: 'marketing', state: 'given', date: '2026-12-01' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('says whether a win-back action was followed by a response, a departure, 90 quiet days, or nothing yet', async () => {
    const id = await customer('Oanh', { customerSince: '2024-01-01' })
    const clock = app.ctx.clock as unknown as { set(ms: number): void }
    clock.set(NOW - 100 * DAY)
    await app.api.call('customers.addNote', { customerId: id, body: 'Called, offered a voucher', kind: 'winback' })
    clock.set(NOW - 5 * DAY)
    await app.api.call('customers.addNote', { customerId: id, body: 'Second call', kind: 'winback' })
    clock.set(NOW)
    let w = (await app.api.call('customers.contacts', { customerId: id })).winbacks
    expect(w.map((x) => [x.outcome, x.outcomeDate])).toEqual([
      ['stayed', date(NOW - 100 * DAY + 90 * DAY)],
      ['waiting', null],
    ])
    response(id, NOW - 2 * DAY)
    w = (await app.api.call('customers.contacts', { customerId: id })).winbacks
    expect(w.map((x) => [x.outcome, x.outcomeDate])).toEqual([
      ['responded', date(NOW - 2 * DAY)],
      ['responded', date(NOW - 2 * DAY)],
    ])
    await app.api.call('customers.save', { id, customer: { ...blank, name: 'Oanh', customerSince: '2024-01-01', churnedAt: '2026-11-21' } })
    w = (await app.api.call('customers.contacts', { customerId: id })).winbacks
    expect(w.map((x) => x.outcome)).toEqual(['churned', 'churned'])
  })

  it('filters the Customers list by consent (the kiosk tick included) and by last contact (the contact log included)', async () => {
    const given = await customer('Phuong')
    const withdrawn = await customer('Quang')
    const kiosk = await customer('Son')
    const unknown = await customer('Tam')
    await app.api.call('customers.setConsent', { customerId: given, purpose: 'feedback', state: 'given', date: '2026-11-01' })
    await app.api.call('customers.setConsent', { customerId: given, purpose: 'marketing', state: 'given', date: '2026-11-01' })
    await app.api.call('customers.setConsent', { customerId: withdrawn, purpose: 'feedback', state: 'withdrawn', date: '2026-11-01' })
    const db = sqlite()
    db.prepare("INSERT INTO surveys (name, metric, created_at, updated_at) VALUES ('Shop', 'nps', 0, 0)").run()
    db.prepare("INSERT INTO survey_links (survey_id, token, kind, created_at) VALUES (1, 'tok', 'qr', 0)").run()
    db.prepare("INSERT INTO responses (dedup_key, submitted_at, local_date, status, created_at, updated_at) VALUES ('k', ?, '2026-11-02', 'new', ?, ?)").run(NOW, NOW, NOW)
    db.prepare("INSERT INTO survey_answers (response_id, survey_id, link_id, client_id, language, contact_email, consent, consent_at, received_at) VALUES (1, 1, 1, 'c1', 'vi', 'son@example.com', 1, ?, ?)").run(NOW, NOW)
    const ids = async (filter: object) => (await app.api.call('customers.list', { filter })).items.map((c) => c.id).sort((a, b) => a - b)
    expect(await ids({ consent: 'feedbackGiven' })).toEqual([given, kiosk])
    expect(await ids({ consent: 'feedbackWithdrawn' })).toEqual([withdrawn])
    expect(await ids({ consent: 'feedbackUnknown' })).toEqual([unknown])
    expect(await ids({ consent: 'marketingGiven' })).toEqual([given])
    expect((await app.api.call('customers.count', { filter: { consent: 'feedbackGiven' } })).total).toBe(2)

    expect(await ids({ lastContact: 'never' })).toEqual([given, withdrawn, kiosk, unknown])
    await app.api.call('customers.addContact', { customerId: unknown, contact: { kind: 'call', date: '2026-11-20' } })
    expect(await ids({ lastContact: '30d' })).toEqual([unknown])
    expect(await ids({ lastContact: 'never' })).toEqual([given, withdrawn, kiosk])
  })

  it('a merge moves the contact log and keeps the later consent per purpose; undo puts both back', async () => {
    const kept = await customer('Uyen')
    const merged = await customer('Uyen2', { email: 'uyen@example.com' })
    await app.api.call('customers.setConsent', { customerId: kept, purpose: 'feedback', state: 'given', date: '2026-10-01' })
    await app.api.call('customers.setConsent', { customerId: merged, purpose: 'feedback', state: 'withdrawn', date: '2026-11-01' })
    await app.api.call('customers.setConsent', { customerId: merged, purpose: 'marketing', state: 'given', date: '2026-09-01' })
    await app.api.call('customers.addContact', { customerId: merged, contact: { kind: 'call', date: '2026-11-20' }, acknowledge: true })
    const m = await app.api.call('customers.merge', { keepId: kept, mergeId: merged })
    const after = await app.api.call('customers.contacts', { customerId: kept })
    expect(after.contacts).toHaveLength(1)
    expect(after.consent.map((c) => [c.purpose, c.state])).toEqual([
      ['feedback', 'withdrawn'],
      ['marketing', 'given'],
    ])
    await app.api.call('customers.undoMerge', { merge: m.merge })
    const keptBack = await app.api.call('customers.contacts', { customerId: kept })
    const mergedBack = await app.api.call('customers.contacts', { customerId: merged })
    expect(keptBack.contacts).toHaveLength(0)
    expect(keptBack.consent.map((c) => c.state)).toEqual(['given', 'unknown'])
    expect(mergedBack.contacts).toHaveLength(1)
    expect(mergedBack.consent.map((c) => c.state)).toEqual(['withdrawn', 'given'])
  })
})
