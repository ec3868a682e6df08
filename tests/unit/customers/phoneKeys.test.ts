import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { appsInZones, type TestApp } from '../../helpers/context'
import { phoneKey } from '../../../src-shared/domain/contactKeys'
import { importFile, inspect, rows } from '../../helpers/importing'

/*
 * A phone is keyed by its full international number (a national 09… taking the workspace zone's
 * country), not by its last nine digits: +84 912 345 678 (Vietnam) and +66 912 345 678 (Thailand)
 * are two people, whom the duplicates check, a data request and a send list must never confuse.
 * The same number written in its usual forms still meets, in a Vietnamese and in a Thai workspace.
 */
const VN = 'Asia/Ho_Chi_Minh'
const TH = 'Asia/Bangkok'

const appIn = appsInZones()
const blank = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }
const addCustomer = async (a: TestApp, name: string, phone: string) => (await a.api.call('customers.save', { customer: { ...blank, name, phone } })).customer.id
const phoneGroups = async (a: TestApp) =>
  (await a.api.call('customers.duplicates', {})).filter((g) => g.reason === 'phone').map((g) => g.customers.map((c) => c.id).sort((x, y) => x - y))

describe('phoneKey', () => {
  it('is the full number: a national number takes the zone’s country', () => {
    for (const t of ['+84 912 345 678', '0912345678', '0912.345.678', '091-234-5678', '84912345678', '0084 912 345 678', '(+84) 0912 345 678', '912345678'])
      expect(phoneKey(t, VN), t).toBe('84912345678')
    for (const t of ['+66 81 234 5678', '081 234 5678', '081-234-5678', '66812345678', '0066 81 234 5678', '812345678']) expect(phoneKey(t, TH), t).toBe('66812345678')
    expect(phoneKey('+66 912 345 678', VN)).toBe('66912345678')
    expect(phoneKey('0912345678', TH)).toBe('66912345678')
    expect(phoneKey('+84 912 345 678', TH)).toBe('84912345678')
  })

  it('keeps a national number national where the zone gives no country: it meets itself, never an international number', () => {
    expect(phoneKey('0912 345 678', 'Europe/Paris')).toBe('0912345678')
    expect(phoneKey('912345678', 'Europe/Paris')).toBe('0912345678')
    expect(phoneKey('+84 912 345 678', 'Europe/Paris')).toBe('84912345678')
    expect(phoneKey('+33 6 12 34 56 78', 'Europe/Paris')).toBe('33612345678')
  })

  it('is null for what is not a phone number', () => {
    for (const t of [null, '', 'call me', '12 34 56', '0912345678 / 0987654321', 'Zalo 0912 345 678, nhà 0243 826 1234']) expect(phoneKey(t, VN), String(t)).toBeNull()
  })

  it('finds the one number in a text that also holds words, as CRMs and hand entry write them', () => {
    for (const t of ['0912 345 678 (Zalo)', 'Zalo: 0912.345.678', '0912345678 ext 12', 'ĐT +84 912 345 678']) expect(phoneKey(t, VN), t).toBe('84912345678')
    expect(phoneKey('โทร 081-234-5678 (LINE)', TH)).toBe('66812345678')
  })
})

describe('the duplicates check', () => {
  it('never suggests merging the same national digits in two countries', async () => {
    const a = await appIn(VN)
    const vn = await addCustomer(a, 'Nguyễn Văn An', '+84 912 345 678')
    const th = await addCustomer(a, 'Somchai Jaidee', '+66 912 345 678')
    expect(await phoneGroups(a)).toEqual([])
    expect((await a.api.call('customers.get', { id: vn })).duplicates).toEqual([])
    expect((await a.api.call('customers.get', { id: th })).duplicates).toEqual([])
    // Namesakes with these two numbers are two people: not even shown as the same name.
    await a.api.call('customers.save', { id: th, customer: { ...blank, name: 'Nguyễn Văn An', phone: '+66 912 345 678' } })
    expect((await a.api.call('customers.duplicates', {})).filter((g) => g.reason === 'name')).toEqual([])
  })

  it('meets the same number in its written forms, in a Vietnamese workspace', async () => {
    const a = await appIn(VN)
    const ids = [await addCustomer(a, 'An', '+84 912 345 678'), await addCustomer(a, 'An N.', '0912345678'), await addCustomer(a, 'Nguyễn An', '84912345678')]
    await addCustomer(a, 'Somchai', '+66 912 345 678')
    expect(await phoneGroups(a)).toEqual([ids])
    const saved = await a.api.call('customers.save', { customer: { ...blank, name: 'Anh', phone: '0912.345.678' } })
    expect(saved.duplicates.map((d) => [d.id, d.reason])).toEqual(ids.map((id) => [id, 'phone']))
  })

  it('meets the same number in its written forms, in a Thai workspace (where 09… is Thai)', async () => {
    const a = await appIn(TH)
    const ids = [await addCustomer(a, 'Somchai', '+66 81 234 5678'), await addCustomer(a, 'Somchai J.', '081 234 5678'), await addCustomer(a, 'สมชาย', '66812345678')]
    await addCustomer(a, 'Minh', '+84 81 234 5678')
    const th = await addCustomer(a, 'Malee', '0912345678')
    const vn = await addCustomer(a, 'Lan', '+84 912 345 678')
    expect(await phoneGroups(a)).toEqual([ids])
    expect((await a.api.call('customers.get', { id: th })).duplicates).toEqual([])
    expect((await a.api.call('customers.get', { id: vn })).duplicates).toEqual([])
  })

  it('keys phones again when the workspace’s zone changes', async () => {
    const a = await appIn('Europe/Paris')
    const ids = [await addCustomer(a, 'An', '+84 912 345 678'), await addCustomer(a, 'An N.', '0912345678')]
    // A national number says no country in Paris: it cannot be the Vietnamese one.
    expect(await phoneGroups(a)).toEqual([])
    await a.api.call('workspace.setTimezone', { timezone: VN })
    expect(await phoneGroups(a)).toEqual([ids])
    await a.api.call('workspace.setTimezone', { timezone: TH })
    expect(await phoneGroups(a)).toEqual([])
  })
})

