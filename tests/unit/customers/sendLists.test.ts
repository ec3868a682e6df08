import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'

// The fake clock stands at 2026-11-22 03:00 UTC: 10:00 in Ho Chi Minh City.
const NOW = Date.UTC(2026, 10, 22, 3, 0, 0)
let app: TestApp
let dir: string
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh' })
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-send-list-'))
})
afterEach(() => app.cleanup())

const sqlite = () => app.ctx.session.require().ws.sqlite
type Fields = Record<'ref' | 'name' | 'email' | 'phone' | 'segment' | 'location' | 'customerSince' | 'churnedAt', string | null>
const blank: Fields = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }
async function customer(name: string, more: Partial<Fields> = {}) {
  return (await app.api.call('customers.save', { customer: { ...blank, name, ...more } })).customer.id
}
/** A file registered as the platform does (dialog, upload, CLI argument); requests carry its id. */
function file(name: string, lines: string[]) {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return app.ctx.files.register(path).id
}
const logged = () =>
  sqlite()
    .prepare("SELECT customer_id customerId, channel, contacted_at at, source, import_id importId FROM customer_contacts WHERE deleted_at IS NULL ORDER BY customer_id, contacted_at")
    .all() as Array<{ customerId: number; channel: string; at: number; source: string; importId: number | null }>

