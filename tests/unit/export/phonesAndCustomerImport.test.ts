import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect, rows } from '../../helpers/importing'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { restoreNeutralised } from '../../../src-main/common/csvWriter'
import { phoneDigits } from '../../../src-shared/domain/contactKeys'

/*
 * Customer and survey-list exports write phones as digits (a leading '+' is a formula to a
 * spreadsheet, which the writer would neutralise as '+84…), and read back: a customer import maps
 * the exports' own customer_id / customer_ref headers, takes the digits for the same international
 * number, and strips the formula guard's apostrophe again.
 */
let app: TestApp
let target: OpenWorkspace
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh' })
  target = await freshWorkspace('Asia/Ho_Chi_Minh')
})
afterEach(async () => {
  target.ws.close()
  await app.cleanup()
})

const blank = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }
const lines = (path: string) => readFileSync(path, 'utf8').slice(1).split('\r\n').filter(Boolean)

async function twoCustomers() {
  await app.api.call('customers.save', { customer: { ...blank, ref: 'CUS-1', name: '=HYPERLINK("x")', email: 'a@example.com', phone: '+84 90 123 4567', segment: '-VIP' } })
  await app.api.call('customers.save', { customer: { ...blank, ref: 'CUS-2', name: 'Minh', email: 'minh@example.com', phone: '0912.345.678' } })
}

describe('phones in exports, and customer files back in', () => {
  it('writes phones as digits, never as a formula', () => {
    expect(phoneDigits('+84 90 123 4567')).toBe('84901234567')
    expect(phoneDigits('(+66) 81-234-5678')).toBe('66812345678')
    expect(phoneDigits('no phone')).toBe('no phone')
    expect(phoneDigits(null)).toBeNull()
    expect(restoreNeutralised("'+84 90")).toBe('+84 90')
    expect(restoreNeutralised("'=1")).toBe('=1')
    expect(restoreNeutralised("'quoted'")).toBe("'quoted'")
    expect(restoreNeutralised("'")).toBe("'")
  })

  it('a customer export: digits for phones, and it imports back with its refs, phones and formula-like names', async () => {
    await twoCustomers()
    const path = join(app.dir, 'customers.csv')
    await app.api.call('export.run', { exportId: 'customers-phones', what: 'customers', format: 'csv', filter: {}, fileId: destination(app, path, 'dataExport') })
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain("'+")
    const [header, ...body] = lines(path)
    expect(header.startsWith('customer_id,name,email,phone,')).toBe(true)
    expect(body.find((l) => l.startsWith('CUS-1,'))).toContain(`"'=HYPERLINK(""x"")",a@example.com,84901234567,'-VIP,`)
    expect(body.find((l) => l.startsWith('CUS-2,'))).toContain('Minh,minh@example.com,0912345678,')

    const insp = await inspect(target, path, 'customers')
    expect(insp.mapping.columns.find((c) => c.index === 0)?.role).toBe('customerId')
    expect(await importFile(target, path, insp.mapping)).toMatchObject({ kind: 'customers', imported: 2, rejected: 0 })
    expect(rows(target, 'SELECT external_ref, name, phone, segment FROM customers ORDER BY external_ref')).toEqual([
      { external_ref: 'CUS-1', name: '=HYPERLINK("x")', phone: '+84901234567', segment: '-VIP' },
      { external_ref: 'CUS-2', name: 'Minh', phone: '+84912345678', segment: null },
    ])
  })

  it('a survey list: digits for phones, and its customer_ref header maps to the customer', async () => {
    await twoCustomers()
    const path = join(app.dir, 'list.csv')
    await app.api.call('customers.surveyListExport', { channel: 'email', fileId: destination(app, path, 'dataExport') })
    const [header, ...body] = lines(path)
    expect(header).toBe('customer_ref,name,email,phone,segment,location')
    expect(body.sort()).toEqual([`CUS-1,"'=HYPERLINK(""x"")",a@example.com,84901234567,'-VIP,`, 'CUS-2,Minh,minh@example.com,0912345678,,'])

    const insp = await inspect(target, path, 'customers')
    expect(insp.mapping.columns.map((c) => c.role)).toEqual(['customerId', 'customerName', 'email', 'phone', 'segment', 'location'])
    await importFile(target, path, insp.mapping)
    expect(rows(target, 'SELECT external_ref, name, phone FROM customers ORDER BY external_ref')).toEqual([
      { external_ref: 'CUS-1', name: '=HYPERLINK("x")', phone: '+84901234567' },
      { external_ref: 'CUS-2', name: 'Minh', phone: '+84912345678' },
    ])
  })
})
