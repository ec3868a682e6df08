import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { readConsentCell } from '../../../src-shared/domain/consentText'
import { setConsent } from '../../../src-main/customers/contactService'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect, rows } from '../../helpers/importing'

// The import's clock (helpers/importing.ts) stands at 2026-11-22 03:00 UTC.
const NOW = Date.UTC(2026, 10, 22, 3, 0, 0)
const noon = (date: string) => Date.parse(`${date}T12:00:00Z`)

let open: OpenWorkspace
let dir: string
beforeEach(async () => {
  open = await freshWorkspace('Asia/Ho_Chi_Minh')
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-crm-consent-'))
})
afterEach(() => open.ws.close())

const csv = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const consents = () =>
  rows<{ ref: string; purpose: string; state: string; at: number; source: string }>(
    open,
    'SELECT c.external_ref ref, k.purpose, k.state, k.at, k.source FROM customer_consents k JOIN customers c ON c.id = k.customer_id ORDER BY c.external_ref, k.purpose',
  )

describe('consent cells of a CRM export', () => {
  it.each([
    ['yes', 'given'], ['Yes', 'given'], ['TRUE', 'given'], ['1', 'given'], ['có', 'given'], ['Có', 'given'], ['co', 'given'], ['ใช่', 'given'],
    ['no', 'withdrawn'], ['false', 'withdrawn'], ['0', 'withdrawn'], ['không', 'withdrawn'], ['KHÔNG', 'withdrawn'], ['khong', 'withdrawn'], ['ไม่', 'withdrawn'],
    ['', null], ['  ', null], ['unknown', null],
  ] as const)('"%s" reads as %s', (text, state) => {
    expect(readConsentCell(text)).toBe(state)
  })

  it('anything else is not read (the row is reported)', () => {
    expect(readConsentCell('maybe')).toBe(false)
    expect(readConsentCell('2')).toBe(false)
  })
})

describe('consent imported with customers', () => {
  const file = () =>
    csv('crm.csv', [
      'Customer ID,Email,Feedback consent,Marketing consent,Consent date',
      'C1,an@example.com,yes,no,05/10/2026',
      'C2,binh@example.com,không,có,',
      'C3,chi@example.com,,,',
      'C4,dung@example.com,ใช่,,2026-09-01',
      'C5,em@example.com,maybe,yes,',
    ])

  it('proposes the consent roles from the headers, and stores consent with source crm', async () => {
    const insp = await inspect(open, file(), 'customers')
    expect(insp.mapping.columns.map((c) => c.role)).toEqual(['customerId', 'email', 'consentFeedback', 'consentMarketing', 'consentDate'])
    const s = await importFile(open, file(), { ...insp.mapping, dateOrder: 'dmy' })
    // C5's "maybe" is neither yes nor no: the row is rejected by number, nothing guessed.
    expect(s).toMatchObject({ kind: 'customers', imported: 4, rejected: 1 })
    expect(s.errors[0]).toMatchObject({ row: 6, column: 'Feedback consent', code: 'badConsent' })
    expect(consents()).toEqual([
      { ref: 'C1', purpose: 'feedback', state: 'given', at: noon('2026-10-05'), source: 'crm' },
      { ref: 'C1', purpose: 'marketing', state: 'withdrawn', at: noon('2026-10-05'), source: 'crm' },
      // No date in the file: the import's time.
      { ref: 'C2', purpose: 'feedback', state: 'withdrawn', at: NOW, source: 'crm' },
      { ref: 'C2', purpose: 'marketing', state: 'given', at: NOW, source: 'crm' },
      // C3's blanks are unknown: no entry at all.
      { ref: 'C4', purpose: 'feedback', state: 'given', at: noon('2026-09-01'), source: 'crm' },
    ])
    // Read back through the service: C1 may be surveyed, not sent marketing.
    const c1 = rows<{ id: number }>(open, "SELECT id FROM customers WHERE external_ref = 'C1'")[0].id
    const given = rows<{ given_at: number; withdrawn_at: number | null }>(open, "SELECT given_at, withdrawn_at FROM customer_consents WHERE customer_id = ? AND purpose = 'feedback'", c1)[0]
    expect(given).toEqual({ given_at: noon('2026-10-05'), withdrawn_at: null })
  })

  it('a check (dry run) stores nothing; importing again changes nothing; a later entry by hand stands against an older CRM date', async () => {
    const insp = await inspect(open, file(), 'customers')
    const mapping = { ...insp.mapping, dateOrder: 'dmy' as const }
    await importFile(open, file(), mapping, { dryRun: true })
    expect(consents()).toEqual([])
    await importFile(open, file(), mapping)
    const first = consents()
    await importFile(open, file(), mapping)
    expect(consents()).toEqual(first)

    // C1 withdraws by hand on 1 November; the CRM file still says yes as of 5 October: the withdrawal stands.
    const c1 = rows<{ id: number }>(open, "SELECT id FROM customers WHERE external_ref = 'C1'")[0].id
    await setConsent(open, { customerId: c1, purpose: 'feedback', state: 'withdrawn', date: '2026-11-01' }, NOW)
    await importFile(open, file(), mapping)
    expect(consents().find((c) => c.ref === 'C1' && c.purpose === 'feedback')).toMatchObject({ state: 'withdrawn', source: 'manual' })
    // A newer CRM file (dated after the withdrawal) says yes again: the later entry says.
    await importFile(open, csv('crm2.csv', ['Customer ID,Email,Feedback consent,Consent date', 'C1,an@example.com,yes,15/11/2026']), {
      ...(await inspect(open, join(dir, 'crm2.csv'), 'customers')).mapping,
      dateOrder: 'dmy',
    })
    expect(consents().find((c) => c.ref === 'C1' && c.purpose === 'feedback')).toMatchObject({ state: 'given', source: 'crm', at: noon('2026-11-15') })
  })
})