describe('a data request', () => {
  it('finds the person with that full number, never the other country’s', async () => {
    const a = await appIn(VN)
    const vn = await addCustomer(a, 'Nguyễn Văn An', '+84 912 345 678')
    const th = await addCustomer(a, 'Somchai Jaidee', '+66 912 345 678')
    const find = async (query: string) => (await a.api.call('customers.subjectFind', { query })).matches.map((m) => [m.id, m.matchedBy])
    for (const q of ['+84 912 345 678', '0912345678', '84912345678']) expect(await find(q), q).toEqual([[vn, 'phone']])
    for (const q of ['+66 912 345 678', '66912345678', '0066 912 345 678']) expect(await find(q), q).toEqual([[th, 'phone']])
  })
})

describe('a send list', () => {
  it('records each row for the customer with that full number', async () => {
    // The fake clock stands at 2026-11-22: the dates are in the past.
    const a = await appIn(VN)
    const vn = await addCustomer(a, 'Nguyễn Văn An', '+84 912 345 678')
    const path = join(a.dir, 'sent.csv')
    const lines = ['Phone,Sent at,Channel', '0912345678,2026-11-17,sms', '+66 912 345 678,2026-11-18,sms']
    writeFileSync(path, lines.join('\n') + '\n')
    const fileId = a.ctx.files.register(path).id
    // Only the Vietnamese customer exists: the Thai number names no one.
    const preview = await a.api.call('customers.sendListPreview', { fileId, channel: 'sms' })
    expect(preview).toMatchObject({ matched: 1, rejected: 1 })
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([[3, 'unknownCustomer']])

    const th = await addCustomer(a, 'Somchai Jaidee', '+66 912 345 678')
    expect(await a.api.call('customers.sendListImport', { fileId, channel: 'sms' })).toMatchObject({ recorded: 2, rejected: 0 })
    const logged = a.ctx.session
      .require()
      .ws.sqlite.prepare("SELECT customer_id customerId, contacted_at at FROM customer_contacts WHERE source = 'send_list' ORDER BY contacted_at")
      .all()
    const noon = (d: string) => Date.parse(`${d}T12:00:00Z`)
    expect(logged).toEqual([
      { customerId: vn, at: noon('2026-11-17') },
      { customerId: th, at: noon('2026-11-18') },
    ])
  })
})

describe('an import', () => {
  it('links a row to the customer whose phone was typed another way, never to another country’s number', async () => {
    const a = await appIn(VN)
    const an = await addCustomer(a, 'Nguyễn Văn An', '+84 912 345 678')
    const open = a.ctx.session.require()
    const path = join(a.dir, 'feedback.csv')
    writeFileSync(path, ['Date,NPS,Customer name,Phone', '2026-11-10,4,An Nguyen,0912345678', '2026-11-11,9,Somchai Jaidee,+66 912 345 678'].join('\n') + '\n')
    const { mapping } = await inspect(open, path)
    await importFile(open, path, mapping)
    const customers = rows<{ id: number; name: string; phone: string }>(open, 'SELECT id, name, phone FROM customers ORDER BY id')
    expect(customers).toHaveLength(2)
    expect(customers[0]).toMatchObject({ id: an, name: 'Nguyễn Văn An' })
    expect(customers[1]).toMatchObject({ name: 'Somchai Jaidee', phone: '+66912345678' })
    expect(rows(open, 'SELECT customer_id FROM responses ORDER BY submitted_at')).toEqual([{ customer_id: an }, { customer_id: customers[1].id }])
  })
})