describe('send lists imported from a file', () => {
  it('finds each customer by id, e-mail or phone, records one survey contact per customer, day and channel, and reports bad rows by number', async () => {
    const an = await customer('An', { ref: 'C-1', email: 'an@example.com' })
    const binh = await customer('Bình', { email: 'binh@example.com' })
    const chi = await customer('Chi', { phone: '+84 912 345 678' })
    const lines = [
      'Customer ID,Email,Phone,Sent at,Channel',
      'C-1,,,15/11/2026,Zalo', // by id
      ',BINH@example.com,,16/11/2026,', // by e-mail (any case); channel from the request
      ',,0912345678,2026-11-17,sms', // by phone (the same full number, written nationally)
      'C-1,,,15/11/2026,zalo', // the same customer, day and channel again: once
      'C-9,,,15/11/2026,zalo', // nobody
      ',,,15/11/2026,zalo', // no key
      'C-1,,,31/02/2026,zalo', // not a date
      'C-1,,,01/12/2026,zalo', // in the future
      'C-1,,,15/11/2026,fax', // not a channel
      'C-1,,15/11/2026', // a broken row
    ]
    const fileId = file('sent.csv', lines)
    const preview = await app.api.call('customers.sendListPreview', { fileId, channel: 'email', dateOrder: 'dmy' })
    expect(preview).toMatchObject({ rowsRead: 10, matched: 4, recorded: 3, already: 1, rejected: 6, importId: null, dryRun: true })
    expect(preview.columns.map((c) => c.role)).toEqual(['customerId', 'email', 'phone', 'date', 'channel'])
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([
      [6, 'unknownCustomer'],
      [7, 'noKey'],
      [8, 'badDate'],
      [9, 'futureDate'],
      [10, 'badChannel'],
      [11, 'columnCount'],
    ])
    expect(logged()).toEqual([])

    const done = await app.api.call('customers.sendListImport', { fileId, channel: 'email', dateOrder: 'dmy' })
    expect(done).toMatchObject({ recorded: 3, already: 1, rejected: 6, dryRun: false })
    expect(done.importId).toBeGreaterThan(0)
    const noon = (d: string) => Date.parse(`${d}T12:00:00Z`)
    expect(logged()).toEqual([
      { customerId: an, channel: 'zalo', at: noon('2026-11-15'), source: 'send_list', importId: done.importId },
      { customerId: binh, channel: 'email', at: noon('2026-11-16'), source: 'send_list', importId: done.importId },
      { customerId: chi, channel: 'sms', at: noon('2026-11-17'), source: 'send_list', importId: done.importId },
    ])
    // The guard sees the survey: Bình may not be surveyed again within 90 days.
    const state = await app.api.call('customers.contacts', { customerId: binh })
    expect(state.survey.violations).toEqual([{ rule: 'recentSurvey', lastDate: '2026-11-16', allowedFrom: '2027-02-14' }])
    expect(state.contacts[0]).toMatchObject({ kind: 'survey', source: 'send_list', channel: 'email' })

    // Importing the same file again records nothing: every row is already in the log.
    const again = await app.api.call('customers.sendListImport', { fileId, channel: 'email', dateOrder: 'dmy' })
    expect(again).toMatchObject({ recorded: 0, already: 4, importId: null })
    expect(logged()).toHaveLength(3)

    const imports = await app.api.call('customers.sendListImports', {})
    expect(imports).toEqual([expect.objectContaining({ id: done.importId, fileName: 'sent.csv', rowsRead: 10, recorded: 3, already: 1, rejected: 6, undoneAt: null })])

    // Undo takes the whole import back, once.
    expect(await app.api.call('customers.sendListUndo', { importId: done.importId! })).toEqual({ removed: 3 })
    expect(logged()).toEqual([])
    await expect(app.api.call('customers.sendListUndo', { importId: done.importId! })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect((await app.api.call('customers.sendListImports', {}))[0].undoneAt).toBe(NOW)
    // After the undo the same file records again.
    expect(await app.api.call('customers.sendListImport', { fileId, channel: 'email', dateOrder: 'dmy' })).toMatchObject({ recorded: 3 })
  })

  it('a survey contact already in the log from the survey list counts as there; rows without a date take the given date or today', async () => {
    const an = await customer('An', { email: 'an@example.com' })
    const written = await app.api.call('customers.surveyListExport', { channel: 'email', fileId: app.ctx.files.registerDestination(join(dir, 'list.csv'), 'dataExport') })
    await app.api.call('customers.surveyListRecord', { token: written!.token }) // today, by e-mail
    const fileId = file('today.csv', ['email', 'an@example.com'])
    expect(await app.api.call('customers.sendListPreview', { fileId, channel: 'email' })).toMatchObject({ matched: 1, recorded: 0, already: 1 })
    // Through Zalo the same day is another contact; on a given date too.
    expect(await app.api.call('customers.sendListPreview', { fileId, channel: 'zalo' })).toMatchObject({ recorded: 1 })
    const dated = await app.api.call('customers.sendListImport', { fileId, channel: 'email', date: '2026-11-01' })
    expect(dated).toMatchObject({ recorded: 1 })
    expect(logged().find((c) => c.source === 'send_list')).toMatchObject({ customerId: an, at: Date.parse('2026-11-01T12:00:00Z') })
    // A row that names no channel, with none given: rejected, not guessed.
    expect(await app.api.call('customers.sendListPreview', { fileId })).toMatchObject({ rejected: 1, errors: [{ row: 2, code: 'noChannel' }] })
  })

  it('a map says which column is which; a map naming a missing column, a file without any key column and a future date are refused', async () => {
    const an = await customer('An', { ref: 'X1' })
    const fileId = file('odd.csv', ['Khách,Ngày gửi', 'X1,2026-11-20'])
    await expect(app.api.call('customers.sendListPreview', { fileId, channel: 'line' })).rejects.toMatchObject({ code: 'VALIDATION' })
    const r = await app.api.call('customers.sendListImport', { fileId, channel: 'line', map: [{ header: 'khách', role: 'customerId' }] })
    expect(r).toMatchObject({ recorded: 1, columns: [{ header: 'Khách', role: 'customerId' }, { header: 'Ngày gửi', role: 'date' }] })
    expect(logged()).toEqual([expect.objectContaining({ customerId: an, channel: 'line', at: Date.parse('2026-11-20T12:00:00Z') })])
    await expect(app.api.call('customers.sendListPreview', { fileId, channel: 'line', map: [{ header: 'Nope', role: 'email' }] })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(app.api.call('customers.sendListPreview', { fileId, channel: 'line', date: '2026-12-01' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('erasing a customer removes their imported contacts; the import keeps no personal data', async () => {
    const an = await customer('An', { email: 'an@example.com' })
    await app.api.call('customers.sendListImport', { fileId: file('e.csv', ['email', 'an@example.com']), channel: 'email' })
    sqlite().prepare('DELETE FROM customers WHERE id = ?').run(an)
    expect(logged()).toEqual([])
    expect(Object.keys(sqlite().prepare('SELECT * FROM contact_imports').get() as object)).toEqual(['id', 'file_name', 'rows_read', 'recorded', 'already', 'rejected', 'actor', 'created_at', 'undone_at'])
  })
})
