import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt } from '../../helpers/files'
import { importFile, rows } from '../../helpers/importing'
import { writeGeneratorCsv, type GeneratorRow } from '../../helpers/csv'
import { recordAnswer } from '../../../src-main/collection/answerService'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import type { ErasureMode } from '../../../src-shared/api/privacy'

/*
 * THE test of issue 17: erase a customer, then search the workspace file's bytes and its -wal for
 * their e-mail, phone and comment text, and find nothing — in both modes. And the figures: an
 * anonymised person's scores still count (NPS unchanged), a deleted person's do not (NPS as
 * computed by hand).
 */

let apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps) await a.cleanup()
  apps = []
})

const EMAIL = 'zelda.quarrington@example.org'
const PHONE_TYPED = '081 234 9876'
const PHONE_STORED = '+66812349876'
const REF = 'ZREF-991'
/** Words no other row uses, so their bytes are theirs alone (the index stores terms prefix-compressed). */
const WORDS = ['qqzebrafishy', 'jjxylophonic', 'vvmarmaladez']
const KIOSK_WORDS = ['kkwombatous']
/** Written in their contact log (customers' contact tables). */
const CONTACT_WORDS = ['ppcontactlogish']
/** Their segment: a dimension of the summaries, so also a value in rollup_values until erasure prunes it. */
const SEGMENT = 'sszeldasegment'

const others: GeneratorRow[] = [10, 9, 8, 6, 3, 10].map((score, i) => ({
  response_id: 100 + i,
  customer_id: `C${i}`,
  customer_email: `other${i}@example.com`,
  score,
  comment: i % 2 ? 'Good coffee and a friendly team' : 'Slow queue at lunch',
}))
const theirs: GeneratorRow[] = [
  { response_id: 1, customer_id: REF, customer_email: EMAIL, score: 2, comment: `${WORDS[0]} ${WORDS[1]} everywhere` },
  { response_id: 2, customer_id: REF, customer_email: EMAIL, score: 9, comment: `Really ${WORDS[2]}` },
  { response_id: 3, customer_id: REF, customer_email: EMAIL, score: 10, comment: '' },
]

/** The file and its WAL, as bytes. */
function fileBytes(path: string): Buffer {
  const parts = [readFileSync(path)]
  if (existsSync(`${path}-wal`)) parts.push(readFileSync(`${path}-wal`))
  return Buffer.concat(parts)
}

const needles = [EMAIL, PHONE_TYPED, PHONE_STORED, REF, SEGMENT, ...WORDS, ...KIOSK_WORDS, ...CONTACT_WORDS, `${WORDS[0]} ${WORDS[1]} everywhere`]
const found = (bytes: Buffer) => needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n.toLowerCase(), 'utf8')))

async function workspaceWithThem(a: TestApp) {
  const path = join(a.dir, 'shop.cxdesk')
  await createWorkspaceAt(a, path, { name: 'Shop', timezone: 'Asia/Bangkok' })
  const open = a.ctx.session.require()
  const csv = join(a.dir, 'answers.csv')
  writeGeneratorCsv(csv, [...others, ...theirs])
  const summary = await importFile(open, csv)
  expect(summary.imported).toBe(9)
  const [me] = rows<{ id: number }>(open, 'SELECT id FROM customers WHERE email = ?', EMAIL)
  // Their phone, a note about them, a note on their answer, a win-back action; a duplicate of them merged in.
  await a.api.call('customers.save', { id: me.id, customer: { ...BLANK, ref: REF, name: 'Zelda Quarrington', email: EMAIL, phone: PHONE_TYPED, segment: SEGMENT } })
  await a.api.call('customers.addNote', { customerId: me.id, body: `Called ${PHONE_TYPED} about the refund` })
  await a.api.call('customers.addNote', { customerId: me.id, body: 'Offered a free cake', kind: 'winback' })
  await a.api.call('customers.addContact', { customerId: me.id, contact: { kind: 'call', channel: 'phone', date: '2026-01-05', note: `${CONTACT_WORDS[0]} call back` }, acknowledge: true })
  await a.api.call('customers.setConsent', { customerId: me.id, purpose: 'marketing', state: 'given', date: '2026-01-05' })
  const dup = await a.api.call('customers.save', { customer: { ...BLANK, name: 'Zelda Q.', email: EMAIL.toUpperCase() } })
  await a.api.call('customers.merge', { keepId: me.id, mergeId: dup.customer.id })
  const [first] = rows<{ id: number }>(open, 'SELECT id FROM responses WHERE customer_id = ? ORDER BY id LIMIT 1', me.id)
  await a.api.call('feedback.addNote', { id: first.id, body: `She asked us to write to ${EMAIL}` })
  // Someone else's answer whose note names her: redacted, not deleted.
  const [other] = rows<{ id: number }>(open, 'SELECT r.id FROM responses r JOIN customers c ON c.id = r.customer_id WHERE c.email = ?', 'other0@example.com')
  await a.api.call('feedback.addNote', { id: other.id, body: `Friend of ${EMAIL}, came together` })
  // An answer from the kiosk with her contact details (consent ticked), linked to no customer.
  const survey = await a.api.call('collection.saveSurvey', { name: 'Counter', metric: 'nps', askComment: true, askContact: true, shopName: 'Shop', colour: '#2f6f5e', location: null, touchpoint: null })
  const outcome = recordAnswer(open, survey.links[0].token, { id: 'client-abcdefghijklmnop', score: 1, language: 'en', comment: `Too ${KIOSK_WORDS[0]}`, consent: true, contact: { name: 'Zelda', email: EMAIL, phone: PHONE_TYPED } }, a.ctx.clock.now())
  expect(outcome.kind).toBe('stored')
  // A saved search that names her.
  await a.api.call('views.save', { name: 'Zelda', query: `q=${EMAIL}` })
  return { path, open, customerId: me.id }
}

