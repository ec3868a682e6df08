import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { proposeMapping } from '../../../src-main/import/mapping/proposeMapping'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { listFeedback } from '../../../src-main/feedback/feedbackService'
import { customerLabel } from '../../../src-shared/domain/customers'
import { freshWorkspace } from '../../helpers/db'
import { importFile, rows } from '../../helpers/importing'

let open: OpenWorkspace
let dir: string
beforeEach(async () => {
  open = await freshWorkspace('Asia/Ho_Chi_Minh')
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-customers-'))
})
afterEach(() => open.ws.close())

const csv = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

describe('customers from a feedback file', () => {
  it.each(['Customer', 'Customer name', 'Client', 'Khách hàng', 'Tên khách hàng', 'ลูกค้า', 'ชื่อลูกค้า'])('proposes "%s" as the customer', (header) => {
    const p = proposeMapping([['Date', 'NPS', header], ['2025-03-01 10:00', '9', 'Lan']], 'responses')
    expect(p.mapping.columns.find((c) => c.index === 2)?.role).toBe('customerName')
  })

  it('writes Vietnamese and Thai phones in one form', () => {
    for (const t of ['+84 912 345 678', '0912.345.678', '091-234-5678', '(+84) 0912 345 678', '84912345678'])
      expect(normalizePhone(t, 'Asia/Ho_Chi_Minh'), t).toBe('+84912345678')
    for (const t of ['+66 81 234 5678', '081-234-5678', '0066 81 234 5678', '081 234 5678']) expect(normalizePhone(t, 'Asia/Bangkok'), t).toBe('+66812345678')
    // A leading 0 says no country: outside Vietnam and Thailand it stays national.
    expect(normalizePhone('081-234-5678', 'Europe/Paris')).toBe('0812345678')
    expect(normalizePhone('call me', 'Asia/Bangkok')).toBeNull()
  })

  it('a phone links to the customer with that phone; a name alone is a customer of its own, never merged with a namesake', async () => {
    const path = csv('shop.csv', [
      'Date,NPS,Khách hàng,Số điện thoại',
      '2025-03-01 10:00,9,Lan,0912.345.678',
      '2025-03-02 10:00,3,Nguyễn Thị Lan,+84 912 345 678',
      '2025-03-03 10:00,10,สมชาย ใจดี,',
      '2025-03-04 10:00,4,สมชาย ใจดี,',
    ])
    expect(await importFile(open, path)).toMatchObject({ imported: 4 })
    const customers = rows<{ name: string; phone: string | null; n: number }>(
      open,
      'SELECT c.name, c.phone, count(r.id) n FROM customers c JOIN responses r ON r.customer_id = c.id GROUP BY c.id ORDER BY c.id',
    )
    expect(customers).toEqual([
      { name: 'Lan', phone: '+84912345678', n: 2 },
      { name: 'สมชาย ใจดี', phone: null, n: 1 },
      { name: 'สมชาย ใจดี', phone: null, n: 1 },
    ])
    // Importing the file again makes no customers.
    expect(await importFile(open, path)).toMatchObject({ imported: 0, duplicates: 4 })
    expect(rows<{ n: number }>(open, 'SELECT count(*) n FROM customers')[0].n).toBe(3)
  })

  it('the inbox list names the customer as the detail pane does (an e-mail, not "Anonymous")', async () => {
    const path = csv('gf.csv', ['Timestamp,Email Address,How likely are you to recommend us?', '2025/03/01 10:22:33 AM GMT+7,lan.nguyen@example.com,9'])
    await importFile(open, path)
    const { items } = await listFeedback(open, { limit: 10, withTotal: false })
    const item = items[0]
    expect(customerLabel({ name: item.customerName, email: item.customerEmail, phone: item.customerPhone, ref: item.customerRef })).toBe('lan.nguyen@example.com')
  })
})