const BLANK = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }

const nps = async (a: TestApp) => (await a.api.call('metrics.series', { metric: 'nps', filter: {} })).overall

describe('erasing a customer', () => {
  for (const mode of ['anonymise', 'delete'] as ErasureMode[]) {
    it(`leaves none of their e-mail, phone or comment text in the file or its WAL (${mode})`, async () => {
      const a = testApp({ timezone: 'Asia/Bangkok' })
      apps.push(a)
      const { path, open } = await workspaceWithThem(a)
      // Everything is in the file (or its WAL) before: the search can find them.
      // (The phone as an import would normalise it is not there: the profile keeps it as typed; it is looked for after all the same.)
      expect(found(fileBytes(path)).sort()).toEqual(needles.filter((n) => n !== PHONE_STORED).sort())
      // Their segment is one of the summaries' values (so it would stay in the file with them).
      foldAll(open.ws.sqlite)
      expect(rows(open, 'SELECT id FROM rollup_values WHERE value = ?', SEGMENT)).toHaveLength(1)
      const before = await nps(a)
      expect(before.n).toBe(10)
      // Others 10 9 8 6 3 10, hers 2 9 10, the kiosk's 1: 5 promoters, 4 detractors of 10.
      expect(before.value).toBeCloseTo(10, 6)

      const preview = await a.api.call('privacy.previewErasure', { subject: { query: EMAIL } })
      expect(preview).toMatchObject({ foundBy: 'email', responses: 4, comments: 3, notes: 1, contacts: 1 })
      expect(preview.customers).toHaveLength(1)

      const result = await a.api.call('privacy.erase', { subject: { query: EMAIL }, mode, reason: `Asked by e-mail from ${EMAIL} on the phone ${PHONE_TYPED}` })
      expect(result).toMatchObject({ mode, customers: 1, responses: 4, comments: 3, notes: 1, contacts: 1, checkpointed: true })
      expect(result.tombstones).toBeGreaterThan(4)

      expect(found(fileBytes(path))).toEqual([])
      // And after closing (the WAL folded back into the file).
      await a.ctx.session.close()
      expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0)
      expect(found(readFileSync(path))).toEqual([])
      await a.api.call('workspace.open', { fileId: a.ctx.files.registerWorkspace(path) })

      const after = await nps(a)
      if (mode === 'anonymise') {
        expect(after.n).toBe(10)
        expect(after.value).toBeCloseTo(before.value!, 6)
      } else {
        // Others only: 10 9 8 6 3 10 → 3 promoters, 2 detractors of 6.
        expect(after.n).toBe(6)
        expect(after.value).toBeCloseTo(((3 - 2) / 6) * 100, 6)
      }
      const o = a.ctx.session.require()
      expect(rows(o, 'SELECT id FROM customers WHERE email LIKE ?', '%zelda%')).toEqual([])
      expect(rows(o, 'SELECT id FROM rollup_values WHERE value = ?', SEGMENT)).toEqual([])
      expect(rows(o, 'SELECT * FROM customer_merges')).toEqual([])
      expect(rows(o, 'SELECT * FROM customer_contacts')).toEqual([])
      expect(rows(o, 'SELECT * FROM customer_consents')).toEqual([])
      expect(rows<{ body: string }>(o, 'SELECT body FROM notes').map((n) => n.body)).toEqual(['Friend of [erased], came together'])
      // The search no longer finds their words; others' still are.
      expect((await a.api.call('feedback.list', { filter: { text: WORDS[0] }, limit: 10 })).total).toBe(0)
      expect((await a.api.call('feedback.list', { filter: { text: 'coffee' }, limit: 10 })).total).toBe(3)
      const left = rows<{ dedup_key: string; comment: string | null; customer_id: number | null }>(o, "SELECT dedup_key, comment, customer_id FROM responses WHERE dedup_key LIKE 'anon:%'")
      expect(left).toHaveLength(mode === 'anonymise' ? 4 : 0)
      for (const r of left) expect(r).toMatchObject({ comment: null, customer_id: null })
      void open
    })
  }

  it('keeps an audit entry without any identifier of the person', async () => {
    const a = testApp({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const { customerId } = await workspaceWithThem(a)
    await a.api.call('privacy.erase', { subject: { customerId }, mode: 'delete', reason: `Request from Zelda Quarrington (${EMAIL}, ${PHONE_TYPED})` })
    const log = await a.api.call('privacy.audit', {})
    // The setup's edit of their details is a rectification (no values logged either), then the erasure.
    expect(log.items.map((e) => e.action)).toEqual(['erase', 'rectify'])
    const entry = log.items[0]
    expect(entry).toMatchObject({ action: 'erase', reason: 'Request from [erased] ([erased], [erased])' })
    expect(entry.detail).toMatchObject({ mode: 'delete', foundBy: 'customer', customers: 1, responses: 4 })
    const text = JSON.stringify(log) + (await a.api.call('privacy.exportAudit', {})).csv
    for (const n of [EMAIL, PHONE_TYPED, PHONE_STORED, REF, 'Zelda', String(customerId) + ',']) expect(text).not.toContain(n)
    const csv = (await a.api.call('privacy.exportAudit', {})).csv
    expect(csv.startsWith('\uFEFFat,actor,action,reason,detail\r\n')).toBe(true)
    expect(csv.split('\r\n').find((l) => l.includes(',erase,'))).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+\+07:00,,erase,/)
  })

  it('keeps a later kiosk answer of an erased person only anonymously, and says so in the audit log', async () => {
    const a = testApp({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const { path, open } = await workspaceWithThem(a)
    await a.api.call('privacy.erase', { subject: { query: EMAIL }, mode: 'delete' })
    const [{ token }] = rows<{ token: string }>(open, 'SELECT token FROM survey_links LIMIT 1')
    const answer = (id: string, contact: { name?: string; email?: string; phone?: string }) =>
      recordAnswer(open, token, { id, score: 4, language: 'en', comment: `Back again ${KIOSK_WORDS[0]}`, consent: true, contact }, a.ctx.clock.now())
    // Her phone written another way is enough; someone else's answer is kept as given.
    expect(answer('client-erased-000000001', { name: 'Zelda', phone: '+66 81 234 9876' }).kind).toBe('stored')
    expect(answer('client-someone-00000001', { name: 'Mai', email: 'mai@example.com' }).kind).toBe('stored')
    const kept = rows<{ comment: string | null; respondent_email: string | null; contact_name: string | null; contact_phone: string | null; consent: number }>(
      open,
      'SELECT r.comment, r.respondent_email, a.contact_name, a.contact_phone, a.consent FROM survey_answers a JOIN responses r ON r.id = a.response_id ORDER BY r.id',
    )
    expect(kept).toEqual([
      { comment: null, respondent_email: null, contact_name: null, contact_phone: null, consent: 0 },
      { comment: `Back again ${KIOSK_WORDS[0]}`, respondent_email: 'mai@example.com', contact_name: 'Mai', contact_phone: null, consent: 1 },
    ])
    // Her score counts; the audit log says an answer was kept anonymously, naming no one.
    expect((await nps(a)).n).toBe(8)
    const log = await a.api.call('privacy.audit', {})
    expect(log.items.map((e) => e.action).filter((x) => x === 'kiosk.erased')).toHaveLength(1)
    expect(JSON.stringify(log)).not.toContain('Zelda')
    await a.ctx.session.close()
    expect(readFileSync(path).includes(Buffer.from('+66 81 234 9876'))).toBe(false)
  })

  it('says when nothing matches, and erases nothing', async () => {
    const a = testApp({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    await workspaceWithThem(a)
    expect((await a.api.call('privacy.previewErasure', { subject: { query: 'nobody@example.org' } })).foundBy).toBe('none')
    await expect(a.api.call('privacy.erase', { subject: { query: 'nobody@example.org' }, mode: 'delete' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await a.api.call('privacy.audit', {})).items.filter((e) => e.action === 'erase')).toEqual([])
  })

  it('finds them by phone written another way, and by customer id', async () => {
    const a = testApp({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const { customerId } = await workspaceWithThem(a)
    expect(await a.api.call('privacy.previewErasure', { subject: { query: '+66 81-234-9876' } })).toMatchObject({ foundBy: 'phone', responses: 4 })
    expect(await a.api.call('privacy.previewErasure', { subject: { query: String(customerId) } })).toMatchObject({ foundBy: 'id', responses: 4 })
  })
})
